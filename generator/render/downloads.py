"""The data page: every download with a sentence on what it holds."""

from __future__ import annotations

import posixpath
from collections.abc import Collection

from generator.export import DOWNLOADS
from generator.export.feed import FEED_CORRECTIONS, FEED_EVENTS
from generator.markup import front_matter, h, heading, markdown_page, paragraph, raw_block
from generator.render.context import Context
from generator.sitemap import DATA_PAGE


def data_page(ctx: Context, files: Collection[str], whole_site: bool = False) -> str:
    """``data.md``: links to the downloads present in ``files``; ``whole_site``: the page of a site of several
    explainers, whose downloads cover them all."""
    description = (
        ctx.t("The data of every explainer on this site as JSON, CSV, JSON Schema, Atom and TimelineJS.")
        if whole_site
        else ctx.t("The explainer's data as JSON, CSV, JSON Schema, Atom and TimelineJS.")
    )
    items = [
        h(
            "li",
            h("a", ctx.t(download.label), href=ctx.file_link(DATA_PAGE, download.path)),
            " (",
            h("code", posixpath.basename(download.path)),
            "): ",
            ctx.t(download.description, events=FEED_EVENTS, corrections=FEED_CORRECTIONS),
        )
        for download in DOWNLOADS
        if download.path in files
    ]
    return markdown_page(
        [
            front_matter({"description": description}),
            heading(1, ctx.t("Data for re-use")),
            paragraph(
                ctx.t(
                    "Everything on this site is made from structured data. Researchers and newsrooms may take "
                    "it as it is: the files below are rebuilt with every change to the data, and the same data "
                    "always gives the same files."
                )
            ),
            raw_block(h("ul", *items, class_="ex-downloads")),
            paragraph(
                ctx.t(
                    "Quotes are the speakers' words exactly as the cited sources printed them; summaries and "
                    "notes are our own words. Lists inside a CSV cell are separated by semicolons. A CSV cell "
                    "that would begin with =, +, -, @, a tab or a carriage return begins with a single quote "
                    "instead, so that a spreadsheet shows it as text rather than running it as a formula (as "
                    "does one that begins with a single quote); remove that first quote to have the exact words."
                )
            ),
        ]
    )
