"""The site's search index: Pagefind, run on a finished site, writes a chunked index into its ``pagefind/``.

A query then downloads only the chunks for its words, not one index of the whole site. What is indexed is
said in the pages themselves: ``data-pagefind-body`` on the article (overrides/main.html), so pages without it
(the 404 page, the editor at /admin/) are left out; ``data-pagefind-ignore`` on parts that repeat what another
page holds; ``data-pagefind-title`` on a quote's figure, so that a result lands on the quote itself.

Every engine's build runs it once, on the finished site: MkDocs through the explainer plugin (``build``,
``serve``), Zensical, which drops our plugin, in :func:`generator.build.build_site`.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator import engines
from generator.admin.files import NODE_MODULES, node_modules_for
from generator.errors import DataError, Problem
from generator.sitemap import QUOTE_PAGES

BUNDLE_DIR = "pagefind"
# The npm package's runner picks the binary for this platform from @pagefind/<platform>.
RUNNER = "pagefind/lib/runner/bin.cjs"
# Material's permalink after each heading (a pilcrow) is not a word of the page.
IGNORED_SELECTORS = ".headerlink"
# A quote's own page is not indexed (search finds the quote on its day's page: overrides/main.html), so Pagefind
# is not given the quote pages to read at all: at 30,000 quotes reading them was most of its time, for the same
# index byte for byte.
UNREAD_FOLDERS = frozenset({QUOTE_PAGES, BUNDLE_DIR})
# A folder name that needs no escaping in Pagefind's glob.
_PLAIN_NAME = re.compile(r"[A-Za-z0-9._-]+")


def index_command(site_dir: Path, node_modules: Path = NODE_MODULES) -> list[str]:
    """The command that indexes ``site_dir``; raises DataError when Node.js or Pagefind is not installed."""
    runner = node_modules / RUNNER
    node = shutil.which("node")
    problems = []
    if node is None:
        problems.append(Problem("node", 1, 1, "(program)", "not on PATH", "Node.js, which runs Pagefind"))
    if not runner.is_file():
        expected = "Pagefind, installed by `npm ci` from package-lock.json (./dev build runs it)"
        problems.append(Problem(str(runner), 1, 1, "(file)", "no such file", expected))
    if problems or node is None:
        raise DataError(problems)
    return [
        *(node, str(runner), "--site", str(site_dir), "--output-subdir", BUNDLE_DIR),
        *("--exclude-selectors", IGNORED_SELECTORS, *_pages_read(site_dir), "--quiet"),
    ]


def _pages_read(site_dir: Path) -> list[str]:
    """Pagefind's ``--glob`` for the HTML of the finished site outside :data:`UNREAD_FOLDERS` (none: every
    page, when a folder's name would need escaping)."""
    if not site_dir.is_dir():
        return []
    folders = sorted(entry.name for entry in site_dir.iterdir() if entry.is_dir())
    if not all(_PLAIN_NAME.fullmatch(name) for name in folders):
        return []
    read = [f"{name}/**/*.html" for name in folders if name not in UNREAD_FOLDERS]
    return ["--glob", "{" + ",".join(["*.html", *read]) + "}"]


def index_site(site_dir: Path, project_root: Path) -> int:
    """Index the finished site in ``site_dir`` with the Pagefind of the project in ``project_root``; returns
    Pagefind's exit code (its messages go to the terminal).

    Raises DataError when Node.js or Pagefind is not installed.
    """
    node_modules = node_modules_for(project_root, RUNNER)
    return engines.run(index_command(site_dir, node_modules), cwd=site_dir)
