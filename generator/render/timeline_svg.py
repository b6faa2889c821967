"""The timeline as a picture: an SVG made at build time, readable without JavaScript.

Days run top to bottom, each event a dot on one line with its title (a link to the event) and who spoke; the
quotes that relate to others get a row of their own, starting with the relation in words (contradicts,
clarifies…), and a connector in the lanes left of the text runs to the quote it is about. The lanes sit on the
left so that a phone shows them without scrolling. Relation types differ in words and line style, never in
colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.dataset import Statement
from generator.dates import PartialDate
from generator.markup import Html, h
from generator.model import Event, Relation, RelationType
from generator.render.components import RELATION_LABELS, day_title
from generator.render.context import Context
from generator.render.lists import SEARCH_EXCLUDE

ROW = 24
SPINE_X = 20
LANE_STEP = 12
CHAR_WIDTH = 8.2  # a generous average for bold 13 px system sans-serif, to size the picture
MAX_CHARS = 62
LINE_STYLES = {
    RelationType.CONTRADICTS: "solid line",
    RelationType.CLARIFIES: "dashed line",
    RelationType.WALKS_BACK: "dotted line",
    RelationType.REPEATS: "thin line",
}
# Beyond this many events one picture of the whole timeline is too big to read or to send; each day's page
# still has the picture of its own day.
WHOLE_PICTURE_MAX_EVENTS = 40
TITLE_ID = "timeline-picture-title"

Days = Sequence[tuple[PartialDate, Sequence[Event]]]
DESC_ID = "timeline-picture-desc"


def shorten(text: str, limit: int = MAX_CHARS) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def _quote_ids(days: Days) -> set[str]:
    return {quote.id for _, events in days for event in events for quote in event.quotes}


def _related(ctx: Context, days: Days) -> set[str]:
    """Ids of the quotes in ``days`` that take part in a relation with another quote in ``days``."""
    shown = _quote_ids(days)
    return {
        end for source, relation in _connectors(ctx, days) for end in (source, relation.quote) if end in shown
    }


def _people_line(ctx: Context, event: Event) -> str | None:
    """``Speakers: …`` (who is quoted), or ``With: …`` (who took part) when nobody is quoted."""
    speakers = [quote.speaker for quote in event.quotes]
    ids, label = (speakers, "Speakers") if speakers else (list(event.participants), "With")
    if not ids:
        return None
    return f"{label}: " + ", ".join(ctx.data.person_by_id[pid].name for pid in dict.fromkeys(ids))


def _event_row(ctx: Context, page: str, event: Event, y: int, text_x: int) -> Html:
    people = _people_line(ctx, event)
    who = h("text", people, x=str(text_x), y=str(y + 16), class_="ex-tl__who") if people else None
    return h(
        "g",
        h("circle", cx=str(SPINE_X), cy=str(y - 4), r="6", class_="ex-tl__dot"),
        h(
            "a",
            h("text", shorten(event.title), x=str(text_x), y=str(y), class_="ex-tl__event"),
            href=ctx.event_link(page, event),
        ),
        who,
    )


def _quote_row(ctx: Context, page: str, statement: Statement, y: int, text_x: int) -> Html:
    """The quote's relations in words, then speaker and words, all one link to the quote in context."""
    speaker = ctx.data.person_by_id[statement.quote.speaker].name
    labels: list[Html | str] = []
    for relation in statement.quote.relations:
        if labels:
            labels.append(", ")
        labels.append(h("tspan", RELATION_LABELS[relation.type].lower(), class_="ex-tl__label"))
    text = h(
        "text",
        *labels,
        ": " if labels else None,
        shorten(f"{speaker}: “{statement.quote.text}”", MAX_CHARS - 4),
        x=str(text_x + 10),
        y=str(y),
        class_="ex-tl__quote",
    )
    return h(
        "a",
        h("circle", cx=str(text_x + 2), cy=str(y - 4), r="3", class_="ex-tl__quote-dot"),
        text,
        href=ctx.quote_link(page, statement),
    )


