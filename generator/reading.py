"""Read a project's input files safely: inside the project, regular files, of a bounded size, as UTF-8 text.

Everything under data/ and content/ comes from whoever can open a pull request. A file must not make the
build hang (a FIFO), crash (a folder, a file it may not read, bytes that are not UTF-8) or publish what lies
outside the project (a link to /etc/passwd, whose text a problem report would otherwise echo).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem

MAX_FILE_BYTES = 1_048_576
PAGE_SUFFIX = ".md"


def is_ignored(name: str) -> bool:
    """Hidden files and folders and editors' droppings (``.x.swp``, Emacs' ``.#x`` and ``#x#``, ``x~``)."""
    return name.startswith((".", "#")) or name.endswith("~")


def unreachable(root: Path, relative: str) -> Problem | None:
    """Why the project's file ``relative`` cannot be reached: missing, or leading out of the project by a link."""
    try:
        target = os.path.realpath(root / relative, strict=True)
    except FileNotFoundError:
        if (root / relative).is_symlink():
            return Problem(relative, 1, 1, "(file)", "a link to nothing", "a file inside the project")
        return Problem(relative, 1, 1, "(file)", "no such file", "this file to exist")
    except OSError as error:  # a loop of links, a folder it may not enter
        return _cannot(relative, "opened", error)
    if not Path(target).is_relative_to(os.path.realpath(root)):
        return Problem(relative, 1, 1, "(file)", "a link to outside the project", "a file inside the project")
    return None


def read_text(root: Path, relative: str) -> tuple[str | None, list[Problem]]:
    """The text of the project's file ``relative`` (as problems name it), or None and why it cannot be read."""
    refused = unreachable(root, relative)
    if refused is not None:
        return None, [refused]
    try:
        # Not blocking: opening a FIFO would otherwise wait for a writer that never comes.
        descriptor = os.open(root / relative, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        try:
            status = os.fstat(descriptor)
            refused = _not_a_file(relative, status) or _too_large(relative, status)
            if refused is not None:
                return None, [refused]
            chunks = []
            while chunk := os.read(descriptor, MAX_FILE_BYTES):
                chunks.append(chunk)
        finally:
            os.close(descriptor)
    except OSError as error:
        return None, [_cannot(relative, "read", error)]
    return _decode(b"".join(chunks), relative)


def _not_a_file(relative: str, status: os.stat_result) -> Problem | None:
    if stat.S_ISDIR(status.st_mode):
        return Problem(relative, 1, 1, "(file)", "a folder", "a file")
    if not stat.S_ISREG(status.st_mode):
        return Problem(relative, 1, 1, "(file)", "a pipe, socket or device", "a file")
    return None


def _too_large(relative: str, status: os.stat_result) -> Problem | None:
    if status.st_size <= MAX_FILE_BYTES:
        return None
    found = f"a file of {status.st_size:,} bytes"
    return Problem(relative, 1, 1, "(file)", found, f"at most {MAX_FILE_BYTES:,} bytes")


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


@dataclass(frozen=True)
class Content:
    """The content folder as read, by path relative to it; hidden files and editors' droppings left out."""

    pages: dict[str, str]
    """The Markdown text of each hand-written page."""
    files: dict[str, Path]
    """Everything else (images, downloads…), copied as it is."""
    problems: tuple[Problem, ...]


def read_content(root: Path, content_dir: str) -> Content:
    """Read the project's ``content_dir``: every file must stay inside the project and be a regular file."""
    pages: dict[str, str] = {}
    files: dict[str, Path] = {}
    problems: list[Problem] = []
    for relative in _content_paths(root, content_dir, problems):
        shown = f"{content_dir}/{relative}"
        if relative.endswith(PAGE_SUFFIX):
            text, found = read_text(root, shown)
            problems += found
            if text is not None:
                pages[relative] = text
            continue
        refused = unreachable(root, shown) or _not_a_file(shown, (root / shown).stat())
        if refused is not None:
            problems.append(refused)
        else:
            files[relative] = root / shown
    return Content(pages, files, tuple(problems))


def _content_paths(root: Path, content_dir: str, problems: list[Problem]) -> list[str]:
    """The files under ``content_dir``, relative to it, sorted. Linked folders are not entered; one that leads
    out of the project is reported, as is a folder that cannot be listed."""
    base = root / content_dir

    def unlisted(error: OSError) -> None:
        shown = Path(str(error.filename)).relative_to(root).as_posix()
        problems.append(_cannot(shown, "listed", error))

    found: list[str] = []
    for folder, folders, names in os.walk(base, onerror=unlisted):
        here = Path(folder).relative_to(base)
        folders[:] = [name for name in folders if not is_ignored(name)]
        for name in folders:
            if (Path(folder) / name).is_symlink():
                refused = unreachable(root, f"{content_dir}/{(here / name).as_posix()}")
                problems += [refused] if refused is not None else []
        found += [(here / name).as_posix() for name in names if not is_ignored(name)]
    return sorted(found)
