"""The contrast table as a reader sees it in Chromium: the legend first, stances told apart without colour,
six columns only while each stays readable."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, ViewportSize

from tests.hosting import local_page, pages_host

pytestmark = pytest.mark.slow
__all__ = ["pages_host"]

PHONE: ViewportSize = {"width": 360, "height": 800}
TABLET: ViewportSize = {"width": 768, "height": 1000}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
# 20 characters of the table's 14 px text (7.06 px each, measured) plus the cell's padding and border.
READABLE_COLUMN = 156


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_the_stance_legend_is_read_before_the_table(
    browser: Browser, pages_host: str, viewport: ViewportSize
) -> None:
    with local_page(browser, viewport=viewport) as page:
        page.goto(pages_host + "contrast/")
        legend = page.locator(".ex-legend").bounding_box()
        table = page.locator("table.ex-contrast__table").bounding_box()
        assert legend is not None and table is not None
        assert legend["y"] + legend["height"] <= table["y"]
        assert page.locator(".ex-legend").is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_stance_has_its_own_mark_word_and_colour(browser: Browser, pages_host: str, scheme: str) -> None:
    with local_page(browser, viewport=DESKTOP, color_scheme=scheme) as page:
        page.goto(pages_host + "contrast/")
        badges = page.locator(".ex-legend .ex-stance").evaluate_all(
            """badges => badges.map(badge => [
                badge.innerText, getComputedStyle(badge, '::before').content, getComputedStyle(badge).color])"""
        )
    words = [word for word, _, _ in badges]
    marks = [mark for _, mark, _ in badges]
    colours = [colour for _, _, colour in badges]
    assert words == ["AFFIRMS", "DENIES", "QUALIFIES"]
    assert marks == ['"✓" / ""', '"✗" / ""', '"±" / ""']
    assert len(set(colours)) == 3


def test_six_columns_on_a_wide_screen_each_readable(browser: Browser, pages_host: str) -> None:
    with local_page(browser, viewport=DESKTOP) as page:
        page.goto(pages_host + "contrast/")
        table = page.locator("table.ex-contrast__table")
        assert table.evaluate("table => getComputedStyle(table).display") == "table"
        widths = page.locator("table.ex-contrast__table thead th").evaluate_all(
            "cells => cells.map(cell => cell.getBoundingClientRect().width)"
        )
        assert len(widths) == 6
        assert min(widths[1:]) >= READABLE_COLUMN


def test_cards_below_the_width_six_columns_need(browser: Browser, pages_host: str) -> None:
    """At 768 px six columns would be 101-142 px: each question is a card, speakers side by side in it."""
    with local_page(browser, viewport=TABLET) as page:
        page.goto(pages_host + "contrast/")
        card = page.locator("table.ex-contrast__table tbody tr").first
        assert card.evaluate("row => getComputedStyle(row).display") == "grid"
        cells = card.locator("td").evaluate_all(
            "cells => cells.map(cell => cell.getBoundingClientRect().width)"
        )
        assert min(cells) >= READABLE_COLUMN
        labels = card.locator("td").evaluate_all(
            "cells => cells.map(cell => getComputedStyle(cell, '::before').content)"
        )
        assert labels[0] == '"Donald Trump"'
        assert page.evaluate("document.documentElement.scrollWidth") <= TABLET["width"]
