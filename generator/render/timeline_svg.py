"""The timeline as a picture: an SVG made at build time, readable without JavaScript.

Days run top to bottom, each event a dot on one line with its title (a link to the event), its time of day
where the data has one, and who spoke; the quotes that relate to others get a row of their own, starting with
the relation in words (contradicts, clarifies…), and a connector in the lanes left of the text runs to the
quote it is about. Relation types differ in words and line style, never in colour alone.

The picture is drawn for a phone: with up to four connectors it is 328 px wide, the text column of a 360 px
screen, so that it shows at its natural size (12 px text and more, each link at least 24 px tall) without
shrinking; more connectors widen it and it scrolls sideways. SVG does not wrap text, so titles are wrapped
here, at word boundaries, by a generous estimate of the width of a character.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from generator.dataset import Statement
from generator.dates import PartialDate
from generator.i18n import N_
from generator.markup import Html, h
from generator.model import Event, Relation, RelationType
from generator.quote_translations import text_translations
from generator.render.components import RELATION_LABELS, joined
from generator.render.context import Context
from generator.render.lists import SEARCH_EXCLUDE

ROW = 24  # the height of a link's tap target: one line of text and the space around it
LINE = 16  # from one line of text to the next
SPINE_X = 20
LANE_STEP = 12
WIDTH = 328  # the text column of a 360 px screen
# The text column is what WIDTH leaves after the spine and the lanes, at least 244 px (four lanes' worth):
# more lanes widen the picture.
MIN_TEXT_WIDTH = 244
# Generous averages for the widest common system sans-serif, DejaVu Sans, so that no line overruns the picture
# (its bold 13 px measures 8.45 px a character in "immigration enforcement memos").
BOLD_CHAR_WIDTH = 8.8  # bold 13 px: event titles
CHAR_WIDTH = 7.6  # 12 px: speakers and quotes
TITLE_LINES = 3  # a longer title ends with an ellipsis, after a whole word
QUOTE_LINES = 2
LINE_STYLES = {
    RelationType.CONTRADICTS: N_("solid line"),
    RelationType.CLARIFIES: N_("dashed line"),
    RelationType.WALKS_BACK: N_("dotted line"),
    RelationType.REPEATS: N_("thin line"),
}
# Beyond this many events one picture of the whole timeline is too big to read or to send; each day's page
# still has the picture of its own day.
WHOLE_PICTURE_MAX_EVENTS = 40
TITLE_ID = "timeline-picture-title"

Days = Sequence[tuple[PartialDate, Sequence[Event]]]
DESC_ID = "timeline-picture-desc"


def wrapped(text: str, width: int, max_lines: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken between words (a word longer than a line is
    broken in it); past ``max_lines`` the last line ends with an ellipsis after a whole word."""
    lines = textwrap.wrap(text, width, break_on_hyphens=False)
    if len(lines) <= max_lines:
        return lines
    last = textwrap.wrap(" ".join(lines[max_lines - 1 :]), width - 1, break_on_hyphens=False)[0]
    return [*lines[: max_lines - 1], last.rstrip(" ,;:") + "…"]


def _text_element(lines: Sequence[str], x: int, y: int, class_: str, *lead: Html | str) -> Html:
    """One ``text`` element: ``lead`` then the first line at baseline ``y``, each next line ``LINE`` below."""
    rest = [h("tspan", line, x=str(x), dy=str(LINE)) for line in lines[1:]]
    return h("text", *lead, lines[0], *rest, x=str(x), y=str(y), class_=class_)


def _target(x: int, y: int, width: int, lines: int) -> Html:
    """A transparent box over a link's ``lines`` of text (the first at baseline ``y``): a tap target at
    least ``ROW`` tall, without gaps between lines."""
    height = ROW + (lines - 1) * LINE
    return h("rect", x=str(x), y=str(y - LINE), width=str(width), height=str(height), fill="transparent")


