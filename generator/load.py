"""Find the data files of a project and read each one (no checks beyond what reading needs)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem
from generator.parallel import Task, available_cpus, run_all
from generator.yamlfile import LoadedFile, load_file

SETTINGS_FILE = "explainer.yaml"
PEOPLE_FILE = "people.yaml"
SOURCES_FILE = "sources.yaml"
TOPICS_FILE = "topics.yaml"
CORRECTIONS_FILE = "corrections.yaml"  # optional
EVENTS_DIR = "events"
REQUIRED_FILES = (SETTINGS_FILE, PEOPLE_FILE, SOURCES_FILE, TOPICS_FILE)

# From about this many event files, reading them on every CPU pays for the forks (bench/, 2 CPUs: 200 files
# take 0.043 s on two processes against 0.051 s on one; 100 files, 0.022 s against 0.026 s; 50, 0.019 s
# against 0.013 s).
PARALLEL_FROM_EVENT_FILES = 100
# A child pickles the values it read and sends them back: about a third of the time reading took (bench/, 1,000
# files: 0.1 s against 0.3 s). In finer parts than one per process, the children take less for it.
_SENDING = 0.33
_PARTS_PER_PROCESS = 8


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
def load_data(root: Path, data_dir: str = "data", *, processes: int | None = None) -> LoadedData:
    """Read ``root/data_dir``; paths in problems are relative to ``root``, as editors see them.

    The event files are read on up to ``processes`` processes (by default one per CPU when there are many:
    :data:`PARALLEL_FROM_EVENT_FILES`); the result is the same.
    """
    problems: list[Problem] = []

    def read(relative: str) -> LoadedFile | None:
        loaded, found = _read(root / relative, relative)
        problems.extend(found)
        return loaded

    named = {name: read(f"{data_dir}/{name}") for name in REQUIRED_FILES}
    event_paths = sorted((root / data_dir / EVENTS_DIR).glob("*.y*ml"))
    by_relative = {path.relative_to(root).as_posix(): path for path in event_paths}
    events: dict[str, LoadedFile | None] = {}
    for relative, (loaded, found) in zip(by_relative, _load_files(by_relative, processes), strict=True):
        events[relative] = loaded
        problems.extend(found)
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


_Loaded = tuple[LoadedFile | None, list[Problem]]


def _read(path: Path, relative: str) -> _Loaded:
    """One data file, read (None if it cannot be), and its problems."""
    if not path.is_file():
        return None, [Problem(relative, 1, 1, "(file)", "no such file", "this file to exist")]
    return load_file(path, relative)


def _load_files(paths: dict[str, Path], processes: int | None) -> list[_Loaded]:
    """:func:`load_file` of each path (by the path editors see), in order, on up to ``processes`` processes."""
    if processes is None:
        processes = available_cpus() if len(paths) >= PARALLEL_FROM_EVENT_FILES else 1
    files = list(paths.items())
    processes = max(1, min(processes, len(files)))
    count = processes * _PARTS_PER_PROCESS if processes > 1 else 1
    parts = [files[len(files) * part // count : len(files) * (part + 1) // count] for part in range(count)]

    def loader(part: list[tuple[str, Path]]) -> Callable[[], list[_Loaded]]:
        return lambda: [_read(path, relative) for relative, path in part]

    tasks = [
        Task(f"event files, part {number}", len(part), loader(part), sending=_SENDING * len(part))
        for number, part in enumerate(parts)
    ]
    return [loaded for result in run_all(tasks, processes) for loaded in result]
