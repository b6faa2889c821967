"""Corrections: checked like the rest of the data, listed on their own page, noted on each corrected item."""

from __future__ import annotations

from pathlib import Path

from generator.build import Project, generate
from tests.conftest import FIXTURES
from tests.test_validation import problems_after

CORRECTIONS = "data/corrections.yaml"


def test_corrections_name_unknown_items_with_a_suggestion(tmp_path: Path) -> None:
    assert problems_after(
        tmp_path,
        {
            CORRECTIONS: (
                "quotes: [engineer-not-by-summer]",
                "quotes: [engineer-not-by-sumer]\n    events: [nope]",
            )
        },
    ) == [
        f'{CORRECTIONS}:6:14: corrections[0].quotes[0]: the quote id "engineer-not-by-sumer", which is not '
        'defined; expected a quote id from an event\'s quotes (did you mean "engineer-not-by-summer"?)',
        f'{CORRECTIONS}:7:14: corrections[0].events[0]: the event id "nope", which is not defined; expected '
        "an event id from data/events/",
    ]


def test_a_correction_must_name_an_item(tmp_path: Path) -> None:
    assert problems_after(tmp_path, {CORRECTIONS: ("    events: [2021-03-02-site-visit]\n", "")}) == [
        f"{CORRECTIONS}:8:5: corrections[1]: a correction that names no item; expected at least one id under "
        '"quotes:", "events:" or "sources:" (the items corrected)'
    ]


def test_correction_ids_are_unique(tmp_path: Path) -> None:
    assert problems_after(
        tmp_path, {CORRECTIONS: ("id: 2021-03-05-visit-time", "id: 2021-03-10-engineer-wording")}
    ) == [
        f'{CORRECTIONS}:8:9: corrections[1].id: the id "2021-03-10-engineer-wording" again (first at '
        f"{CORRECTIONS}:2:9); expected an id used only once"
    ]


def test_correction_fields_are_checked(tmp_path: Path) -> None:
    assert problems_after(tmp_path, {CORRECTIONS: ("    events: [", "    why: typo\n    events: [")}) == [
        f'{CORRECTIONS}:12:5: corrections[1].why: an unknown field "why"; expected one of id, date, changed, '
        "reason, quotes, events, sources",
    ]


def test_the_page_lists_corrections_newest_first_with_links_to_the_items() -> None:
    page = generate(Project(FIXTURES / "small"))["corrections.md"]
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    assert headings == [
        "## 10 March 2021 { #correction-2021-03-10-engineer-wording }",
        "## 5 March 2021 { #correction-2021-03-05-visit-time }",
    ]


def test_a_correction_with_another_problem_has_its_items_checked_too(tmp_path: Path) -> None:
    assert problems_after(
        tmp_path, {CORRECTIONS: ("date: 2021-03-05", "date: 2021-03-55\n    sources: [courier]")}
    ) == [
        f'{CORRECTIONS}:9:11: corrections[1].date: "2021-03-55"; expected a day that exists in March 2021',
        f'{CORRECTIONS}:10:15: corrections[1].sources[0]: the source id "courier", which is not defined; '
        "expected a source id from data/sources.yaml",
    ]
