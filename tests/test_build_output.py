"""What a build prints: only what an editor must act on. And bad data still fails ``mkdocs build`` itself.

Run as ./dev build runs it, without NO_MKDOCS_2_WARNING in the environment.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import Project, generate
from generator.errors import DataError
from tests.conftest import copy_project, edit
from tests.html import parse

pytestmark = pytest.mark.slow

EXPLAINER = Path(sys.executable).with_name("explainer")
OMITTED = 'The following pages exist in the docs directory, but are not included in the "nav" configuration:'


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {name: value for name, value in os.environ.items() if name != "NO_MKDOCS_2_WARNING"}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False)


def _omitted(stderr: str) -> list[str]:
    """The pages MkDocs lists as missing from the nav."""
    lines = stderr.splitlines()
    if not any(OMITTED in line for line in lines):
        return []
    start = next(index for index, line in enumerate(lines) if OMITTED in line) + 1
    listed = []
    for line in lines[start:]:
        if not line.startswith("  - "):
            break
        listed.append(line.removeprefix("  - "))
    return listed


def test_a_build_lists_only_hand_written_pages_missing_from_the_nav_and_no_banner(
    project_root: Path, tmp_path: Path
) -> None:
    """The pages made for each person, question, day and month are reached from their index pages, not the
    nav; a hand-written page left out of the nav is still named."""
    project = copy_project(project_root, tmp_path / "project")
    (project / "content" / "notes.md").write_text("# Notes\n\nNot in the nav.\n", encoding="utf-8")
    result = _run([str(EXPLAINER), "build", "--root", str(project)], project)
    assert result.returncode == 0, result.stderr
    assert _omitted(result.stderr) == ["notes.md"]
    assert "end of life" not in result.stderr
    assert "NO_MKDOCS_2_WARNING" not in result.stderr
    # No build outside the preview shows the problems panel (nor an empty banner where it would go).
    for page in ("index.html", "404.html", "people/kelly/index.html"):
        assert parse(project / "site" / page).select(".md-banner, .explainer-problems") == []


def test_plain_mkdocs_build_still_fails_on_bad_data_naming_every_problem(small_project: Path) -> None:
    edit(small_project / "data/events/2021-03-02-site-visit.yaml", "speaker: engineer", "speaker: enginer")
    with pytest.raises(DataError) as raised:
        generate(Project(small_project))
    result = _run([sys.executable, "-m", "mkdocs", "build", "--site-dir", "built"], small_project)
    assert result.returncode == 1
    assert f"The data has problems:\n{raised.value}\n" in result.stderr
    assert not (small_project / "built" / "index.html").exists()
