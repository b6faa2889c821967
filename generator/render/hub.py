"""With several explainers: the site's front page (the hub), listing each explainer with its home's link."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from generator.markup import Href, front_matter, h, heading, markdown_page, paragraph, raw_block
from generator.model import SiteSettings
from generator.render.context import Context
from generator.sitemap import CORRECTIONS, HUB, site_path


def _explainer_link(ctx: Context, page: str) -> Href:
    """A link from the site's own ``page`` to the explainer's page of the same name."""
    return replace(ctx, explainer="").link(page, site_path(ctx.explainer, page))


def hub_page(settings: SiteSettings, contexts: Sequence[Context]) -> str:
    """``index.md`` at the site's root: the site's title and summary, then each explainer (one context each,
    in the site's order) with its one-line summary and when it was last updated."""
    items = []
    for ctx in contexts:
        updated = ctx.data.updated
        items.append(
            h(
                "li",
                h("a", ctx.data.settings.title, href=_explainer_link(ctx, HUB)),
                h("p", ctx.data.settings.summary),
                h("p", *ctx.pieces("Last updated {date}", date=ctx.time(updated)))
                if updated is not None
                else None,
            )
        )
    return markdown_page(
        [
            front_matter({"description": settings.summary}),
            heading(1, settings.title),
            paragraph(settings.summary),
            raw_block(h("ul", *items, class_="ex-explainers")),
        ]
    )


def corrections_hub(contexts: Sequence[Context]) -> str:
    """``corrections.md`` at the site's root (every page's footer links to it): each explainer's corrections
    page, with how many corrections it lists."""
    items = []
    for ctx in contexts:
        count = len(ctx.data.corrections)
        items.append(
            h(
                "li",
                h("a", ctx.data.settings.title, href=_explainer_link(ctx, CORRECTIONS)),
                " ("
                + (
                    ctx.nt("{count} correction", "{count} corrections", count)
                    if count
                    else ctx.t("no corrections")
                )
                + ")",
            )
        )
    words = contexts[0]
    return markdown_page(
        [
            front_matter({"description": words.t("The corrections of each explainer on this site.")}),
            heading(1, words.t("Corrections")),
            paragraph(words.t("Each explainer lists its corrections on a page of its own, newest first.")),
            raw_block(h("ul", *items, class_="ex-explainers")),
        ]
    )
