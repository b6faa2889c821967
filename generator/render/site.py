"""Every page of the site, as text: the generated pages and the hand-written ones with embeds resolved."""

from __future__ import annotations

from collections.abc import Mapping
from importlib.resources import files

from generator.dataset import Dataset
from generator.errors import DataError, Problem
from generator.export import export_files
from generator.export.address import SiteAddress
from generator.export.jsonld import with_structured_data
from generator.render.context import (
    CONTRAST,
    CORRECTIONS,
    PEOPLE,
    SOURCES,
    STYLESHEET,
    TIMELINE,
    TOPICS,
    Context,
    topic_page,
)
from generator.render.contrast import contrast_page
from generator.render.corrections import corrections_page
from generator.render.downloads import DATA_PAGE, data_page
from generator.render.embeds import resolve_embeds
from generator.render.people import people_index, person_pages
from generator.render.sources import source_month_pages, sources_page
from generator.render.timeline import timeline_day_pages, timeline_page
from generator.render.topics import topic_detail, topics_index
from generator.urls import LinkStyle


def generated_pages(ctx: Context) -> dict[str, str]:
    """The pages made from the data alone, by path under the docs directory."""
    pages = {
        CONTRAST: contrast_page(ctx),
        TIMELINE: timeline_page(ctx),
        SOURCES: sources_page(ctx),
        PEOPLE: people_index(ctx),
        TOPICS: topics_index(ctx),
        CORRECTIONS: corrections_page(ctx),
    }
    pages |= timeline_day_pages(ctx)
    pages |= source_month_pages(ctx)
    pages |= person_pages(ctx)
    pages |= {topic_page(topic.id): topic_detail(ctx, topic) for topic in ctx.data.topics}
    return pages


def stylesheet() -> str:
    return files("generator").joinpath("assets/explainer.css").read_text(encoding="utf-8")


def render_site(
    data: Dataset,
    content: Mapping[str, str],
    *,
    content_dir: str = "content",
    directory_urls: bool = True,
    site_url: str | None = None,
    link_style: LinkStyle = "built",
) -> dict[str, str]:
    """All files by path: hand-written ``content`` (path → Markdown) with embeds resolved, generated pages,
    and the data exports (their links and structured data need ``site_url``, the published address).

    Raises DataError naming every unknown embed, or a hand-written page that would hide a generated one.
    """
    ctx = Context(data, directory_urls=directory_urls, link_style=link_style)
    site = SiteAddress(site_url, directory_urls) if site_url else None
    exports = export_files(data, site)
    pages = generated_pages(ctx) | {DATA_PAGE: data_page(ctx, exports)}
    problems: list[Problem] = []
    resolved: dict[str, str] = {}
    for path, text in sorted(content.items()):
        display = f"{content_dir}/{path}"
        if path in pages:
            problems.append(
                Problem(
                    display,
                    1,
                    1,
                    "(file)",
                    f"a page at {path}",
                    "no hand-written page where a generated page goes",
                )
            )
            continue
        resolved[path], found = resolve_embeds(ctx, path, display, text)
        problems += found
    if problems:
        raise DataError(problems)
    everything = pages | resolved | {STYLESHEET: stylesheet()}
    if site:
        everything = with_structured_data(everything, data, site)
    return dict(sorted((everything | exports).items()))
