"""Every case of the bad-input corpus (tests/bad_input.py) gives exactly its messages, and nothing is built."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import Project, generate
from generator.errors import DataError
from generator.yamlfile import load_yaml
from tests.bad_input import CASES, SEVERAL, Case, apply
from tests.conftest import SMALL, copy_project


def messages_for(case: Case, tmp_path: Path) -> list[str]:
    root = copy_project(SMALL, tmp_path / "project")
    apply(root, case.edits)
    with pytest.raises(DataError) as caught:
        generate(Project(root))
    return [str(problem) for problem in caught.value.problems]


def test_the_corpus_has_forty_cases_with_one_problem_each() -> None:
    assert len(CASES) >= 40
    assert all(len(case.messages) == 1 for case in CASES)
    assert len({case.name for case in CASES + SEVERAL}) == len(CASES + SEVERAL)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_one_problem(case: Case, tmp_path: Path) -> None:
    assert messages_for(case, tmp_path) == case.messages


@pytest.mark.parametrize("case", SEVERAL, ids=lambda case: case.name)
def test_several_problems_are_all_reported(case: Case, tmp_path: Path) -> None:
    assert len(case.messages) > 1
    assert messages_for(case, tmp_path) == case.messages


def test_an_alias_bomb_is_reported_alias_by_alias_and_never_expanded() -> None:
    """Ten levels of nine aliases each would expand to 9**10 values; each alias is reported once instead."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 11)]
    loaded, problems = load_yaml("\n".join(lines) + "\n", "bomb.yaml")
    assert loaded is not None
    assert loaded.data["a10"] == (None,) * 9
    assert len(problems) == 90
    assert str(problems[-1]) == (
        "bomb.yaml:11:52: a10[8]: an alias (*name) of an anchor (&name); expected each value written out in full"
    )
