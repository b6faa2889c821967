"""Output folders (site/, the docs and export folders) replaced as a whole, and safely.

Only a folder this tool made (it holds :data:`MARKER`), a new or an empty one is ever replaced; never the
project's inputs nor a folder holding them. The new content is completed in a staging folder beside the
target and swapped in with one ``rename`` (``RENAME_EXCHANGE``), so that there is no moment without a
complete folder. One command at a time replaces a folder in a given parent folder (an exclusive ``flock``);
staging folders left by a command that was killed are removed by the next one.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import secrets
import shutil
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

# Hidden, so that neither MkDocs nor Zensical copies it from a docs folder or cleans it from a site folder.
MARKER = ".explainer-output"
MARKER_TEXT = "Made by the explainer generator, which replaces this folder as a whole on every run.\n"

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
# What renameat2 answers when the file system or the kernel cannot exchange two names.
_CANNOT_EXCHANGE = frozenset({errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP})


class OutputFolderError(Exception):
    """A folder the tool was asked to replace that it must not (or not now); ``reason`` says why."""

    def __init__(self, path: Path, found: str, expected: str) -> None:
        self.path = path
        self.reason = f"{found}; expected {expected}"
        super().__init__(f"{path}: {self.reason}")


def replace_folder(target: Path, fill: Callable[[Path], int], *, inputs: Mapping[str, Path]) -> int:
    """Run ``fill`` on a new folder beside ``target``; when it returns 0, that folder replaces ``target``.

    Returns what ``fill`` returned (an exit status). ``inputs`` are the project's files and folders by the
    name shown in messages: ``target`` may not be, hold or lie inside any of them. Raises OutputFolderError
    before anything is written when ``target`` must not be replaced.
    """
    check_target(target, inputs)
    absolute = _absolute(target)
    with _reported_as(target):
        absolute.parent.mkdir(parents=True, exist_ok=True)
    with _locked(absolute.parent, target):
        check_target(target, inputs)  # again, under the lock: another command may have changed it since
        prefix = f".{absolute.name}-new-"
        staging = absolute.parent / f"{prefix}{os.getpid()}-{secrets.token_hex(4)}"
        try:
            with _reported_as(target):
                for stale in sorted(absolute.parent.iterdir()):
                    if stale.name.startswith(prefix) and _made_here(stale):
                        shutil.rmtree(stale)
                staging.mkdir()  # mode 0777 less the umask, as MkDocs and Zensical make folders
                mark(staging)
            code = fill(staging)
            if code == 0:
                with _reported_as(target):
                    mark(staging)  # again: an engine may have cleaned it
                    _swap_in(staging, absolute)
            return code
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def write_folder(
    target: Path,
    files: Mapping[str, str],
    *,
    copies: Mapping[str, Path],
    inputs: Mapping[str, Path],
    images: Mapping[str, bytes] | None = None,
) -> None:
    """Replace ``target`` with exactly ``files`` (text by relative path), ``images`` (bytes by relative path)
    and ``copies`` (files to copy)."""

    def fill(staging: Path) -> int:
        with _reported_as(target):
            for relative in [*files, *(images or {}), *copies]:
                (staging / relative).parent.mkdir(parents=True, exist_ok=True)
            for relative, text in files.items():
                (staging / relative).write_text(text, encoding="utf-8")
            for relative, data in (images or {}).items():
                (staging / relative).write_bytes(data)
            for relative, source in copies.items():
                shutil.copyfile(source, staging / relative)
        return 0

    replace_folder(target, fill, inputs=inputs)


def mark(folder: Path) -> None:
    """Mark ``folder`` as made by this tool, which may then replace it."""
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def check_target(target: Path, inputs: Mapping[str, Path]) -> None:
    """Raise OutputFolderError unless ``target`` may be replaced: see :func:`replace_folder`."""
    absolute = _absolute(target)
    if absolute.is_symlink():
        raise OutputFolderError(
            target, "a symbolic link", "a folder (a link is left alone, and so is what it points to)"
        )
    if absolute.exists() and not absolute.is_dir():
        raise OutputFolderError(target, "a file", "a folder")
    resolved = absolute.resolve()
    own = "a folder of its own for the output, which is replaced as a whole"
    for name, path in inputs.items():
        read = path.resolve()
        if resolved == read or resolved in read.parents:
            raise OutputFolderError(target, f"it is or holds the project's {name}", own)
        if read in resolved.parents:
            raise OutputFolderError(target, f"it lies inside the project's {name}", own)
    if absolute.is_dir() and any(absolute.iterdir()) and not _made_here(absolute):
        raise OutputFolderError(
            target,
            f"a folder with files in it but no {MARKER} file (this tool did not make it)",
            "a new or empty folder, or one this tool made",
        )


def _absolute(target: Path) -> Path:
    """``target`` made absolute (``.`` and ``..`` taken out) with its last name not resolved: a symbolic link
    is refused, not followed."""
    return Path(os.path.abspath(target))  # noqa: PTH100 (Path.resolve would follow the link)


def _made_here(folder: Path) -> bool:
    return not folder.is_symlink() and folder.is_dir() and (folder / MARKER).is_file()


@contextmanager
def _reported_as(target: Path) -> Iterator[None]:
    """What the system refused (a file in the way, no permission, a full disk, a mount point…) as an
    OutputFolderError naming the folder, not a traceback."""
    try:
        yield
    except OSError as error:
        raise OutputFolderError(
            target,
            f"it could not be written ({error.strerror}: {error.filename})",
            "a folder this user can make and replace",
        ) from None


@contextmanager
def _locked(parent: Path, target: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``parent`` (a folder, so no lock file is left behind), or refuse at once."""
    with _reported_as(target):
        descriptor = os.open(parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputFolderError(
                target,
                f"another explainer command is replacing a folder in {parent} now",
                "one at a time there: run this again when that one has finished",
            ) from None
        yield  # the lock goes with the descriptor
    finally:
        os.close(descriptor)


def _swap_in(staging: Path, target: Path) -> None:
    """Put ``staging`` in the place of ``target`` with no moment without a ``target``; remove the old one."""
    if not target.exists():
        staging.rename(target)
        return
    if not _exchange(staging, target):
        # No atomic exchange here (not Linux, or a file system without it): two renames, a moment apart.
        old = target.parent / f"{staging.name}-old"
        target.rename(old)
        staging.rename(target)
        staging = old
    shutil.rmtree(staging)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two names in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False where that is unavailable."""
    renameat2 = (
        getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None) if sys.platform == "linux" else None
    )
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    number = ctypes.get_errno()
    if number in _CANNOT_EXCHANGE:
        return False
    raise OSError(number, os.strerror(number), str(first), None, str(second))