def _layout(ctx: Context, page: str, days: Days, text_x: int) -> tuple[list[Html], dict[str, int], int]:
    """Every row's element, the height at which each related quote sits, and the total height."""
    related = _related(ctx, days)
    rows: list[Html] = []
    quote_y: dict[str, int] = {}
    y = 28
    for date, events in days:
        rows.append(h("text", day_title(date), x="8", y=str(y), class_="ex-tl__day"))
        y += ROW + 4
        for event in events:
            rows.append(_event_row(ctx, page, event, y, text_x))
            y += ROW + (16 if _people_line(ctx, event) else 0)
            for quote in event.quotes:
                if quote.id in related:
                    quote_y[quote.id] = y
                    rows.append(_quote_row(ctx, page, ctx.data.statement_by_id[quote.id], y, text_x))
                    y += ROW
            y += 8
        y += 8
    return rows, quote_y, y


def _connectors(ctx: Context, days: Days) -> list[tuple[str, Relation]]:
    """Every relation between two quotes in ``days`` as (the quote making it, the relation), in data order."""
    shown = _quote_ids(days)
    return [
        (quote.id, relation)
        for _, events in days
        for event in events
        for quote in event.quotes
        for relation in quote.relations
        if relation.quote in shown
    ]


def _connector(start: int, end: int, relation: Relation, lane_x: int, dot_x: int) -> Html:
    """An elbow from the quote making the relation, through its lane, to an arrow at the quote it is about."""
    kind = relation.type.value
    return h(
        "path",
        d=f"M {dot_x - 4} {start - 4} H {lane_x} V {end - 4} H {dot_x - 4}",
        class_=f"ex-tl__link ex-tl__link--{kind}",
        marker_end="url(#ex-tl-arrow)",
    )


def _arrow_marker() -> Html:
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


def _description(ctx: Context, days: Days) -> str:
    """The picture in words, for readers who cannot see it."""
    events = sum(len(day_events) for _, day_events in days)
    relations = len(_connectors(ctx, days))
    span = f"{len(days)} days" if len(days) != 1 else "one day"
    return (
        f"{events} events over {span}, top to bottom in order, each with its speakers; "
        f"{relations} connectors show which quotes contradict or clarify earlier ones. "
        "The same information follows as text below."
    )


def timeline_picture(ctx: Context, page: str, days: Days) -> Html:
    """The picture of ``days`` (a run of the timeline) as a ``figure`` holding one inline ``svg``."""
    relations = _connectors(ctx, days)
    text_x = SPINE_X + 16 + len(relations) * LANE_STEP
    rows, quote_y, height = _layout(ctx, page, days, text_x)
    spans = sorted(
        ((quote_y[source], quote_y[relation.quote], relation) for source, relation in relations),
        key=lambda span: (abs(span[0] - span[1]), span[0], span[1]),
    )
    # The shortest span gets the lane nearest the text, so connectors do not cross.
    paths = [
        _connector(start, end, relation, text_x - 8 - lane * LANE_STEP, text_x)
        for lane, (start, end, relation) in enumerate(spans)
    ]
    width = text_x + 16 + round(MAX_CHARS * CHAR_WIDTH)
    first, last = days[0][0], days[-1][0]
    title = (
        f"Timeline, {first.human()} to {last.human()}" if first != last else f"Timeline, {day_title(first)}"
    )
    spine = h("line", x1=str(SPINE_X), y1="40", x2=str(SPINE_X), y2=str(height - 24), class_="ex-tl__spine")
    svg = h(
        "svg",
        h("title", title, id=TITLE_ID),
        h("desc", _description(ctx, days), id=DESC_ID),
        _arrow_marker(),
        spine,
        *paths,
        *rows,
        viewBox=f"0 0 {width} {height}",
        width=str(width),
        height=str(height),
        role="group",  # not "img": an img hides its children, and these links must stay reachable
        aria_labelledby=TITLE_ID,
        aria_describedby=DESC_ID,
        class_="ex-tl",
    )
    kinds = sorted({relation.type for _, relation in relations}, key=lambda kind: kind.value)
    # Kept out of search: the picture repeats titles and quotes that the page has as text.
    scroll = h("div", svg, class_="ex-tl__scroll")
    return h("figure", scroll, _legend(kinds), class_="ex-timeline-picture", **SEARCH_EXCLUDE)


def _legend(kinds: Sequence[RelationType]) -> Html:
    words = ", ".join(f"{RELATION_LABELS[kind].lower()} ({LINE_STYLES[kind]})" for kind in kinds)
    text = "Each event and quote links to its place below."
    if words:
        text += f" A quote's relation to an earlier one is named first, and its connector ends in an arrow: {words}."
    return h("figcaption", text)
