"""Bad data gets one exact message per problem, naming file:line:column, the field, what was found and expected."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from generator.build import Project, generate
from generator.errors import DataError
from generator.load import load_data
from generator.model import Text
from generator.validate import validate
from tests.conftest import ROOT, SMALL, copy_project, edit


def problems_after(tmp_path: Path, edits: dict[str, tuple[str, str]]) -> list[str]:
    """Copy the small fixture, replace text in files (path → (old, new)), and return the messages."""
    root = copy_project(SMALL, tmp_path / "project")
    for relative, (old, new) in edits.items():
        edit(root / relative, old, new)
    with pytest.raises(DataError) as caught:
        generate(Project(root))
    return [str(problem) for problem in caught.value.problems]


EVENT = "data/events/2021-03-02-site-visit.yaml"


def test_the_fixture_is_valid() -> None:
    assert generate(Project(SMALL))


def test_unknown_speaker(tmp_path: Path) -> None:
    assert problems_after(tmp_path, {EVENT: ("speaker: engineer", "speaker: enginer")}) == [
        f'{EVENT}:11:14: quotes[0].speaker: the person id "enginer", which is not defined; '
        'expected a person id from data/people.yaml (did you mean "engineer"?)'
    ]


def test_unknown_field_suggests_the_right_name(tmp_path: Path) -> None:
    assert problems_after(tmp_path, {EVENT: ("summary:", "sumary:")}) == [
        f'{EVENT}:1:1: summary: no "summary" field; expected a "summary:" field (in our own words: what happened)',
        f'{EVENT}:6:1: sumary: an unknown field "sumary"; expected one of id, date, time, order, title, place, '
        'summary, participants, sources, quotes (did you mean "summary"?)',
    ]


@pytest.mark.parametrize(
    ("text", "as_printed"),
    [
        ("Not by summer. Not this year.", "Not by summer. Not this year."),
        ("not by summer", "Not by summer. Not this year."),  # the case of the first letter
        ("Not by summer. Not this year", "Not by summer. Not this year."),  # a full stop left out
        ("Not by summer. Not this year.", "Not by summer. Not this year"),  # or one the source does not print
        ("“Not by summer.”", 'He said: "Not by summer." Then he left.'),  # other quote marks
        ("Not by summer -- not this year", "Not by summer — not this year."),  # dashes and spacing
        ("it’s not this year", "It's not this year."),
    ],
)
def test_a_quote_may_differ_from_a_printing_only_in_house_style(
    tmp_path: Path, text: str, as_printed: str
) -> None:
    root = copy_project(SMALL, tmp_path / "project")
    edit(root / EVENT, 'text: "Not by summer. Not this year."', f"text: {json.dumps(text)}")
    edit(root / EVENT, 'as_printed: "Not by summer. Not this year."', f"as_printed: {json.dumps(as_printed)}")
    (citation,) = validate(load_data(root)).statement_by_id["engineer-not-by-summer"].quote.citations
    assert citation.as_printed == as_printed


def test_every_citation_must_print_the_quote(tmp_path: Path) -> None:
    """One citation printing the words is not enough: a second one with other words is a problem of its own."""
    assert problems_after(
        tmp_path,
        {
            "data/events/2021-03-02-council-meeting.yaml": (
                'as_printed: "we will have a bridge by summer, I promise"',
                'as_printed: "We will have a bridge by winter, I promise"',
            )
        },
    ) == [
        "data/events/2021-03-02-council-meeting.yaml:21:21: quotes[0].citations[1].as_printed: words without the "
        'quote\'s text: the closest passage, "a bridge by winter", has "w" where the text has "s", after '
        '"a bridge by "; expected the quote\'s text "a bridge by summer" in them, exactly or but for quote marks, '
        "dashes, spacing, the case of its first letter, and punctuation at its ends that this citation leaves out"
    ]


def test_yaml_boolean_trap(tmp_path: Path) -> None:
    assert problems_after(tmp_path, {EVENT: ("title: The engineer visits the site", "title: no")}) == [
        f'{EVENT}:5:8: title: no, which YAML reads as true or false; expected text in quotes ("no")'
    ]


def test_every_problem_is_reported_at_once_sorted_by_file_and_line(tmp_path: Path) -> None:
    messages = problems_after(
        tmp_path,
        {
            EVENT: ("speaker: engineer", "speaker: nobody"),
            "data/sources.yaml": ("url: https://gazette", "url: http://gazette"),
            "data/people.yaml": ("from: 2019-05", "from: 2019-13"),
        },
    )
    assert messages == [
        f'{EVENT}:11:14: quotes[0].speaker: the person id "nobody", which is not defined; '
        "expected a person id from data/people.yaml",
        'data/people.yaml:13:15: people[1].roles[0].from: "2019-13"; expected a month from 01 to 12',
        'data/sources.yaml:5:10: sources[0].url: "http://gazette.example/2021/03/02/bridge"; '
        "expected an https:// address without spaces or control characters",
    ]


def test_unknown_embed_names_page_and_line(tmp_path: Path) -> None:
    assert problems_after(
        tmp_path, {"content/index.md": ("{{ quote mayor-by-summer }}", "{{ quote mayor-by-winter }}")}
    ) == [
        'content/index.md:5:1: embed: the quote id "mayor-by-winter", which is not defined; expected a quote id from data/events/'
    ]


def test_error_summary_counts_problems(tmp_path: Path) -> None:
    root = copy_project(SMALL, tmp_path / "project")
    (root / "data" / "topics.yaml").write_text("topics: []\nextra: 1\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        generate(Project(root))
    assert str(caught.value).splitlines()[-1].endswith("found in the data.")


ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates, noncharacters and controls too


@given(st.text(ANY_CHARACTER, min_size=1, max_size=20))
@example("Town\ufffehall")
@example("Town\ud800hall")
@example("Town\U0010ffffhall")
def test_text_that_validates_is_carried_by_xml_and_utf_8(text: str) -> None:
    """Whatever a text field accepts, the feed (XML) and the pages (UTF-8 HTML) can carry."""
    try:
        TEXT.validate_python(text)
    except ValidationError:
        return
    element = ET.Element("title")
    element.text = text
    assert ET.fromstring(ET.tostring(element, encoding="unicode")).text == text
    assert text.encode("utf-8").decode("utf-8") == text


TEXT: TypeAdapter[str] = TypeAdapter(Text)


TEST_WIRE = """
  - id: test-wire-2017-02-23
    outlet: Test Wire
    title: A source made up for this test
    url: https://wire.example/2017/02/23/kelly
    published: 2017-02-23
