"""On a touch screen (no hover), heading permalinks (¶) are hidden: they showed as stray marks after headings."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.hosting import local_page, pages_host

pytestmark = pytest.mark.slow
__all__ = ["pages_host"]


@pytest.mark.parametrize(("touch", "display"), [(True, "none"), (False, "inline-block")])
def test_heading_permalinks_only_where_a_pointer_can_hover(
    browser: Browser, pages_host: str, touch: bool, display: str
) -> None:
    viewport = {"width": 360, "height": 800} if touch else {"width": 1280, "height": 900}
    with local_page(browser, viewport=viewport, has_touch=touch, is_mobile=touch) as page:
        page.goto(pages_host + "timeline/2017-02-23/")
        assert page.evaluate("matchMedia('(hover: none)').matches") is touch
        links = page.locator("h2 a.headerlink").evaluate_all(
            "links => links.map(link => getComputedStyle(link).display)"
        )
        assert links and set(links) == {display}
