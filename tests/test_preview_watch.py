"""The live preview is told of a save by the system; a file only read (every build reads the content folder)
is not a change, or each build would start the next."""

from __future__ import annotations

import queue
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler

from generator.preview_watch import ChangeObserver

# Bounds a stuck machine only: the save's notice comes at once.
LIMIT_S = 30


class _Seen(FileSystemEventHandler):
    def __init__(self) -> None:
        self.events: queue.Queue[FileSystemEvent] = queue.Queue()

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.events.put(event)


def test_a_read_is_not_a_change_and_a_save_is(tmp_path: Path) -> None:
    read, saved = tmp_path / "read.md", tmp_path / "saved.yaml"
    read.write_text("# Read\n", encoding="utf-8")
    saved.write_text("title: before\n", encoding="utf-8")
    seen = _Seen()
    observer = ChangeObserver()
    observer.schedule(seen, str(tmp_path), recursive=True)
    observer.start()
    try:
        assert read.read_text(encoding="utf-8") == "# Read\n"
        saved.write_text("title: after\n", encoding="utf-8")
        paths = []
        while str(saved) not in paths:
            paths.append(str(seen.events.get(timeout=LIMIT_S).src_path))
    finally:
        observer.stop()
        observer.join()
    # The notices come in order: the read, made first, would be before the save's.
    assert str(read) not in paths
