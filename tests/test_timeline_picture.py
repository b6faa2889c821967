"""The timeline picture: titles wrapped between words, sized for a phone, times of day where the data has them."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, ViewportSize

from generator.build import Project, generate
from generator.render.timeline_svg import WIDTH, wrapped
from tests.conftest import SMALL
from tests.hosting import local_page, pages_host
from tests.html import one, text_of

__all__ = ["pages_host"]

PHONE: ViewportSize = {"width": 360, "height": 800}
TITLE = "Kelly rules out mass deportations and military force in Mexico City"


def test_a_title_is_wrapped_between_words() -> None:
    lines = wrapped(TITLE, 27, 3)
    assert lines == ["Kelly rules out mass", "deportations and military", "force in Mexico City"]
    assert " ".join(lines) == TITLE


def test_a_title_too_long_for_its_lines_ends_with_an_ellipsis_after_a_whole_word() -> None:
    assert wrapped(TITLE, 27, 2) == ["Kelly rules out mass", "deportations and military…"]


def test_the_small_sites_picture_fits_a_phone_and_gives_the_time_of_day() -> None:
    page = BeautifulSoup(generate(Project(SMALL))["timeline/2021-03-02.md"], "html5lib")
    svg = one(page, "svg.ex-tl")
    assert svg["width"] == str(WIDTH)
    about = [text_of(text) for text in svg.select("text.ex-tl__who")]
    assert about == ["Speakers: Ana Mayor", "16:30+01:00 · Speakers: Ben Engineer"]


@pytest.mark.slow
@pytest.mark.parametrize("path", ["timeline/", "timeline/2017-02-23/"])
def test_the_picture_is_legible_on_a_phone(browser: Browser, pages_host: str, path: str) -> None:
    """At 360 px: text at 12 CSS px or more as drawn, links at least 24 px tall, no line cut off."""
    with local_page(browser, viewport=PHONE) as page:
        page.goto(pages_host + path)
        drawn = page.locator("svg.ex-tl").evaluate(
            """svg => {
                const box = svg.getBoundingClientRect();
                const scale = box.width / svg.viewBox.baseVal.width;
                const texts = [...svg.querySelectorAll("text")];
                return {
                    scale: scale,
                    right: box.right,
                    smallest: Math.min(...texts.map(text => parseFloat(getComputedStyle(text).fontSize) * scale)),
                    overrun: texts.filter(text => text.getBoundingClientRect().right > box.right).map(text => text.textContent),
                    links: [...svg.querySelectorAll("a")].map(link => link.getBoundingClientRect().height),
                };
            }"""
        )
        assert drawn["scale"] == 1
        assert drawn["smallest"] >= 12
        assert drawn["overrun"] == []
        assert drawn["right"] <= PHONE["width"]
        assert min(drawn["links"]) >= 24
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
