"""How the live preview notices a save: the system tells it (inotify on Linux, FSEvents on macOS, the Windows
API), through watchdog's native observer, instead of MkDocs' polling.

MkDocs' server looks at every watched file twice a second (watchdog's polling observer): a save then waits a
quarter of a second on average before its rebuild starts, and an idle preview keeps a core busy in proportion
to the files it watches (thousands of event files in a large explainer). Told by the system, the rebuild starts
at once and an idle preview costs nothing. MkDocs polls so that a folder shared into a container or over the
network, whose changes the system does not report, is watched too: the preview is run on the computer that
holds the project (CONTRIBUTING.md).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirModifiedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch

# What a save, a new file, a removed or renamed one look like. Not a file opened or closed unwritten: every
# build reads the content folder, and those events would start the next rebuild, for ever.
CHANGES: tuple[type[FileSystemEvent], ...] = (
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileClosedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirModifiedEvent,
    DirMovedEvent,
)


class ChangeObserver(Observer):  # type: ignore[misc,valid-type]  # the platform's observer class
    """watchdog's native observer, told only of :data:`CHANGES` on each path the server watches."""

    def schedule(
        self,
        event_handler: FileSystemEventHandler,
        path: str,
        *,
        recursive: bool = False,
        event_filter: list[type[FileSystemEvent]] | None = None,
    ) -> ObservedWatch:
        return super().schedule(  # type: ignore[no-any-return]
            event_handler, path, recursive=recursive, event_filter=event_filter or list(CHANGES)
        )


def watch_natively(server: LiveReloadServer, config: MkDocsConfig) -> None:
    """Have ``server``, before it serves, watch what ``mkdocs serve`` has it watch so far (the config file, the
    content folder, the theme's with ``--watch-theme``) and every later path through a :class:`ChangeObserver`.
    Should it watch anything else already, it keeps MkDocs' polling."""
    polling = server.observer
    moved = []
    for path in dict.fromkeys([config.docs_dir, config.config_file_path, *config.theme.dirs]):
        try:
            server.unwatch(path)
        except KeyError:  # not watched
            continue
        moved.append(path)
    if not polling.emitters:
        server.observer = ChangeObserver()
    for path in moved:
        server.watch(path)
