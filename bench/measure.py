"""Measure one project: the YAML floor, the generator, the full MkDocs build and what it wrote, Hugo's build of
the same data, and the live preview's latency beside ``hugo server``'s."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from bench import hugo, latency
from generator.build import Project, load_dataset
from generator.load import load_data
from generator.validate import validate

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Result:
    """The figures for one data set size."""

    size: str
    quotes: int
    events: int
    people: int
    topics: int
    data_files: int
    data_bytes: int
    yaml_floor_s: float
    generator_s: float
    load_s: float
    validate_s: float
    build_s: float
    peak_memory_mb: float
    pages: int
    site_bytes: int
    largest_page: str
    largest_page_bytes: int
    search_index_bytes: int
    home_first_paint_bytes: int
    build_runs: int
    query_index_bytes: int
    hugo_build_s: float
    # The live preview: the median and the slowest of latency.SAVES saves.
    preview_s: float | None
    preview_slowest_s: float | None
    hugo_preview_s: float | None
    hugo_preview_slowest_s: float | None

    @property
    def generator_share(self) -> float:
        return self.generator_s / self.build_s

    @property
    def render_s(self) -> float:
        """Rendering the pages and the data exports: what the generator spends beyond reading and checking."""
        return max(0.0, self.generator_s - self.load_s - self.validate_s)


def best_time(action: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds: the least disturbed by other work on the machine."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


# One generator run, timed inside a fresh Python process (imports excluded); prints the seconds.
_ONE_GENERATOR_RUN = """
import sys, time
from pathlib import Path
from generator.build import Project, generate
project = Project(Path(sys.argv[1]))
start = time.perf_counter()
generate(project)
print(time.perf_counter() - start)
"""


def generator_time(root: Path, repeat: int) -> float:
    """The fastest of ``repeat`` generator runs, each in a fresh Python process, as a build runs it: what a
    run leaves loaded (Babel's locale data, the catalogs) is never counted as free."""
    times = []
    for _ in range(repeat):
        command = [sys.executable, "-c", _ONE_GENERATOR_RUN, str(root)]
        finished = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True)
        times.append(float(finished.stdout))
    return min(times)


def yaml_floor(paths: list[Path]) -> None:
    """Only parse every data file with PyYAML's C loader: no generator can read the data faster."""
    for path in paths:
        yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def stage_times(project: Project, repeat: int) -> tuple[float, float]:
    """The generator's first stages on their own: reading the YAML, and validating it."""
    loaded = load_data(project.root, project.data_dir)
    return (
        best_time(lambda: load_data(project.root, project.data_dir), repeat),
        best_time(lambda: validate(loaded), repeat),
    )


@dataclass(frozen=True)
class Build:
    """A finished ``mkdocs build``: its wall time, and its peak memory (resident set) in MB."""

    seconds: float
    peak_mb: float


def best_build(root: Path, site: Path, repeat: int) -> Build:
    """The fastest of ``repeat`` full builds, with the largest peak memory of them."""
    builds = [run_build(root, site) for _ in range(repeat)]
    return Build(min(build.seconds for build in builds), max(build.peak_mb for build in builds))


def run_build(root: Path, site: Path) -> Build:
    """``mkdocs build --strict`` in a child process, timed; its peak memory as the system reports it."""
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--clean",
        "--quiet",
        "--site-dir",
        str(site),
    ]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=root, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"mkdocs build --strict failed in {root} (exit {process.returncode})")
    # Linux reports kilobytes: the largest of the process and the children it waited for
    return Build(elapsed, usage.ru_maxrss / 1024)


