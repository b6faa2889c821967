"""Builds are atomic and reproducible: a failed build leaves site/ byte for byte; the same input, the same bytes."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from generator.build import Project, build_site
from generator.errors import DataError
from tests.conftest import edit
from tests.payloads import payload_project

pytestmark = pytest.mark.slow


def snapshot(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def built(tmp_path: Path) -> tuple[Project, Path, dict[str, bytes]]:
    """A small project built once into tmp_path/out/site, and what that site holds."""
    project = Project(payload_project(tmp_path / "project", ()))
    site = tmp_path / "out" / "site"
    assert build_site(project, site) == 0
    return project, site, snapshot(site)


def _assert_untouched(site: Path, before: dict[str, bytes]) -> None:
    assert snapshot(site) == before
    assert [path.name for path in site.parent.iterdir()] == ["site"]  # no half-built folder left behind


def test_bad_data_leaves_the_site_as_it_was(built: tuple[Project, Path, dict[str, bytes]]) -> None:
    project, site, before = built
    edit(project.root / "data" / "people.yaml", "name: Ana Mayor", 'name: "Ana\\x00"')
    with pytest.raises(DataError):
        build_site(project, site)
    _assert_untouched(site, before)


@pytest.mark.parametrize(
    "link",
    ["[broken](nowhere.md)", "[broken anchor](timeline.md#no-such-anchor)", "[self anchor](#no-such-anchor)"],
)
def test_a_strict_mode_warning_leaves_the_site_as_it_was(
    built: tuple[Project, Path, dict[str, bytes]], link: str
) -> None:
    project, site, before = built
    edit(project.root / "content" / "about.md", "A page without embeds.", f"A page with {link}.")
    assert build_site(project, site) == 1
    _assert_untouched(site, before)


def test_an_engine_failure_leaves_the_site_as_it_was(built: tuple[Project, Path, dict[str, bytes]]) -> None:
    project, site, before = built
    edit(project.root / "mkdocs.yml", "name: material", "name: no-such-theme")
    assert build_site(project, site) != 0
    _assert_untouched(site, before)


def test_a_successful_build_replaces_the_site(built: tuple[Project, Path, dict[str, bytes]]) -> None:
    project, site, before = built
    edit(project.root / "content" / "about.md", "A page without embeds.", "A changed page.")
    assert build_site(project, site) == 0
    after = snapshot(site)
    assert after.keys() == before.keys()
    assert [name for name in after if after[name] != before[name]] == [
        "about/index.html",
        "search/search_index.json",
    ]


def test_the_same_input_builds_byte_identical_sites(
    built: tuple[Project, Path, dict[str, bytes]], tmp_path: Path
) -> None:
    """Built again (seconds later, into another folder): every byte the same, dated by the data."""
    project, _, before = built
    again = tmp_path / "again" / "site"
    assert build_site(project, again) == 0
    assert snapshot(again) == before
    with gzip.open(again / "sitemap.xml.gz") as sitemap:
        # No <lastmod> at all (overrides/sitemap.xml): a build date would tell crawlers every page changed.
        assert b"<lastmod>" not in sitemap.read()
    assert int.from_bytes(before["sitemap.xml.gz"][4:8], "little") == 1617235200  # 2021-04-01T00:00Z
