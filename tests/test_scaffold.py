"""``explainer new-event``: a commented template that names each unfilled placeholder and validates once filled."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build import Project, build_site, generate
from generator.cli import main
from generator.errors import DataError
from generator.scaffold import placeholder_problems
from generator.sitemap import event_anchor
from generator.yamlfile import load_yaml
from tests.conftest import ROOT, copy_project
from tests.html import one, parse, text_of

_PLACEHOLDER = re.compile(r'"FILL IN: (?P<what>[^"]*)"')


def fill(path: Path, values: dict[str, str]) -> None:
    """Replace each ``"FILL IN: what"`` value with ``values[what]`` (a YAML value), as an editor would."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    filled = [
        line if line.lstrip().startswith("#") else _PLACEHOLDER.sub(lambda m: values[m["what"]], line)
        for line in lines
    ]
    path.write_text("".join(filled), encoding="utf-8")


def scaffold(root: Path, date: str, title: str) -> Path:
    result = CliRunner().invoke(main, ["new-event", "--root", str(root), "--date", date, "--title", title])
    assert result.exit_code == 0, result.output
    created = result.output.split(":")[0].removeprefix("Created ")
    return root / created


FIXTURE_VALUES = {
    "where it happened (or delete this line)": '"River bank"',
    "what happened, in your own words (never copied from an article)": '"The mayor answered the engineer."',
    "a person id": "mayor",
    "a source id": "gazette-2021-03-02",
    "a short id for the quote, such as kelly-no-mass-deportations": "mayor-still-by-summer",
    "the speaker's person id": "mayor",
    "the quoted words": '"still by summer"',
    "in your own words, the setting of the quote (or delete this line)": '"Asked about the engineer."',
    "a topic id": "timetable",
    "the words exactly as this source printed them": '"It will open still by summer."',
}


def test_the_file_is_named_from_date_and_title(small_project: Path) -> None:
    path = scaffold(small_project, "2021-03-05", "The mayor answers: “Still by summer!”")
    assert path.name == "2021-03-05-the-mayor-answers-still-by-summer.yaml"
    assert "id: 2021-03-05-the-mayor-answers-still-by-summer\n" in path.read_text(encoding="utf-8")


def test_a_taken_name_gets_a_number(small_project: Path) -> None:
    names = [scaffold(small_project, "2021-03-02", "The council meeting").name for _ in range(3)]
    assert names == [
        "2021-03-02-the-council-meeting.yaml",
        "2021-03-02-the-council-meeting-2.yaml",
        "2021-03-02-the-council-meeting-3.yaml",
    ]


def test_unfilled_placeholders_are_named_one_by_one(small_project: Path) -> None:
    path = scaffold(small_project, "2021-03-05", "The mayor answers")
    with pytest.raises(DataError) as caught:
        generate(Project(small_project))
    shown = f"data/events/{path.name}"
    expected = "expected your own value in its place"
    assert [str(problem) for problem in caught.value.problems] == [
        f'{shown}:15:8: place: the template\'s placeholder "FILL IN: where it happened (or delete this line)"; {expected}',
        f'{shown}:16:10: summary: the template\'s placeholder "FILL IN: what happened, in your own words (never copied from an article)"; {expected}',
        f'{shown}:18:16: participants[0]: the template\'s placeholder "FILL IN: a person id"; {expected}',
        f'{shown}:20:11: sources[0]: the template\'s placeholder "FILL IN: a source id"; {expected}',
        f'{shown}:25:9: quotes[0].id: the template\'s placeholder "FILL IN: a short id for the quote, such as kelly-no-mass-deportations"; {expected}',
        f"{shown}:26:14: quotes[0].speaker: the template's placeholder \"FILL IN: the speaker's person id\"; {expected}",
        f'{shown}:28:11: quotes[0].text: the template\'s placeholder "FILL IN: the quoted words"; {expected}',
        f'{shown}:29:14: quotes[0].context: the template\'s placeholder "FILL IN: in your own words, the setting of the quote (or delete this line)"; {expected}',
        f'{shown}:32:16: quotes[0].topics[0].topic: the template\'s placeholder "FILL IN: a topic id"; {expected}',
        f'{shown}:35:17: quotes[0].citations[0].source: the template\'s placeholder "FILL IN: a source id"; {expected}',
        f'{shown}:36:21: quotes[0].citations[0].as_printed: the template\'s placeholder "FILL IN: the words exactly as this source printed them"; {expected}',
    ]


def test_the_filled_template_validates(small_project: Path) -> None:
    path = scaffold(small_project, "2021-03-05", "The mayor answers")
    fill(path, FIXTURE_VALUES)
    assert generate(Project(small_project))


