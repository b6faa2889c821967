"""The built site in a real Chromium: pages load, the contrast table is visible, nothing leaves the machine."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.hosting import local_page

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


def test_a_request_off_the_machine_is_recorded_and_never_answered(browser: Browser, site_server: str) -> None:
    """The guard the browser tests rely on can fail: a page that asks another host for an image (a name or a
    bare address) gets both recorded, and neither is answered (the proxy is a closed port)."""
    outside = ["https://cdn.example.com/font.woff2", "http://192.0.2.1/pixel.png"]
    guarded = local_page(browser, bypass_csp=True)  # the site's own policy would stop them first
    with pytest.raises(AssertionError, match="requests left the machine") as raised, guarded as page:
        page.goto(site_server + "contrast/")
        answered = page.evaluate(
            """async (urls) => Promise.all(urls.map((url) =>
                fetch(url, {mode: "no-cors"}).then(() => true, () => false)))""",
            outside,
        )
        assert answered == [False, False]
    assert str(raised.value) == f"requests left the machine: {outside}"
