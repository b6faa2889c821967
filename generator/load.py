"""Find the data files of a project and read each one (no checks beyond what reading needs)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem
from generator.yamlfile import LoadedFile, load_file

SETTINGS_FILE = "explainer.yaml"
PEOPLE_FILE = "people.yaml"
SOURCES_FILE = "sources.yaml"
TOPICS_FILE = "topics.yaml"
CORRECTIONS_FILE = "corrections.yaml"  # optional
EVENTS_DIR = "events"
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


def load_data(root: Path, data_dir: str = "data") -> LoadedData:
    """Read ``root/data_dir``; paths in problems are relative to ``root``, as editors see them."""
    problems: list[Problem] = []

    def read(relative: str) -> LoadedFile | None:
        loaded, found = _read(root / relative, relative)
        problems.extend(found)
        return loaded

    named = {name: read(f"{data_dir}/{name}") for name in REQUIRED_FILES}
    event_paths = sorted((root / data_dir / EVENTS_DIR).glob("*.y*ml"))
    events = {
        relative: read(relative) for relative in (path.relative_to(root).as_posix() for path in event_paths)
    }
    corrections = f"{data_dir}/{CORRECTIONS_FILE}"
    optional = read(corrections) if (root / corrections).is_file() else None
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


def _read(path: Path, relative: str) -> tuple[LoadedFile | None, list[Problem]]:
    """One data file, read (None if it cannot be), and its problems."""
    if not path.is_file():
        return None, [Problem(relative, 1, 1, "(file)", "no such file", "this file to exist")]
    return load_file(path, relative)
