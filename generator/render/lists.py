"""Long lists kept light: the latest quotes in full, earlier ones one line each, and parts left out of search.

At a thousand quotes a page of full quote figures passes a megabyte, and the search index repeats every quote
on every page that shows it. Pages other than the timeline's day pages therefore show the latest quotes in
full and earlier ones as one-line links to their place in the timeline, and keep those lists out of search:
a quote is found once, on its day's page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Final

from generator.dataset import Statement
from generator.markup import EMPTY, Html, HtmlTemplate, fragment, h
from generator.render.components import quote_figure, stance_label, stance_on
from generator.render.context import Context
from generator.render.quote_words import quoted_text

# Search (Pagefind, generator/search_index.py) leaves out an element with this attribute (h() spells it
# data-pagefind-ignore).
SEARCH_EXCLUDE: Final[Mapping[str, str]] = MappingProxyType({"data_pagefind_ignore": ""})

_LINE = HtmlTemplate('<li>{speaker}<a href="{link}">{words}</a> ({date}){stance}</li>')
_SPEAKER = HtmlTemplate('<a href="{link}">{name}</a>: ')


def figures(ctx: Context, page: str, statements: Sequence[Statement], label: str | None = None) -> Html:
    """Quote figures in one block kept out of search (their words are found on the day's page); ``label``
    names the block (default: Quotes), and must differ between two such blocks on one page."""
    quotes = (quote_figure(ctx, page, s) for s in statements)
    return h("section", *quotes, class_="ex-quotes", aria_label=label or ctx.t("Quotes"), **SEARCH_EXCLUDE)


def unindexed(*children: Html) -> Html:
    """A block kept out of search."""
    return h("div", *children, **SEARCH_EXCLUDE)


def statement_line(
    ctx: Context, page: str, statement: Statement, *, speaker: bool = True, topic_id: str | None = None
) -> Html:
    """``Speaker: “words” (date)``, the words linked to the quote in context; with ``topic_id``, its stance."""
    stance = stance_label(ctx, stance_on(statement, topic_id)) if topic_id else None
    return _LINE(
        speaker=_SPEAKER(
            link=ctx.person_link(page, statement.quote.speaker),
            name=ctx.data.person_by_id[statement.quote.speaker].name,
        )
        if speaker
        else EMPTY,
        link=ctx.quote_link(page, statement),
        words=quoted_text(ctx, statement.quote),
        date=ctx.time(statement.date),
        stance=fragment(" ", stance) if stance is not None else EMPTY,
    )


def statement_lines(
    ctx: Context,
    page: str,
    statements: Sequence[Statement],
    *,
    class_: str,
    speaker: bool = True,
    topic_id: str | None = None,
    anchor: str | None = None,
) -> Html:
    """One line per quote (:func:`line_list`)."""
    lines = [statement_line(ctx, page, s, speaker=speaker, topic_id=topic_id) for s in statements]
    return line_list(lines, class_=class_, anchor=anchor)


def line_list(lines: Sequence[Html | None], *, class_: str, anchor: str | None = None) -> Html:
    """Lines in a list kept out of search; ``anchor`` makes the list a link target (a list, not a heading,
    because the search index makes a result of every heading with an id)."""
    return h("ul", *lines, class_=class_, id=anchor, **SEARCH_EXCLUDE)


def latest(statements: Sequence[Statement], limit: int) -> tuple[Sequence[Statement], Sequence[Statement]]:
    """``(earlier, latest)``: the last ``limit`` statements (in chronological order) and those before them."""
    cut = max(0, len(statements) - limit)
    return statements[:cut], statements[cut:]


def more_link(ctx: Context, page: str, count: int, topic_id: str) -> Html:
    """``3 earlier statements on the question's page``."""
    label = ctx.nt(
        "{count} earlier statement on the question's page",
        "{count} earlier statements on the question's page",
        count,
    )
    return h("a", label, href=ctx.topic_link(page, topic_id), class_="ex-more")
