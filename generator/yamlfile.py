"""Read one YAML file's text into plain values, noting the line and column of every value and field name.

PyYAML's safe loader is lenient in ways that hurt editors: a duplicate key silently wins, ``no`` becomes
``False``, ``012`` an octal number and ``1:20`` the number 80. We take the file's events from PyYAML's parser
and build the values ourselves, reporting each of those traps as a problem instead of guessing. Building them
with a stack of our own, rather than PyYAML's recursive composer, bounds how deeply values may nest before
anything recurses: a file of 30,000 ``[`` is one problem, not a crashed process.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, cast

import yaml

from generator.errors import Problem
from generator.yamlsyntax import LastValue, syntax_problem

# Lists and mappings inside one another: an event file needs six levels. The bound keeps every later step
# that walks the values (validation, error reports) far from Python's recursion limit.
MAX_DEPTH = 32

# Where a value sits in a file: keys and list indexes from the top.
FieldPath = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_DEFAULT_TAGS = (None, "!", _TAG + "map", _TAG + "seq")
_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_PLAIN_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_PLAIN_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BOOLEAN_WORDS = {"true": True, "false": False}
# The characters YAML allows in a file (YAML 1.1, 5.1, as PyYAML's reader checks them): one of the others would
# stop the parser with an error that names no line.
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def format_path(path: FieldPath) -> str:
    """``quotes[0].citations[1].as_printed`` for ``("quotes", 0, "citations", 1, "as_printed")``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(file)"


def values_at(data: Any, pattern: Sequence[str]) -> list[tuple[FieldPath, Any]]:
    """The values at ``pattern`` (keys, ``*`` for every item of a list) in ``data``, with their paths, in the
    order they are written."""
    found: list[tuple[FieldPath, Any]] = [((), data)]
    for head in pattern:  # one level at a time: each keeps the order of the one above
        deeper: list[tuple[FieldPath, Any]] = []
        for path, value in found:
            if head == "*" and isinstance(value, tuple):
                deeper += [((*path, index), item) for index, item in enumerate(value)]
            elif isinstance(value, dict) and head in value:
                deeper.append(((*path, head), value[head]))
        found = deeper
    return found


class Position(NamedTuple):
    line: int
    column: int


@dataclass(frozen=True)
class LoadedFile:
    """A file's values as plain Python, with where every value and every mapping key starts."""

    path: str
    data: Any
    starts: dict[FieldPath, Any] = field(default_factory=dict, repr=False, compare=False)
    """Where each value starts, by its path: PyYAML's mark (0-based line and column)."""
    key_starts: dict[FieldPath, Any] = field(default_factory=dict, repr=False, compare=False)
    """Where each mapping key starts, by the path of its value."""

    def position(self, path: FieldPath, *, key: bool = False) -> Position:
        """The position of the value (or key) at ``path``, or of its nearest enclosing value."""
        if key and path in self.key_starts:
            return _position(self.key_starts[path])
        while path not in self.starts and path:
            path = path[:-1]
        return _position(self.starts[path]) if path in self.starts else Position(1, 1)

    def problem(
        self, path: FieldPath, found: str, expected: str, *, key: bool = False, at: FieldPath | None = None
    ) -> Problem:
        """A problem with the field at ``path``, placed at that field (or at ``at``, e.g. for a missing field)."""
        where = self.position(path if at is None else at, key=key)
        return Problem(self.path, where.line, where.column, format_path(path), found, expected)

    def strings(self) -> Iterator[tuple[FieldPath, str]]:
        """Every text value in the file, with its path, in file order."""
        return _strings(self.data, ())


def _strings(value: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, (list, tuple)):  # the reader gives YAML sequences as tuples
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def unprintable(text: str) -> str | None:
    """The first character of ``text`` that a YAML file may not hold (a control character…), if any."""
    match = _UNPRINTABLE.search(text)
    return match.group() if match else None


