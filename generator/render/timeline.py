"""The timeline: events grouped by day, in order, with their quotes, relations and sources."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from generator.dataset import Statement, grouped
from generator.dates import PartialDate
from generator.markup import Html, fragment, front_matter, h, heading, markdown_page, paragraph, raw_block
from generator.model import Event
from generator.render.components import joined, quote_figure, source_links
from generator.render.context import Context
from generator.render.corrections import correction_note
from generator.render.lists import SEARCH_EXCLUDE
from generator.render.timeline_svg import WHOLE_PICTURE_MAX_EVENTS, timeline_picture
from generator.sitemap import TIMELINE, day_anchor, day_path, event_anchor, month_anchor


def event_block(ctx: Context, page: str, event: Event, *, level: int, anchored: bool = True) -> list[str]:
    """An event as Markdown: its heading, then one HTML block with what happened and what was said."""
    facts: list[Html | str] = [ctx.time(event.date)]
    if event.time:
        facts += [", ", h("time", event.time.iso(), datetime=event.time.iso())]
    if event.place:
        facts += [" · ", event.place]
    if event.participants:
        people = [
            h("a", ctx.data.person_by_id[pid].name, href=ctx.person_link(page, pid))
            for pid in event.participants
        ]
        facts += [" · ", *ctx.pieces("With {people}", people=fragment(*joined(people)))]
    body = h(
        "div",
        h("p", *facts, class_="ex-event__facts", **SEARCH_EXCLUDE),
        h("p", event.summary, class_="ex-event__summary"),
        correction_note(ctx, page, "events", event.id),
        *(quote_figure(ctx, page, statement, anchored=anchored) for statement in _statements(ctx, event)),
        h(
            "p",
            *ctx.pieces("Reported by {sources}.", sources=fragment(*source_links(event.sources, ctx))),
            class_="ex-event__sources",
            **SEARCH_EXCLUDE,
        ),
        class_="ex-event",
    )
    return [heading(level, event.title, event_anchor(event.id) if anchored else None), raw_block(body)]


def _statements(ctx: Context, event: Event) -> list[Statement]:
    return [ctx.data.statement_by_id[quote.id] for quote in event.quotes]


def timeline_page(ctx: Context) -> str:
    """The timeline's first page: every day in order, by month, with its events linked to the day's page."""
    first, last = ctx.data.days[0][0], ctx.data.days[-1][0]
    description = ctx.t(
        "What happened and who said what, {first} to {last}, in order.",
        first=ctx.date(first),
        last=ctx.date(last),
    )
    blocks = [
        front_matter({"description": description}),
        heading(1, ctx.t("Timeline")),
        paragraph(
            ctx.t(
                "Events in order, grouped by day. Each day has its own page with every quote and the sources "
                "that printed it."
            )
        ),
    ]
    if len(ctx.data.events) <= WHOLE_PICTURE_MAX_EVENTS:
        blocks.append(raw_block(timeline_picture(ctx, TIMELINE, ctx.data.days)))
    for month, days in _by_month(ctx.data.days):
        blocks += [heading(2, ctx.day_title(month), month_anchor(month)), raw_block(_days_list(ctx, days))]
    return markdown_page(blocks)


Day = tuple[PartialDate, tuple[Event, ...]]


def _by_month(days: Sequence[Day]) -> list[tuple[PartialDate, tuple[Day, ...]]]:
    return list(grouped((PartialDate(day[0].year, day[0].month), day) for day in days).items())


def _days_list(ctx: Context, days: Sequence[Day]) -> Html:
    items = []
    for date, events in days:
        titles = [h("li", h("a", event.title, href=ctx.event_link(TIMELINE, event))) for event in events]
        items.append(
            h(
                "li",
                h("a", ctx.day_title(date), href=ctx.day_link(TIMELINE, date), id=day_anchor(date)),
                h("ul", *titles),
            )
        )
    return h("ul", *items, class_="ex-days")


def timeline_day_pages(ctx: Context, only: Collection[PartialDate] | None = None) -> dict[str, str]:
    """A page per day (or per month or year, for events dated only that precisely), with links to its
    neighbours; ``only``: the pages of these dates."""
    days = ctx.data.days
    dates: list[PartialDate | None] = [None, *(date for date, _ in days), None]
    return {
        day_path(date): _day_page(ctx, date, events, dates[index], dates[index + 2])
        for index, (date, events) in enumerate(days)
        if only is None or date in only
    }


def _day_page(
    ctx: Context,
    date: PartialDate,
    events: Sequence[Event],
    before: PartialDate | None,
    after: PartialDate | None,
) -> str:
    page = day_path(date)
    blocks = [
        front_matter(
            {
                "description": ctx.t(
                    "What happened and who said what on {date}, in order.", date=ctx.date(date)
                )
            }
        ),
        heading(1, ctx.day_title(date)),
        raw_block(_neighbours(ctx, page, before, after)),
        raw_block(timeline_picture(ctx, page, [(date, events)])),
    ]
    for event in events:
        blocks += event_block(ctx, page, event, level=2)
    return markdown_page(blocks)


def _neighbours(ctx: Context, page: str, before: PartialDate | None, after: PartialDate | None) -> Html:
    """Links to the day before, the whole timeline and the day after."""
    links: list[Html | str] = []
    if before is not None:
        links += [h("a", f"← {ctx.day_title(before)}", href=ctx.day_link(page, before), rel="prev"), " · "]
    links.append(h("a", ctx.t("All days"), href=ctx.link(page, TIMELINE)))
    if after is not None:
        links += [" · ", h("a", f"{ctx.day_title(after)} →", href=ctx.day_link(page, after), rel="next")]
    return h("nav", h("p", *links), class_="ex-day-nav", aria_label=ctx.t("Other days"), **SEARCH_EXCLUDE)
