"""The benchmark's synthetic data: valid, reproducible, and built by MkDocs in strict mode (not timed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from bench import hugo, latency
from bench.compare import differences
from bench.measure import measure
from bench.run import _sizes, checks, results_table
from bench.synth import SIZES, Size, dump, make_project, write_data
from generator.build import Project, load_dataset
from tests.conftest import ROOT
from tests.html import parse

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


def test_synthetic_projects_have_one_edition_and_the_real_one_both(tmp_path: Path) -> None:
    """Synthetic data is in one language, like the Hugo site made from it; the real project builds as published."""
    synthetic = Project(make_project(ROOT, tmp_path / "synthetic", HUNDRED, seed=1))
    assert synthetic.editions() == ()
    assert not (synthetic.root / "content" / "es").exists()
    real = Project(make_project(ROOT, tmp_path / "real", next(size for size in SIZES if size.real), seed=1))
    assert [edition.language for edition in real.editions()] == ["en", "es"]


@pytest.mark.slow
def test_benchmark_validates_and_builds_a_hundred_quotes_strictly(tmp_path: Path) -> None:
    """The benchmark's own measurement of one size: validation, then ``mkdocs build --strict``, must pass."""
    root = make_project(ROOT, tmp_path / "project", HUNDRED, seed=2017)
    result = measure(root, HUNDRED.name, repeat=1)
    assert (result.quotes, result.events, result.people, result.topics) == (100, 20, 10, 5)
    day_pages = {path.parent.name for path in (root / "site" / "timeline").glob("*/index.html")}
    assert len(day_pages) == len(load_dataset(Project(root)).days)
    assert result.pages > len(day_pages) and result.search_index_bytes > 0
    assert result.peak_memory_mb > 0 and result.build_runs == 1
    assert result.hugo_build_s > 0 and result.query_index_bytes > 0
    assert result.preview_s is not None and result.hugo_preview_s is not None
    assert HUNDRED.name in results_table([result])
    # The only target at 100 quotes: as fast as before; the others are about the real data or larger sizes.
    assert [check.target for check in checks([result])] == [
        "100 quotes: full build no slower than before (3.3 s, +10 % noise)"
    ]


def test_sizes_are_chosen_by_number_of_quotes() -> None:
    assert [size.name for size in _sizes("1000,real")] == ["real", "1,000 quotes"]
    assert [size.key for size in SIZES] == ["real", "100", "1000", "10000", "30000"]


def _hundred(tmp_path: Path) -> Path:
    return make_project(ROOT, tmp_path / "project", HUNDRED, seed=2017)


def test_hugo_builds_every_quote_on_its_day_person_and_question_pages_escaped(tmp_path: Path) -> None:
    root = _hundred(tmp_path)
    edit = latency.choose_edit(root / "data")
    event = yaml.safe_load(edit.event_file.read_text(encoding="utf-8"))
    quote = next(quote for quote in event["quotes"] if quote["id"] == edit.quote)
    quote["text"] = f"<b>bold</b> {quote['text']}"
    quote["citations"] = quote["citations"][:1]
    quote["citations"][0]["as_printed"] = quote["text"]
    dump(edit.event_file, event)
    site = hugo.write_site(root / "data", tmp_path / "hugo")
    assert hugo.build(site) > 0
    public = site / "public"
    data = load_dataset(Project(root))
    person = data.person_by_id[quote["speaker"]]
    source = data.source_by_id[quote["citations"][0]["source"]]
    topic = quote["topics"][0]["topic"]
    pages = [f"timeline/{edit.day}", f"people/{person.id}", f"topics/{topic}"]
    for page in pages:
        figure = parse(public / page / "index.html").find("figure", id=edit.quote)
        assert figure is not None, page
        assert figure.blockquote is not None and figure.blockquote.get_text() == quote["text"]
        assert figure.find("b") is None  # the words are text, never markup
        assert [time.get_text() for time in figure.find_all("time")] == [edit.day]
        links = [link["href"] for link in figure.find_all("a")]
        assert links == [f"/people/{person.id}/", str(source.url)]
        assert figure.figcaption is not None and person.name in figure.figcaption.get_text()
    days = {path.parent.name for path in (public / "timeline").glob("*/index.html")}
    assert days == {path.name[:10] for path in (root / "data" / "events").glob("*.yaml")}
    assert len(parse(public / "index.html").select("table tbody tr")) == len(data.topics)


@pytest.mark.slow
def test_hugo_server_shows_an_edit_to_one_quote(tmp_path: Path) -> None:
    """A real ``hugo server``, polled over HTTP until the edited words are on the day page (slow: its saves
    are a second apart, as the benchmark makes them)."""
    root = _hundred(tmp_path)
    site = hugo.write_site(root / "data", tmp_path / "hugo")
    edit = latency.choose_edit(root / "data")
    found = latency.hugo_latency(site, edit, start_timeout=60, timeout=60)
    assert found is not None and len(found.seconds) == latency.SAVES
    assert 0 < min(found.seconds) <= found.median <= found.slowest
    edited = json.loads(
        (site / "data" / "events" / f"{edit.event_file.stem}.json").read_text(encoding="utf-8")
    )
    quote = next(quote for quote in edited["quotes"] if quote["id"] == edit.quote)
    # Each save put new words before the last ones.
    newest_first = [latency.marker(save) for save in reversed(range(latency.SAVES))]
    assert quote["text"].startswith(" ".join(newest_first) + " ")


@pytest.mark.slow
def test_explainer_serve_shows_an_edit_to_one_quote(tmp_path: Path) -> None:
    """A real ``explainer serve``: the edited YAML still validates, and its words reach the served day page."""
    root = _hundred(tmp_path)
    edit = latency.choose_edit(root / "data")
    found = latency.explainer_latency(root, edit, start_timeout=120, timeout=120)
    assert found is not None and len(found.seconds) == latency.SAVES
    assert 0 < min(found.seconds) <= found.median <= found.slowest
    statement = next(s for s in load_dataset(Project(root)).statements if s.quote.id == edit.quote)
    newest_first = [latency.marker(save) for save in reversed(range(latency.SAVES))]
    assert statement.quote.text.startswith(" ".join(newest_first) + " ")


def test_the_comparison_names_each_file_that_differs_or_that_one_side_lacks() -> None:
    old = {"a.md": "1", "b.md": "2", "c.md": "3"}
    new = {"a.md": "1", "b.md": "changed", "d.md": "4"}
    assert differences(old, new) == [
        "differs: b.md",
        "only in the revision: c.md",
        "only in the working tree: d.md",
    ]
    assert differences(old, dict(old)) == []
