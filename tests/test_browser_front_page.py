"""The front page as a reader on a phone (360×800) sees it, with the real data; and what every page of the real
build says about people: no quote card twice on a page, John Kelly named by the post he held on 23 February 2017."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser

from tests.hosting import local_page

pytestmark = pytest.mark.slow

PHONE = {"width": 360, "height": 800}
SCREENS = 8  # the home page's most, in phone screens (it was 28.5 before the front page was made compact)


def _html_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if path.name != "sitemap.html")


def test_the_core_contrast_is_on_the_first_phone_screen(browser: Browser, site_server: str) -> None:
    with local_page(browser, viewport=PHONE) as page:
        page.goto(site_server)
        headline = page.locator("article h1")
        quotes = page.locator("article .ex-side-by-side figure")
        assert quotes.count() == 2
        boxes = [headline.bounding_box(), *(quotes.nth(index).bounding_box() for index in range(2))]
        assert all(box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 800 for box in boxes), (
            boxes
        )
        said = [[line for line in quotes.nth(index).inner_text().split("\n") if line] for index in range(2)]
        assert said == [
            [
                "it’s a military operation",
                "Donald Trump, President of the United States",
                "23 February 2017, event 1 of 4 that day · TheBlaze, ABC News · Full quote and sources",
            ],
            [
                "No, repeat, no, use of military force in immigration operations. None",
                "John Kelly, Secretary of Homeland Security",
                "23 February 2017, event 3 of 4 that day · ABC News · Full quote and sources",
            ],
        ]
        summary = page.locator("article p", has_text="What you need to know").bounding_box()
        assert summary is not None and summary["y"] + summary["height"] <= 800


def test_the_home_page_is_at_most_eight_phone_screens_tall(browser: Browser, site_server: str) -> None:
    with local_page(browser, viewport=PHONE) as page:
        page.goto(site_server)
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height <= SCREENS * PHONE["height"], f"{height} px is {height / PHONE['height']:.1f} screens"


def test_the_home_page_shows_its_byline_and_dates(browser: Browser, site_server: str) -> None:
    with local_page(browser, viewport=PHONE) as page:
        page.goto(site_server)
        byline = page.locator("article p.ex-byline")
        assert (
            byline.inner_text() == "By Explainer Team · Published 22 November 2026 · Updated 29 November 2026"
        )
        box = byline.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 800


def test_no_page_shows_a_quote_card_twice(real_site: Path) -> None:
    repeated = {}
    for path in _html_pages(real_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        cards = Counter(
            (figure.select_one(".ex-speaker").get_text(), figure.blockquote.get_text())  # type: ignore[union-attr]
            for figure in soup.select("article figure.ex-quote")
        )
        twice = sorted(card for card, count in cards.items() if count > 1)
        if twice:
            repeated[path.relative_to(real_site).as_posix()] = twice
    assert repeated == {}


def test_kelly_is_named_secretary_of_homeland_security(real_site: Path) -> None:
    people = BeautifulSoup((real_site / "people/index.html").read_text(encoding="utf-8"), "html.parser")
    lines = [item.get_text() for item in people.select("article ul.ex-people > li")]
    assert "John Kelly, Secretary of Homeland Security (6 quotes)" in lines
    assert "Enrique Peña Nieto, President of Mexico (not quoted in our sources)" in lines
    kelly = BeautifulSoup((real_site / "people/kelly/index.html").read_text(encoding="utf-8"), "html.parser")
    description = kelly.select_one('meta[name="description"]')
    assert description is not None
    assert description["content"] == (
        "What John Kelly (Secretary of Homeland Security) is quoted saying in this explainer: 6 quotes, each "
        "with its sources."
    )


def test_no_description_names_a_post_taken_after_the_events(real_site: Path) -> None:
    """Kelly became White House Chief of Staff in July 2017, months after the explainer's events."""
    wrong = []
    for path in _html_pages(real_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for meta in soup.select('meta[name="description"], meta[property="og:description"]'):
            if "Chief of Staff" in str(meta.get("content")):
                wrong.append(path.relative_to(real_site).as_posix())
    assert wrong == []
