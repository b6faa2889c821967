"""mkdocs.yml's site_url comes from SITE_URL when the deploy workflow sets it, as MkDocs reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import Project, load_dataset
from generator.export import export_files
from generator.export.address import SiteAddress
from generator.siteconfig import load_config, site_url
from tests.conftest import ROOT

DEFAULT = "https://example.github.io/explainer/"


def test_the_default_address_is_used_without_site_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    assert site_url(ROOT / "mkdocs.yml") == DEFAULT


def test_site_url_from_the_environment_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_URL", "https://news.example.org/explainer/")
    assert site_url(ROOT / "mkdocs.yml") == "https://news.example.org/explainer/"
    assert Project(ROOT).site_url() == "https://news.example.org/explainer/"


def test_feed_ids_follow_the_published_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_URL", "https://news.example.org/explainer/")
    address = Project(ROOT).site_url()
    assert address is not None
    feed = export_files(load_dataset(Project(ROOT)), SiteAddress(address))["feed.xml"]
    assert "<id>https://news.example.org/explainer/timeline/2017-02-23/#event-" in feed
    assert "example.github.io" not in feed


def test_other_settings_read_as_plain_values(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: X\nsite_url: !ENV [EXPLAINER_TEST_UNSET_VARIABLE, 'https://a.example/']\n")
    assert load_config(config) == {"site_name": "X", "site_url": "https://a.example/"}
    assert site_url(tmp_path / "missing.yml") is None
