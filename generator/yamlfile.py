"""Read one YAML file into plain values, and find the line and column of any value or key.

PyYAML's safe loader is lenient in ways that hurt editors: a duplicate key silently wins, ``no`` becomes
``False``, ``012`` an octal number and ``1:20`` the number 80. We compose the node tree (in C, with libyaml), then
convert it ourselves, reporting each of those traps as a problem instead of guessing.

Most files hold none of them, and their positions are needed only to report a problem: such a file is converted
without noting positions, and they are found again from its text when first asked for.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Problem

MAX_FILE_BYTES = 1_048_576

# Where a value sits in a file: keys and list indexes from the top.
FieldPath = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_PLAIN_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_PLAIN_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BOOLEAN_WORDS = {"true": True, "false": False}


class _Loader(yaml.CSafeLoader):
    """PyYAML's C safe loader, resolving tags without the bookkeeping for path resolvers, which it has none of.

    The C composer calls these three methods for every node; PyYAML's own, general enough for path resolvers,
    took 0.15 s of the 0.50 s it spends composing 10,000 quotes.
    """

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        """A node's tag when none is written: a plain scalar's by its first character and pattern (true, 12, ~…)."""
        if kind is yaml.ScalarNode and implicit[0]:
            resolvers: Sequence[tuple[str, re.Pattern[str]]] = self.yaml_implicit_resolvers.get(value[:1], ())
            for tag, pattern in resolvers:
                if pattern.match(value):
                    return tag
        if kind is yaml.ScalarNode:
            return self.DEFAULT_SCALAR_TAG
        return self.DEFAULT_MAPPING_TAG if kind is yaml.MappingNode else self.DEFAULT_SEQUENCE_TAG


def format_path(path: FieldPath) -> str:
    """``quotes[0].citations[1].as_printed`` for ``("quotes", 0, "citations", 1, "as_printed")``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(file)"


@dataclass(frozen=True)
class Position:
    line: int
    column: int


_Positions = tuple[dict[FieldPath, Position], dict[FieldPath, Position]]
"""The position of every value, and of every mapping key, by path."""


@dataclass(frozen=True)
class LoadedFile:
    """A file's values as plain Python, with the position of every value and every mapping key."""

    path: str
    data: Any
    text: str = field(repr=False, compare=False)
    """The file's text, read again for positions: only a problem needs one, so they are found when asked for."""
    found_positions: _Positions | None = field(default=None, repr=False, compare=False)
    """The positions, when reading the file already noted them (it had something to report)."""

    @property
    def values(self) -> dict[FieldPath, Position]:
        """The position of every value, by its path."""
        return self._positions[0]

    @property
    def keys(self) -> dict[FieldPath, Position]:
        """The position of every mapping key, by the path of its value."""
        return self._positions[1]

    @cached_property
    def _positions(self) -> _Positions:
        if self.found_positions is not None:
            return self.found_positions
        node = yaml.compose(self.text, Loader=_Loader)  # it composed when the file was loaded
        converter = _Converter(self.path, self.text)
        if node is not None:
            converter.convert(node, ())
        return converter.values, converter.keys

    def position(self, path: FieldPath, *, key: bool = False) -> Position:
        """The position of the value (or key) at ``path``, or of its nearest enclosing value."""
        if key and path in self.keys:
            return self.keys[path]
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, Position(1, 1))

    def problem(
        self, path: FieldPath, found: str, expected: str, *, key: bool = False, at: FieldPath | None = None
    ) -> Problem:
        """A problem with the field at ``path``, placed at that field (or at ``at``, e.g. for a missing field)."""
        where = self.position(path if at is None else at, key=key)
        return Problem(self.path, where.line, where.column, format_path(path), found, expected)


def load_file(path: Path, display_path: str) -> tuple[LoadedFile | None, list[Problem]]:
    """Load ``path``; return the file (or None when it cannot be read at all) and every problem found."""
    text, problems = _decode(path.read_bytes(), display_path)
    if text is None:
        return None, problems
    problems = list(_check_tabs(text, display_path))
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = error.problem or error.context or "a syntax error"
        problems.append(Problem(display_path, line, column, "(file)", f"invalid YAML: {what}", _YAML_HINT))
        return None, problems
    data, found, positions = _convert(node, text, display_path)
    return LoadedFile(display_path, data, text, positions), problems + found


_YAML_HINT = "valid YAML: check the indentation, a missing colon after a field name, or unbalanced quotes"


