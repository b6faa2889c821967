"""A YAML syntax error in plain words: its likely cause (indentation, a missing colon, a quote inside quoted
text…), at the place to fix, naming the field where it can be known.

PyYAML says what its parser expected (``did not find expected key``); an editor needs what to change. The
causes are told apart by the line at the error, so each explanation is a likely one, worded as such.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, NamedTuple

import yaml

from generator.errors import Problem, shortened

# What comes before a value on its line: the indentation, a list item's "- ", a field name and its colon.
_BEFORE_VALUE = re.compile(r"\s*(?:-\s+)*(?:(?P<name>[^\s\"'#][^\"'#]*?):\s+)?")
_GENERAL = "a field name, a colon and a space (name: value), each field of a mapping at the same indentation"


class _Mark(NamedTuple):
    line: int  # from 0, as PyYAML counts
    column: int


class LastValue(NamedTuple):
    """The value read last before the error: its field (``quotes[0].text``), the field holding it, and where
    it starts (PyYAML's mark)."""

    field: str
    enclosing: str
    start: Any


def syntax_problem(error: yaml.MarkedYAMLError, text: str, path: str, last: LastValue | None) -> Problem:
    """The problem to report for ``error`` in the file ``text``, read up to ``last``."""
    lines = text.split("\n")
    problem = _mark(error.problem_mark) or _mark(error.context_mark) or _Mark(0, 0)
    context = _mark(error.context_mark) or problem
    last_mark = _mark(last.start) if last is not None else None
    enclosing = last.enclosing if last is not None else "(file)"

    def at(mark: _Mark, found: str, expected: str, field: str | None = None) -> Problem:
        if field is None:  # the field whose value is on that line, if known; else the one around it
            field = _field_on(lines, mark, last, last_mark)
        return Problem(path, mark.line + 1, mark.column + 1, field, found, expected)

    what = error.problem or ""
    line = lines[problem.line] if problem.line < len(lines) else ""
    quoted = _quoted_value_before(line, problem.column)
    if last_mark is not None and last_mark.line < problem.line and _opens_quotes(lines, last_mark):
        # Text in quotes runs on past its line when its closing quote is missing (or a quote inside it ends
        # it): the error shows where the next quote happened to be, the cause is where the text began.
        quote = _char(lines, last_mark)
        found = (
            f"text in quotes ({quote}) that is not closed on its line (it runs on to line {problem.line + 1})"
        )
        return at(last_mark, found, f"a closing {quote} at the end of the text, and none inside it")
    if what == "did not find expected key" and quoted is not None:
        quote, closed = quoted
        if closed:
            name = "quote" if quote == '"' else "apostrophe"
            curly = "curly quotes (“ ”)" if quote == '"' else "a curly apostrophe (’)"
            straight = '\\"' if quote == '"' else "''"
            found = f"a straight {name} ({quote}) inside text in {_kind(quote)}, which ends the text there"
            return at(
                _Mark(problem.line, problem.column - 1),
                found,
                f"{curly} inside the text, or the straight one written {straight}",
            )
        found = f"more text after the closing quote ({quote}) of text in {_kind(quote)}"
        return at(problem, found, "the whole text inside the quotes, with curly quotes (“ ”) inside it")
    if what.startswith("mapping values are not allowed"):
        before = _BEFORE_VALUE.match(line)
        if before and before["name"] and before.end() < problem.column and _char(lines, problem) == ":":
            found = "a colon and a space inside text that is not in quotes"
            return at(problem, found, 'the text in double quotes ("…")')
        found = "a field indented more than the field above it"
        return at(
            _Mark(problem.line, len(line) - len(line.lstrip())),
            found,
            "each field of a mapping at the same indentation",
        )
    if what == "could not find expected ':'":
        written = lines[context.line].strip() if context.line < len(lines) else ""
        found = f'a line without a colon after its field name ("{shortened(written, 40)}")'
        expected = (
            "a field name, a colon and a space (name: value), or more indentation if it continues a value"
        )
        return at(context, found, expected, enclosing)
    if what == "found unexpected end of stream" and error.context == "while scanning a quoted scalar":
        quote = _char(lines, context) or '"'
        return at(context, f"text in quotes ({quote}) that is never closed", f"a closing {quote} at its end")
    if what == "did not find expected '-' indicator":
        found = "a line indented differently from the list items above it"
        return at(problem, found, 'each item of a list at the same indentation, starting with "- "')
    if what in ("did not find expected ',' or ']'", "did not find expected ',' or '}'"):
        close = what[-2]
        found = f"a list or mapping opened with {'[' if close == ']' else '{'} that is not closed on its line"
        return at(context, found, f"items separated by commas and a closing {close}", enclosing)
    if what == "found unknown escape character":
        found = "a backslash (\\) inside text in double quotes that starts no known escape"
        return at(problem, found, "two backslashes (\\\\) for one, or the text in single quotes")
    if what == "did not find expected key":
        return at(problem, "a line that does not fit the indentation of the lines above it", _GENERAL)
    return at(problem, "text that YAML cannot read here", _GENERAL + ", quotes closed on their line")


def _mark(mark: Any) -> _Mark | None:
    return _Mark(mark.line, mark.column) if mark is not None else None


def _kind(quote: str) -> str:
    return "double quotes" if quote == '"' else "single quotes"


def _field_on(lines: Sequence[str], mark: _Mark, last: LastValue | None, last_mark: _Mark | None) -> str:
    """The field whose value is on the line at ``mark``: the last value read if it is there, a field named on
    that line beside the last value read (at the same indentation), or else the field around the last value."""
    if last is not None and last_mark is not None and last_mark.line == mark.line:
        return last.field
    named = _name_column(lines, mark.line)
    if named is not None:
        name, column = named
        if column == 0:  # a top-level field
            return name
        beside = _name_column(lines, last_mark.line) if last_mark is not None else None
        if last is not None and beside is not None and beside[1] == column:
            return f"{last.enclosing}.{name}" if last.enclosing != "(file)" else name
    return last.enclosing if last is not None else "(file)"


def _name_column(lines: Sequence[str], index: int) -> tuple[str, int] | None:
    """The field named at the start of a line, and the column where its name starts."""
    match = _BEFORE_VALUE.match(lines[index]) if index < len(lines) else None
    return (match["name"], match.start("name")) if match and match["name"] else None


def _quoted_value_before(line: str, column: int) -> tuple[str, bool] | None:
    """When the value on ``line`` began with a quote that closed before ``column``: the quote, and whether the
    text at ``column`` follows the closing quote straight away (a quote inside the text ended it)."""
    match = _BEFORE_VALUE.match(line)
    start = match.end() if match else 0
    if start >= min(column, len(line)) or line[start] not in "\"'":
        return None
    return line[start], column <= len(line) and line[column - 1] == line[start]


def _opens_quotes(lines: Sequence[str], mark: _Mark) -> bool:
    """Whether the value at ``mark`` opens quotes that its line does not close."""
    quote = _char(lines, mark)
    return quote in ('"', "'") and lines[mark.line].count(quote) % 2 == 1


def _char(lines: Sequence[str], mark: _Mark) -> str:
    """The character at ``mark``, or nothing past the end of its line or of the file."""
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column] if mark.column < len(line) else ""
