"""The footer's corrections link in a real Chromium: visible, readable (axe colour contrast) in light and dark."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from playwright.sync_api import Browser

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_footer_corrections_link_passes_colour_contrast(
    browser: Browser, site_server: str, scheme: Literal["light", "dark"]
) -> None:
    # bypass_csp: axe-core is injected as an inline script, which the site's own policy rightly refuses.
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(site_server + "timeline/")
        link = page.locator("footer a.ex-footer-corrections")
        assert link.is_visible()
        page.add_script_tag(path=str(AXE))
        result: dict[str, Any] = page.evaluate(
            "async () => await axe.run({include: [['footer.md-footer']]}, "
            "{runOnly: {type: 'rule', values: ['color-contrast']}})"
        )
        assert [violation["id"] for violation in result["violations"]] == []
        link.click()
        page.wait_for_url("**/corrections/")
        assert page.locator("article h1").inner_text().startswith("Corrections")
    finally:
        context.close()
