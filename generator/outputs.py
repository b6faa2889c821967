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
from typing import Any, Generic, Literal, TypeVar

from generator.affected_pages import EVERY_PAGE, AffectedPages, Facet, hand_written_unchanged
from generator.dataset import Dataset
from generator.errors import DataError, Problem
from generator.explainers import LoadedSite, Site, cited_only
from generator.export import export_files, export_paths, site_export_files
from generator.export.address import SiteAddress
from generator.export.jsonld import structured_data
from generator.i18n import translator
from generator.load import LoadedData
from generator.markup import with_front_matter_line
from generator.quote_stamps import QuoteStamp
from generator.render.context import Context
from generator.render.contrast import contrast_page
from generator.render.corrections import corrections_page
from generator.render.downloads import data_page
from generator.render.embeds import check_embeds, embedded_quote_ids, embeds_in, resolve_embeds, stray_embeds
from generator.render.hub import corrections_hub, hub_page
from generator.render.people import people_index, person_pages
from generator.render.quote_pages import quote_page_stamps, quote_shells
from generator.render.share_image import quote_image, site_image
from generator.render.shared_people import shared_people_index, shared_person_pages
from generator.render.sources import shared_source_day_pages, source_day_pages, sources_page
from generator.render.timeline import timeline_day_pages, timeline_page
from generator.render.topics import topic_pages, topics_index
from generator.sitemap import (
    CONTRAST,
    CORRECTIONS,
    DATA_PAGE,
    HUB,
    PEOPLE,
    SCRIPT,
    SITE_SHARE_IMAGE,
    SOURCES,
    STYLESHEET,
    TIMELINE,
    TOPICS,
    person_path,
    quote_share_image,
    site_path,
    topic_path,
)
from generator.urls import LinkStyle, page_url
from generator.utf8_texts import Utf8Texts


@dataclass(frozen=True)
class Options:
    """How the site is published: the engine's URL layout, how it reads links inside HTML, and the site's
    address (``site_url``; without it there is no feed, and exports and structured data have no absolute links),
    and the quotes whose pages preview with a picture of their own (``pictured_quotes``, ids; the others' with
    the site's). :func:`site_files` sets those from the hand-written pages. ``language`` selects the catalog of
    the words readers see around the data (:mod:`generator.i18n`). ``only``: of the pages of single items,
    make only these (the live preview's, :mod:`generator.affected_pages`); None: every page.
    """

    directory_urls: bool = True
    site_url: str | None = None
    link_style: LinkStyle = "built"
    pictured_quotes: frozenset[str] = frozenset()
    explainer: str = ""
    """On a site of several explainers, the slug of the one rendered (see :func:`generator.sitemap.site_path`)."""
    language: str = "en"
    only: AffectedPages = EVERY_PAGE

    @property
    def site(self) -> SiteAddress | None:
        if not self.site_url:
            return None
        return SiteAddress(self.site_url, self.directory_urls, self.explainer)

    def url_path(self, path: str) -> str:
        """Where a file is published: a Markdown page's URL path (``people/`` for ``people/index.md`` and
        ``people.md`` alike, with directory URLs), any other file's own path."""
        return page_url(path, directory_urls=self.directory_urls) if path.endswith(".md") else path

    def context(self, data: Dataset) -> Context:
        return Context(data, self.directory_urls, self.link_style, self.explainer, translator(self.language))


@dataclass(frozen=True)
class PagesFromIds:
    """An output with a page per item of a data file's list (``people:`` or ``topics:``), at ``path(id)``."""

    key: Literal["people", "topics"]
    path: Callable[[str], str]


# What an output is made from: one explainer's data, or a site of several explainers as a whole.
Source = TypeVar("Source", Dataset, Site)


@dataclass(frozen=True)
class Output(Generic[Source]):
    """One output: ``name`` says what it is to readers of a problem, ``make`` gives its files by path, from one
    explainer's data (``Output[Dataset]``) or from a site of several as a whole (``Output[Site]``).

    A ``shared`` output is one for the whole site: on a site of several explainers, :data:`SITE_OUTPUTS` make
    it once, from them all, instead of each explainer. ``reads``: what a page of the whole site reads of the
    events; the live preview keeps the last one while that is unchanged (:mod:`generator.affected_pages`).
    """

    name: str
    make: Callable[[Source, Options], dict[str, str]]
    from_ids: PagesFromIds | None = None
    shared: bool = False
    reads: Facet | None = None


def _page(path: str, make: Callable[[Context], str]) -> Callable[[Dataset, Options], dict[str, str]]:
    return lambda data, options: {path: make(options.context(data))}


def stylesheet() -> str:
    return files("generator").joinpath("assets/explainer.css").read_text(encoding="utf-8")