"""
KELLY = "data/events/2017-02-23-kelly-mexico-city.yaml"
ABC_CITES_KELLY = 'as_printed: "no, repeat, no mass deportations"'


def real_data_with(tmp_path: Path, *edits: tuple[str, str, str]) -> tuple[list[str], Path]:
    """The real project's data with a third outlet, Test Wire, and the given edits: its problems, and the copy."""
    root = copy_project(ROOT, tmp_path / "project")
    with (root / "data" / "sources.yaml").open("a", encoding="utf-8") as sources:
        sources.write(TEST_WIRE)
    for relative, old, new in edits:
        edit(root / relative, old, new)
    with pytest.raises(DataError) as caught:
        validate(load_data(root))
    return [str(problem) for problem in caught.value.problems], root


def line_of(path: Path, words: str) -> int:
    """The line where ``words`` are (so that an edit elsewhere in the real data leaves the test as it is)."""
    return next(
        number for number, line in enumerate(path.read_text("utf-8").splitlines(), 1) if words in line
    )


def test_a_citation_of_other_words_is_not_credited_with_the_quote(tmp_path: Path) -> None:
    """Issue #20: a third citation printing other words validated, and the contrast table credited its outlet."""
    citation = '\n      - source: test-wire-2017-02-23\n        as_printed: "We will build the wall."'
    messages, root = real_data_with(
        tmp_path,
        (KELLY, ABC_CITES_KELLY, ABC_CITES_KELLY + citation),
        (KELLY, "sources: [", "sources: [test-wire-2017-02-23, "),
    )
    line = line_of(root / KELLY, "We will build the wall.")
    assert messages == [
        f"{KELLY}:{line}:21: quotes[1].citations[2].as_printed: words without the quote's text, nor a passage like "
        'it; expected the quote\'s text "no mass deportations" in them, exactly or but for quote marks, dashes, '
        "spacing, the case of its first letter, and punctuation at its ends that this citation leaves out"
    ]


def test_a_quote_printed_by_a_source_its_event_does_not_list_is_a_problem(tmp_path: Path) -> None:
    """Issue #20: "Reported by ABC News" stood above a quote only Test Wire printed."""
    citation = '\n      - source: test-wire-2017-02-23\n        as_printed: "no mass deportations"'
    messages, root = real_data_with(tmp_path, (KELLY, ABC_CITES_KELLY, ABC_CITES_KELLY + citation))
    line = line_of(root / KELLY, "- source: test-wire-2017-02-23")
    assert messages == [
        f'{KELLY}:{line}:17: quotes[1].citations[2].source: the source "test-wire-2017-02-23", which the event\'s '
        '"sources:" does not list; expected a source of the event: add "test-wire-2017-02-23" to its "sources:"'
    ]
