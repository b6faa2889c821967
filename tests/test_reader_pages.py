"""Pages a reader lands on outside the data: an address that does not exist, and how to report a mistake."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser

from generator.siteconfig import load_config
from tests.conftest import ROOT
from tests.hosting import local_page, pages_host

pytestmark = pytest.mark.slow
__all__ = ["pages_host"]


def _soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_an_unknown_address_offers_the_main_pages(browser: Browser, pages_host: str) -> None:
    with local_page(browser, viewport={"width": 360, "height": 800}) as page:
        response = page.goto(pages_host + "people/no-such-person/")
        assert response is not None and response.status == 404
        assert page.locator("article h1").inner_text() == "Page not found"
        links = page.locator("article ul.ex-not-found a")
        names = [links.nth(index).inner_text() for index in range(links.count())]
        assert names == [
            "Home",
            "Who said what",
            "Timeline",
            "People",
            "Questions",
            "Sources",
            "How this is made",
            "Corrections",
            "Data",
        ]
        links.nth(names.index("Who said what")).click()
        page.wait_for_load_state()
        assert page.url == pages_host + "contrast/"
        assert page.locator("article h1").inner_text().startswith("Who said what")


def test_the_method_page_links_the_repository_issues_and_has_one_corrections_section(real_site: Path) -> None:
    repository = str(load_config(ROOT / "mkdocs.yml")["repo_url"]).rstrip("/")
    method = _soup(real_site, "method/index.html")
    article = method.select_one("article")
    assert article is not None
    report = article.find("a", string="open an issue in this project's repository")
    assert report is not None and report["href"] == f"{repository}/issues"
    headings = Counter(h2.get_text().rstrip("¶") for h2 in article.select("h2"))
    assert [heading for heading, count in headings.items() if count > 1] == []
    assert headings["Corrections"] == 1


def test_the_repository_link_asks_no_other_site_for_its_numbers(real_site: Path) -> None:
    """Material's script fetches stars and forks from the GitHub API for a marked source link."""
    home = _soup(real_site, "index.html")
    links = home.select("a.md-source")
    assert links and all(link["href"] == load_config(ROOT / "mkdocs.yml")["repo_url"] for link in links)
    assert home.select('[data-md-component="source"]') == []
