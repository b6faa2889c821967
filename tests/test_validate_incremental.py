"""The live preview checks again only the event files that changed, and its validation gives the same
datasets, or the same problems in the same order, as validating everything afresh."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator import validate
from generator.dataset import Dataset
from generator.errors import DataError, Problem
from generator.load import ParsedFiles, load_data
from generator.validate import CheckedEventFiles, validate_languages
from generator.yamlfile import LoadedFile
from tests.conftest import edit

MEETING = "data/events/2021-03-02-council-meeting.yaml"
VISIT = "data/events/2021-03-02-site-visit.yaml"
VOTE = "data/events/2021-04-council-vote.yaml"

Outcome = dict[str, Dataset] | tuple[Problem, ...]


def _outcome(
    root: Path, parsed: ParsedFiles | None = None, checked: CheckedEventFiles | None = None
) -> Outcome:
    try:
        return validate_languages(load_data(root, parsed=parsed), checked)
    except DataError as error:
        return tuple(error.problems)


def _steps(root: Path) -> list[tuple[str, Callable[[], object]]]:
    """Edits in turn, each kept by the next: errors across files brought in and fixed again."""
    meeting, visit, vote = root / MEETING, root / VISIT, root / VOTE
    removed = meeting.read_text(encoding="utf-8")
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
    ]


def test_each_edit_validates_as_validating_everything_does(small_project: Path) -> None:
    parsed, checked = ParsedFiles(), CheckedEventFiles()
    assert _outcome(small_project, parsed, checked) == _outcome(small_project)
    with_problems = []
    for name, step in _steps(small_project):
        step()
        kept, fresh = _outcome(small_project, parsed, checked), _outcome(small_project)
        assert kept == fresh, name
        if isinstance(fresh, tuple):
            with_problems.append(name)
    assert with_problems == [
        "duplicate quote id",
        "duplicate event id",
        "unknown person",
        "relation to a missing quote",
        "a field of the wrong type",
        "quoted event removed",
        "person removed from people.yaml",
        "unknown source",
    ]


def test_only_the_changed_event_file_is_checked_again(
    small_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed, checked = ParsedFiles(), CheckedEventFiles()
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
