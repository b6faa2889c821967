"""The sources page: every source as a citation readers recognise, with each quote it is cited for."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.markup import Href, front_matter, h, heading, paragraph, raw_block
from generator.model import Source
from generator.render.components import time_element
from generator.render.context import SOURCES, Context, source_anchor
from generator.render.corrections import correction_note


def _facts(source: Source) -> ET.Element:
    rows: list[tuple[str, ET.Element | str]] = [
        ("Outlet", source.outlet),
        ("Headline", h("cite", source.title)),
    ]
    if source.byline:
        rows.append(("Byline", source.byline))
    rows += [
        ("Published", time_element(source.published)),
        ("Link", h("a", source.url, href=Href.external(source.url))),
    ]
    if source.archive_url:
        rows.append(("Archived copy", h("a", source.archive_url, href=Href.external(source.archive_url))))
    if source.accessed:
        rows.append(("Accessed", time_element(source.accessed)))
    items: list[ET.Element] = []
    for term, value in rows:
        items += [h("dt", term), h("dd", value)]
    return h("dl", *items, class_="ex-source__facts")


def _cited_for(ctx: Context, source: Source) -> ET.Element:
    entries = []
    for statement in ctx.data.statements_by_source.get(source.id, ()):
        speaker = ctx.data.person[statement.quote.speaker].name
        mine = next(c.as_printed for c in statement.quote.citations if c.source == source.id)
        others = [c for c in statement.quote.citations if c.source != source.id and c.as_printed != mine]
        entry = h(
            "li",
            h("a", speaker, href=ctx.person_link(SOURCES, statement.quote.speaker)),
            ": ",
            h("q", mine),
            " (",
            h("a", "in context", href=ctx.quote_link(SOURCES, statement)),
            ")",
        )
        if others:
            variants = [
                h("li", ctx.data.source[c.source].outlet, " printed: ", h("q", c.as_printed)) for c in others
            ]
            entry.append(h("ul", *variants, class_="ex-variants", aria_label="Printed differently elsewhere"))
        entries.append(entry)
    if not entries:
        return h("p", "No quote in this explainer cites this source.")
    return h("ul", *entries, class_="ex-source__quotes")


def _note(ctx: Context, source: Source) -> list[str]:
    note = correction_note(ctx, SOURCES, "sources", source.id)
    return [raw_block(note)] if note is not None else []


def sources_page(ctx: Context) -> str:
    blocks = [
        front_matter(
            {"description": "Every published source this explainer quotes, and what each one printed."}
        ),
        heading(1, "Sources"),
        paragraph("Every source we quote, with each quote it is cited for, exactly as it printed the words."),
    ]
    ordered = sorted(ctx.data.sources, key=lambda s: (s.published, s.outlet, s.id))
    for source in ordered:
        blocks += [
            heading(2, f"{source.outlet}: {source.title}", source_anchor(source.id)),
            raw_block(_facts(source)),
            *_note(ctx, source),
            paragraph("Quoted here:"),
            raw_block(_cited_for(ctx, source)),
        ]
    return "\n\n".join(blocks) + "\n"
