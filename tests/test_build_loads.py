"""``explainer build`` loads, validates and generates each edition once.

The check it makes before the engine runs (the one ``explainer validate`` makes) makes the main edition's pages,
which MkDocs then builds; each other edition's pages are made once, by the plugin. MkDocs runs in this process,
so every generation of a real build is counted here, the plugin's too.
"""

from __future__ import annotations

import logging
import os
import warnings
from dataclasses import replace
from pathlib import Path

import pytest
from mkdocs.commands.build import log as build_log

from generator import build
from generator.build import Generated, MadeSite, Project, build_site, generate_site
from generator.load import LoadedData, ParsedFiles, load_data
from generator.outputs import Options
from generator.validate import CheckedFiles
from tests.conftest import ROOT, SMALL, copy_project

pytestmark = pytest.mark.slow  # real MkDocs builds


def counted(monkeypatch: pytest.MonkeyPatch) -> tuple[list[Path], list[str]]:
    """The data folders loaded and the languages generated from now on, in order."""
    loads: list[Path] = []
    generations: list[str] = []
    generate = build._generate

    def counted_load(root: Path, data_dir: str, parsed: ParsedFiles | None = None) -> LoadedData:
        loads.append(root / data_dir)
        return load_data(root, data_dir, parsed=parsed)

    def counted_generate(
        project: Project,
        options: Options | None,
        parsed: ParsedFiles | None = None,
        last: Generated | None = None,
        checked: CheckedFiles | None = None,
    ) -> Generated:
        generations.append(options.language if options else "")
        return generate(project, options, parsed, last, checked)

    monkeypatch.setattr(build, "load_data", counted_load)
    monkeypatch.setattr(build, "_generate", counted_generate)
    return loads, generations


def test_a_build_of_two_editions_makes_each_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = Project(copy_project(ROOT, tmp_path / "project"))
    loads, generations = counted(monkeypatch)
    site = tmp_path / "site"

    assert build_site(project, site) == 0

    assert generations == ["en", "es"]
    assert loads == [project.root / "data"] * 2
    assert (site / "timeline/index.html").is_file()
    assert (site / "es/timeline/index.html").is_file()


def test_a_build_of_one_language_makes_its_pages_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = Project(copy_project(SMALL, tmp_path / "project"))
    loads, generations = counted(monkeypatch)

    assert build_site(project, tmp_path / "site") == 0

    assert generations == ["en"]
    assert loads == [project.root / "data"]


def test_the_engine_leaves_this_process_as_it_found_it(tmp_path: Path) -> None:
    """MkDocs runs here once per edition: its logging, warnings and environment are put back after each."""
    logger = logging.getLogger("mkdocs")

    def state() -> object:
        return (
            list(logger.handlers),
            logger.level,
            logger.propagate,
            list(build_log.filters),
            warnings.showwarning,
            list(warnings.filters),
            dict(os.environ),
        )

    before = state()
    assert build_site(Project(copy_project(ROOT, tmp_path / "project")), tmp_path / "site") == 0
    assert state() == before


def test_pages_made_for_other_options_are_not_the_ones_built(tmp_path: Path) -> None:
    """The check makes pages with directory URLs; a config without them gets the pages MkDocs expects."""
    root = copy_project(SMALL, tmp_path / "project")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "use_directory_urls: false\n", encoding="utf-8")
    site = tmp_path / "site"

    assert build_site(Project(root), site) == 0

    contrast = (site / "contrast.html").read_text(encoding="utf-8")  # the table's links are generated HTML
    assert '<a href="people/engineer.html">Ben Engineer</a>' in contrast
    assert 'href="../people/engineer/"' not in contrast


def test_the_pages_are_handed_over_once_and_only_for_what_they_were_made_for(tmp_path: Path) -> None:
    """The plugin that takes them is then their only holder, so that MkDocs can let each page go."""
    project = Project(copy_project(SMALL, tmp_path / "project"))
    options = Options(site_url=project.site_url())
    files = generate_site(project, options)
    made = MadeSite(project, options, files)

    assert made.take_files(project, replace(options, directory_urls=False)) is None
    assert made.take_files(replace(project, data_dir="other"), options) is None
    assert made.take_files(Project(project.root.parent / "project" / "."), options) is files
    assert made.take_files(project, options) is None
