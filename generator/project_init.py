"""``explainer init DIR``: a new explainer project that builds at once, from ``generator/starter/``.

The starter holds the few hand-written files (config, a content frame, one commented example of each kind of
data, the editors' guide, the workflows, the editor settings); the JSON Schemas are generated. The example
data is marked ``EXAMPLE:`` so that ``--strict-content`` refuses it (:mod:`generator.examples`).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from generator import __version__
from generator.schema import schema_texts

SCHEMAS_DIR = "schemas"
REQUIREMENTS = "requirements.txt"
# Package data leaves out names starting with a dot, so these are stored without it.
_DOTTED = {"github": ".github", "vscode": ".vscode", "gitignore": ".gitignore"}


class InitError(Exception):
    """The folder cannot take a new project; the message says why."""


def requirements_text() -> str:
    """The new project's ``requirements.txt``: this generator, at this version."""
    return (
        "# The explainer generator, at the version this project was made with. Point it at where your\n"
        "# newsroom keeps the generator: a git URL (as here) or a wheel's path or address.\n"
        f"explainer-generator @ git+https://github.com/example/explainer@v{__version__}\n"
    )


def starter_files() -> dict[str, str]:
    """Every file of a new project by its path in it, sorted."""
    made = dict(_walk(files("generator").joinpath("starter"), ""))
    made[REQUIREMENTS] = requirements_text()
    made.update({f"{SCHEMAS_DIR}/{name}": text for name, text in schema_texts().items()})
    return dict(sorted(made.items()))


def _walk(folder: Traversable, prefix: str) -> Iterator[tuple[str, str]]:
    for entry in folder.iterdir():
        name = _DOTTED.get(entry.name, entry.name) if not prefix else entry.name
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _walk(entry, f"{prefix}{name}/")
        else:
            yield f"{prefix}{name}", entry.read_text(encoding="utf-8")


def init_project(target: Path) -> list[str]:
    """Write a new project into ``target`` (a new or empty folder); returns the paths written.

    Raises InitError, writing nothing, when ``target`` is a file or a folder that holds anything. The files
    are written into a new folder beside it first, so a failure leaves no half-made project.
    """
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        kind = "a folder that is not empty" if target.is_dir() else "not a folder"
        raise InitError(f"{target}: {kind}; expected a new or empty folder for the new project")
    made = starter_files()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    for path, text in made.items():
        (staging / path).parent.mkdir(parents=True, exist_ok=True)
        (staging / path).write_text(text, encoding="utf-8")
    if target.exists():  # an empty folder, which is kept (it may not be ours): the parts move into it
        for part in sorted(staging.iterdir()):
            part.rename(target / part.name)
        staging.rmdir()
    else:
        staging.chmod(0o777 & ~_umask())
        staging.rename(target)
    return list(made)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
