"""Problems found in the data, each pinned to a place in a file."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass


def one_line(text: str) -> str:
    """``text`` with control characters (line breaks included) shown as ``\\uXXXX``: one message, one line."""
    return "".join(
        f"\\u{ord(char):04X}" if unicodedata.category(char) in _BREAKING else char for char in text
    )


# Control characters, and the line and paragraph separators some viewers break lines at.
_BREAKING = frozenset({"Cc", "Zl", "Zp"})


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data: where, which field, what was found and what is expected."""

    path: str
    line: int
    column: int
    field: str
    found: str
    expected: str

    @property
    def message(self) -> str:
        """What is wrong, without the place: ``field: found; expected …``, on one line."""
        return one_line(f"{self.field}: {self.found}; expected {self.expected}")

    def __str__(self) -> str:
        return f"{one_line(self.path)}:{self.line}:{self.column}: {self.message}"


class DataError(Exception):
    """Raised with every problem at once, sorted by file and position."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(set(problems)))
        super().__init__("\n".join(str(problem) for problem in self.problems))

    def __reduce__(self) -> tuple[type[DataError], tuple[tuple[Problem, ...]], dict[str, object]]:
        """Pickled with its problems (the default would rebuild it from its message) and notes."""
        return (DataError, (self.problems,), self.__dict__)

    def __str__(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        return "\n".join([*map(str, self.problems), f"{count} {noun} found in the data."])
