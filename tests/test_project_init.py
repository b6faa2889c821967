"""``explainer init``, ``--strict-content`` and the package's metadata (the fast part; tests/test_package.py
installs the wheel and builds with it)."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from click.testing import CliRunner

from generator import __version__
from generator.build import Project, generate_site
from generator.cli import main
from generator.project_init import init_project
from generator.schema import schema_texts
from tests.conftest import ROOT

EXPECTED = "expected your own text in its place, before the site is published"
FOUND = "the example text of explainer init (marked EXAMPLE:)"
STARTER = [
    ".github/workflows/check.yml",
    ".github/workflows/deploy.yml",
    ".gitignore",
    ".vscode/settings.json",
    "CONTRIBUTING.md",
    "README.md",
    "content/index.md",
    "content/method.md",
    "data/corrections.yaml",
    "data/events/2026-01-01-example-event.yaml",
    "data/explainer.yaml",
    "data/people.yaml",
    "data/sources.yaml",
    "data/topics.yaml",
    "mkdocs.yml",
    "package-lock.json",
    "package.json",
    "requirements.txt",
    *(f"schemas/{name}" for name in sorted(schema_texts())),
]


def test_init_writes_the_starter_project_which_is_valid(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path / "new")])
    assert result.exit_code == 0, result.output
    assert (
        result.output.splitlines()[0] == f"Created a new explainer project in {tmp_path / 'new'} (24 files)."
    )
    written = sorted(path.relative_to(tmp_path / "new").as_posix() for path in (tmp_path / "new").rglob("*"))
    assert [path for path in written if (tmp_path / "new" / path).is_file()] == sorted(STARTER)
    assert not [path for path in tmp_path.iterdir() if path.name != "new"], "no staging folder is left"
    pages = generate_site(Project(tmp_path / "new")).pages
    assert "contrast.md" in pages and "people/example-person.md" in pages


def test_init_refuses_a_folder_that_is_not_empty_and_leaves_it_alone(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {tmp_path}: a folder that is not empty; expected a new or empty folder for the new project\n"
    )
    assert [
        path.name for path in tmp_path.parent.iterdir() if path.name.startswith(f".{tmp_path.name}.")
    ] == []
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.txt"]


def test_init_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path / "taken")])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {tmp_path / 'taken'}: not a folder; expected a new or empty folder for the new project\n"
    )


def test_init_fills_an_empty_folder_and_keeps_it(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    inode = (tmp_path / "empty").stat().st_ino
    assert init_project(tmp_path / "empty") == sorted(STARTER)
    assert (tmp_path / "empty").stat().st_ino == inode
    assert sorted(path.name for path in tmp_path.iterdir()) == ["empty"]


def test_the_schemas_and_the_editor_settings_match(tmp_path: Path) -> None:
    init_project(tmp_path / "new")
    for name, text in schema_texts().items():
        assert (tmp_path / "new" / "schemas" / name).read_text(encoding="utf-8") == text
    settings = json.loads((tmp_path / "new" / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert all((tmp_path / "new" / schema).is_file() for schema in settings["yaml.schemas"])


def test_the_workflows_use_this_repositorys_pinned_actions(tmp_path: Path) -> None:
    init_project(tmp_path / "new")

    def actions(folder: Path) -> set[str]:
        texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.yml"))]
        return {match for text in texts for match in re.findall(r"uses: (\S+ # \S+)", text)}

    ours = actions(ROOT / ".github" / "workflows")
    theirs = actions(tmp_path / "new" / ".github" / "workflows")
    assert theirs and theirs <= ours
    assert all(re.fullmatch(r"[\w/-]+@[0-9a-f]{40} # v[\d.]+", action) for action in theirs)
    deploy = (tmp_path / "new" / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8")
    assert "run: explainer build --strict-content\n" in deploy


def test_strict_content_lists_every_example_text_and_builds_nothing(tmp_path: Path) -> None:
    project = tmp_path / "new"
    init_project(project)
    result = CliRunner().invoke(
        main, ["build", "--strict-content", "--root", str(project)], catch_exceptions=False
    )
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"content/index.md:1:3: (text): {FOUND}; {EXPECTED}"
    assert f"data/people.yaml:4:11: people[0].name: {FOUND}; {EXPECTED}" in lines
    assert f"mkdocs.yml:3:13: (text): {FOUND}; {EXPECTED}" in lines
    assert lines[-1] == "19 problems found in the data."
    assert not (project / "site").exists()


def test_strict_content_also_reports_the_other_problems(tmp_path: Path) -> None:
    project = tmp_path / "new"
    init_project(project)
    people = project / "data" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8").replace("from: 2025-01-01", "from: 2025-13-01"))
    result = CliRunner().invoke(main, ["validate", "--strict-content", "--root", str(project)])
    assert result.exit_code == 1
    assert any(
        line.startswith("data/people.yaml:8:15: people[0].roles[0].from: ")
        for line in result.output.splitlines()
    )
    assert result.output.splitlines()[-1] == "20 problems found in the data."


def test_strict_content_passes_once_the_example_is_replaced(project_root: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--strict-content", "--root", str(project_root)])
    assert result.exit_code == 0, result.output


def test_the_version_is_the_packages() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.output == f"explainer, version {__version__}\n"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "generator.__version__"}
    assert f"## {__version__}\n" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_the_starter_pins_this_repositorys_pagefind(tmp_path: Path) -> None:
    init_project(tmp_path / "new")
    ours = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    theirs = json.loads((tmp_path / "new" / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    pagefind = sorted(path for path in theirs if "pagefind" in path)
    assert "node_modules/pagefind" in pagefind
    for path in pagefind:
        assert theirs[path]["integrity"] == ours[path]["integrity"], path