class _Assets(HTMLParser):
    """The stylesheets and scripts a page loads, as written in it."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") == "stylesheet" and values.get("href"):
            self.found.append(str(values["href"]))
        elif tag == "script" and values.get("src"):
            self.found.append(str(values["src"]))


def search_index_bytes(site: Path) -> int:
    """The whole search index on disk (Pagefind's chunks, filters and metadata): a query downloads only the
    chunks for its words (tests/test_search.py measures one at 10,000 quotes)."""
    index = site / "pagefind"
    return sum(
        path.stat().st_size
        for path in index.rglob("*")
        if path.is_file() and (path.suffix.startswith(".pf_") or path.name == "pagefind-entry.json")
    )


# A query for one word with Pagefind's default UI: the entry file, the metadata, one index chunk (the largest,
# as the worst case), the filters, and the fragments of the first page of results (5).
_FIRST_RESULTS = 5


def query_index_bytes(site: Path) -> int:
    """The part of Pagefind's chunked index that a one-word query downloads, at the most (the search code and
    its UI aside; tests/test_search.py records a real query's downloads in a browser)."""
    index = site / "pagefind"

    def sizes(pattern: str) -> list[int]:
        return sorted((path.stat().st_size for path in index.rglob(pattern) if path.is_file()), reverse=True)

    entry = (index / "pagefind-entry.json").stat().st_size
    return (
        entry
        + sum(sizes("*.pf_meta"))
        + sum(sizes("*.pf_index")[:1])
        + sum(sizes("*.pf_filter"))
        + sum(sizes("*.pf_fragment")[:_FIRST_RESULTS])
    )


def first_paint_bytes(site: Path) -> int:
    """The home page with every local stylesheet and script it loads (the search index loads later, on search)."""
    home = site / "index.html"
    parser = _Assets()
    parser.feed(home.read_text(encoding="utf-8"))
    assets = {(site / href.split("?")[0]).resolve() for href in parser.found if "://" not in href}
    return home.stat().st_size + sum(path.stat().st_size for path in assets if path.is_file())


def measure(root: Path, size: str, *, repeat: int) -> Result:
    """Every figure for the project in ``root``; fails unless the data validates and the strict build passes.

    The live preview is measured last: it edits one quote in ``root``'s data. The Hugo site is written beside
    ``root``."""
    project = Project(root)
    data = load_dataset(project)  # raises DataError with every problem
    paths = sorted((root / "data").rglob("*.yaml"))
    floor = best_time(lambda: yaml_floor(paths), repeat)
    generator = generator_time(root, repeat)
    load, check = stage_times(project, repeat)
    site = root / "site"
    build = best_build(root, site, repeat)
    pages = sorted(site.rglob("*.html"))
    largest = max(pages, key=lambda page: page.stat().st_size)
    hugo_site = hugo.write_site(root / "data", root.parent / f"{root.name}-hugo")
    # Hugo builds in seconds at every size: the best of 3 is affordable everywhere.
    hugo_build = min(hugo.build(hugo_site) for _ in range(3))
    edit = latency.choose_edit(root / "data")
    # Generous limits: a preview that rebuilds the whole site takes about as long as a build, a little more.
    start_limit, edit_limit = 120 + 5 * build.seconds, 60 + 3 * build.seconds
    hugo_preview = latency.hugo_latency(hugo_site, edit, start_timeout=start_limit, timeout=edit_limit)
    preview = latency.explainer_latency(root, edit, start_timeout=start_limit, timeout=edit_limit)
    return Result(
        size=size,
        quotes=len(data.statements),
        events=len(data.events),
        people=len(data.people),
        topics=len(data.topics),
        data_files=len(paths),
        data_bytes=sum(path.stat().st_size for path in paths),
        yaml_floor_s=round(floor, 4),
        generator_s=round(generator, 4),
        load_s=round(load, 4),
        validate_s=round(check, 4),
        build_s=round(build.seconds, 3),
        peak_memory_mb=round(build.peak_mb, 1),
        pages=len(pages),
        site_bytes=sum(path.stat().st_size for path in site.rglob("*") if path.is_file()),
        largest_page=largest.relative_to(site).as_posix(),
        largest_page_bytes=largest.stat().st_size,
        search_index_bytes=search_index_bytes(site),
        home_first_paint_bytes=first_paint_bytes(site),
        build_runs=repeat,
        query_index_bytes=query_index_bytes(site),
        hugo_build_s=round(hugo_build, 3),
        preview_s=_rounded(None if preview is None else preview.median),
        preview_slowest_s=_rounded(None if preview is None else preview.slowest),
        hugo_preview_s=_rounded(None if hugo_preview is None else hugo_preview.median),
        hugo_preview_slowest_s=_rounded(None if hugo_preview is None else hugo_preview.slowest),
    )


def _rounded(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds, 3)
