"""The live preview reads again only the data files that changed since its last build, and reports the same
problems, at the same places, as a fresh reading."""

from __future__ import annotations

import os
from pathlib import Path

from generator.load import LoadedData, ParsedFiles, load_data
from tests.conftest import edit

MEETING = "data/events/2021-03-02-council-meeting.yaml"
VOTE = "data/events/2021-04-council-vote.yaml"


def _by_path(loaded: LoadedData) -> dict[str, object]:
    return {file.path: file for file in loaded.files()}


def test_an_unchanged_file_is_not_read_again_and_a_changed_one_is(small_project: Path) -> None:
    parsed = ParsedFiles()
    first = _by_path(load_data(small_project, parsed=parsed))
    edit(small_project / MEETING, "a bridge by summer", "a bridge by autumn")
    again = load_data(small_project, parsed=parsed)
    second = _by_path(again)
    assert second.keys() == first.keys()
    assert [path for path in second if second[path] is not first[path]] == [MEETING]
    assert again == load_data(small_project)


def test_problems_stay_where_they_are_in_unchanged_files_and_move_with_the_edited_one(
    small_project: Path,
) -> None:
    parsed = ParsedFiles()
    edit(small_project / MEETING, "place: Town hall", "place: no")
    edit(small_project / VOTE, "title: ", "title: [")
    load_data(small_project, parsed=parsed)
    edit(small_project / MEETING, "place: no", "\nplace: no")
    again = load_data(small_project, parsed=parsed)
    fresh = load_data(small_project)
    assert [str(problem) for problem in again.problems] == [str(problem) for problem in fresh.problems]
    assert any(problem.path == MEETING and problem.line == 6 for problem in again.problems)
    assert any(problem.path == VOTE for problem in again.problems)


def test_a_removed_file_is_forgotten_and_a_file_saved_anew_is_read(small_project: Path) -> None:
    parsed = ParsedFiles()
    load_data(small_project, parsed=parsed)
    text = (small_project / VOTE).read_text(encoding="utf-8")
    (small_project / VOTE).unlink()
    assert VOTE not in _by_path(load_data(small_project, parsed=parsed))
    # Saved as many editors save: a new file of the same size, renamed over the old one, the old times kept.
    status = (small_project / MEETING).stat()
    replacement = small_project / "data/events/.new"
    replacement.write_text(
        (small_project / MEETING).read_text(encoding="utf-8").replace("summer", "autumn"), encoding="utf-8"
    )
    os.utime(replacement, ns=(status.st_atime_ns, status.st_mtime_ns))
    replacement.replace(small_project / MEETING)
    (small_project / VOTE).write_text(text, encoding="utf-8")
    again = load_data(small_project, parsed=parsed)
    assert again == load_data(small_project)
    assert VOTE in _by_path(again)


def test_a_link_is_read_every_time(small_project: Path) -> None:
    parsed = ParsedFiles()
    target = small_project / "data/vote.yaml"
    (small_project / VOTE).rename(target)
    (small_project / VOTE).symlink_to(target)
    load_data(small_project, parsed=parsed)
    edit(target, "title: ", "title: The vote: ")
    assert load_data(small_project, parsed=parsed) == load_data(small_project)
