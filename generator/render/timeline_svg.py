"""The timeline as a picture: an SVG made at build time, readable without JavaScript.

Days run top to bottom, each event a dot on one line with its title (a link to the event) and who spoke; the
quotes that relate to others get a row of their own, joined in the right-hand gutter by labelled connectors
(contradicts, clarifies…). Relation types differ in words and in line style, never in colour alone.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from generator.dataset import Statement
from generator.markup import h
from generator.model import Event, Relation
from generator.render.components import RELATION_LABELS
from generator.render.context import Context
from generator.render.timeline import day_title

ROW = 24
TEXT_X = 40
GUTTER_X = 520
LANE_STEP = 14
LABEL_ROOM = 96
MAX_CHARS = 62
_STYLE = {
    "contradicts": "solid line",
    "clarifies": "dashed line",
    "walks-back": "dotted line",
    "repeats": "thin line",
}
TITLE_ID = "timeline-picture-title"
DESC_ID = "timeline-picture-desc"


@dataclass(frozen=True)
class _Row:
    """One line of the picture: a day heading, an event or a related quote, at height ``y``."""

    kind: str
    y: int
    element: ET.Element


@dataclass(frozen=True)
class _Connector:
    """A relation drawn from the quote that makes it (``start``) to the quote it is about (``end``)."""

    start: int
    end: int
    relation: Relation


def shorten(text: str, limit: int = MAX_CHARS) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def _related(ctx: Context) -> set[str]:
    """Ids of the quotes that take part in a relation, either end."""
    ids = set()
    for statement in ctx.data.statements:
        for relation in statement.quote.relations:
            ids |= {statement.quote.id, relation.quote}
    return ids


def _people_line(ctx: Context, event: Event) -> str | None:
    """``Speakers: …`` (who is quoted), or ``With: …`` (who took part) when nobody is quoted."""
    speakers = [quote.speaker for quote in event.quotes]
    ids, label = (speakers, "Speakers") if speakers else (list(event.participants), "With")
    if not ids:
        return None
    return f"{label}: " + ", ".join(ctx.data.person[pid].name for pid in dict.fromkeys(ids))


def _event_row(ctx: Context, page: str, event: Event, y: int) -> ET.Element:
    people = _people_line(ctx, event)
    who = h("text", people, x=str(TEXT_X), y=str(y + 16), class_="ex-tl__who") if people else None
    return h(
        "g",
        h("circle", cx="20", cy=str(y - 4), r="6", class_="ex-tl__dot"),
        h(
            "a",
            h("text", shorten(event.title), x=str(TEXT_X), y=str(y), class_="ex-tl__event"),
            href=ctx.event_link(page, event.id),
        ),
        who,
    )


def _quote_row(ctx: Context, page: str, statement: Statement, y: int) -> ET.Element:
    speaker = ctx.data.person[statement.quote.speaker].name
    words = shorten(f"{speaker}: “{statement.quote.text}”", MAX_CHARS - 4)
    return h(
        "a",
        h("circle", cx=str(TEXT_X + 6), cy=str(y - 4), r="3", class_="ex-tl__quote-dot"),
        h("text", words, x=str(TEXT_X + 16), y=str(y), class_="ex-tl__quote"),
        href=ctx.quote_link(page, statement),
    )


def _layout(ctx: Context, page: str) -> tuple[list[_Row], dict[str, int], int]:
    """Every row with its height, where each related quote sits, and the total height."""
    related = _related(ctx)
    rows: list[_Row] = []
    quote_y: dict[str, int] = {}
    y = 28
    for date, events in ctx.data.days:
        rows.append(_Row("day", y, h("text", day_title(date), x="8", y=str(y), class_="ex-tl__day")))
        y += ROW + 4
        for event in events:
            rows.append(_Row("event", y, _event_row(ctx, page, event, y)))
            y += ROW + (16 if _people_line(ctx, event) else 0)
            for quote in event.quotes:
                if quote.id in related:
                    quote_y[quote.id] = y
                    rows.append(_Row("quote", y, _quote_row(ctx, page, ctx.data.statement[quote.id], y)))
                    y += ROW
            y += 8
        y += 8
    return rows, quote_y, y


def _connectors(ctx: Context, quote_y: dict[str, int]) -> list[_Connector]:
    connectors = [
        _Connector(quote_y[statement.quote.id], quote_y[relation.quote], relation)
        for statement in ctx.data.statements
        for relation in statement.quote.relations
    ]
    return sorted(connectors, key=lambda c: (abs(c.start - c.end), c.start, c.end, c.relation.type.value))


def _connector(connector: _Connector, lane: int, lanes: int) -> ET.Element:
    """An elbow from the quote making the relation to the quote it is about, labelled in words at its start."""
    x = GUTTER_X + (lane + 1) * LANE_STEP
    start, end = connector.start - 4, connector.end - 4
    kind = connector.relation.type.value
    label = RELATION_LABELS[connector.relation.type].lower()
    label_x = GUTTER_X + (lanes + 1) * LANE_STEP + 6
    return h(
        "g",
        h(
            "path",
            d=f"M {GUTTER_X - 16} {start} H {x} V {end} H {GUTTER_X - 12}",
            class_=f"ex-tl__link ex-tl__link--{kind}",
            marker_end="url(#ex-tl-arrow)",
        ),
        h("text", label, x=str(label_x), y=str(start + 4), class_="ex-tl__label"),
        class_=f"ex-tl__relation ex-tl__relation--{kind}",
    )


def _arrow_marker() -> ET.Element:
    return h(
        "defs",
        h(
            "marker",
            h("path", d="M 0 0 L 8 4 L 0 8 z", class_="ex-tl__arrow"),
            id="ex-tl-arrow",
            viewBox="0 0 8 8",
            refX="8",
            refY="4",
            markerWidth="6",
            markerHeight="6",
            orient="auto",
        ),
    )


def _description(ctx: Context) -> str:
    """The picture in words, for readers who cannot see it."""
    days = len(ctx.data.days)
    events = len(ctx.data.events)
    relations = sum(len(statement.quote.relations) for statement in ctx.data.statements)
    return (
        f"{events} events over {days} days, top to bottom in order, each with its speakers; "
        f"{relations} connectors show which quotes contradict or clarify earlier ones. "
        "The same information follows as text below."
    )


def timeline_picture(ctx: Context, page: str) -> ET.Element:
    """The whole picture as a ``figure`` holding one inline ``svg``."""
    rows, quote_y, height = _layout(ctx, page)
    connectors = _connectors(ctx, quote_y)
    first, last = ctx.data.days[0][0], ctx.data.days[-1][0]
    width = GUTTER_X + (len(connectors) + 1) * LANE_STEP + LABEL_ROOM
    spine = h("line", x1="20", y1="40", x2="20", y2=str(height - 24), class_="ex-tl__spine")
    svg = h(
        "svg",
        h("title", f"Timeline, {first.human()} to {last.human()}", id=TITLE_ID),
        h("desc", _description(ctx), id=DESC_ID),
        _arrow_marker(),
        spine,
        *(row.element for row in rows),
        *(_connector(connector, lane, len(connectors)) for lane, connector in enumerate(connectors)),
        viewBox=f"0 0 {width} {height}",
        width=str(width),
        height=str(height),
        role="group",  # not "img": an img hides its children, and these links must stay reachable
        aria_labelledby=TITLE_ID,
        aria_describedby=DESC_ID,
        class_="ex-tl",
    )
    return h(
        "figure", h("div", svg, class_="ex-tl__scroll"), _legend(connectors), class_="ex-timeline-picture"
    )


def _legend(connectors: Sequence[_Connector]) -> ET.Element:
    kinds = sorted({connector.relation.type for connector in connectors}, key=lambda kind: kind.value)
    words = ", ".join(f"{RELATION_LABELS[kind].lower()} ({_STYLE[kind.value]})" for kind in kinds)
    text = "Each event links to its place below." + (f" Connectors: {words}." if words else "")
    return h("figcaption", text)