def script() -> str:
    return files("generator").joinpath("assets/explainer.js").read_text(encoding="utf-8")


# The quotes' pages are stamped from these shells after the build (generator.quote_stamps); site_files gives
# their values, each claiming its page's address.
QUOTE_PAGE_OUTPUT: Output[Dataset] = Output(
    "a quote's page", lambda data, options: quote_shells(options.context(data), options.pictured_quotes)
)

OUTPUTS: tuple[Output[Dataset], ...] = (
    Output("the contrast table", _page(CONTRAST, contrast_page), reads="contrast"),
    Output("the timeline", _page(TIMELINE, timeline_page), reads="titles"),
    Output(
        "a day of the timeline",
        lambda data, options: timeline_day_pages(options.context(data), options.only.days),
    ),
    Output("the list of sources", _page(SOURCES, sources_page), shared=True, reads="no_event"),
    Output(
        "a day of sources",
        lambda data, options: source_day_pages(options.context(data), options.only.source_days),
        shared=True,
    ),
    Output("the list of people", _page(PEOPLE, people_index), shared=True, reads="speakers"),
    Output(
        "a person's page",
        lambda data, options: person_pages(options.context(data), options.only.people),
        PagesFromIds("people", person_path),
        shared=True,
    ),
    Output("the list of questions", _page(TOPICS, topics_index)),
    Output(
        "a question's page",
        lambda data, options: topic_pages(options.context(data), options.only.topics),
        PagesFromIds("topics", topic_path),
    ),
    Output("the corrections", _page(CORRECTIONS, corrections_page)),
    QUOTE_PAGE_OUTPUT,
    Output(
        "the data page",
        lambda data, options: {DATA_PAGE: data_page(options.context(data), export_paths(options.site))},
    ),
    Output(
        "the data exports",
        lambda data, options: (
            export_files(data, options.site, options.language) if options.only.exports else {}
        ),
    ),
    Output("the stylesheet", lambda data, options: {STYLESHEET: stylesheet()}, shared=True),
    Output("the script", lambda data, options: {SCRIPT: script()}, shared=True),
)

_HAND_WRITTEN = "no hand-written page where a generated page goes"
_OWN_ADDRESS = "an id that gives its page an address of its own"


def quote_images(
    ctx: Context, pictured: Collection[str], only: Collection[str] | None = None
) -> dict[str, bytes]:
    """The PNG a link preview of a quote's page shows, by path, for each quote of ``ctx``'s data in
    ``pictured`` (ids; ``only``: of those, these, the live preview's, :mod:`generator.affected_pages`).

    Not one for every quote: at ~20 ms each, 10,000 quotes would add minutes to every build. The quotes the
    hand-written pages quote (the front page's) are the ones an editor put forward, so the ones most shared;
    every other page previews with the site's picture and its own title and description.
    """
    return {
        quote_share_image(quote_id): quote_image(ctx, ctx.data.statement_by_id[quote_id])
        for quote_id in sorted(pictured & ctx.data.statement_by_id.keys())
        if only is None or quote_id in only
    }


@dataclass(frozen=True)
class SiteFiles:
    """Every file of the site by path under the docs directory: text (pages, exports, the stylesheet), kept as
    UTF-8 until read (:mod:`generator.utf8_texts`), and images; and the quotes' pages as the values stamped
    into their shells once the engine has built the site (:mod:`generator.quote_stamps`)."""

    pages: Utf8Texts
    images: dict[str, bytes]
    stamps: tuple[QuoteStamp, ...] = ()


def _contexts(site: Site, options: Options) -> list[Context]:
    """A context per explainer, each placing links where that explainer's pages are."""
    return [replace(options, explainer=item.slug).context(item.data) for item in site.explainers]


def _site_exports(site: Site, options: Options) -> dict[str, str]:
    """The whole site's downloads, covering every explainer."""
    explainers = [
        (item.slug, item.data, replace(options, explainer=item.slug).site) for item in site.explainers
    ]
    return site_export_files(site.settings, site.registry, explainers, options.site, options.language)


def several_export_files(site: Site, options: Options) -> dict[str, str]:
    """The data exports alone of a site of several explainers, by path: each explainer's, and the site's."""
    files: dict[str, str] = {}
    for item in site.explainers:
        made = export_files(
            cited_only(item.data), replace(options, explainer=item.slug).site, options.language
        )
        files |= {site_path(item.slug, path): text for path, text in made.items()}
    return dict(sorted((files | _site_exports(site, options)).items()))


def _site_data_page(site: Site, options: Options) -> dict[str, str]:
    # The site's downloads are the same files as one explainer's (site_export_files).
    return {DATA_PAGE: data_page(options.context(site.registry), export_paths(options.site), whole_site=True)}


