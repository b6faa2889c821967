"""No input crashes: arbitrary bytes, arbitrary YAML and mutated real files in data/ and content/ give either
a site or problems at file:line:column, never a traceback, a hang or a crash.

Bounded for the everyday test run (a fixed seed, few examples); a longer run:
``EXPLAINER_FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest tests/test_fuzz_input.py``.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.build import Project, generate
from generator.errors import DataError
from generator.yamlfile import load_yaml
from tests.conftest import SMALL

EXAMPLES = int(os.environ.get("EXPLAINER_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,  # the same examples on every run: a failure here is never a matter of luck
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# The files a fuzzed input replaces: each kind of data file, a new event file, and a hand-written page.
TARGETS = [
    "data/explainer.yaml",
    "data/people.yaml",
    "data/sources.yaml",
    "data/topics.yaml",
    "data/corrections.yaml",
    "data/events/2021-03-02-council-meeting.yaml",
    "data/events/2021-05-01-new.yaml",
    "content/index.md",
]


@pytest.fixture(scope="module")
def project() -> Iterator[Path]:
    """One copy of the small fixture for all examples; each restores what it changed."""
    with tempfile.TemporaryDirectory() as folder:
        yield shutil.copytree(SMALL, Path(folder) / "project")


def outcome(root: Path, target: str, raw: bytes) -> None:
    """Generate the site with ``target`` holding ``raw``: it must build, or report well-formed problems."""
    path = root / target
    before = path.read_bytes() if path.exists() else None
    path.write_bytes(raw)
    try:
        generate(Project(root))
    except DataError as error:
        assert error.problems
        for problem in error.problems:
            assert (root / problem.path).exists() or problem.path == target, problem
            assert problem.line >= 1 and problem.column >= 1, problem
            assert problem.found and problem.expected, problem
            assert "\n" not in str(problem), problem
    finally:
        if before is None:
            path.unlink()
        else:
            path.write_bytes(before)


# Bytes of any kind, and text (control characters, line separators, lone surrogates and all) as bytes.
BYTES = st.binary(max_size=2000) | st.text(max_size=500).map(
    lambda text: text.encode("utf-8", "surrogatepass")
)


@FUZZ
@given(st.sampled_from(TARGETS), BYTES)
@example("data/topics.yaml", b"topics:\n  - id: [" + b"[" * 40_000)
@example("data/people.yaml", b"people: \x00\x07\x1b\x7f\xef\xbf\xbe")
@example("content/index.md", b"# caf\xe9\n")
def test_arbitrary_bytes(project: Path, target: str, raw: bytes) -> None:
    outcome(project, target, raw)


SCALARS = (
    st.text(max_size=20)
    | st.integers()
    | st.floats(allow_nan=False)
    | st.booleans()
    | st.none()
    | st.dates(min_value=dt.date(1, 1, 1))
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=30,
)
FIELDS = st.sampled_from(
    ["id", "name", "topics", "people", "quotes", "date", "title", "speaker", "citations"]
)
# Mappings with the data's own field names (and others), nested: the shapes validation has to answer for.
SHAPED = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(FIELDS | st.text(max_size=8), inner, max_size=6)
    ),
    max_leaves=40,
)


@FUZZ
@given(st.sampled_from(TARGETS[:-1]), VALUES | SHAPED)
def test_arbitrary_yaml_structures(project: Path, target: str, value: Any) -> None:
    outcome(project, target, yaml.safe_dump(value, allow_unicode=True).encode("utf-8"))


MUTATIONS = st.sampled_from(["delete", "insert", "duplicate", "swap", "replace"])


@FUZZ
@given(
    st.sampled_from(TARGETS),
    st.lists(st.tuples(MUTATIONS, st.integers(0, 10**6), st.binary(max_size=8)), max_size=4),
)
def test_mutated_real_files(project: Path, target: str, mutations: list[tuple[str, int, bytes]]) -> None:
    path = project / target
    raw = path.read_bytes() if path.exists() else (project / TARGETS[5]).read_bytes()
    for kind, at, piece in mutations:
        lines = raw.split(b"\n")
        where, line = at % (len(raw) + 1), at % len(lines)
        if kind == "delete":
            raw = raw[:where] + raw[where + len(piece) + 1 :]
        elif kind == "insert":
            raw = raw[:where] + piece + raw[where:]
        elif kind == "duplicate":
            raw = b"\n".join([*lines[: line + 1], lines[line], *lines[line + 1 :]])
        elif kind == "swap":
            other = (line + 1) % len(lines)
            lines[line], lines[other] = lines[other], lines[line]
            raw = b"\n".join(lines)
        else:
            raw = raw[:where] + piece[:1] + raw[where + 1 :]
    outcome(project, target, raw)


def _plain(value: Any) -> Any:
    """PyYAML's value as our reader gives it: lists as tuples."""
    if isinstance(value, list):
        return tuple(_plain(item) for item in value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


@FUZZ
@given(st.text(max_size=300) | VALUES.map(lambda value: yaml.safe_dump(value, allow_unicode=True)))
@example("a: &x [1, 2]\nb: *x\n")
@example("a: no\nb: 012\nc: 1:20\n")
@example("a: 2017-02-23\nb: 1.5\nc: ~\nd: '1'\n")
def test_a_file_read_without_problems_holds_what_pyyaml_reads(text: str) -> None:
    """When the reader reports nothing, its values are PyYAML's: the traps it refuses are all it changes."""
    loaded, problems = load_yaml(text, "file.yaml")
    if loaded is None or problems:
        assert problems
        return
    assert loaded.data == _plain(yaml.safe_load(text))
