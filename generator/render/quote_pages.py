"""A page per quote: the link to share. Its title, description and picture are that quote's, so a link preview
shows the quote and not its whole day; the page shows the quote in full and leads to it in context."""

from __future__ import annotations

from collections.abc import Collection

from generator.dataset import Statement
from generator.markup import front_matter, h, heading, markdown_page, raw_block
from generator.quote_translations import translation_note, with_note
from generator.render.components import quote_figure
from generator.render.context import Context
from generator.render.lists import SEARCH_EXCLUDE
from generator.sitemap import quote_path, quote_share_image

TITLE_WORDS = 60  # characters of the quote's words in the page's title; a preview cuts longer titles anyway


def short_words(text: str, limit: int = TITLE_WORDS) -> str:
    """The words as they are when short enough, else cut after a whole word, with an ellipsis."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    cut = words[: limit + 1].rsplit(" ", 1)[0] if " " in words[:limit] else words[:limit]
    return cut.rstrip(",;:.") + "…"


def quote_description(ctx: Context, statement: Statement) -> str:
    """``“words” — John Kelly, Secretary of Homeland Security, 23 February 2017.``: what a preview says."""
    quote = statement.quote
    person = ctx.data.person_by_id[quote.speaker]
    role = person.role_on(statement.date)
    who = f"{person.name}, {role.title}" if role else person.name
    words = with_note(f"“{' '.join(quote.text.split())}”", translation_note(ctx.data, quote, ctx.words))
    return f"{words} — {who}, {ctx.date(statement.date)}."


def quote_page(ctx: Context, statement: Statement, *, pictured: bool) -> str:
    quote = statement.quote
    page = quote_path(quote.id)
    name = ctx.data.person_by_id[quote.speaker].name
    fields = {
        "title": f"{name}: “{short_words(quote.text)}”",
        "description": quote_description(ctx, statement),
        # Search finds the quote where it was said, on its day's page, not twice (overrides/main.html).
        "search_exclude": "true",
    }
    if pictured:
        fields |= {
            "share_image": quote_share_image(quote.id),
            "share_image_alt": quote_description(ctx, statement),
        }
    in_context = h(
        "p",
        h(
            "a",
            ctx.t("Read it in context: {day} on the timeline", day=ctx.day(statement.date)),
            href=ctx.quote_link(page, statement),
        ),
        class_="ex-in-context",
        **SEARCH_EXCLUDE,
    )
    return markdown_page(
        [
            front_matter(fields),
            heading(1, f"{name}, {ctx.date(statement.date)}"),
            raw_block(in_context),
            raw_block(quote_figure(ctx, page, statement, anchored=False)),
        ]
    )


def quote_pages(
    ctx: Context, pictured: Collection[str], only: Collection[str] | None = None
) -> dict[str, str]:
    """Every quote's page (``only``: those of these quote ids), by path; those in ``pictured`` (quote ids)
    preview with a picture of their own."""
    statements = ctx.data.statements if only is None else [ctx.data.statement_by_id[quote] for quote in only]
    return {
        quote_path(statement.quote.id): quote_page(ctx, statement, pictured=statement.quote.id in pictured)
        for statement in statements
    }
