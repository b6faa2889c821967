"""Every file of the site from one list of outputs (pages and data exports alike), and the hand-written pages.

Each output makes its files, by path under the docs directory, from the validated data and the
:class:`Options`. No file may take an address that another already has: the engine would keep one of the two
and silently drop the other. Such a page is reported where it comes from: the id in the data that names it,
or the hand-written page.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace
from importlib.resources import files
from typing import Literal

from generator.dataset import Dataset
from generator.errors import DataError, Problem
from generator.export import export_files, export_paths
from generator.export.address import SiteAddress
from generator.export.jsonld import structured_data, with_structured_data
from generator.load import LoadedData
from generator.render.context import Context
from generator.render.contrast import contrast_page
from generator.render.corrections import corrections_page
from generator.render.downloads import data_page
from generator.render.embeds import check_embeds, embedded_quote_ids, resolve_embeds
from generator.render.people import people_index, person_pages
from generator.render.quote_pages import quote_pages
from generator.render.share_image import quote_image, site_image
from generator.render.sources import source_month_pages, sources_page
from generator.render.timeline import timeline_day_pages, timeline_page
from generator.render.topics import topic_pages, topics_index
from generator.sitemap import (
    CONTRAST,
    CORRECTIONS,
    DATA_PAGE,
    PEOPLE,
    SCRIPT,
    SITE_SHARE_IMAGE,
    SOURCES,
    STYLESHEET,
    TIMELINE,
    TOPICS,
    person_path,
    quote_share_image,
    topic_path,
)
from generator.urls import LinkStyle, page_url


@dataclass(frozen=True)
class Options:
    """How the site is published: the engine's URL layout, how it reads links inside HTML, and the site's
    address (``site_url``; without it there is no feed, and exports and structured data have no absolute links),
    and the quotes whose pages preview with a picture of their own (``pictured_quotes``, ids; the others' with
    the site's). :func:`site_files` sets those from the hand-written pages.
    """

    directory_urls: bool = True
    site_url: str | None = None
    link_style: LinkStyle = "built"
    pictured_quotes: frozenset[str] = frozenset()

    @property
    def site(self) -> SiteAddress | None:
        return SiteAddress(self.site_url, self.directory_urls) if self.site_url else None

    def url_path(self, path: str) -> str:
        """Where a file is published: a Markdown page's URL path (``people/`` for ``people/index.md`` and
        ``people.md`` alike, with directory URLs), any other file's own path."""
        return page_url(path, directory_urls=self.directory_urls) if path.endswith(".md") else path

    def context(self, data: Dataset) -> Context:
        return Context(data, self.directory_urls, self.link_style)


@dataclass(frozen=True)
class PagesFromIds:
    """An output with a page per item of a data file's list (``people:`` or ``topics:``), at ``path(id)``."""

    key: Literal["people", "topics"]
    path: Callable[[str], str]


@dataclass(frozen=True)
class Output:
    """One output: ``name`` says what it is to readers of a problem, ``make`` gives its files by path."""

    name: str
    make: Callable[[Dataset, Options], dict[str, str]]
    from_ids: PagesFromIds | None = None


def _page(path: str, make: Callable[[Context], str]) -> Callable[[Dataset, Options], dict[str, str]]:
    return lambda data, options: {path: make(options.context(data))}


def _pages(make: Callable[[Context], dict[str, str]]) -> Callable[[Dataset, Options], dict[str, str]]:
    return lambda data, options: make(options.context(data))


def stylesheet() -> str:
    return files("generator").joinpath("assets/explainer.css").read_text(encoding="utf-8")


def script() -> str:
    return files("generator").joinpath("assets/explainer.js").read_text(encoding="utf-8")


OUTPUTS: tuple[Output, ...] = (
    Output("the contrast table", _page(CONTRAST, contrast_page)),
    Output("the timeline", _page(TIMELINE, timeline_page)),
    Output("a day of the timeline", _pages(timeline_day_pages)),
    Output("the list of sources", _page(SOURCES, sources_page)),
    Output("a month of sources", _pages(source_month_pages)),
    Output("the list of people", _page(PEOPLE, people_index)),
    Output("a person's page", _pages(person_pages), PagesFromIds("people", person_path)),
    Output("the list of questions", _page(TOPICS, topics_index)),
    Output("a question's page", _pages(topic_pages), PagesFromIds("topics", topic_path)),
    Output("the corrections", _page(CORRECTIONS, corrections_page)),
    Output(
        "a quote's page", lambda data, options: quote_pages(options.context(data), options.pictured_quotes)
    ),
    Output(
        "the data page",
        lambda data, options: {DATA_PAGE: data_page(options.context(data), export_paths(options.site))},
    ),
    Output("the data exports", lambda data, options: export_files(data, options.site)),
    Output("the stylesheet", lambda data, options: {STYLESHEET: stylesheet()}),
    Output("the script", lambda data, options: {SCRIPT: script()}),
)

