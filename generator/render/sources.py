"""The sources page: every source as a citation readers recognise, with each quote it is cited for."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from generator.dataset import grouped
from generator.dates import PartialDate
from generator.markup import (
    EMPTY,
    Href,
    Html,
    HtmlTemplate,
    fragment,
    front_matter,
    h,
    heading,
    markdown_page,
    paragraph,
    raw_block,
)
from generator.model import Source
from generator.render.context import Context
from generator.render.corrections import correction_note
from generator.render.lists import SEARCH_EXCLUDE
from generator.render.quote_words import printed
from generator.sitemap import SOURCES, source_anchor, sources_day_path


def _facts(ctx: Context, source: Source) -> Html:
    rows: list[tuple[str, Html | str]] = [
        (ctx.t("Outlet"), source.outlet),
        (ctx.t("Headline"), h("cite", source.title)),
    ]
    if source.byline:
        rows.append((ctx.t("Byline"), source.byline))
    rows += [
        (ctx.t("Published"), ctx.time(source.published)),
        (ctx.t("Link"), h("a", source.url, href=Href.external(source.url))),
    ]
    if source.archive_url:
        rows.append(
            (ctx.t("Archived copy"), h("a", source.archive_url, href=Href.external(source.archive_url)))
        )
    if source.accessed:
        rows.append((ctx.t("Accessed"), ctx.time(source.accessed)))
    items: list[Html] = []
    for term, value in rows:
        items += [h("dt", term), h("dd", value)]
    return h("dl", *items, class_="ex-source__facts", **SEARCH_EXCLUDE)


_CITED = HtmlTemplate(
    '<li><a href="{person}">{name}</a>: {words} (<a href="{context}">{in_context}</a>){variants}</li>'
)


_VARIANT = HtmlTemplate("<li>{printed}</li>")


def _cited_for(ctx: Context, page: str, source: Source) -> Html:
    entries = []
    for statement in ctx.data.statements_by_source.get(source.id, ()):
        speaker = ctx.data.person_by_id[statement.quote.speaker].name
        quote = statement.quote
        mine = next(c for c in quote.citations if c.source == source.id)
        others = [c for c in quote.citations if c.source != source.id and c.as_printed != mine.as_printed]
        variants = [
            _VARIANT(
                printed=fragment(
                    *ctx.pieces(
                        "{outlet} printed: {words}",
                        outlet=ctx.data.source_by_id[c.source].outlet,
                        words=printed(ctx, quote, c),
                    )
                )
            )
            for c in others
        ]
        entries.append(
            _CITED(
                person=ctx.person_link(page, statement.quote.speaker),
                name=speaker,
                words=printed(ctx, quote, mine),
                context=ctx.quote_link(page, statement),
                in_context=ctx.t("in context"),
                variants=h(
                    "ul", *variants, class_="ex-variants", aria_label=ctx.t("Printed differently elsewhere")
                )
                if variants
                else EMPTY,
            )
        )
    if not entries:
        return h("p", ctx.t("No quote in this explainer cites this source."))
    return h("div", h("ul", *entries, class_="ex-source__quotes"), **SEARCH_EXCLUDE)


def sources_page(ctx: Context, whole_site: bool = False) -> str:
    """Every source by month of publication, linked to its entry on its day's page; ``whole_site``: the page
    of a site of several explainers, which says so."""
    description = (
        ctx.t("Every published source the explainers on this site quote, and what each one printed.")
        if whole_site
        else ctx.t("Every published source this explainer quotes, and what each one printed.")
    )
    blocks = [
        front_matter({"description": description}),
        heading(1, ctx.t("Sources")),
        paragraph(
            ctx.t(
                "Every source we quote, by month of publication. Each links to its details and to each quote it "
                "is cited for, exactly as it printed the words."
            )
        ),
    ]
    for month, sources in _by_month(ctx):
        items = [
            h("li", h("a", f"{source.outlet}: {source.title}", href=ctx.source_link(SOURCES, source.id)))
            for source in sources
        ]
        blocks += [heading(2, ctx.day_title(month)), raw_block(h("ul", *items, class_="ex-sources"))]
    return markdown_page(blocks)


def _by_month(ctx: Context) -> list[tuple[PartialDate, tuple[Source, ...]]]:
    return list(grouped((PartialDate(s.published.year, s.published.month), s) for s in _ordered(ctx)).items())


def _by_day(ctx: Context) -> list[tuple[PartialDate, tuple[Source, ...]]]:
    """The sources by date of publication (a month or a year, for sources dated only that precisely)."""
    return list(grouped((source.published, source) for source in _ordered(ctx)).items())


def _ordered(ctx: Context) -> list[Source]:
    return sorted(ctx.data.sources, key=lambda s: (s.published, s.outlet, s.id))


def source_day_pages(ctx: Context, only: Collection[PartialDate] | None = None) -> dict[str, str]:
    """A page per date of publication (``only``: those of these dates): each source's details and every quote
    it is cited for."""
    return {
        sources_day_path(day): _day_page([ctx], day, sources, whole_site=False)
        for day, sources in _by_day(ctx)
        if only is None or day in only
    }


def shared_source_day_pages(contexts: Sequence[Context]) -> dict[str, str]:
    """With several explainers (one context each, all holding the same sources): :func:`source_day_pages`
    with each source's quotes grouped by the explainer that quotes it."""
    return {
        sources_day_path(day): _day_page(contexts, day, sources, whole_site=True)
        for day, sources in _by_day(contexts[0])
    }


