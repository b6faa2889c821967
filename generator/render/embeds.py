"""Blocks from the data placed into hand-written pages: a line ``{{ kind argument }}`` becomes that block.

Resolved here, by plain text substitution, so the same content builds with any engine that reads Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from generator.errors import Problem
from generator.markup import raw_block
from generator.render.components import quote_figure
from generator.render.context import Context
from generator.render.contrast import contrast_table
from generator.render.timeline import event_block

EMBED_KINDS = ("quote", "contrast-table", "timeline-day")
_EMBED = re.compile(r"\{\{\s*(?P<kind>[^\s{}]+)(?:\s+(?P<argument>[^\s{}]+))?\s*\}\}")
_FENCE = re.compile(r"(`{3,}|~{3,})")


def resolve_embeds(ctx: Context, page: str, text: str) -> str:
    """Replace each embed line in ``text`` by its block; the embeds must be those :func:`check_embeds` passes."""
    lines = []
    for _, line, in_code in _lines(text):
        match = None if in_code else _EMBED.fullmatch(line.strip())
        lines.append(_block(ctx, page, match["kind"], match["argument"]) if match else line)
    return "\n".join(lines)


_SYNTAX = (
    "an embed on a line of its own: {{ quote ID }}, {{ contrast-table }} or {{ timeline-day YYYY-MM-DD }}"
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


def _block(ctx: Context, page: str, kind: str, argument: str | None) -> str:
    data = ctx.data
    if kind == "quote" and argument:
        return raw_block(quote_figure(ctx, page, data.statement_by_id[argument], anchored=False))
    if kind == "contrast-table":
        return raw_block(contrast_table(ctx, page, anchored=False))
    events = [event for date, events in data.days if date.iso() == argument for event in events]
    return "\n\n".join(
        block for event in events for block in event_block(ctx, page, event, level=3, anchored=False)
    )


def embed_error(
    kind: str, argument: str | None, quote_ids: frozenset[str] | None, days: Sequence[str] | None
) -> tuple[str, str] | None:
    """What is wrong with an embed, as (found, expected), given the quote ids and the days with events.

    Ids or days given as None are unknown (an event file could not be read): those are not checked.
    """
    if kind == "quote" and argument:
        if quote_ids is not None and argument not in quote_ids:
            return f'the quote id "{argument}", which is not defined', "a quote id from data/events/"
        return None
    if kind == "contrast-table" and argument is None:
        return None
    if kind == "timeline-day" and argument:
        if days is not None and argument not in days:
            return f'the day "{argument}", which has no events', f"a day with events: {', '.join(days)}"
        return None
    if kind not in EMBED_KINDS:
        return f'an embed of kind "{kind}"', f"one of {', '.join(EMBED_KINDS)}"
    return f'"{kind}" with {"the argument " + repr(argument) if argument else "no argument"}', _SYNTAX


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


def check_embeds(
    display_path: str, text: str, quote_ids: frozenset[str] | None, days: Sequence[str] | None
) -> Iterator[Problem]:
    """The embed problems of a page without rendering it: for when the data has problems of its own."""
    for number, line, in_code in _lines(text):
        stripped = line.strip()
        if in_code or not stripped.startswith("{{"):
            continue
        column = len(line) - len(line.lstrip()) + 1
        match = _EMBED.fullmatch(stripped)
        problem = embed_error(match["kind"], match["argument"], quote_ids, days) if match else None
        if not match:
            yield Problem(display_path, number, column, "embed", f'"{stripped}"', _SYNTAX)
        elif problem:
            yield Problem(display_path, number, column, "embed", *problem)
