"""Find the data files of a project and read each one (no checks beyond what reading needs)."""

from __future__ import annotations

import os
import stat
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem
from generator.reading import is_ignored, read_text
from generator.yamlfile import LoadedFile, load_yaml

SETTINGS_FILE = "explainer.yaml"
PEOPLE_FILE = "people.yaml"
SOURCES_FILE = "sources.yaml"
TOPICS_FILE = "topics.yaml"
CORRECTIONS_FILE = "corrections.yaml"  # optional
EVENTS_DIR = "events"
EVENT_SUFFIX = ".yaml"
REQUIRED_FILES = (SETTINGS_FILE, PEOPLE_FILE, SOURCES_FILE, TOPICS_FILE)


@dataclass(frozen=True)
class LoadedData:
    """Every data file as read, by kind; a file that could not be read at all is None."""

    settings: LoadedFile | None
    people: LoadedFile | None
    sources: LoadedFile | None
    topics: LoadedFile | None
    events: tuple[LoadedFile, ...]
    problems: tuple[Problem, ...]
    corrections: LoadedFile | None = None
    unreadable_events: tuple[str, ...] = ()
    """Paths of event files that could not be read at all (not UTF-8, not YAML…)."""

    def files(self) -> tuple[LoadedFile, ...]:
        """Every data file that could be read."""
        files = (self.settings, self.people, self.sources, self.topics, self.corrections, *self.events)
        return tuple(file for file in files if file is not None)


def load_data(
    root: Path, data_dir: str = "data", registry_dir: str | None = None, parsed: ParsedFiles | None = None
) -> LoadedData:
    """Read ``root/data_dir``; paths in problems are relative to ``root``, as editors see them. With
    ``registry_dir`` (one explainer of several), people.yaml and sources.yaml are read from there instead.
    With ``parsed`` (the live preview's), a file unchanged since it was last read is not read again."""
    problems: list[Problem] = []
    read_now: list[str] = []

    def read(relative: str) -> LoadedFile | None:
        read_now.append(relative)
        loaded, found = parsed.load(root, relative) if parsed is not None else load_file(root, relative)
        problems.extend(found)
        return loaded

    shared = (PEOPLE_FILE, SOURCES_FILE)
    named = {
        name: read(f"{registry_dir if registry_dir and name in shared else data_dir}/{name}")
        for name in REQUIRED_FILES
    }
    event_files, found = _event_files(root, f"{data_dir}/{EVENTS_DIR}")
    problems += found
    events = {relative: read(relative) for relative in event_files}
    corrections = f"{data_dir}/{CORRECTIONS_FILE}"
    optional = read(corrections) if os.path.lexists(root / corrections) else None
    if parsed is not None:
        parsed.keep_only(read_now)
    return LoadedData(
        settings=named[SETTINGS_FILE],
        people=named[PEOPLE_FILE],
        sources=named[SOURCES_FILE],
        topics=named[TOPICS_FILE],
        events=tuple(event for event in events.values() if event is not None),
        problems=tuple(problems),
        corrections=optional,
        unreadable_events=tuple(path for path, event in events.items() if event is None),
    )


def load_file(root: Path, relative: str) -> tuple[LoadedFile | None, list[Problem]]:
    """The project's YAML file ``relative``, read (None if it cannot be), and every problem found."""
    text, problems = read_text(root, relative)
    if text is None:
        return None, problems
    return load_yaml(text, relative)


FileKey = tuple[int, int, int, int]
"""What tells a file's versions apart without reading it: its inode, modification and change times (in ns)
and size. An editor that saves by writing a new file and renaming it gives it a new inode."""


class ParsedFiles:
    """The data files as last read, each with its :data:`FileKey` then: the live preview reads again only the
    files that changed since its last build (kept on the MkDocs plugin, which lives through every rebuild).

    A link is read every time: its target may change without the link changing.
    """

    def __init__(self) -> None:
        self._read: dict[str, tuple[FileKey, LoadedFile | None, tuple[Problem, ...]]] = {}

    def load(self, root: Path, relative: str) -> tuple[LoadedFile | None, list[Problem]]:
        """:func:`load_file`'s answer, from the last reading when the file has not changed since."""
        key = _file_key(root / relative)
        kept = self._read.get(relative)
        if key is not None and kept is not None and kept[0] == key:
            return kept[1], list(kept[2])
        loaded, problems = load_file(root, relative)
        if key is not None:
            self._read[relative] = (key, loaded, tuple(problems))
        else:
            self._read.pop(relative, None)
        return loaded, problems

    def keep_only(self, paths: Collection[str]) -> None:
        """Forget every file but ``paths`` (those of the last reading): a removed file is not kept."""
        keep = set(paths)
        self._read = {path: kept for path, kept in self._read.items() if path in keep}


def _file_key(path: Path) -> FileKey | None:
    """The file's :data:`FileKey`; None for a link or what cannot be looked at (the reading says why)."""
    try:
        status = path.lstat()
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    return status.st_ino, status.st_mtime_ns, status.st_ctime_ns, status.st_size


def _event_files(root: Path, events_dir: str) -> tuple[list[str], list[Problem]]:
    """The event files (by path from ``root``, sorted), and a problem for each other name in the folder, which
    would otherwise be left out without a word. Hidden files and editors' droppings are ignored."""
    if not (root / events_dir).is_dir():
        return [], []
    try:
        names = sorted(path.name for path in (root / events_dir).iterdir() if not is_ignored(path.name))
    except OSError as error:
        found = f"a folder that cannot be listed ({error.strerror})"
        return [], [Problem(events_dir, 1, 1, "(file)", found, "a readable folder")]
    expected = "event files named ID.yaml (nothing else here is read)"
    return [f"{events_dir}/{name}" for name in names if name.endswith(EVENT_SUFFIX)], [
        Problem(f"{events_dir}/{name}", 1, 1, "(file)", "a name that does not end in .yaml", expected)
        for name in names
        if not name.endswith(EVENT_SUFFIX)
    ]
