"""axe-core in a real Chromium on every page type, in the light and the dark scheme; keyboard focus is visible."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, ViewportSize

from tests.hosting import axe_violations, local_page, pages_host, several_host

pytestmark = pytest.mark.slow
__all__ = ["pages_host", "several_host"]

PAGE_TYPES = {
    "home": "",
    "contrast": "contrast/",
    "timeline": "timeline/",
    "day": "timeline/2017-02-23/",
    "quote": "quotes/kelly-no-military-force/",
    "person": "people/kelly/",
    "people": "people/",
    "topic": "topics/military-operation/",
    "topics": "topics/",
    "sources": "sources/",
    "sources of a day": "sources/2017-02-23/",
    "corrections": "corrections/",
    "data": "data/",
    "method": "method/",
    "404": "no-such-page/",
}

# On a site of several explainers (tests/fixtures/two-explainers), the pages that differ from one explainer's.
SEVERAL_PAGE_TYPES = {
    "hub": "",
    "explainer's home": "school/",
    "explainer's contrast": "school/contrast/",
    "explainer's day": "bridge/timeline/2021-03-02/",
    "shared person": "people/mayor/",
    "shared people": "people/",
    "shared sources of a day": "sources/2021-05-10/",
    "corrections of each explainer": "corrections/",
    "site's data": "data/",
}


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_axe_finds_no_violations(
    browser: Browser, pages_host: str, kind: str, scheme: str, width: int
) -> None:
    """At a phone's width (where the contrast table is cards and the timeline picture is at its natural size)
    and a desktop's."""
    assert _axe(browser, pages_host + PAGE_TYPES[kind], scheme, width) == []


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", sorted(SEVERAL_PAGE_TYPES))
def test_axe_finds_no_violations_on_a_site_of_several_explainers(
    browser: Browser, several_host: str, kind: str, scheme: str, width: int
) -> None:
    assert _axe(browser, several_host + SEVERAL_PAGE_TYPES[kind], scheme, width) == []


def _axe(browser: Browser, url: str, scheme: str, width: int) -> list[str]:
    """axe-core's violations on the page at ``url``, in the colour ``scheme`` at a ``width`` px window."""
    viewport: ViewportSize = {"width": width, "height": 800 if width < 1000 else 900}
    with local_page(browser, color_scheme=scheme, viewport=viewport, bypass_csp=True) as page:
        page.goto(url)
        return axe_violations(page)


def test_axe_names_each_element_that_breaks_a_rule(browser: Browser) -> None:
    """The check above can fail: a page with two images without a text alternative gets both named."""
    with local_page(browser, bypass_csp=True) as page:
        page.set_content(
            '<html lang="en"><title>Images</title><main><h1>Images</h1><img id="a"><img id="b"></main></html>'
        )
        assert axe_violations(page) == ["image-alt (critical): ['#a']", "image-alt (critical): ['#b']"]
