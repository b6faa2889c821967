"""A page per quote: the link to share. Its title, description and picture are that quote's, so a link preview
shows the quote and not its whole day; the page shows the quote in full and leads to it in context.

The engine renders one shell page (two: with and without a share picture of the quote's own), and each quote's
page is stamped from it after the build with the values made here (:mod:`generator.quote_stamps`)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from generator.dataset import Statement
from generator.markup import front_matter, h, heading, html_escaped, markdown_page, paragraph, raw_block
from generator.quote_stamps import (
    BODY,
    DESCRIPTION,
    HEADING,
    HEADING_ID,
    PICTURED_SHELL,
    TITLE,
    QuoteStamp,
    shell_path,
)
from generator.quote_translations import translation_note, with_note
from generator.render.components import quote_figure
from generator.render.context import Context
from generator.render.lists import SEARCH_EXCLUDE
from generator.sitemap import quote_path, quote_share_image, site_path

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


def quote_stamp(ctx: Context, statement: Statement, shell: str) -> QuoteStamp:
    """A quote's page as the values its shell takes (:mod:`generator.quote_stamps`), escaped here: they go into
    the built HTML as they are. Its links are built pages' (``ctx`` has ``link_style`` "built"), as the engine
    would have written them from the page's Markdown: no engine reads them."""
    if ctx.link_style != "built":
        raise ValueError(f"a stamped page's links are built pages', not {ctx.link_style!r} ones")
    quote = statement.quote
    page = quote_path(quote.id)
    name = ctx.data.person_by_id[quote.speaker].name
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
    # The blocks as the engine passes them through: each followed by a line break, the page's blank line between.
    body = f"{raw_block(in_context)}\n\n{raw_block(quote_figure(ctx, page, statement, anchored=False))}"
    return QuoteStamp(
        page=site_path(ctx.explainer, page),
        shell=site_path(ctx.explainer, shell),
        title=html_escaped(f"{name}: “{short_words(quote.text)}”"),
        description=html_escaped(quote_description(ctx, statement)),
        heading=html_escaped(f"{name}, {ctx.date(statement.date)}"),
        body=body,
    )


def shell_page(*, pictured: bool) -> str:
    """The page the engine renders for every quote's: placeholders where a quote's values go."""
    fields = {
        "title": TITLE,
        "description": DESCRIPTION,
        # Search finds the quote where it was said, on its day's page, not twice (overrides/main.html).
        "search_exclude": "true",
    }
    if pictured:
        fields |= {
            # Stamped with the quote's page's name: assets/share/quotes/<id>.png.
            "share_image": quote_share_image(PICTURED_SHELL),
            "share_image_alt": DESCRIPTION,
        }
    # Zensical's own search index (unused: Pagefind's is the site's) leaves the shell out as well.
    matter = front_matter(fields).removesuffix("\n---") + "\nsearch: {exclude: true}\n---"
    return markdown_page([matter, heading(1, HEADING, HEADING_ID), paragraph(BODY)])


def quote_shells(ctx: Context, pictured: Collection[str]) -> dict[str, str]:
    """The shell pages the quotes' pages are stamped from, by path: one if there is any quote, and one with
    a share picture if any of them is in ``pictured`` (quote ids)."""
    quote_ids = ctx.data.statement_by_id.keys()
    shells: dict[str, str] = {}
    if quote_ids:
        shells[shell_path(pictured=False)] = shell_page(pictured=False)
    if not quote_ids.isdisjoint(pictured):
        shells[shell_path(pictured=True)] = shell_page(pictured=True)
    return shells


def quote_page_stamps(
    ctx: Context, pictured: Collection[str], only: Collection[str] | None = None
) -> tuple[QuoteStamp, ...]:
    """Every quote's page as its shell's values (``only``: those of these quote ids), in the order of the
    quotes; those in ``pictured`` (quote ids) preview with a picture of their own."""
    statements = ctx.data.statements if only is None else [ctx.data.statement_by_id[quote] for quote in only]
    # One context for them all, so that each date is written in words once (Context.date_words).
    built = replace(ctx, link_style="built")
    return tuple(
        quote_stamp(built, statement, shell_path(pictured=statement.quote.id in pictured))
        for statement in sorted(statements, key=lambda statement: statement.quote.id)
    )