def _chars(width: float, char_width: float) -> int:
    return int(width // char_width)


def _about_line(ctx: Context, event: Event) -> str | None:
    """The event's time of day where the data has one, and ``Speakers: …`` (who is quoted), or ``With: …``
    (who took part) when nobody is quoted: ``16:30+01:00 · Speakers: …``."""
    parts = [event.time.iso()] if event.time else []
    speakers = [quote.speaker for quote in event.quotes]
    if ids := speakers or list(event.participants):
        names = ", ".join(ctx.data.person_by_id[pid].name for pid in dict.fromkeys(ids))
        parts.append(
            # Translators: {names} is one name or several, comma-separated.
            ctx.t("Speakers: {names}", names=names) if speakers else ctx.t("With: {names}", names=names)
        )
    return " · ".join(parts) if parts else None


def _event_row(ctx: Context, page: str, event: Event, y: int, column: tuple[int, int]) -> tuple[Html, int]:
    """The event's dot, its title (a link, over as many lines as it needs) and the line about it; the height
    the row takes."""
    text_x, text_width = column
    title = wrapped(event.title, _chars(text_width, BOLD_CHAR_WIDTH), TITLE_LINES)
    about = _about_line(ctx, event)
    about_lines = wrapped(about, _chars(text_width, CHAR_WIDTH), 2) if about else []
    about_y = y + len(title) * LINE
    row = h(
        "g",
        h("circle", cx=str(SPINE_X), cy=str(y - 4), r="6", class_="ex-tl__dot"),
        h(
            "a",
            _target(text_x - 4, y, text_width + 4, len(title)),
            _text_element(title, text_x, y, "ex-tl__event"),
            href=ctx.event_link(page, event),
        ),
        _text_element(about_lines, text_x, about_y, "ex-tl__who") if about_lines else None,
    )
    return row, ROW + (len(title) - 1 + len(about_lines)) * LINE


def _quote_row(
    ctx: Context, page: str, statement: Statement, y: int, column: tuple[int, int]
) -> tuple[Html, int]:
    """The quote's relations in words, then speaker and words, all one link to the quote in context; the
    height the row takes."""
    text_x, text_width = column
    speaker = ctx.data.person_by_id[statement.quote.speaker].name
    labels = [ctx.t(RELATION_LABELS[relation.type]).lower() for relation in statement.quote.relations]
    lead = f"{', '.join(labels)}: " if labels else ""
    # Said before the words, which wrapping may cut short; whose translation it is, the quote below says.
    translated = " (" + ctx.t("in translation") + ")" if text_translations(ctx.data, statement.quote) else ""
    lines = wrapped(
        f"{lead}{speaker}{translated}: “{statement.quote.text}”",
        _chars(text_width - 10, CHAR_WIDTH),
        QUOTE_LINES,
    )
    styled: list[Html | str] = []
    if lead and lines[0].startswith(lead.rstrip()):
        # The relation words are set apart in italics; the wrapping kept them whole on the first line.
        styled = [*joined([h("tspan", label, class_="ex-tl__label") for label in labels]), ":"]
        lines = [lines[0].removeprefix(lead.rstrip()), *lines[1:]]
    link = h(
        "a",
        _target(text_x - 4, y, text_width + 4, len(lines)),
        h("circle", cx=str(text_x + 2), cy=str(y - 4), r="3", class_="ex-tl__quote-dot"),
        _text_element(lines, text_x + 10, y, "ex-tl__quote", *styled),
        href=ctx.quote_link(page, statement),
    )
    return link, ROW + (len(lines) - 1) * LINE


def _layout(
    ctx: Context, page: str, days: Days, column: tuple[int, int], related: set[str]
) -> tuple[list[Html], dict[str, int], int]:
    """Every row's element, the height at which each related quote sits, and the total height; ``column`` is
    where the text starts and how wide it is, ``related`` the ids of the quotes that get a row of their own."""
    rows: list[Html] = []
    quote_y: dict[str, int] = {}
    y = 28
    for date, events in days:
        rows.append(h("text", ctx.day_title(date), x="8", y=str(y), class_="ex-tl__day"))
        y += ROW + 4
        for event in events:
            row, height = _event_row(ctx, page, event, y, column)
            rows.append(row)
            y += height
            for quote in event.quotes:
                if quote.id in related:
                    quote_y[quote.id] = y
                    row, height = _quote_row(ctx, page, ctx.data.statement_by_id[quote.id], y, column)
                    rows.append(row)
                    y += height
            y += 8
        y += 8
    return rows, quote_y, y


def _connectors(days: Days) -> list[tuple[str, Relation]]:
    """Every relation between two quotes in ``days`` as (the quote making it, the relation), in data order."""
    shown = {quote.id for _, events in days for event in events for quote in event.quotes}
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


def _description(ctx: Context, days: Days, relations: int) -> str:
    """The picture in words (``relations``: how many connectors it has), for readers who cannot see it."""
    events = sum(len(day_events) for _, day_events in days)
    span = ctx.nt("one day", "{count} days", len(days))
    over = ctx.nt("{count} event over {span}", "{count} events over {span}", events, span=span)
    connectors = ctx.nt(
        "{count} connector shows which quotes contradict or clarify earlier ones.",
        "{count} connectors show which quotes contradict or clarify earlier ones.",
        relations,
    )
    picture = ctx.t(
        "{events}, top to bottom in order, each with its speakers; {connectors}",
        events=over,
        connectors=connectors,
    )
    return picture + " " + ctx.t("The same information follows as text below.")


def timeline_picture(ctx: Context, page: str, days: Days) -> Html:
    """The picture of ``days`` (a run of the timeline) as a ``figure`` holding one inline ``svg``."""
    relations = _connectors(days)
    text_x = SPINE_X + 16 + len(relations) * LANE_STEP
    text_width = max(WIDTH - text_x, MIN_TEXT_WIDTH)
    # Both ends of a connector are in ``days``: those quotes get a row of their own.
    related = {end for source, relation in relations for end in (source, relation.quote)}
    rows, quote_y, height = _layout(ctx, page, days, (text_x, text_width), related)
    spans = sorted(
        ((quote_y[source], quote_y[relation.quote], relation) for source, relation in relations),
        key=lambda span: (abs(span[0] - span[1]), span[0], span[1]),
    )
    # The shortest span gets the lane nearest the text, so connectors do not cross.
    paths = [
        _connector(start, end, relation, text_x - 8 - lane * LANE_STEP, text_x)
        for lane, (start, end, relation) in enumerate(spans)
    ]
    width = text_x + text_width
    first, last = days[0][0], days[-1][0]
    title = (
        ctx.t("Timeline, {first} to {last}", first=ctx.date(first), last=ctx.date(last))
        if first != last
        else ctx.t("Timeline, {day}", day=ctx.day(first))
    )
    spine = h("line", x1=str(SPINE_X), y1="40", x2=str(SPINE_X), y2=str(height - 24), class_="ex-tl__spine")
    svg = h(
        "svg",
        h("title", title, id=TITLE_ID),
        h("desc", _description(ctx, days, len(relations)), id=DESC_ID),
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
    return h("figure", scroll, _legend(ctx, kinds), class_="ex-timeline-picture", **SEARCH_EXCLUDE)


def _legend(ctx: Context, kinds: Sequence[RelationType]) -> Html:
    words = ", ".join(
        ctx.t(RELATION_LABELS[kind]).lower() + " (" + ctx.t(LINE_STYLES[kind]) + ")" for kind in kinds
    )
    text = ctx.t("Each event and quote links to its place below.")
    if words:
        text += " " + ctx.t(
            "A quote's relation to an earlier one is named first, and its connector ends in an arrow: {styles}.",
            styles=words,
        )
    return h("figcaption", text)
