"""The contrast table as generated from the real data: the stance legend first, and each cell's answer first."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, Tag

from generator.build import Project, generate
from generator.sitemap import CONTRAST
from tests.conftest import ROOT
from tests.html import one, text_of


@pytest.fixture(scope="module")
def contrast() -> BeautifulSoup:
    """The contrast page's HTML blocks, parsed (its Markdown is headings and raw HTML)."""
    return BeautifulSoup(generate(Project(ROOT))[CONTRAST], "html5lib")


def _stanced(item: Tag) -> bool:
    return item.select_one(".ex-stance") is not None


def test_the_stance_legend_comes_before_the_table(contrast: BeautifulSoup) -> None:
    legend = one(contrast, ".ex-legend")
    table = one(contrast, "table.ex-contrast__table")
    assert legend in table.find_all_previous("div")
    assert [text_of(item) for item in legend.select("li")] == [
        "Affirms answers yes",
        "Denies answers no",
        "Qualifies answers with a condition or a limit",
    ]
    assert [str(badge["class"][1]) for badge in legend.select(".ex-stance")] == [
        "ex-stance--affirms",
        "ex-stance--denies",
        "ex-stance--qualifies",
    ]


def test_the_page_says_once_what_a_cell_holds(contrast: BeautifulSoup) -> None:
    caption = text_of(one(contrast, "caption"))
    intro = text_of(contrast.select("p")[0])
    assert caption == "Each speaker's words on each question, exactly as a cited source printed them"
    assert intro == (
        "Every quote gives its date, its sources and a link to it in context, where each source's printing is "
        "shown."
    )


def test_kellys_answer_on_mass_deportations_opens_his_cell(contrast: BeautifulSoup) -> None:
    cell = one(contrast, "#topic-mass-deportations td[data-speaker='John Kelly']")
    items = cell.select("li")
    assert [text_of(one(item, "q")) for item in items] == [
        "no mass deportations",
        "This is something I would really like you all to pay attention to because it is frequently "
        "misrepresented or misreported.",
    ]
    assert text_of(one(items[0], ".ex-stance")) == "Denies"


def test_in_every_cell_quotes_with_a_stance_come_first(contrast: BeautifulSoup) -> None:
    cells = contrast.select("td ul.ex-cell")
    assert cells
    for cell in cells:
        stanced = [_stanced(item) for item in cell.select("li:not(.ex-cell__more)")]
        assert stanced == sorted(stanced, reverse=True), text_of(cell)
