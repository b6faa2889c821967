"""The timeline: events grouped by day, in order, with their quotes, relations and sources."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from generator.dataset import Statement
from generator.dates import PartialDate
from generator.markup import front_matter, h, heading, paragraph, raw_block
from generator.model import Event
from generator.render.components import day_title, joined, quote_figure, source_links, time_element
from generator.render.context import TIMELINE, Context, day_anchor, event_anchor
from generator.render.corrections import correction_note
from generator.render.timeline_svg import timeline_picture


def event_block(ctx: Context, page: str, event: Event, *, level: int, anchored: bool = True) -> list[str]:
    """An event as Markdown: its heading, then one HTML block with what happened and what was said."""
    facts: list[ET.Element | str] = [time_element(event.date)]
    if event.time:
        facts += [", ", h("time", event.time.iso(), datetime=event.time.iso())]
    if event.place:
        facts += [" · ", event.place]
    if event.participants:
        people = [
            h("a", ctx.data.person[pid].name, href=ctx.person_link(page, pid)) for pid in event.participants
        ]
        facts += [" · With ", *joined(people)]
    body = h(
        "div",
        h("p", *facts, class_="ex-event__facts"),
        h("p", event.summary, class_="ex-event__summary"),
        correction_note(ctx, page, "events", event.id),
        *(quote_figure(ctx, page, statement, anchored=anchored) for statement in _statements(ctx, event)),
        h("p", "Reported by ", *source_links(event.sources, ctx), ".", class_="ex-event__sources"),
        class_="ex-event",
    )
    return [heading(level, event.title, event_anchor(event.id) if anchored else None), raw_block(body)]


def _statements(ctx: Context, event: Event) -> list[Statement]:
    return [ctx.data.statement[quote.id] for quote in event.quotes]


def day_section(
    ctx: Context, page: str, date: PartialDate, events: Sequence[Event], *, level: int, anchored: bool = True
) -> list[str]:
    blocks = [heading(level, day_title(date), day_anchor(date) if anchored else None)]
    for event in events:
        blocks += event_block(ctx, page, event, level=level + 1, anchored=anchored)
    return blocks


def timeline_page(ctx: Context) -> str:

    first, last = ctx.data.days[0][0], ctx.data.days[-1][0]
    description = f"What happened and who said what, {first.human()} to {last.human()}, in order."
    blocks = [
        front_matter({"description": description}),
        heading(1, "Timeline"),
        paragraph("Events in order, grouped by day. Every quote links to the sources that printed it."),
        raw_block(timeline_picture(ctx, TIMELINE)),
    ]
    for date, events in ctx.data.days:
        blocks += day_section(ctx, TIMELINE, date, events, level=2)
    return "\n\n".join(blocks) + "\n"
