"""The built site in a real Chromium: pages load, the contrast table is visible, nothing leaves the machine."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.slow


def test_contrast_page_renders_in_chromium(page: Page, site_server: str) -> None:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(site_server + "contrast/")
    table = page.locator("table.ex-contrast__table")
    assert table.is_visible()
    assert table.locator("tbody tr").count() >= 4
    assert page.locator("td[data-speaker='John Kelly'] q").first.inner_text() != ""
    assert errors == []
    assert page.outside_requests == []  # type: ignore[attr-defined]


def test_quote_permalink_lands_on_the_quote(page: Page, site_server: str) -> None:
    page.goto(site_server + "timeline/2017-02-23/#quote-kelly-no-mass-deportations")
    figure = page.locator("#quote-kelly-no-mass-deportations")
    assert figure.is_visible()
    assert figure.locator("blockquote").inner_text() == "no mass deportations"