def test_the_template_copied_by_hand_validates_once_filled(small_project: Path) -> None:
    """The web-editor way: copy generator/assets/event-template.yaml to a new name and fill in every value."""
    path = small_project / "data" / "events" / "2021-03-05-by-hand.yaml"
    shutil.copyfile(ROOT / "generator" / "assets" / "event-template.yaml", path)
    by_hand = {
        "the file's name without .yaml": "2021-03-05-by-hand",
        "the date": "2021-03-05",
        "a short headline in your own words": '"Written by hand"',
    }
    fill(path, FIXTURE_VALUES | by_hand)
    assert generate(Project(small_project))


def test_a_second_event_on_a_day_comes_next_in_order(small_project: Path) -> None:
    path = scaffold(small_project, "2021-03-02", "The mayor answers")
    fill(path, FIXTURE_VALUES)
    assert "\norder: 3\n" in path.read_text(encoding="utf-8")
    assert generate(Project(small_project))


def test_a_date_that_does_not_exist_is_refused(small_project: Path) -> None:
    result = CliRunner().invoke(
        main, ["new-event", "--root", str(small_project), "--date", "2021-02-30", "--title", "x"]
    )
    assert result.exit_code == 2
    assert (
        'Invalid value for --date: "2021-02-30"; expected a day that exists in February 2021' in result.output
    )
    assert sorted(path.name for path in (small_project / "data" / "events").iterdir()) == [
        "2021-03-02-council-meeting.yaml",
        "2021-03-02-site-visit.yaml",
        "2021-04-council-vote.yaml",
    ]


REAL_VALUES = {
    "where it happened (or delete this line)": '"Mexico City"',
    "what happened, in your own words (never copied from an article)": '"A made-up test event."',
    "a person id": "pena-nieto",
    "a source id": "abc-2017-02-23-kelly-no-mass-deportations",
    "a short id for the quote, such as kelly-no-mass-deportations": "kelly-test-quote",
    "the speaker's person id": "kelly",
    "the quoted words": '"repeat, no mass deportations"',
    "in your own words, the setting of the quote (or delete this line)": '"A test."',
    "a topic id": "mass-deportations",
    "the words exactly as this source printed them": '"no, repeat, no mass deportations"',
}


def test_the_contributing_guide_error_example_is_what_validation_says(tmp_path: Path) -> None:
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = guide.split("### Read an error", 1)[1].split("```text\n", 1)[1].split("\n", 1)[0]
    root = copy_project(ROOT, tmp_path / "project")
    path = scaffold(root, "2017-02-24", "Kelly meets Peña Nieto")
    fill(path, REAL_VALUES | {"the speaker's person id": "kely"})
    with pytest.raises(DataError) as caught:
        generate(Project(root))
    assert [str(problem) for problem in caught.value.problems] == [example]


@pytest.mark.slow
def test_a_new_event_appears_on_the_timeline_and_in_the_contrast_table(tmp_path: Path) -> None:
    """The editors' page, followed on a copy of the real project: scaffold, fill in, build, look."""
    root = copy_project(ROOT, tmp_path / "project")
    path = scaffold(root, "2017-02-24", "Kelly meets Peña Nieto")
    fill(path, REAL_VALUES)
    site = tmp_path / "site"
    assert build_site(Project(root), site) == 0
    day = parse(site / "timeline" / "2017-02-24" / "index.html")
    heading = one(day, f"h2#{event_anchor(path.stem)}")
    listed = one(parse(site / "timeline" / "index.html"), "article")
    assert [a for a in listed.select("a[href]") if str(a["href"]).endswith(f"#{event_anchor(path.stem)}")]
    assert text_of(heading).startswith("Kelly meets Peña Nieto")
    table = one(parse(site / "contrast" / "index.html"), "table.ex-contrast__table")
    quoted = [text_of(q) for q in table.select("tbody td q")]
    assert "repeat, no mass deportations" in quoted


@pytest.mark.parametrize(
    "value",
    [
        '"FILL IN: a place"',
        "'  FILL IN'",
        "FILL\n  IN on two lines",
        ">\n  FILL\n  IN",
        '"\\x46ILL IN"',
        '"\\u0046ILL IN"',
        '"FI\\\n  LL IN"',
        '"\\tFILL IN"',
    ],
)
def test_a_placeholder_is_found_however_yaml_spells_it(value: str) -> None:
    loaded, problems = load_yaml(f"place: {value}\n", "event.yaml")
    assert loaded is not None
    assert problems == []
    assert loaded.data["place"].lstrip().startswith("FILL IN")
    assert [problem.field for problem in placeholder_problems(loaded)] == ["place"]
