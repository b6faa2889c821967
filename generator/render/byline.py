"""The explainer's byline: who wrote it, when it was published and when it last changed (from the data)."""

from __future__ import annotations

from generator.markup import Href, Html, fragment, h, time_element
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
        parts.append(fragment("By ", *joined(names[:-1]), " and " if len(names) > 1 else None, names[-1]))
    if settings.published is not None:
        parts.append(fragment("Published ", time_element(settings.published)))
    if updated is not None and updated != settings.published:
        parts.append(fragment("Updated ", time_element(updated)))
    if not parts:
        return None
    return h("p", *joined(parts, " · "), class_="ex-byline", **SEARCH_EXCLUDE)


def _author(author: Author) -> Html | str:
    return h("a", author.name, href=Href.external(author.url)) if author.url else author.name
