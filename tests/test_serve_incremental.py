"""The incremental live preview serves what a clean build makes, after every kind of edit.

A real ``explainer serve`` on a copy of the small fixture project (with a nav, as a real project has, so that
an edit can rebuild only the pages it changed), then in turn: a quote's words edited, an event added, an event
moved to another day, an event deleted, a person edited, added and deleted, a relation added, edited and one
removed, a problem made and fixed, a quote added and deleted; each one waited for on the served page. After each step (but the one that leaves the data with a
problem) every file of a clean ``explainer build`` of the same data is fetched from the preview and compared
byte for byte, normalising only what a preview must serve differently (see :func:`_comparable`). The data
exports are compared after the steps that generated every page: the others keep the last ones
(generator.preview_rebuild).
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.export import DOWNLOADS
from generator.search_index import BUNDLE_DIR
from tests.conftest import edit
from tests.test_serve import EXPLAINER, Preview, preview

pytestmark = pytest.mark.slow

# The small fixture's config with a nav and Material, as a real project has; the site's address from SITE_URL,
# so that the clean build can be given the preview's own (MkDocs serves under http://ADDRESS/small/).
CONFIG = """\
site_name: Small explainer
site_url: !ENV [SITE_URL, "https://example.org/small/"]
docs_dir: content
theme:
  name: material
plugins:
  - explainer
