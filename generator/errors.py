"""Problems found in the data, each pinned to a place in a file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data: where, which field, what was found and what is expected."""

    path: str
    line: int
    column: int
    field: str
    found: str
    expected: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.field}: {self.found}; expected {self.expected}"


class DataError(Exception):
    """Raised with every problem at once, sorted by file and position."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(set(problems)))
        super().__init__("\n".join(str(problem) for problem in self.problems))

    def __str__(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        return "\n".join([*map(str, self.problems), f"{count} {noun} found in the data."])
