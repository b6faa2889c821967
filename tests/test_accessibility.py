"""axe-core in a real Chromium on every page type, in the light and the dark scheme; keyboard focus is visible."""

from __future__ import annotations

from typing import Literal

import pytest
from playwright.sync_api import Browser

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


# Each page in the light and the dark scheme, at a phone's width (where the contrast table is cards and the
# timeline picture is at its natural size) and a desktop's.
SCHEMES: dict[Literal["light", "dark"], str] = {"light": "default", "dark": "slate"}  # the theme's names
WIDTHS = (360, 1280)


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_axe_finds_no_violations(browser: Browser, pages_host: str, kind: str) -> None:
    assert _axe_in_each_view(browser, pages_host + PAGE_TYPES[kind]) == {}


@pytest.mark.parametrize("kind", sorted(SEVERAL_PAGE_TYPES))
def test_axe_finds_no_violations_on_a_site_of_several_explainers(
    browser: Browser, several_host: str, kind: str
) -> None:
    # The fixture's mkdocs.yml configures no palette: the theme then has its one scheme, whatever is asked.
    assert _axe_in_each_view(browser, several_host + SEVERAL_PAGE_TYPES[kind], palette=False) == {}


def _axe_in_each_view(browser: Browser, url: str, *, palette: bool = True) -> dict[str, list[str]]:
    """axe-core's violations on the page at ``url`` in each scheme and width that has any. A tab per scheme
    (the theme keeps the scheme it picks on a page's first load for the next ones), loading the page at each
    width; on a site with a ``palette``, each load is checked to be in the scheme asked for."""
    found = {}
    for scheme, theme_scheme in SCHEMES.items():
        with local_page(browser, color_scheme=scheme, bypass_csp=True) as page:
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 800 if width < 1000 else 900})
                page.goto(url)
                shown = page.get_attribute("body", "data-md-color-scheme")
                assert shown == (theme_scheme if palette else None)
                violations = axe_violations(page)
                if violations:
                    found[f"{scheme}, {width} px"] = violations
    return found


def test_axe_names_each_element_that_breaks_a_rule(browser: Browser) -> None:
    """The check above can fail: a page with two images without a text alternative gets both named."""
    with local_page(browser, bypass_csp=True) as page:
        page.set_content(
            '<html lang="en"><title>Images</title><main><h1>Images</h1><img id="a"><img id="b"></main></html>'
        )
        assert axe_violations(page) == ["image-alt (critical): ['#a']", "image-alt (critical): ['#b']"]