_HAND_WRITTEN = "no hand-written page where a generated page goes"
_OWN_ADDRESS = "an id that gives its page an address of its own"


def share_images(data: Dataset, pictured: Collection[str]) -> dict[str, bytes]:
    """The PNG a link preview shows: the site's, and one for each quote in ``pictured`` (ids), by path.

    Not one for every quote: at ~20 ms each, 10,000 quotes would add minutes to every build. The quotes the
    hand-written pages quote (the front page's) are the ones an editor put forward, so the ones most shared;
    every other page previews with the site's picture and its own title and description.
    """
    images = {SITE_SHARE_IMAGE: site_image(data)}
    for quote_id in sorted(pictured):
        images[quote_share_image(quote_id)] = quote_image(data, data.statement_by_id[quote_id])
    return images


@dataclass(frozen=True)
class SiteFiles:
    """Every file of the site by path under the docs directory: text (pages, exports, the stylesheet) and
    images."""

    pages: dict[str, str]
    images: dict[str, bytes]


@dataclass(frozen=True)
class _Made:
    """A file and the output that made it (None: a hand-written page)."""

    path: str
    output: Output | None


def site_files(
    loaded: LoadedData,
    data: Dataset,
    content: Mapping[str, str],
    content_dir: str,
    options: Options,
) -> SiteFiles:
    """Every file of the site by path, sorted: each output's, and the hand-written ``content`` (path → Markdown,
    under ``content_dir``) with its embeds resolved; the pages that carry structured data with it; the share
    images (the quotes that ``content`` embeds get one each).

    ``loaded`` is what ``data`` was validated from: a problem with an id is placed there. Raises DataError
    naming every unknown embed and every file at an address another file already has.
    """
    made: dict[str, str] = {}
    owners: dict[str, _Made] = {}
    problems: list[Problem] = []

    def claim(new: _Made) -> bool:
        first = owners.setdefault(options.url_path(new.path), new)
        if first is not new:
            problems.append(_clash(loaded, data, content_dir, options, first, new))
        return first is new

    pictured = {quote_id for text in content.values() for quote_id in embedded_quote_ids(text)}
    options = replace(options, pictured_quotes=frozenset(pictured & data.statement_by_id.keys()))
    for output in OUTPUTS:
        for path, text in output.make(data, options).items():
            if claim(_Made(path, output)):
                made[path] = text
    ctx = options.context(data)
    quote_ids, days = frozenset(data.statement_by_id), [date.iso() for date, _ in data.days]
    for path, text in sorted(content.items()):
        if claim(_Made(path, None)):
            found = list(check_embeds(f"{content_dir}/{path}", text, quote_ids, days))
            problems += found
            if not found:
                made[path] = resolve_embeds(ctx, path, text)
    if problems:
        raise DataError(problems)
    site = options.site
    lines = structured_data(data, site) if site else {}
    pages = dict(sorted(with_structured_data(made, lines).items()))
    return SiteFiles(pages, share_images(data, options.pictured_quotes))


def _clash(
    loaded: LoadedData, data: Dataset, content_dir: str, options: Options, first: _Made, new: _Made
) -> Problem:
    """The problem of two files at one address, placed where the one that must change comes from: the id
    that names a page made from an id, otherwise the newer file (a hand-written page comes after all outputs)."""
    blame_first = new.output is not None and first.output is not None and first.output.from_ids is not None
    faulty, other = (first, new) if blame_first else (new, first)
    url = options.url_path(faulty.path)
    taken = f"{other.output.name if other.output else 'the hand-written page'} ({other.path})"
    if faulty.output is None:
        found = f"a page at {faulty.path}"
        if faulty.path != other.path:
            found += f", at the address {url} of {taken}"
        return Problem(f"{content_dir}/{faulty.path}", 1, 1, "(file)", found, _HAND_WRITTEN)
    from_ids = faulty.output.from_ids
    assert from_ids is not None, f"two outputs make {faulty.path}"
    people = from_ids.key == "people"
    ids = [item.id for item in (data.people if people else data.topics)]
    file = loaded.people if people else loaded.topics
    assert file is not None, "the data was validated"
    # Validated, the list holds every item of the file, in the file's order.
    index = next(index for index, item_id in enumerate(ids) if from_ids.path(item_id) == faulty.path)
    found = f'the id "{ids[index]}", whose page {faulty.path} would take the address {url} of {taken}'
    return file.problem((from_ids.key, index, "id"), found, _OWN_ADDRESS)
