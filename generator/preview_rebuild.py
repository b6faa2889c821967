"""The live preview rebuilds only the pages whose text changed, through MkDocs' dirty builds.

``explainer serve`` runs ``mkdocs serve --dirty``: MkDocs then reads, renders and writes only the files whose
``File.is_modified()`` is true, and leaves the rest of its site folder as the last build wrote it. A file with
the same text as at the last complete build is added as :class:`Unchanged`, which MkDocs skips. A save starts
the rebuild as soon as the system reports it (:mod:`generator.preview_watch`), not at MkDocs' next poll.

The generator does not make every file on each save either (:func:`generator.build.generate_for_preview`): it
reads again only the data files that changed (:class:`generator.load.ParsedFiles`), checks on its own again
only an event file that changed and runs the checks across files on the whole data
(:class:`generator.validate.CheckedFiles`: the same datasets and problems as validating everything), and
when only events changed makes again only the pages of single items the change affects (a quote's, a
day's, a person's, a question's, a day of sources: :mod:`generator.affected_pages`), with every page of the
whole site and every hand-written page; the others keep the last generation's text. Anything else (people,
sources, questions, explainer.yaml, corrections, an event added or removed, a day that comes or goes,
content/, mkdocs.yml) makes every page again.

That is right only while nothing that every page shows has changed. The whole site is rebuilt, its folder
emptied first as a build without ``--dirty`` empties it, when (:func:`why_rebuild_all`, :func:`nav_changed`):

- there was no complete build before (the first one, or the last one failed);
- a file is added or removed (a removed page's HTML would otherwise still be served);
- mkdocs.yml, the content folder or the theme's overrides change (nav, templates, hand-written files);
- the data has problems, or had them at the last build (the problems panel is on every page);
- a changed page is in the nav and its title is not set by the nav, or its front matter changed: the nav on
  every page shows its title and the theme reads its front matter (Material: an icon, a status).

Pages that MkDocs skips are not read, so their title and front matter are unknown to the nav of the pages it
renders: the nav's pages get those of the last build back (:func:`restore_nav`).

MkDocs makes a new Jinja environment for each build, which would compile the theme's templates again each
time (most of an incremental rebuild's own time): the preview keeps their compiled code
(:class:`CompiledTemplates`), which Jinja checks against each template's source.

Search (Pagefind) indexes the site on full builds only: it re-reads every page, which costs more than the
whole incremental rebuild, so between full builds the preview's search finds the words of the last one. The
data exports (data/*.json, data/*.csv, feed.xml), which hold every quote and cost more to make than the pages
an edit changes, are likewise made on full generations only: between them the preview serves the last ones.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation
from mkdocs.utils.meta import get_data

# What MkDocs warns on every dirty build: the preview rebuilds in full whenever the nav could change.
_DIRTY_WARNING = "A 'dirty' build is being performed"


class Unchanged(File):
    """A generated file with the same text as at the last complete build: MkDocs keeps the HTML or copy that
    build wrote, unless it is missing."""

    def is_modified(self) -> bool:
        return not Path(self.abs_dest_path).is_file()


@dataclass(frozen=True)
class SiteState:
    """What a build puts in the preview's site folder: the generated files by path (pages as text or as their
    UTF-8, images as bytes), the files copied from elsewhere, the project files MkDocs reads itself
    (:func:`project_files`), and whether every page shows the data's problems."""

    generated: Mapping[str, str | bytes]
    copies: Mapping[str, Path]
    project_files: frozenset[tuple[str, int, int]]
    problems: bool


@dataclass(frozen=True)
class NavPage:
    """A page of the nav as the last build showed it on every page."""

    title: str | None
    meta: Mapping[str, Any]


@dataclass(frozen=True)
class Built:
    """The preview's site folder after a complete build: its state and the nav's pages by path."""

    state: SiteState
    nav_pages: Mapping[str, NavPage]


def project_files(config: MkDocsConfig) -> frozenset[tuple[str, int, int]]:
    """The config file and every file under the content folder and the theme's overrides, each as (path,
    modification time in ns, size): what a change to, besides the data, shows."""
    roots = [Path(config.config_file_path), Path(config.docs_dir)]
    if config.theme.custom_dir:
        roots.append(Path(config.theme.custom_dir))
    paths = [path for root in roots for path in ([root] if root.is_file() else root.rglob("*"))]
    stats = [(str(path), path.stat()) for path in paths if path.is_file()]
    return frozenset((name, stat.st_mtime_ns, stat.st_size) for name, stat in stats)


def why_rebuild_all(last: Built | None, state: SiteState) -> str | None:
    """Why the build of ``state`` must rebuild every page, the last complete one having been ``last``; None if
    it need not."""
    if last is None:
        return "no complete build before this one"
    if state.problems or last.state.problems:
        return "the data has problems, or had them"
    if state.project_files != last.state.project_files:
        return "mkdocs.yml, the content folder or the theme's overrides changed"
    if state.copies != last.state.copies or state.generated.keys() != last.state.generated.keys():
        return "files were added or removed"
    return None


def changed(last: Built, state: SiteState) -> int:
    """How many of the generated files in ``state`` differ from ``last``'s."""
    before = last.state.generated
    return sum(1 for path, content in state.generated.items() if before.get(path) != content)


def add_file(config: MkDocsConfig, path: str, content: str | bytes, last: Built | None) -> File:
    """A generated file as MkDocs' dirty build should see it: :class:`Unchanged` when ``last`` (a build whose
    HTML is kept) made it with the same content."""
    kind = File
    if last is not None and last.state.generated.get(path) == content:
        kind = Unchanged
    return kind.generated(config, path, content=content)


NAV_CHANGED = "a page of the nav changed its title or front matter"


def nav_changed(nav: Navigation, last: Built, generated: Mapping[str, str | bytes]) -> bool:
    """Whether a changed page of the nav may look different in the nav of every other page: its title is not
    set by the nav (it comes from the page), or its front matter changed."""
    for page in nav.pages:
        path = page.file.src_uri
        if not page.file.is_modified():
            continue
        before, now = last.state.generated.get(path), generated.get(path)
        if page.title is None or before is None or now is None:
            return True
        if get_data(_text(before))[1] != get_data(_text(now))[1]:
            return True
    return False


def _text(page: str | bytes) -> str:
    """A page's text, given as text or as its UTF-8."""
    return page.decode() if isinstance(page, bytes) else page


def restore_nav(nav: Navigation, last: Built) -> None:
    """Give each page of the nav that MkDocs does not read its title and front matter of the last build."""
    for page in nav.pages:
        kept = last.nav_pages.get(page.file.src_uri)
        if kept is None or page.file.is_modified():
            continue
        if page.title is None:
            page.title = kept.title
        page.meta = dict(kept.meta)


def nav_pages(nav: Navigation) -> dict[str, NavPage]:
    """Each page of the nav by path, with its title and front matter as the finished build has them."""
    return {page.file.src_uri: NavPage(page.title, dict(page.meta)) for page in nav.pages}


class QuietDirtyWarning(logging.Filter):
    """Drops MkDocs' warning on each dirty build that the nav may be wrong: :func:`nav_changed` and
    :func:`why_rebuild_all` rebuild every page whenever it could be."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(_DIRTY_WARNING)


class CompiledTemplates(BytecodeCache):
    """The theme's templates compiled, kept from one build of the preview to the next; Jinja compiles a
    template again when its source no longer matches."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()