# The outputs of a site of several explainers made once from them all (the hub, the shared people and sources).
SITE_OUTPUTS: tuple[Output[Site], ...] = (
    Output(
        "the list of explainers",
        lambda site, options: {HUB: hub_page(site.settings, _contexts(site, options))},
    ),
    Output(
        "the list of corrections",
        lambda site, options: {CORRECTIONS: corrections_hub(_contexts(site, options))},
    ),
    Output(
        "the list of sources",
        lambda site, options: {SOURCES: sources_page(options.context(site.registry), whole_site=True)},
    ),
    Output("a day of sources", lambda site, options: shared_source_day_pages(_contexts(site, options))),
    Output(
        "the list of people", lambda site, options: {PEOPLE: shared_people_index(_contexts(site, options))}
    ),
    Output(
        "a person's page",
        lambda site, options: shared_person_pages(_contexts(site, options)),
        PagesFromIds("people", person_path),
    ),
    Output("the site's data page", _site_data_page),
    Output("the site's data exports", _site_exports),
    Output("the stylesheet", lambda site, options: {STYLESHEET: stylesheet()}),
    Output("the script", lambda site, options: {SCRIPT: script()}),
)


@dataclass(frozen=True)
class _Owner:
    """What an output's files were made from: the data as loaded and as validated, and the explainer's slug
    on a site of several ("" otherwise, and for what the explainers share)."""

    loaded: LoadedData
    data: Dataset
    explainer: str = ""


@dataclass(frozen=True)
class _Made:
    """A file (by its path on the site) and the output that made it (None: a hand-written page)."""

    path: str
    output: Output[Any] | None
    owner: _Owner | None = None


class _Files:
    """The files of one build as they are made, each claiming its address; the problems found so far."""

    def __init__(self, content_dir: str, options: Options) -> None:
        self.content_dir = content_dir
        self.options = options
        self.made: dict[str, bytes] = {}
        self.owners: dict[str, _Made] = {}
        self.problems: list[Problem] = []
        self.stamps: tuple[QuoteStamp, ...] = ()

    def claim(self, new: _Made) -> bool:
        first = self.owners.setdefault(self.options.url_path(new.path), new)
        if first is not new:
            self.problems.append(_clash(self.content_dir, self.options, first, new))
        return first is new

    def add(self, output: Output[Any], owner: _Owner, files: dict[str, str]) -> None:
        """``files``, just made by ``output``, kept as UTF-8; each text leaves ``files`` as it is encoded, so
        that an output's texts are never held twice."""
        for path in list(files):
            text = files.pop(path)
            if self.claim(_Made(site_path(owner.explainer, path), output, owner)):
                self.made[site_path(owner.explainer, path)] = text.encode()

    def add_stamps(self, owner: _Owner, stamps: tuple[QuoteStamp, ...]) -> None:
        """The quotes' pages that will be stamped after the build: each claims its address."""
        for stamp in stamps:
            self.claim(_Made(stamp.page, QUOTE_PAGE_OUTPUT, owner))
        self.stamps += stamps

    def add_content(self, ctx: Context, content: Mapping[str, str], data: Dataset | None) -> None:
        """Hand-written pages (by path in the explainer's folder, or the content folder's for the pages of no
        explainer, whose ``data`` is None: they embed nothing from the data)."""
        quote_ids = frozenset(data.statement_by_id) if data is not None else frozenset()
        days = [date.iso() for date, _ in data.days] if data is not None else []
        for path, text in sorted(content.items()):
            on_site = site_path(ctx.explainer, path)
            if self.claim(_Made(on_site, None)):
                shown = f"{self.content_dir}/{on_site}"
                checked = (
                    check_embeds(shown, text, quote_ids, days)
                    if data is not None
                    else stray_embeds(shown, text)
                )
                found = list(checked)
                self.problems += found
                if found or (
                    data is not None and hand_written_unchanged(self.options.only, embeds_in(text), data)
                ):
                    continue
                self.made[on_site] = resolve_embeds(ctx, path, text).encode()

    def pages(self, lines: Mapping[str, str]) -> Utf8Texts:
        """The files, sorted, those in ``lines`` (from :func:`structured_data`) with their JSON-LD in the front
        matter; raises DataError with every problem found."""
        if self.problems:
            raise DataError(self.problems)
        for path in sorted(lines.keys() & self.made.keys()):
            self.made[path] = with_front_matter_line(self.made[path].decode(), lines[path]).encode()
        return Utf8Texts(dict(sorted(self.made.items())))