def _quoted_here(contexts: Sequence[Context], page: str, source: Source) -> list[str]:
    """Each quote the source is cited for; with several explainers, under each one's title."""
    if len(contexts) == 1:
        return [raw_block(_cited_for(contexts[0], page, source))]
    blocks = []
    for ctx in contexts:
        if source.id in ctx.data.statements_by_source:
            blocks += [
                heading(3, ctx.data.settings.title),
                raw_block(_cited_for(ctx, page, source)),
            ]
    return blocks or [paragraph(contexts[0].t("No quote in these explainers cites this source."))]


def _day_page(
    contexts: Sequence[Context], day: PartialDate, sources: Sequence[Source], *, whole_site: bool
) -> str:
    page = sources_day_path(day)
    ctx = contexts[0]  # the page's own words and links; every context speaks the site's language
    description = _day_description(ctx, day, whole_site)
    blocks = [
        front_matter({"description": description}),
        heading(1, ctx.t("Sources: {date}", date=ctx.date(day))),
        paragraph(ctx.t("Each source with each quote it is cited for, exactly as it printed the words.")),
        raw_block(h("p", h("a", ctx.t("All sources"), href=ctx.link(page, SOURCES)))),
    ]
    for source in sources:
        notes = [correction_note(each, page, "sources", source.id) for each in contexts]
        blocks += [
            heading(2, f"{source.outlet}: {source.title}", source_anchor(source.id)),
            raw_block(_facts(ctx, source)),
            *(raw_block(note) for note in notes if note is not None),
            paragraph(ctx.t("Quoted here:")),
            *_quoted_here(contexts, page, source),
        ]
    return markdown_page(blocks)


def _day_description(ctx: Context, day: PartialDate, whole_site: bool) -> str:
    """What a day's (or a month's) page of sources holds, in one explainer or on a site of several."""
    when = ctx.date(day)
    if whole_site:
        return (
            ctx.t("The sources published on {day} that the explainers on this site quote.", day=when)
            if day.precision == "day"
            else ctx.t("The sources published in {month} that the explainers on this site quote.", month=when)
        )
    return (
        ctx.t("The sources published on {day} that this explainer quotes.", day=when)
        if day.precision == "day"
        else ctx.t("The sources published in {month} that this explainer quotes.", month=when)
    )
