"""Blocks from the data placed into hand-written pages: a line ``{{ kind arguments }}`` becomes that block.

Resolved here, by plain text substitution, so the same content builds with any engine that reads Markdown.
Embeds are compact: a page of prose links to the full quote (its setting, every source's printing and its
relations) on its day's page instead of repeating it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from generator.errors import Problem
from generator.markup import h, heading, raw_block
from generator.model import Event
from generator.render.byline import byline
from generator.render.components import compact_quote, when_in_day
from generator.render.context import Context
from generator.render.contrast import contrast_table
from generator.render.corrections import correction_note
from generator.render.glance import questions_at_a_glance
from generator.render.lists import SEARCH_EXCLUDE

# Each kind, and how many arguments it takes (at least, at most).
EMBED_KINDS: Mapping[str, tuple[int, int]] = {
    "quote": (1, 1),
    "side-by-side": (2, 4),
    "byline": (0, 0),
    "questions": (0, 0),
    "contrast-table": (0, 0),
    "timeline-day": (1, 1),
}
_EMBED = re.compile(r"\{\{\s*(?P<kind>[^\s{}]+)(?P<arguments>(?:\s+[^\s{}]+)*)\s*\}\}")
# The kinds of embed that show quotes, given by id.
QUOTE_KINDS = ("quote", "side-by-side")
_FENCE = re.compile(r"(`{3,}|~{3,})")


def resolve_embeds(ctx: Context, page: str, text: str) -> str:
    """Replace each embed line in ``text`` by its block; the embeds must be those :func:`check_embeds` passes."""
    return "\n".join(
        _block(ctx, page, match["kind"], match["arguments"].split()) if match else line
        for line, match in _embed_lines(text)
    )


def embeds_in(text: str) -> list[tuple[str, list[str]]]:
    """The embeds in ``text``, in order: each one's kind and arguments (whether they exist or not)."""
    return [(match["kind"], match["arguments"].split()) for _, match in _embed_lines(text) if match]


def _embed_lines(text: str) -> Iterator[tuple[str, re.Match[str] | None]]:
    """Each line of ``text``, with its embed when it is one (never inside a fenced code block)."""
    for _, line, in_code in _lines(text):
        yield line, None if in_code else _EMBED.fullmatch(line.strip())


def embedded_quote_ids(text: str) -> list[str]:
    """The ids of the quotes that ``text``'s embeds show, in order (whether they exist or not)."""
    return [quote_id for kind, arguments in embeds_in(text) if kind in QUOTE_KINDS for quote_id in arguments]


_SYNTAX = (
    "an embed on a line of its own: {{ quote ID }}, {{ side-by-side ID ID }}, {{ byline }}, {{ questions }}, "
    "{{ contrast-table }} or {{ timeline-day YYYY-MM-DD }}"
)


def _lines(text: str) -> Iterator[tuple[int, str, bool]]:
    """Each line with its number and whether it lies inside a fenced code block (embeds there stay as written)."""
    fence: str | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        opener = _FENCE.match(line.lstrip())
        if fence is None and opener:
            fence = opener[1]
            yield number, line, True
        elif fence is not None:
            if line.strip().startswith(fence[0] * len(fence)) and not line.strip().strip(fence[0]):
                fence = None
            yield number, line, True
        else:
            yield number, line, False


def _block(ctx: Context, page: str, kind: str, arguments: Sequence[str]) -> str:
    data = ctx.data
    if kind == "quote":
        return raw_block(compact_quote(ctx, page, data.statement_by_id[arguments[0]]))
    if kind == "side-by-side":
        quotes = [compact_quote(ctx, page, data.statement_by_id[quote_id]) for quote_id in arguments]
        return raw_block(h("div", *quotes, class_="ex-side-by-side"))
    if kind == "byline":
        found = byline(ctx, page)
        return raw_block(found) if found is not None else ""
    if kind == "questions":
        return raw_block(questions_at_a_glance(ctx, page))
    if kind == "contrast-table":
        return raw_block(contrast_table(ctx, page, anchored=False))
    events = [event for date, events in data.days if date.iso() == arguments[0] for event in events]
    return "\n\n".join(block for event in events for block in event_summary(ctx, page, event))