def _decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or None and why it cannot be read as text."""
    if len(raw) > MAX_FILE_BYTES:
        found = f"a file of {len(raw):,} bytes"
        return None, [Problem(path, 1, 1, "(file)", found, f"at most {MAX_FILE_BYTES:,} bytes")]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Problem(path, 1, 1, "(file)", "a byte-order mark", "UTF-8 without a byte-order mark")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        found = f"a byte 0x{raw[error.start]:02x} that is not UTF-8"
        return None, [Problem(path, line, column, "(file)", found, "text saved as UTF-8")]


def _check_tabs(text: str, path: str) -> Iterator[Problem]:
    if "\t" not in text:
        return  # the common case: one scan of the text instead of a loop over its lines
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            yield Problem(
                path, number, indent.index("\t") + 1, "(file)", "a tab in the indentation", "spaces"
            )


def _alias_marks(text: str) -> Iterator[Any]:
    """Where each alias (``*name``) is written, in document order: composed nodes do not keep this."""
    if "*" not in text:
        return  # no alias can be written without one: skip the second parse
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            yield event.start_mark


def _convert(node: yaml.Node | None, text: str, path: str) -> tuple[Any, list[Problem], _Positions | None]:
    """The file's value, its problems, and its positions if they were noted: at once, without positions, when
    there is nothing to report, else through _Converter (whose positions the problems' reports will need)."""
    if node is None:
        return None, [], None
    if "&" not in text or "*" not in text:  # else it may hold an alias: *name, of an &name
        with contextlib.suppress(_TrapError):
            return _plain_value(node), [], None
    converter = _Converter(path, text)
    return converter.convert(node, ()), converter.problems, (converter.values, converter.keys)


class _TrapError(Exception):
    """Something _Converter reports (a trap, a tag, a field name twice or not text): it converts the file."""


def _plain_value(node: yaml.Node) -> Any:
    """The value of a file's nodes when it holds no alias, and nothing to report.

    This is _Converter without positions, paths or problems: at the first thing _Converter would report it
    raises _TrapError, and the whole file is converted again by _Converter, which finds every problem.
    """
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR:  # most values: text
            return node.value
        value, trap = _scalar(node)
        if trap is not None:
            raise _TrapError
        return value
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key_node.tag != _STR or not isinstance(key_node, yaml.ScalarNode) or key in result:
                raise _TrapError
            result[key] = _plain_value(value_node)
        return result
    return tuple([_plain_value(item) for item in node.value])


class _Converter:
    """Turn composed nodes into plain values, noting positions and the YAML traps."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self._alias_marks = _alias_marks(text)
        self.values: dict[FieldPath, Position] = {}
        self.keys: dict[FieldPath, Position] = {}
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def _problem(
        self, node: yaml.Node, path: FieldPath, found: str, expected: str, mark: yaml.Mark | None = None
    ) -> None:
        mark = mark or node.start_mark
        self.problems.append(
            Problem(self.path, mark.line + 1, mark.column + 1, format_path(path), found, expected)
        )

    def _is_alias(self, node: yaml.Node, path: FieldPath) -> bool:
        """Report a node met a second time: the composer hands back one node object for every alias.

        Each alias is reported once and not expanded, so an "alias bomb" costs no more than its own text.
        """
        if id(node) not in self._seen:
            self._seen.add(id(node))
            return False
        mark = next(self._alias_marks, None)
        if mark is not None:
            self.values[path] = Position(mark.line + 1, mark.column + 1)
        found = "an alias (*name) of an anchor (&name)"
        self._problem(node, path, found, "each value written out in full", mark)
        return True

    def convert(self, node: yaml.Node, path: FieldPath) -> Any:
        self.values[path] = Position(node.start_mark.line + 1, node.start_mark.column + 1)
        if self._is_alias(node, path):
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return tuple(self.convert(item, (*path, index)) for index, item in enumerate(node.value))
        value, trap = _scalar(node)
        if trap is not None:
            self._problem(node, path, *trap)
        return value

    def _mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if self._is_alias(key_node, path):
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                self._problem(key_node, path, "a field name that is not plain text", "a name such as title:")
                continue
            key = key_node.value
            key_path = (*path, key)
            if key in result:
                first = self.keys[key_path]
                found = f'the field "{key}" a second time (first on line {first.line})'
                self._problem(key_node, key_path, found, "each field once")
                continue
            self.keys[key_path] = Position(key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.convert(value_node, key_path)
        return result


def _scalar(node: yaml.Node) -> tuple[Any, tuple[str, str] | None]:
    """A scalar's value and, when it is one of YAML's traps, what to report: what was found and what is expected."""
    value: str = node.value
    tag: str = node.tag
    plain = getattr(node, "style", None) in (None, "")
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
        return value, (
            f"{value}, which YAML reads as true or false",
            f'text in quotes ("{value}"), or true or false',
        )
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
