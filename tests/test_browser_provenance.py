"""The footer's corrections link in a real Chromium: visible, readable (axe colour contrast) in light and dark."""

from __future__ import annotations

from typing import Literal

import pytest
from playwright.sync_api import Browser

from tests.hosting import axe_violations

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_footer_corrections_link_passes_colour_contrast(
    browser: Browser, site_server: str, scheme: Literal["light", "dark"]
) -> None:
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(site_server + "timeline/")
        link = page.locator("footer a.ex-footer-corrections")
        assert link.is_visible()
        assert axe_violations(page, within="footer.md-footer", rules=("color-contrast",)) == []
        link.click()
        page.wait_for_url("**/corrections/")
        assert page.locator("article h1").inner_text().startswith("Corrections")
    finally:
        context.close()
