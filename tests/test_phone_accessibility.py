"""axe-core at phone width, light and dark, on the pages whose layout changes there: the contrast table as cards,
the timeline picture at its natural size, a day page, and marked differences between printings."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, ViewportSize

from tests.hosting import local_page, pages_host
from tests.test_accessibility import AXE, _violations

pytestmark = pytest.mark.slow
__all__ = ["pages_host"]

PHONE: ViewportSize = {"width": 360, "height": 800}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["contrast/", "timeline/", "timeline/2017-02-23/", "people/kelly/"])
def test_axe_finds_no_violations_on_a_phone(
    browser: Browser, pages_host: str, path: str, scheme: str
) -> None:
    # bypass_csp: axe-core is injected as an inline script (see test_accessibility.py).
    with local_page(browser, color_scheme=scheme, viewport=PHONE, bypass_csp=True) as page:
        page.goto(pages_host + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document)")
        assert _violations(result) == []
