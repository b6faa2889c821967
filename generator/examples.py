"""``--strict-content``: the example text of ``explainer init`` left in the data or the pages is a problem,
so the example is never published by accident."""

from __future__ import annotations

from collections.abc import Mapping

from generator.errors import Problem
from generator.load import LoadedData

EXAMPLE_MARK = "EXAMPLE:"
_FOUND = f"the example text of explainer init (marked {EXAMPLE_MARK})"
_EXPECTED = "your own text in its place, before the site is published"


def example_problems(loaded: LoadedData, texts: Mapping[str, str]) -> list[Problem]:
    """One problem for each data value, and each line of ``texts`` (the config file and the hand-written
    pages, by the path shown), holding the example mark; sorted by place."""
    problems = [
        file.problem(path, _FOUND, _EXPECTED)
        for file in loaded.files()
        for path, value in file.strings()
        if EXAMPLE_MARK in value
    ]
    for name, text in texts.items():
        for number, line in enumerate(text.splitlines(), start=1):
            column = line.find(EXAMPLE_MARK)
            if column >= 0:
                problems.append(Problem(name, number, column + 1, "(text)", _FOUND, _EXPECTED))
    return sorted(problems)
