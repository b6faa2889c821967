"""No page silently replaces another: two files at one address are a problem, placed where the fault lies.

Addresses are compared as the engine publishes them: with directory URLs, ``people.md`` and
``people/index.md`` are both ``people/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import Project, generate
from generator.errors import DataError
from generator.outputs import Options
from tests.conftest import SMALL, copy_project


def _project(tmp_path: Path, files: dict[str, str]) -> Project:
    """A copy of the small fixture, with ``files`` (path → text) added or, in data/, appended to."""
    root = copy_project(SMALL, tmp_path / "project")
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        before = path.read_text(encoding="utf-8") if path.exists() else ""
        path.write_text(before + text, encoding="utf-8")
    return Project(root)


def _problems(project: Project, options: Options | None = None) -> list[str]:
    with pytest.raises(DataError) as caught:
        generate(project, options)
    return [str(problem) for problem in caught.value.problems]


def test_a_person_id_index_would_replace_the_list_of_people(tmp_path: Path) -> None:
    project = _project(tmp_path, {"data/people.yaml": "  - id: index\n    name: Dee Index\n"})
    assert _problems(project) == [
        'data/people.yaml:16:9: people[3].id: the id "index", whose page people/index.md would take the address '
        "people/ of the list of people (people/index.md); expected an id that gives its page an address of its own"
    ]


def test_a_topic_id_index_would_replace_the_list_of_questions(tmp_path: Path) -> None:
    topic = "  - id: index\n    question: Which page is this?\n    summary: One that hides another.\n"
    project = _project(tmp_path, {"data/topics.yaml": topic})
    assert _problems(project) == [
        'data/topics.yaml:8:9: topics[2].id: the id "index", whose page topics/index.md would take the address '
        "topics/ of the list of questions (topics/index.md); expected an id that gives its page an address of "
        "its own"
    ]


def test_a_hand_written_index_in_a_generated_pages_folder_would_replace_that_page(tmp_path: Path) -> None:
    project = _project(tmp_path, {"content/sources/index.md": "# Our sources\n"})
    assert _problems(project) == [
        "content/sources/index.md:1:1: (file): a page at sources/index.md, at the address sources/ of the list "
        "of sources (sources.md); expected no hand-written page where a generated page goes"
    ]


def test_a_hand_written_page_at_the_address_of_a_generated_folder_index_is_reported(tmp_path: Path) -> None:
    project = _project(tmp_path, {"content/people.md": "# People\n"})
    assert _problems(project) == [
        "content/people.md:1:1: (file): a page at people.md, at the address people/ of the list of people "
        "(people/index.md); expected no hand-written page where a generated page goes"
    ]


def test_a_hand_written_page_over_a_persons_page_is_the_pages_fault_not_the_ids(tmp_path: Path) -> None:
    project = _project(tmp_path, {"content/people/mayor/index.md": "# The mayor\n"})
    assert _problems(project) == [
        "content/people/mayor/index.md:1:1: (file): a page at people/mayor/index.md, at the address people/mayor/ "
        "of a person's page (people/mayor.md); expected no hand-written page where a generated page goes"
    ]


def test_every_collision_is_reported_at_once(tmp_path: Path) -> None:
    files = {"data/people.yaml": "  - id: index\n    name: Dee Index\n", "content/topics.md": "# Mine\n"}
    assert [problem.split(":")[0] for problem in _problems(_project(tmp_path, files))] == [
        "content/topics.md",
        "data/people.yaml",
    ]


def test_without_directory_urls_people_md_and_people_index_md_have_addresses_of_their_own(
    tmp_path: Path,
) -> None:
    project = _project(tmp_path, {"content/people.md": "# People\n"})
    options = Options(directory_urls=False, site_url=project.site_url())
    files = generate(project, options)
    assert files["people.md"].startswith("# People\n")
    assert files["people/index.md"].startswith("---\n")
