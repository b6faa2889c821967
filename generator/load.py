"""Find the data files of a project and read each one (no checks beyond what reading needs)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the data is read and checked (as a decorator, too).

    Reading and validating 10,000 quotes makes over a million objects (YAML nodes, values, models) and no
    reference cycles: reference counting frees each one dropped. The collector would still traverse the
    180,000 that live on at each of its full collections: a fifth of the time of load_data and validate.
    Afterwards it runs again (unless it was paused before).
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@collector_paused()
def load_data(root: Path, data_dir: str = "data") -> LoadedData:
    """Read ``root/data_dir``; paths in problems are relative to ``root``, as editors see them."""
    problems: list[Problem] = []

    def read(relative: str, path: Path | None = None) -> LoadedFile | None:
        path = path or root / relative
        if not path.is_file():
            problems.append(Problem(relative, 1, 1, "(file)", "no such file", "this file to exist"))
            return None
        loaded, found = load_file(path, relative)
        problems.extend(found)
        return loaded

    named = {name: read(f"{data_dir}/{name}") for name in REQUIRED_FILES}
    event_paths = sorted((root / data_dir / EVENTS_DIR).glob("*.y*ml"))
    by_relative = {path.relative_to(root).as_posix(): path for path in event_paths}
    events = {relative: read(relative, path) for relative, path in by_relative.items()}
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
