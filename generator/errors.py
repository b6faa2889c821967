"""Problems found in the data, each pinned to a place in a file."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass


def visible(text: str) -> str:
    """``text`` with each character one cannot see, or that combines with the one before it, written as YAML
    writes it in double quotes (``\\u200B``): a message stays on one line, and two texts that differ only there
    look different. Every message that shows data goes through it (:attr:`Problem.message`)."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(
        _escape(char) if unicodedata.category(char) in _UNSEEN and char != " " else char for char in text
    )


def shortened(text: str, limit: int) -> str:
    """``text`` on one line of at most ``limit`` characters, cut with "…" (:func:`visible` shows what cannot be
    seen)."""
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def character(char: str) -> str:
    """A character as a message shows it: ``"s"`` for a plain letter or digit; with its code point and Unicode
    name for any other, whose look may be mistaken (``"-" U+002D HYPHEN-MINUS`` beside ``"–" U+2013 EN DASH``)."""
    if char.isascii() and char.isalnum():
        return f'"{char}"'
    name = unicodedata.name(char, "")
    return f'"{char}" U+{ord(char):04X}' + (f" {name}" if name else "")


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


# Controls and format characters (U+200B), spaces other than the space, line and paragraph separators,
# combining marks (an accent written apart from its letter), surrogates, private-use and unassigned code points.
_UNSEEN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Mc", "Me"})


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
        return visible(f"{self.field}: {self.found}; expected {self.expected}")

    def __str__(self) -> str:
        return f"{visible(self.path)}:{self.line}:{self.column}: {self.message}"


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