def _pictured(content: Mapping[str, str], quote_ids: Collection[str]) -> frozenset[str]:
    """The quotes the hand-written pages embed: those get a share image of their own."""
    pictured = {quote_id for text in content.values() for quote_id in embedded_quote_ids(text)}
    return frozenset(pictured & set(quote_ids))


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

    ``loaded`` is what ``data`` was validated from: a problem with a person's or question's id is placed in its
    file (the event files are not read). Raises DataError naming every unknown embed and every file at an
    address another file already has.
    """
    options = replace(options, pictured_quotes=_pictured(content, data.statement_by_id.keys()))
    files = _Files(content_dir, options)
    pages = files.pages(_add_explainer(files, _Owner(loaded, data), data, content, options))
    images: dict[str, bytes] = {}
    if "speakers" not in options.only.unchanged:  # the site's picture shows the quotes' speakers
        images[SITE_SHARE_IMAGE] = site_image(options.context(data))
    images |= quote_images(options.context(data), options.pictured_quotes, options.only.quotes)
    return SiteFiles(pages, images, files.stamps)


def _add_explainer(
    files: _Files, owner: _Owner, own_data: Dataset, content: Mapping[str, str], options: Options
) -> dict[str, str]:
    """One explainer's outputs made from ``own_data`` (on a site of several, not those made once for the whole
    site), its quotes' pages and its hand-written ``content``, added to ``files``; returns the structured data
    of its pages by path on the site."""
    for output in OUTPUTS:
        if output.reads not in options.only.unchanged and not (owner.explainer and output.shared):
            files.add(output, owner, output.make(own_data, options))
    stamps = quote_page_stamps(options.context(own_data), options.pictured_quotes, options.only.quotes)
    files.add_stamps(owner, stamps)
    files.add_content(options.context(owner.data), content, owner.data)
    if options.site is None:
        return {}
    lines = structured_data(own_data, options.site, options.language, options.only.days)
    return {site_path(owner.explainer, path): line for path, line in lines.items()}


def several_site_files(
    loaded: LoadedSite, site: Site, content: Mapping[str, str], content_dir: str, options: Options
) -> SiteFiles:
    """:func:`site_files` for a site of several explainers: each explainer's outputs in its own folder, with
    the hand-written pages of its folder in ``content``; then the outputs of :data:`SITE_OUTPUTS` and the
    other hand-written pages at the site's root."""
    quote_ids = [quote_id for item in site.explainers for quote_id in item.data.statement_by_id]
    options = replace(options, pictured_quotes=_pictured(content, quote_ids))
    files = _Files(content_dir, options)
    lines: dict[str, str] = {}
    images: dict[str, bytes] = {}
    loaded_by_slug = {item.slug: item.loaded for item in loaded.explainers}
    for item in site.explainers:
        scoped = replace(options, explainer=item.slug)
        owner = _Owner(loaded_by_slug[item.slug], item.data, item.slug)
        folder = f"{item.slug}/"
        own = {path.removeprefix(folder): text for path, text in content.items() if path.startswith(folder)}
        # Its own pages and downloads describe the people and sources it cites, not all the shared files hold.
        lines |= _add_explainer(files, owner, cited_only(item.data), own, scoped)
        images |= quote_images(scoped.context(item.data), options.pictured_quotes)
    slugs = tuple(f"{item.slug}/" for item in site.explainers)
    registry = _Owner(loaded.explainers[0].loaded, site.registry)
    for shared in SITE_OUTPUTS:
        files.add(shared, registry, shared.make(site, options))
    rest = {path: text for path, text in content.items() if not path.startswith(slugs)}
    files.add_content(options.context(site.registry), rest, None)
    hub = replace(
        site.registry,
        settings=site.registry.settings.model_copy(
            update={"title": site.settings.title, "summary": site.settings.summary}
        ),
    )
    images[SITE_SHARE_IMAGE] = site_image(options.context(hub))
    return SiteFiles(files.pages(lines), dict(sorted(images.items())), files.stamps)


def _clash(content_dir: str, options: Options, first: _Made, new: _Made) -> Problem:
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
    from_ids, owner = faulty.output.from_ids, faulty.owner
    assert from_ids is not None and owner is not None, f"two outputs make {faulty.path}"
    people = from_ids.key == "people"
    ids = [item.id for item in (owner.data.people if people else owner.data.topics)]
    file = owner.loaded.people if people else owner.loaded.topics
    assert file is not None, "the data was validated"
    # Validated, the list holds every item of the file, in the file's order.
    index = next(
        index
        for index, item_id in enumerate(ids)
        if site_path(owner.explainer, from_ids.path(item_id)) == faulty.path
    )
    found = f'the id "{ids[index]}", whose page {faulty.path} would take the address {url} of {taken}'
    return file.problem((from_ids.key, index, "id"), found, _OWN_ADDRESS)
