"""The explainer's byline: who wrote it, when it was published and when it last changed (from the data)."""

from __future__ import annotations

from generator.markup import Href, Html, fragment, h
from generator.model import Author
from generator.render.components import joined
from generator.render.context import Context
from generator.render.lists import SEARCH_EXCLUDE


def byline(ctx: Context, page: str) -> Html | None:
    """``By Explainer Team · Published 22 November 2026 · Updated 29 November 2026``; None if explainer.yaml
    names no author and no date. The updated date is left out while it is the published one."""
    settings, updated = ctx.data.settings, ctx.data.updated
    parts: list[Html] = []
    if settings.authors:
        names = [_author(author) for author in settings.authors]
        if len(names) > 1:
            authors = fragment(
                # Translators: {names} is every author but the last, comma-separated; {last} the last author.
                *ctx.pieces("{names} and {last}", names=fragment(*joined(names[:-1])), last=names[-1])
            )
        else:
            authors = fragment(names[0])
        parts.append(fragment(*ctx.pieces("By {authors}", authors=authors)))
    if settings.published is not None:
        parts.append(fragment(*ctx.pieces("Published {date}", date=ctx.time(settings.published))))
    if updated is not None and updated != settings.published:
        parts.append(fragment(*ctx.pieces("Updated {date}", date=ctx.time(updated))))
    if not parts:
        return None
    return h("p", *joined(parts, " · "), class_="ex-byline", **SEARCH_EXCLUDE)


def _author(author: Author) -> Html | str:
    return h("a", author.name, href=Href.external(author.url)) if author.url else author.name