not_in_nav: |
  /people/*.md
  /topics/*.md
  /timeline/*.md
  /sources/*.md
  /quotes/*.md
nav:
  - Home: index.md
  - Who said what: contrast.md
  - Timeline: timeline.md
  - People: people/index.md
  - Questions: topics/index.md
  - Sources: sources.md
  - About: about.md
  - Corrections: corrections.md
  - Data: data.md
"""

MEETING = "data/events/2021-03-02-council-meeting.yaml"
VISIT = "data/events/2021-03-02-site-visit.yaml"
VOTE = "data/events/2021-04-council-vote.yaml"
NEW_EVENT = "data/events/2021-05-03-budget-hearing.yaml"
NEW_EVENT_TEXT = """\
id: 2021-05-03-budget-hearing
date: 2021-05-03
order: 1
title: The budget hearing
summary: The council heard the bridge's cost estimates.
sources: [gazette-2021-03-02]
"""
RELATION = "    relations:\n      - type: contradicts\n        quote: mayor-by-summer\n"
NEW_RELATION = """\
    relations:
      - type: contradicts
        quote: engineer-not-by-summer
        note: The mayor's date is a year earlier than the engineer's.
"""

NEW_PERSON = """\
  - id: reporter
    name: Eve Reporter
"""

NEW_QUOTE = """\
  - id: mayor-on-the-budget
    speaker: mayor
    text: the budget holds
    topics:
      - topic: cost
        stance: qualifies
    citations:
      - source: gazette-2021-03-02
        as_printed: "And the budget holds."
"""

REBUILT = re.compile(r"Rebuilt (every page|only the files that changed)")
# What the generator made again for a rebuild: only the pages an edit affects, or (without this line) all.
GENERATED = "Generated again only the pages the edit affects"
ONLY_AFFECTED, EVERY_PAGE = "only the pages the edit affects", "every page"
EXPORTS = frozenset(download.path for download in DOWNLOADS)
# MkDocs' live-reload script, which it puts before the last </body> of every HTML file it serves.
LIVE_RELOAD = re.compile(rb"<script>\s*var livereload = .*?</script>(?=</body>(?:(?!</body>).)*\Z)", re.S)
# The policy's script sources: the preview allows inline scripts, for that live-reload script.
SCRIPT_SOURCES = re.compile(rb"script-src [^;]*;")


@dataclass(frozen=True)
class Step:
    """An edit, a page that shows it once it is served, the words it then shows, which pages the generator
    makes again, and how much MkDocs rebuilds."""

    name: str
    change: Callable[[Path], object]
    page: str
    shows: str
    generates: str
    rebuilds: str
    gone: str | None = None  # a page that no longer exists
    valid: bool = True  # whether the data is valid after it (else a clean build fails, and is not compared)


def _insert_after(path: Path, anchor: str, text: str) -> None:
    edit(path, anchor, anchor + text)


STEPS = (
    Step(
        "edit a quote's words",
        lambda root: edit(root / MEETING, "a bridge by summer", "a bridge by autumn", count=3),
        "quotes/mayor-by-summer/",
        "a bridge by autumn",
        ONLY_AFFECTED,
        "only the files that changed",
    ),
    Step(
        "add an event",
        lambda root: (root / NEW_EVENT).write_text(NEW_EVENT_TEXT, encoding="utf-8"),
        "timeline/2021-05-03/",
        "The budget hearing",
        EVERY_PAGE,
        "every page",
    ),
    Step(
        "move an event to another day",
        lambda root: edit(root / VISIT, "date: 2021-03-02", "date: 2021-05-03"),
        "timeline/2021-05-03/",
        "The engineer visits the site",
        ONLY_AFFECTED,
        "only the files that changed",
    ),
    Step(
        "delete an event",
        lambda root: (root / VOTE).unlink(),
        "timeline/",
        "The budget hearing",
        EVERY_PAGE,
        "every page",
        gone="timeline/2021-04/",
    ),
    Step(
        "edit a person",
        lambda root: edit(root / "data/people.yaml", "Chief Engineer", "City Engineer"),
        "people/engineer/",
        "City Engineer",
        EVERY_PAGE,
        "only the files that changed",
    ),
    Step(
        "add a person",
        lambda root: _insert_after(root / "data/people.yaml", "    name: Cy Clerk\n", NEW_PERSON),
        "people/reporter/",
        "Eve Reporter",
        EVERY_PAGE,
        "every page",
    ),
    Step(
        "delete a person",
        lambda root: edit(root / "data/people.yaml", NEW_PERSON, ""),
        "people/",
        "Ben Engineer",
        EVERY_PAGE,
        "every page",
        gone="people/reporter/",
    ),
    Step(
        "add a relation",
        lambda root: _insert_after(root / MEETING, "        stance: affirms\n", NEW_RELATION),
        "quotes/mayor-by-summer/",
        "a year earlier than the engineer",
        ONLY_AFFECTED,
        "only the files that changed",
    ),
    Step(
        "edit a relation",
        lambda root: edit(
            root / MEETING,
            "- type: contradicts\n        quote: engineer-not-by-summer",
            "- type: clarifies\n        quote: engineer-not-by-summer",
        ),
        "quotes/engineer-not-by-summer/",
        "Clarified by",
        ONLY_AFFECTED,
        "only the files that changed",
    ),
    Step(
        "remove a relation",
        lambda root: edit(
            root / VISIT,
            RELATION + "        note: The engineer's date is a year later than the mayor's.\n",
            "",
        ),
        "quotes/engineer-not-by-summer/",
        "Not by summer. Not this year.",
        ONLY_AFFECTED,
        "only the files that changed",
    ),
    Step(
        "make a problem",
        lambda root: edit(root / VISIT, "stance: qualifies", "stance: maybe"),
        "topics/cost/",
        "expected one of affirms, denies, qualifies",
        EVERY_PAGE,
        "every page",
        valid=False,
    ),
    Step(
        "fix it otherwise",
        lambda root: edit(root / VISIT, "stance: maybe", "stance: affirms"),
        "topics/cost/",
        "Affirms",
        ONLY_AFFECTED,
        "every page",  # the data had problems, which every page showed
    ),
    # A quote's page is stamped after the build (generator/quote_stamps.py): one that comes or goes is no
    # page of MkDocs' coming or going.
    Step(
        "add a quote",
        lambda root: edit(root / MEETING, "quotes:\n", "quotes:\n" + NEW_QUOTE),
        "quotes/mayor-on-the-budget/",
        "the budget holds",
        EVERY_PAGE,
        "only the files that changed",
    ),
    Step(
        "delete a quote",
        lambda root: edit(root / MEETING, NEW_QUOTE, ""),
        "timeline/2021-03-02/",
        "a bridge by summer",
        EVERY_PAGE,
        "only the files that changed",
        gone="quotes/mayor-on-the-budget/",
    ),
)


def _fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return int(response.status), bytes(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _comparable(path: str, body: bytes) -> bytes:
    """A file as the preview and a build may both serve it: an HTML page without MkDocs' live-reload script,
    and without its policy's script sources (the preview allows inline scripts, for that script; a build
    allows only Material's, by hash); a gzipped file's contents (its header holds the time it was made, so
    two clean builds differ there too)."""
    if path.endswith(".gz"):
        return gzip.decompress(body)
    if not path.endswith(".html"):
        return body
    return SCRIPT_SOURCES.sub(b"script-src (normalised);", LIVE_RELOAD.sub(b"", body))


def _rebuild_kinds(server: Preview, after: int) -> list[str]:
    return REBUILT.findall(server.output())[after:]


def _generated(log: str) -> str:
    """Which pages the generator made again for the first rebuild in ``log``."""
    rebuilt = REBUILT.search(log)
    first = log[: rebuilt.end()] if rebuilt is not None else log
    return ONLY_AFFECTED if GENERATED in first else EVERY_PAGE


def _assert_serves_a_clean_build(server: Preview, project: Path, site: Path, *, exports: bool) -> None:
    """Every file of a clean build of ``project`` is served as built (the exports only if ``exports``)."""
    env = {**os.environ, "SITE_URL": server.url}
    subprocess.run(
        [str(EXPLAINER), "build", "--root", str(project), "--site-dir", str(site)],
        env=env,
        check=True,
        capture_output=True,
    )
    built = sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and not path.name.startswith(".")
    )
    # The search index is left out: the preview indexes on full rebuilds only, and its files are named by
    # their contents (generator.preview_rebuild).
    compared = [
        path
        for path in built
        if not path.startswith(f"{BUNDLE_DIR}/") and (exports or path.removesuffix(".gz") not in EXPORTS)
    ]
    assert len(compared) > 40
    for path in compared:
        status, served = _fetch(server.url + path)
        assert status == 200, path
        assert len(LIVE_RELOAD.findall(served)) == (1 if path.endswith(".html") else 0), path
        assert _comparable(path, served) == _comparable(path, (site / path).read_bytes()), path


def test_the_incremental_preview_serves_a_clean_builds_files_after_each_kind_of_edit(
    small_project: Path, tmp_path: Path
) -> None:
    project = small_project
    (project / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    with preview(project, tmp_path / "serve.log") as server:
        assert _rebuild_kinds(server, 0) == ["every page"]
        for number, step in enumerate(STEPS):
            before, kinds, logged = server.rebuilds(), len(_rebuild_kinds(server, 0)), len(server.output())
            step.change(project)
            server.wait_for_rebuild(before)
            status, body = _fetch(server.url + step.page)
            assert status == 200, step.name
            assert step.shows in body.decode("utf-8"), step.name
            if step.gone is not None:
                assert _fetch(server.url + step.gone)[0] == 404, step.name
            # A save can be seen as two changes (two rebuilds): the first one did the work.
            assert _rebuild_kinds(server, kinds)[0] == step.rebuilds, (step.name, server.output())
            generated = _generated(server.output()[logged:])
            assert generated == step.generates, (step.name, server.output())
            if step.valid:
                clean = tmp_path / f"clean-{number}"
                _assert_serves_a_clean_build(server, project, clean, exports=generated == EVERY_PAGE)
        assert "Traceback" not in server.output()
