"""A date that validates builds: the first and last years the data may hold, and an explainer before 1970."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from generator.build import Project, build_site, load_dataset, source_date_epoch
from generator.dates import FIRST_YEAR, LAST_YEAR
from tests.conftest import SMALL, copy_project, edit

DATED = re.compile(r"\b(date|published|accessed|from|to): 20(\d\d)")


def moved_to(tmp_path: Path, century: str) -> Project:
    """The small fixture with every date of the data (and the day the home page embeds) moved to ``century``."""
    root = copy_project(SMALL, tmp_path / "project")
    for path in [*root.glob("data/*.yaml"), *root.glob("data/events/*.yaml")]:
        path.write_text(DATED.sub(rf"\1: {century}\2", path.read_text(encoding="utf-8")), encoding="utf-8")
    edit(root / "content/index.md", "2021-03-02", f"{century}21-03-02")
    return Project(root)


def test_an_explainer_before_1970_is_dated_1970(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert source_date_epoch(load_dataset(moved_to(tmp_path, "19"))) == "0"


@pytest.mark.slow
@pytest.mark.parametrize("century", ["19", "00"])
def test_an_explainer_before_1970_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, century: str
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert build_site(moved_to(tmp_path, century), tmp_path / "site") == 0
    assert (tmp_path / f"site/timeline/{century}21-03-02/index.html").is_file()


@pytest.mark.slow
@pytest.mark.parametrize("date", [f"{FIRST_YEAR:04d}-01-01", f"{LAST_YEAR}-12-31"])
def test_the_first_and_last_days_that_validate_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, date: str
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = copy_project(SMALL, tmp_path / "project")
    edit(root / "data/events/2021-04-council-vote.yaml", "date: 2021-04", f"date: {date}")
    assert build_site(Project(root), tmp_path / "site") == 0
    assert (tmp_path / f"site/timeline/{date}/index.html").is_file()
    with gzip.open(tmp_path / "site/sitemap.xml.gz") as sitemap:
        assert sitemap.read().startswith(b"<?xml")
