"""The benchmark's synthetic data: valid, reproducible, and built by MkDocs in strict mode (not timed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.compare import differences
from bench.measure import measure
from bench.run import checks, results_table
from bench.synth import SIZES, Size, make_project, write_data
from generator.build import Project, load_dataset
from tests.conftest import ROOT

HUNDRED = next(size for size in SIZES if size.quotes == 100)


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*.yaml"))}


def test_the_same_seed_writes_the_same_files(tmp_path: Path) -> None:
    write_data(tmp_path / "a", HUNDRED, seed=7)
    write_data(tmp_path / "b", HUNDRED, seed=7)
    write_data(tmp_path / "c", HUNDRED, seed=8)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def test_synthetic_data_validates_at_the_asked_size(tmp_path: Path) -> None:
    size = Size("test", quotes=300, events=40, people=12, topics=6)
    data = load_dataset(Project(make_project(ROOT, tmp_path / "project", size, seed=1)))
    assert (len(data.statements), len(data.events), len(data.people), len(data.topics)) == (300, 40, 12, 6)
    assert any(statement.quote.relations for statement in data.statements)
    assert any(len(statement.quote.citations) == 2 for statement in data.statements)


@pytest.mark.slow
def test_benchmark_validates_and_builds_a_hundred_quotes_strictly(tmp_path: Path) -> None:
    """The benchmark's own measurement of one size: validation, then ``mkdocs build --strict``, must pass."""
    root = make_project(ROOT, tmp_path / "project", HUNDRED, seed=2017)
    result = measure(root, HUNDRED.name, repeat=1)
    assert (result.quotes, result.events, result.people, result.topics) == (100, 20, 10, 5)
    day_pages = {path.parent.name for path in (root / "site" / "timeline").glob("*/index.html")}
    assert len(day_pages) == len(load_dataset(Project(root)).days)
    assert result.pages > len(day_pages) and result.search_index_bytes > 0
    assert result.peak_memory_mb > 0
    assert HUNDRED.name in results_table([result])
    assert checks([result]) == []  # every target is about the real data, or compares or needs 10,000 quotes


def test_the_comparison_names_each_file_that_differs_or_that_one_side_lacks() -> None:
    old = {"a.md": "1", "b.md": "2", "c.md": "3"}
    new = {"a.md": "1", "b.md": "changed", "d.md": "4"}
    assert differences(old, new) == [
        "differs: b.md",
        "only in the revision: c.md",
        "only in the working tree: d.md",
    ]
    assert differences(old, dict(old)) == []
