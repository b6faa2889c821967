"""The live preview checks again only the event files that changed, and its validation gives the same
datasets, or the same problems in the same order, as validating everything afresh."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator import validate
from generator.dataset import Dataset
from generator.errors import DataError, Problem
from generator.load import ParsedFiles, load_data
from generator.validate import CheckedFiles, validate_languages
from generator.yamlfile import LoadedFile
from tests.conftest import FIXTURES, copy_project, edit

MEETING = "data/events/2021-03-02-council-meeting.yaml"
VISIT = "data/events/2021-03-02-site-visit.yaml"
VOTE = "data/events/2021-04-council-vote.yaml"
NEW = "data/events/2021-03-02-second-visit.yaml"

Outcome = dict[str, Dataset] | tuple[Problem, ...]


def _outcome(root: Path, parsed: ParsedFiles | None = None, checked: CheckedFiles | None = None) -> Outcome:
    try:
        return validate_languages(load_data(root, parsed=parsed), checked)
    except DataError as error:
        return tuple(error.problems)


def _steps(root: Path) -> list[tuple[str, Callable[[], object]]]:
    """Edits in turn, each kept by the next: errors across files brought in and fixed again."""
    meeting, visit, vote = root / MEETING, root / VISIT, root / VOTE
    removed, visit_text = meeting.read_text(encoding="utf-8"), visit.read_text(encoding="utf-8")
    # The site visit again, under another event id: the same quote id in two files once both are there.
    second_visit = visit_text.replace("id: 2021-03-02-site-visit", "id: 2021-03-02-second-visit")
    second_visit = second_visit.replace("order: 2", "order: 3")
    return [
        ("quote's words", lambda: edit(meeting, "a bridge by summer", "a bridge by autumn", count=3)),
        ("duplicate quote id", lambda: edit(visit, "id: engineer-not-by-summer", "id: mayor-by-summer")),
        ("duplicate fixed", lambda: edit(visit, "id: mayor-by-summer", "id: engineer-not-by-summer")),
        ("duplicate event id", lambda: edit(vote, "id: 2021-04-council-vote", "id: 2021-03-02-site-visit")),
        ("event id fixed", lambda: edit(vote, "id: 2021-03-02-site-visit", "id: 2021-04-council-vote")),
        ("unknown person", lambda: edit(visit, "speaker: engineer", "speaker: enginer")),
        ("person fixed", lambda: edit(visit, "speaker: enginer", "speaker: engineer")),
        (
            "relation to a missing quote",
            lambda: edit(visit, "quote: mayor-by-summer", "quote: mayor-by-fall"),
        ),
        ("relation fixed", lambda: edit(visit, "quote: mayor-by-fall", "quote: mayor-by-summer")),
        ("a field of the wrong type", lambda: edit(meeting, "order: 1", "order: first")),
        ("type fixed", lambda: edit(meeting, "order: first", "order: 1")),
        ("quoted event removed", meeting.unlink),
        ("quoted event back", lambda: meeting.write_text(removed, encoding="utf-8")),
        (
            "person removed from people.yaml",
            lambda: edit(root / "data/people.yaml", "id: engineer", "id: engr"),
        ),
        ("person back", lambda: edit(root / "data/people.yaml", "id: engr", "id: engineer")),
        ("unknown source", lambda: edit(vote, "sources: [gazette-2021-03-02]", "sources: [gazette]")),
        ("source fixed", lambda: edit(vote, "sources: [gazette]", "sources: [gazette-2021-03-02]")),
        (
            "source removed from sources.yaml",
            lambda: edit(root / "data/sources.yaml", "id: courier-2021-03-03", "id: courier"),
        ),
        ("source back", lambda: edit(root / "data/sources.yaml", "id: courier", "id: courier-2021-03-03")),
        (
            "topic removed from topics.yaml",
            lambda: edit(root / "data/topics.yaml", "id: cost", "id: costs"),
        ),
        ("topic back", lambda: edit(root / "data/topics.yaml", "id: costs", "id: cost")),
        ("related quote removed", lambda: edit(meeting, "id: mayor-by-summer", "id: mayor-by-june")),
        ("related quote back", lambda: edit(meeting, "id: mayor-by-june", "id: mayor-by-summer")),
        (
            "participant twice",
            lambda: edit(visit, "participants: [engineer]", "participants: [engineer, engineer]"),
        ),
        (
            "participant once",
            lambda: edit(visit, "participants: [engineer, engineer]", "participants: [engineer]"),
        ),
        ("visit removed", visit.unlink),
        ("a new event with the removed one's quote", lambda: (root / NEW).write_text(second_visit, "utf-8")),
        ("visit back: its quote id twice", lambda: visit.write_text(visit_text, encoding="utf-8")),
        ("the new event removed", (root / NEW).unlink),
    ]


def _steps_with_problems(root: Path, steps: list[tuple[str, Callable[[], object]]]) -> list[str]:
    """Take ``steps`` in turn, validating after each with what the last validations kept and afresh; both must
    give the same; the names of the steps after which the data has problems."""
    parsed, checked = ParsedFiles(), CheckedFiles()
    assert _outcome(root, parsed, checked) == _outcome(root)
    with_problems = []
    for name, step in steps:
        step()
        kept, fresh = _outcome(root, parsed, checked), _outcome(root)
        assert kept == fresh, name
        if isinstance(fresh, tuple):
            with_problems.append(name)
    return with_problems


def test_each_edit_validates_as_validating_everything_does(small_project: Path) -> None:
    assert _steps_with_problems(small_project, _steps(small_project)) == [
        "duplicate quote id",
        "duplicate event id",
        "unknown person",
        "relation to a missing quote",
        "a field of the wrong type",
        "quoted event removed",
        "person removed from people.yaml",
        "unknown source",
        "source removed from sources.yaml",
        "topic removed from topics.yaml",
        "related quote removed",
        "participant twice",
        "visit removed",
        "a new event with the removed one's quote",
        "visit back: its quote id twice",
    ]


def _language_steps(root: Path) -> list[tuple[str, Callable[[], object]]]:
    """Edits of the texts in several languages of the bilingual project, each kept by the next."""
    visit, settings = root / VISIT, root / "data/explainer.yaml"
    spanish, french = '  es: "El ingeniero recorre la obra"', '  fr: "L\'ingénieur visite le chantier"'
    english = '  en: "The engineer visits the site"\n'
    return [
        (
            "Spanish text changed",
            lambda: edit(visit, "El ingeniero visita la obra", "El ingeniero recorre la obra"),
        ),
        ("a text in an undeclared language", lambda: edit(visit, spanish, f"{spanish}\n{french}")),
        ("French declared", lambda: edit(settings, "languages: [en, es]", "languages: [en, es, fr]")),
        ("no English text", lambda: edit(visit, english, "")),
        ("English text back", lambda: edit(visit, "title:\n", f"title:\n{english}")),
        (
            "French no longer declared",
            lambda: edit(settings, "languages: [en, es, fr]", "languages: [en, es]"),
        ),
        ("French text removed", lambda: edit(visit, f"\n{french}", "")),
        (
            "a person's Spanish text changed",
            lambda: edit(root / "data/people.yaml", "Ingeniero jefe", "Jefe de obras"),
        ),
        ("Spanish no longer declared", lambda: edit(settings, "languages: [en, es]", "languages: [en]")),
    ]


def test_each_edit_of_a_text_in_several_languages_validates_as_validating_everything_does(
    tmp_path: Path,
) -> None:
    root = copy_project(FIXTURES / "bilingual", tmp_path / "project")
    assert _steps_with_problems(root, _language_steps(root)) == [
        "a text in an undeclared language",
        "no English text",
        "French no longer declared",
        "Spanish no longer declared",
    ]


def test_only_the_changed_event_file_is_checked_again(
    small_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed, checked = ParsedFiles(), CheckedFiles()
    _outcome(small_project, parsed, checked)
    paths: list[str] = []
    check = validate._EventFile.check

    def counted(file: LoadedFile, languages: tuple[str, ...]) -> validate._EventFile:
        paths.append(file.path)
        return check(file, languages)

    monkeypatch.setattr(validate._EventFile, "check", counted)
    edit(small_project / VISIT, "Not this year.", "Not this year, nor next.", count=2)
    _outcome(small_project, parsed, checked)
    assert paths == [VISIT]
    # A change of the languages the explainer declares checks every event file again.
    edit(small_project / "data/explainer.yaml", "published:", "languages: [en, fr]\npublished:")
    paths.clear()
    _outcome(small_project, parsed, checked)
    assert sorted(paths) == sorted([MEETING, VISIT, VOTE])


def test_a_file_of_a_list_is_read_again_only_when_it_changed(
    small_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed, checked = ParsedFiles(), CheckedFiles()
    _outcome(small_project, parsed, checked)
    read: list[tuple[str, str]] = []
    original = validate._ListFile.read

    def counted(
        file: LoadedFile, lists: validate._Lists[Any], language: str, languages: tuple[str, ...]
    ) -> validate._ListFile[Any]:
        read.append((file.path, language))
        return original(file, lists, language, languages)

    monkeypatch.setattr(validate._ListFile, "read", counted)
    edit(small_project / VISIT, "Not this year.", "Not this year, nor next.", count=2)
    _outcome(small_project, parsed, checked)
    assert read == []
    edit(small_project / "data/people.yaml", "id: engineer", "id: engr")
    _outcome(small_project, parsed, checked)
    assert read == [("data/people.yaml", "en")]
    # In each of the languages the explainer declares, when they change: every file of a list.
    read.clear()
    edit(small_project / "data/explainer.yaml", "published:", "languages: [en, fr]\npublished:")
    _outcome(small_project, parsed, checked)
    assert sorted(read) == [
        (f"data/{name}.yaml", language)
        for name in ("corrections", "people", "sources", "topics")
        for language in ("en", "fr")
    ]
