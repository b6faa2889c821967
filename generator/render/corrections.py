"""The corrections page, and the note on each corrected item that links to it."""

from __future__ import annotations

from typing import Literal

from generator.markup import Html, front_matter, h, heading, markdown_page, paragraph, raw_block
from generator.model import Correction
from generator.render.context import Context
from generator.render.quote_words import quoted_text
from generator.sitemap import CORRECTIONS, correction_anchor

ItemKind = Literal["quotes", "events", "sources"]


def _newest_first(corrections: tuple[Correction, ...]) -> list[Correction]:
    return sorted(corrections, key=lambda c: (c.date, c.id), reverse=True)


def correction_note(ctx: Context, page: str, kind: ItemKind, item_id: str) -> Html | None:
    """``Corrected on 22 November 2026: what changed.`` for each correction naming the item, or None."""
    found = _newest_first(ctx.data.corrections_of(kind, item_id))
    if not found:
        return None
    items = [
        h(
            "li",
            h(
                "a",
                *ctx.pieces("Corrected on {date}", date=ctx.time(c.date)),
                href=ctx.correction_link(page, c.id),
            ),
            ": ",
            c.changed,
        )
        for c in found
    ]
    return h("ul", *items, class_="ex-correction-note", aria_label=ctx.t("Corrections"))


def _corrected_links(ctx: Context, correction: Correction) -> list[Html | str]:
    """Links to each corrected item, as readers name them."""
    links: list[Html | str] = []
    for quote_id in correction.quotes:
        statement = ctx.data.statement_by_id[quote_id]
        speaker = ctx.data.person_by_id[statement.quote.speaker].name
        links.append(
            h(
                "a",
                f"{speaker}: ",
                quoted_text(ctx, statement.quote),
                href=ctx.quote_link(CORRECTIONS, statement),
            )
        )
    events = {event.id: event for event in ctx.data.events}
    links += [h("a", events[e].title, href=ctx.event_link(CORRECTIONS, events[e])) for e in correction.events]
    links += [
        h(
            "a",
            ctx.data.source_by_id[s].outlet,
            ": ",
            h("cite", ctx.data.source_by_id[s].title),
            href=ctx.source_link(CORRECTIONS, s),
        )
        for s in correction.sources
    ]
    separated: list[Html | str] = []
    for index, link in enumerate(links):
        separated += ["; ", link] if index else [link]
    return separated


def _entry(ctx: Context, correction: Correction) -> Html:
    rows: list[tuple[str, list[Html | str]]] = [
        (ctx.t("What changed"), [correction.changed]),
        (ctx.t("Why"), [correction.reason]),
        (ctx.t("Corrected"), _corrected_links(ctx, correction)),
    ]
    facts: list[Html] = []
    for term, value in rows:
        facts += [h("dt", term), h("dd", *value)]
    return h("dl", *facts, class_="ex-correction")


def corrections_page(ctx: Context) -> str:
    blocks = [
        front_matter(
            {"description": ctx.t("Every correction made to this explainer: when, what changed and why.")}
        ),
        heading(1, ctx.t("Corrections")),
        paragraph(
            ctx.t(
                "When we change a fact, a quote or a source after publication, we say so here, newest first, "
                "and note it on the corrected item."
            )
        ),
    ]
    corrections = _newest_first(ctx.data.corrections)
    if not corrections:
        blocks.append(paragraph(ctx.t("There have been no corrections to this explainer.")))
    for correction in corrections:
        blocks += [
            heading(2, ctx.date(correction.date), correction_anchor(correction.id)),
            raw_block(_entry(ctx, correction)),
        ]
    return markdown_page(blocks)
