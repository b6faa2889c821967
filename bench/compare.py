"""Whether a git revision and the working tree generate the same files, byte for byte.

``python -m bench.compare REV`` checks REV out into a temporary git worktree, then has each of the two
generate the real project and the benchmark's 1,000 synthetic quotes (the same input for both), each run in a
fresh Python process that imports that tree's code. It names every file that differs, or that only one of
them makes, and exits 1 if there is any; 0 when every file is the same.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench.synth import SIZES, make_project

ROOT = Path(__file__).resolve().parent.parent
SEED = 2017

# Run with the tree to compare as the working directory, which Python puts first on the module path.
_GENERATE = """
import hashlib, json, sys
from pathlib import Path
import generator
from generator.build import Project, generate
files = generate(Project(Path(sys.argv[1])))
digests = {path: hashlib.sha256(text.encode("utf-8")).hexdigest() for path, text in files.items()}
print(json.dumps({"code": generator.__file__, "files": digests}))
"""


def generated(tree: Path, project: Path) -> dict[str, str]:
    """The SHA-256 of each file the code in ``tree`` generates for ``project``, by path."""
    done = subprocess.run(
        [sys.executable, "-c", _GENERATE, str(project)],
        cwd=tree,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    outcome = json.loads(done.stdout)
    if not Path(outcome["code"]).resolve().is_relative_to(tree.resolve()):
        raise RuntimeError(f"the generator came from {outcome['code']}, not from {tree}")
    files: dict[str, str] = outcome["files"]
    return files


def differences(old: dict[str, str], new: dict[str, str]) -> list[str]:
    """One line per file that differs or that only one side has, sorted by path."""
    lines = []
    for path in sorted(old.keys() | new.keys()):
        if path not in new:
            lines.append(f"only in the revision: {path}")
        elif path not in old:
            lines.append(f"only in the working tree: {path}")
        elif old[path] != new[path]:
            lines.append(f"differs: {path}")
    return lines


def compare(revision: str, work: Path) -> dict[str, list[str]]:
    """The differences for each project, by its name."""
    thousand = next(size for size in SIZES if size.quotes == 1_000)
    projects = {"real": ROOT, thousand.name: make_project(ROOT, work / "thousand", thousand, SEED)}
    checkout = work / "revision"
    subprocess.run(
        ["git", "worktree", "add", "--quiet", "--detach", str(checkout), revision], cwd=ROOT, check=True
    )
    try:
        return {
            name: differences(generated(checkout, project), generated(ROOT, project))
            for name, project in projects.items()
        }
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(checkout)], cwd=ROOT, check=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bench.compare", description=__doc__.splitlines()[0] if __doc__ else None
    )
    parser.add_argument(
        "revision", help="a git revision to compare the working tree with, e.g. main or HEAD~3"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="explainer-compare-") as work:
        found = compare(args.revision, Path(work))
    for name, lines in found.items():
        print(f"{name}: " + ("the same files, byte for byte" if not lines else f"{len(lines)} files differ"))
        print("".join(f"  {line}\n" for line in lines), end="")
    return 1 if any(found.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
