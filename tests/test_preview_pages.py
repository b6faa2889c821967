"""What the live preview shows while the data has problems: the panel, escaped, and the stand-in pages."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, Tag

from generator.errors import Problem
from generator.preview_pages import nav_pages, problems_panel, stand_in_page
from tests.html import one, text_of
from tests.payloads import PAYLOADS


def _panel(html: str) -> Tag:
    soup = BeautifulSoup(f"<!DOCTYPE html><body>{html}</body>", "html5lib")
    body = soup.body
    assert body is not None
    (panel,) = body.find_all(recursive=False)
    assert isinstance(panel, Tag)
    return panel


def test_the_panel_lists_every_problem_as_validate_prints_it() -> None:
    problems = [
        Problem("data/people.yaml", 3, 5, "people[0].name", "empty text", "a name"),
        Problem("data/events/2017-02-23-x.yaml", 12, 14, "quotes[0].speaker", '"kely"', "a person id"),
    ]
    panel = _panel(problems_panel(problems, kept_last_good=True))
    assert (panel.name, panel.attrs) == ("div", {"class": ["explainer-problems"], "role": "alert"})
    assert text_of(one(panel, "p")) == (
        "The data has 2 problems. Until they are fixed, the pages below are those of the last good build:"
    )
    assert [item.get_text() for item in panel.select("li")] == [str(problem) for problem in problems]


def test_before_any_good_build_the_panel_says_the_pages_from_the_data_come_once_fixed() -> None:
    problems = [Problem("data/topics.yaml", 1, 1, "topics", "no list", "a list of questions")]
    panel = _panel(problems_panel(problems, kept_last_good=False))
    assert text_of(one(panel, "p")) == (
        "The data has 1 problem. The pages made from the data appear once they are fixed:"
    )


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_data_in_a_problem_is_shown_as_text_and_adds_no_markup(payload: str) -> None:
    problem = Problem(f"data/events/{payload}.yaml", 2, 3, f"quotes[0].{payload}", payload, payload)
    panel = _panel(problems_panel([problem], kept_last_good=True))
    assert [tag.name for tag in panel.find_all(True)] == ["p", "strong", "ul", "li"]
    assert [tag.attrs for tag in panel.find_all(True)] == [{}, {}, {}, {}]
    assert one(panel, "li").get_text() == str(problem)


def test_a_stand_in_page_is_titled_from_the_nav_and_escaped() -> None:
    assert stand_in_page("Contrast <b>table</b>") == (
        "# Contrast &#60;b&#62;table&#60;&#47;b&#62;\n\n"
        "<p>This page is made from the data. It appears here once the problems above are fixed.</p>\n"
    )


def test_nav_pages_are_the_markdown_pages_of_the_nav_setting_with_their_titles() -> None:
    nav = [
        {"Home": "index.md"},
        "method.md",
        {"Elsewhere": "https://example.org/"},
        {"Sections": [{"People": "people/index.md"}, "topics/index.md"]},
    ]
    assert list(nav_pages(nav)) == [
        ("Home", "index.md"),
        ("method.md", "method.md"),
        ("People", "people/index.md"),
        ("topics/index.md", "topics/index.md"),
    ]
