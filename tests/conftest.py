"""Shared fixtures: the project's own files, a small fixture dataset, and one real build of the site."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.build import Project, build_site

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The real explainer built once with MkDocs (strict), into a temporary folder."""
    site = tmp_path_factory.mktemp("real") / "site"
    assert build_site(Project(ROOT), site) == 0
    yield site
    shutil.rmtree(site, ignore_errors=True)


def copy_project(source: Path, target: Path) -> Path:
    """A throwaway copy of a project (config, data, content) that a test may change."""
    for name in ("mkdocs.yml", "data", "content"):
        path = source / name
        if path.is_dir():
            shutil.copytree(path, target / name)
        elif path.exists():
            shutil.copy2(path, target / name)
    return target