def load_yaml(text: str, path: str) -> tuple[LoadedFile | None, list[Problem]]:
    """Read a file's text; return the file (None when it is not YAML at all) and every problem found."""
    if text.startswith("\ufeff"):
        return None, [Problem(path, 1, 1, "(file)", "a byte-order mark", "UTF-8 without a byte-order mark")]
    problems = list(_check_lines(text, path))
    if problems:  # then read on, each unprintable character replaced, to report the file's other problems too
        text = _UNPRINTABLE.sub("\ufffd", text)
    reader = _Reader(path)
    try:
        data = reader.read(yaml.parse(text, Loader=yaml.CSafeLoader))
    except yaml.MarkedYAMLError as error:
        last = next(reversed(reader.starts), None)
        read = (
            None
            if last is None
            else LastValue(format_path(last), format_path(last[:-1]), reader.starts[last])
        )
        return None, [*problems, *reader.problems, syntax_problem(error, text, path, read)]
    except _UnreadableError as error:
        return None, [*problems, *reader.problems, error.problem]
    return LoadedFile(path, data, reader.starts, reader.key_starts), problems + reader.problems


def _check_lines(text: str, path: str) -> Iterator[Problem]:
    """A tab in a line's indentation, and the first character on a line that YAML does not allow."""
    if "\t" not in text and _UNPRINTABLE.search(text) is None:
        return  # the common case: two scans of the text instead of a loop over its lines
    for number, line in enumerate(text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            yield Problem(
                path, number, indent.index("\t") + 1, "(file)", "a tab in the indentation", "spaces"
            )
        match = _UNPRINTABLE.search(line)
        if match:
            code = f"{ord(match.group()):04X}"
            found = f"the unprintable character U+{code}"
            expected = f"printable text (remove it, or write it as \\u{code} inside double quotes)"
            yield Problem(path, number, match.start() + 1, "(file)", found, expected)


class _UnreadableError(Exception):
    """What stops a file being read further: a second document, or values nested too deeply."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class _Open:
    """A list or mapping whose items are being read."""

    path: FieldPath
    mapping: dict[str, Any] | None  # None for a list
    items: list[Any] = field(default_factory=list)
    key: str | None = None
    """In a mapping, the field name whose value comes next (None while a field name comes next)."""

    def add(self, value: Any) -> None:
        if self.mapping is None:
            self.items.append(value)
        else:
            self.mapping[str(self.key)] = value
            self.key = None


_STARTS = frozenset({yaml.MappingStartEvent, yaml.SequenceStartEvent})
_ENDS = frozenset({yaml.MappingEndEvent, yaml.SequenceEndEvent})
_NODES = _STARTS | {yaml.ScalarEvent, yaml.AliasEvent}
_Resolve = Callable[[type[yaml.Node], str, tuple[bool, bool]], str]


class _Reader:
    """Build a document's plain values from its events, noting where each starts and reporting YAML's traps.

    A value that is not kept (under a field name that is not text, or given twice) is skipped event by event.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.starts: dict[FieldPath, Any] = {}
        self.key_starts: dict[FieldPath, Any] = {}
        self.problems: list[Problem] = []
        # PyYAML's own resolution of an untagged scalar (``12`` an int, ``no`` a bool…), typed; remembered, as
        # field names and many values come again and again.
        self._resolve = cast(_Resolve, yaml.resolver.Resolver().resolve)
        self._plain_tags: dict[tuple[str, tuple[bool, bool]], str] = {}

    def read(self, events: Iterable[Any]) -> Any:
        """The value of the file's one document (None if it has none)."""
        root = _Open((), None)  # holds the document's value
        stack = [root]
        skip_values = 0  # whole values still to skip, at this level
        skipping = 0  # how many lists and mappings deep into a skipped value
        documents = 0
        for event in events:
            kind = type(event)
            if kind in _ENDS:
                if skipping:
                    skipping -= 1
                    continue
                done = stack.pop()
                stack[-1].add(tuple(done.items) if done.mapping is None else done.mapping)
            elif kind in _NODES:
                if skipping or skip_values:
                    skip_values -= 0 if skipping else 1
                    skipping += kind in _STARTS
                    if len(stack) - 1 + skipping > MAX_DEPTH:
                        raise self._too_deep(event, stack[-1].path)
                    continue
                top = stack[-1]
                if top.mapping is not None and top.key is None:
                    key = event.value if kind is yaml.ScalarEvent and self._tag(event) == _STR else None
                    if key is None or key in top.mapping:
                        skip_values, skipping = self._refuse_key(top, event)
                    else:
                        top.key = key
                        self.key_starts[(*top.path, key)] = event.start_mark
                    continue
                if top is root:
                    path: FieldPath = ()
                else:
                    path = (*top.path, len(top.items) if top.mapping is None else str(top.key))
                self.starts[path] = event.start_mark
                if kind is yaml.ScalarEvent:
                    value, trap = _scalar(self._tag(event), event.value, plain=not event.style)
                    if trap is not None:
                        self._problem(event, path, *trap)
                    top.add(value)
                elif kind is yaml.AliasEvent:
                    self._alias(event, path)
                    top.add(None)
                elif len(stack) > MAX_DEPTH:
                    raise self._too_deep(event, path)
                else:
                    if event.tag not in _DEFAULT_TAGS:
                        self._problem(event, path, f"the tag {event.tag}", "a plain value without a tag")
                    stack.append(_Open(path, {} if kind is yaml.MappingStartEvent else None))
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    found = "a second document (after ---)"
                    raise _UnreadableError(self._problem_at(event, (), found, "one document per file"))
        return root.items[0] if root.items else None

    def _too_deep(self, event: yaml.Event, path: FieldPath) -> _UnreadableError:
        """Read no further: libyaml's time grows with the square of the depth of ``[`` and ``{``."""
        found = f"lists and mappings nested more than {MAX_DEPTH} deep"
        return _UnreadableError(self._problem_at(event, path, found, f"at most {MAX_DEPTH} levels"))

    def _refuse_key(self, mapping: _Open, event: Any) -> tuple[int, int]:
        """Report a field name that is not text, or given twice; return how many values to skip (its own, and
        the name itself if it is a list or mapping), and how deep into one that is skipped this event goes."""
        if type(event) is yaml.AliasEvent:
            self._alias(event, mapping.path)
            return 1, 0
        if type(event) is not yaml.ScalarEvent or self._tag(event) != _STR:
            self._problem(event, mapping.path, "a field name that is not plain text", "a name such as title:")
            return 1, int(type(event) in _STARTS)
        path = (*mapping.path, event.value)
        first = _position(self.key_starts[path])
        found = f'the field "{event.value}" a second time (first on line {first.line})'
        self._problem(event, path, found, "each field once")
        return 1, 0

    def _tag(self, event: yaml.ScalarEvent) -> str:
        """The scalar's tag, as PyYAML's composer resolves it when none (or ``!``) is written."""
        if event.tag not in (None, "!"):
            return str(event.tag)
        key = (event.value, event.implicit)
        if key not in self._plain_tags:
            self._plain_tags[key] = self._resolve(yaml.ScalarNode, event.value, event.implicit)
        return self._plain_tags[key]

    def _alias(self, event: yaml.Event, path: FieldPath) -> None:
        """Report an alias: never expanded, so that an "alias bomb" costs no more than its own text."""
        self._problem(event, path, "an alias (*name) of an anchor (&name)", "each value written out in full")

    def _problem(self, event: yaml.Event, path: FieldPath, found: str, expected: str) -> None:
        self.problems.append(self._problem_at(event, path, found, expected))

    def _problem_at(self, event: yaml.Event, path: FieldPath, found: str, expected: str) -> Problem:
        where = _position(event.start_mark)
        return Problem(self.path, where.line, where.column, format_path(path), found, expected)


def _position(mark: Any) -> Position:
    """A PyYAML mark (0-based) as a position (from 1)."""
    return Position(mark.line + 1, mark.column + 1)


def _scalar(tag: str, value: str, *, plain: bool) -> tuple[Any, tuple[str, str] | None]:
    """A scalar's value and, when it is one of YAML's traps, what to report: what was found and what is expected."""
    if not tag.startswith(_TAG):
        return value, (f"the tag {tag}", "a plain value without a tag")
    kind = tag.removeprefix(_TAG)
    if kind == "str" or not plain:
        return value, None
    if kind == "null":
        return None, None
    if kind == "bool":
        if value in _BOOLEAN_WORDS:
            return _BOOLEAN_WORDS[value], None
        # No field takes true or false: the word was meant as text.
        return value, (f"{value}, which YAML reads as true or false", f'text in quotes ("{value}")')
    if kind == "int" and _PLAIN_INT.fullmatch(value):
        return int(value), None
    if kind == "float" and _PLAIN_FLOAT.fullmatch(value):
        return float(value), None
    if kind == "timestamp" and _PLAIN_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value), None
        except ValueError:
            return value, None  # not a real date: the field's own check explains it
    if kind in ("int", "float", "timestamp"):
        reading = {"int": "a number", "float": "a number", "timestamp": "a date and time"}[kind]
        return value, (f"{value}, which YAML reads as {reading}", f'text in quotes ("{value}")')
    return value, (f"a value of type {kind}", "text, a number, a list or a mapping")