def event_summary(ctx: Context, page: str, event: Event) -> list[str]:
    """An event in brief for a page of prose: its title, when and where, what happened, and a link to its
    quotes on the day's page (shown there in full, so not repeated here)."""
    facts = when_in_day(ctx, event)
    if event.place:
        facts += [" · ", event.place]
    link = ctx.event_link(page, event)
    label = (
        ctx.nt("{count} quote from this event", "{count} quotes from this event", len(event.quotes))
        if event.quotes
        else ctx.t("This event in the timeline")
    )
    body = h(
        "div",
        h("p", *facts, class_="ex-event__facts", **SEARCH_EXCLUDE),
        h("p", event.summary, class_="ex-event__summary"),
        correction_note(ctx, page, "events", event.id),
        h("p", h("a", label, href=link), class_="ex-event__more", **SEARCH_EXCLUDE),
        class_="ex-event ex-event--brief",
    )
    return [heading(3, event.title), raw_block(body)]


def embed_error(
    kind: str, arguments: Sequence[str], quote_ids: frozenset[str] | None, days: Sequence[str] | None
) -> tuple[str, str] | None:
    """What is wrong with an embed, as (found, expected), given the quote ids and the days with events.

    Ids or days given as None are unknown (an event file could not be read): those are not checked.
    """
    if kind not in EMBED_KINDS:
        return f'an embed of kind "{kind}"', f"one of {', '.join(EMBED_KINDS)}"
    fewest, most = EMBED_KINDS[kind]
    if not fewest <= len(arguments) <= most:
        given = "no argument" if not arguments else "the arguments " + " ".join(arguments)
        return f'"{kind}" with {given}', _SYNTAX
    if kind in QUOTE_KINDS and quote_ids is not None:
        unknown = [quote_id for quote_id in arguments if quote_id not in quote_ids]
        if unknown:
            return f'the quote id "{unknown[0]}", which is not defined', "a quote id from data/events/"
        if len(set(arguments)) < len(arguments):
            return f"the quotes {' '.join(arguments)}, one of them twice", "each quote once"
    if kind == "timeline-day" and days is not None and arguments[0] not in days:
        return f'the day "{arguments[0]}", which has no events', f"a day with events: {', '.join(days)}"
    return None


def check_pages(
    content: Mapping[str, str],
    content_dir: str,
    quote_ids: frozenset[str] | None,
    days: Sequence[str] | None,
) -> list[Problem]:
    """The embed problems of every hand-written page (path → Markdown), without rendering."""
    return [
        problem
        for path, text in sorted(content.items())
        for problem in check_embeds(f"{content_dir}/{path}", text, quote_ids, days)
    ]


def stray_embeds(display_path: str, text: str) -> Iterator[Problem]:
    """Each embed of a page that belongs to no explainer (on a site of several, a page at the root of the
    content folder): what it would show belongs to one explainer, in that explainer's folder."""
    for number, line, in_code in _lines(text):
        stripped = line.strip()
        if not in_code and stripped.startswith("{{"):
            column = len(line) - len(line.lstrip()) + 1
            expected = "no embed on a page of the whole site (an explainer's pages, in its own folder, embed its data)"
            yield Problem(display_path, number, column, "embed", f'"{stripped}"', expected)


def check_embeds(
    display_path: str, text: str, quote_ids: frozenset[str] | None, days: Sequence[str] | None
) -> Iterator[Problem]:
    """The embed problems of a page without rendering it: for when the data has problems of its own.

    A quote may be embedded once per page: readers met the same card twice on the home page.
    """
    embedded: dict[str, int] = {}  # quote id -> the line that embeds it
    for number, line, in_code in _lines(text):
        stripped = line.strip()
        if in_code or not stripped.startswith("{{"):
            continue
        column = len(line) - len(line.lstrip()) + 1
        match = _EMBED.fullmatch(stripped)
        if not match:
            yield Problem(display_path, number, column, "embed", f'"{stripped}"', _SYNTAX)
            continue
        kind, arguments = match["kind"], match["arguments"].split()
        problem = embed_error(kind, arguments, quote_ids, days)
        again = [quote_id for quote_id in arguments if quote_id in embedded] if kind in QUOTE_KINDS else []
        if problem is None and again:
            found = f'the quote "{again[0]}", already embedded on line {embedded[again[0]]}'
            problem = found, "each quote embedded once on a page"
        if problem:
            yield Problem(display_path, number, column, "embed", *problem)
        elif kind in QUOTE_KINDS:
            embedded.update(dict.fromkeys(arguments, number))
