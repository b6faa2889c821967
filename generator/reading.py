"""Read a project's input files safely: inside the project, regular files, of a bounded size, as UTF-8 text.

Everything under data/ and content/ comes from whoever can open a pull request. A file must not make the
build hang (a FIFO), crash (a folder, a file it may not read, bytes that are not UTF-8) or publish what lies
outside the project (a link to /etc/passwd, whose text a problem report would otherwise echo).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.errors import Problem

MAX_FILE_BYTES = 1_048_576


def is_ignored(name: str) -> bool:
    """Hidden files and folders and editors' droppings (``.x.swp``, Emacs' ``.#x`` and ``#x#``, ``x~``)."""
    return name.startswith((".", "#")) or name.endswith("~")


def unreachable(root: Path, relative: str) -> Problem | None:
    """Why the project's file ``relative`` cannot be reached: missing, or leading out of the project by a link."""
    try:
        target = os.path.realpath(root / relative, strict=True)
    except FileNotFoundError:  # missing, or a link to nothing
        return Problem(relative, 1, 1, "(file)", "no such file", "this file to exist")
    except OSError as error:  # a loop of links, a folder it may not enter
        return _cannot(relative, "opened", error)
    if not Path(target).is_relative_to(os.path.realpath(root)):
        return Problem(relative, 1, 1, "(file)", "a link to a file outside the project", "a file inside it")
    return None


def read_text(root: Path, relative: str) -> tuple[str | None, list[Problem]]:
    """The text of the project's file ``relative`` (as problems name it), or None and why it cannot be read."""
    refused = unreachable(root, relative)
    if refused is not None:
        return None, [refused]
    try:
        # Not blocking: opening a FIFO would otherwise wait for a writer that never comes.
        with os.fdopen(os.open(root / relative, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC), "rb") as file:
            status = os.fstat(file.fileno())
            refused = _not_readable(relative, status)
            if refused is not None:
                return None, [refused]
            raw = file.read()
    except OSError as error:
        return None, [_cannot(relative, "read", error)]
    return _decode(raw, relative)


def _not_readable(relative: str, status: os.stat_result) -> Problem | None:
    """Why an opened file is not read: not a regular file, or too large."""
    if stat.S_ISDIR(status.st_mode):
        return Problem(relative, 1, 1, "(file)", "a folder", "a file")
    if not stat.S_ISREG(status.st_mode):
        return Problem(relative, 1, 1, "(file)", "a pipe, socket or device", "a file")
    if status.st_size > MAX_FILE_BYTES:
        found = f"a file of {status.st_size:,} bytes"
        return Problem(relative, 1, 1, "(file)", found, f"at most {MAX_FILE_BYTES:,} bytes")
    return None


def _cannot(relative: str, verb: str, error: OSError) -> Problem:
    return Problem(
        relative, 1, 1, "(file)", f"a file that cannot be {verb} ({error.strerror})", "a readable file"
    )


def _decode(raw: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        before = raw[: error.start].decode("utf-8")  # valid up to the error
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        found = f"a byte 0x{raw[error.start]:02x} that is not UTF-8"
        return None, [Problem(shown, line, column, "(file)", found, "text saved as UTF-8")]
