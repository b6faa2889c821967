"""The benchmark's synthetic data: valid, reproducible, and built by MkDocs in strict mode (not timed)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from bench.measure import measure, tree_pss_kb
from bench.pieces import Piece, measure_pieces, pieces_table, weights_source
from bench.run import checks, results_table
from bench.synth import SIZES, Size, make_project, write_data
from generator.build import Project, generate, load_dataset
from generator.render.context import STYLESHEET
from generator.render.site import WEIGHTS
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
    assert result.peak_memory_mb > 0 and result.peak_memory_all_mb > 0
    assert HUNDRED.name in results_table([result])
    assert checks([result]) == []  # every target is about the real data, or compares or needs 10,000 quotes


def test_the_memory_of_a_process_and_its_children_is_read_from_proc() -> None:
    alone = tree_pss_kb(os.getpid())
    assert alone > 0
    ended = subprocess.Popen(["true"])
    ended.wait()
    assert tree_pss_kb(ended.pid) == 0  # gone: nothing to count


def test_every_piece_of_the_rendering_is_measured_and_together_they_make_the_site(tmp_path: Path) -> None:
    project = Project(make_project(ROOT, tmp_path / "project", HUNDRED, seed=2017))
    pieces = measure_pieces(project, repeat=1)
    assert [piece.name for piece in pieces] == list(WEIGHTS)
    assert all(piece.cpu_s > 0 and piece.made_mb > 0 for piece in pieces)
    site = generate(project, processes=1)
    del site[STYLESHEET]  # the one file that is no piece's: it is copied as it is
    site_mb = sum(len(text.encode()) for text in site.values()) / 1_000_000
    # Pickled, the pieces hold every file of the site, and a little more: paths and framing. The structured
    # data are lines that go into the pages' front matter, so they count twice. Each figure is rounded to 0.01.
    data_mb = next(piece.made_mb for piece in pieces if piece.name == "structured data")
    assert site_mb - 0.05 <= sum(piece.made_mb for piece in pieces) <= site_mb + data_mb + 0.1


def test_the_pieces_table_shows_each_share_and_weight_and_the_weights_read_as_python() -> None:
    pieces = [Piece("people", 0.3, 13.25), Piece("questions", 0.1, 6.0)]
    table = pieces_table(pieces).splitlines()
    people_weight, people_made = WEIGHTS["people"]
    assert table[2] == f"| people | 0.300 s | 75% | 13.2 MB | {people_weight:.2f} s, {people_made:.1f} MB |"
    assert table[-1] == "| all | 0.400 s | 100% | 19.2 MB | |"
    assert eval("{" + weights_source(pieces) + "}") == {"people": (0.3, 13.2), "questions": (0.1, 6.0)}
