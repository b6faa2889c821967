"""Share previews: an image for the site and for the quotes the hand-written pages quote, a page per quote
that previews as that quote, and og/twitter tags on every page that point at a 1200×630 PNG."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Page

from generator.build import Project, generate_site, load_dataset
from generator.dataset import Statement
from generator.outputs import Options
from generator.render.context import Context
from generator.render.share_image import (
    TEXT_WIDTH,
    _font,
    fitted_lines,
    quote_image,
    shortened_to_fit,
    site_image,
)
from tests.conftest import SMALL
from tests.html import one, parse

SITE = "https://example.org/small/"


def _png_size(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG"
        return image.size


def test_site_and_quote_images_are_1200_by_630_pngs_and_the_same_bytes_on_every_build() -> None:
    ctx = Context(load_dataset(Project(SMALL)))
    statement = ctx.data.statements[0]
    assert _png_size(site_image(ctx)) == _png_size(quote_image(ctx, statement)) == (1200, 630)
    assert quote_image(ctx, statement) == quote_image(ctx, statement)
    assert site_image(ctx) == site_image(ctx)


def test_only_the_quotes_the_hand_written_pages_quote_get_an_image_of_their_own() -> None:
    site = generate_site(Project(SMALL), Options(site_url=SITE))
    # content/index.md embeds mayor-by-summer; its other embed lies in a code block.
    assert sorted(site.images) == ["assets/share/quotes/mayor-by-summer.png", "assets/share/site.png"]
    # Each quote's page is stamped from the shell with a share picture or from the one without.
    shells = {stamp.page: stamp.shell for stamp in site.stamps}
    assert shells == {
        "quotes/engineer-not-by-summer.md": "quotes/_quote.md",
        "quotes/mayor-by-summer.md": "quotes/_pictured_quote.md",
    }
    assert 'share_image: "assets/share/quotes/_pictured_quote.png"' in site.pages["quotes/_pictured_quote.md"]
    assert "share_image" not in site.pages["quotes/_quote.md"]


def test_long_words_are_wrapped_within_the_picture_and_shortened_with_an_ellipsis() -> None:
    font = _font("DejaVuSerif.ttf", 40)
    lines = fitted_lines("x" * 200 + " short", font, TEXT_WIDTH, 10)
    assert lines is not None and len(lines) > 1
    assert all(font.getlength(line) <= TEXT_WIDTH for line in lines)
    assert fitted_lines("word " * 400, font, TEXT_WIDTH, 6) is None
    cut = shortened_to_fit("word " * 400, font, TEXT_WIDTH, 6)
    assert len(cut) == 6 and cut[-1].endswith("word…")


def test_a_very_long_quote_still_makes_a_picture() -> None:
    ctx = Context(load_dataset(Project(SMALL)))
    statement = ctx.data.statement_by_id["mayor-by-summer"]
    quote = statement.quote.model_copy(update={"text": "a bridge by summer and " * 150 + "done"})
    assert _png_size(quote_image(ctx, Statement(quote, statement.event))) == (1200, 630)


def test_the_quote_page_describes_that_quote_and_links_to_it_in_context() -> None:
    site = generate_site(Project(SMALL), Options(site_url=SITE))
    stamp = next(stamp for stamp in site.stamps if stamp.page == "quotes/mayor-by-summer.md")
    description = (
        "“a bridge by summer” (The Courier&#x27;s translation from Spanish) — Ana Mayor, Mayor, 2 March 2021."
    )
    assert (stamp.title, stamp.description, stamp.heading) == (
        "Ana Mayor: “a bridge by summer”",
        description,
        "Ana Mayor, 2 March 2021",
    )
    assert site.pages["quotes/_pictured_quote.md"].startswith(
        "---\n"
        'description: "EXPLAINERQUOTEDESCRIPTION"\n'
        'search_exclude: "true"\n'
        'share_image: "assets/share/quotes/_pictured_quote.png"\n'
        'share_image_alt: "EXPLAINERQUOTEDESCRIPTION"\n'
        'title: "EXPLAINERQUOTETITLE"\n'
        "search: {exclude: true}\n"
        "---\n\n# EXPLAINERQUOTEHEADING { #quote }\n"
    )
    assert stamp.body.startswith(
        '<p class="ex-in-context" data-pagefind-ignore=""><a href="../../timeline/2021-03-02/#quote-mayor-by-summer">'
        "Read it in context:"
    )
    # The link readers copy from a quote's card on its day's page is the quote's own page.
    day = site.pages["timeline/2021-03-02.md"]
    assert '<a href="../../quotes/mayor-by-summer/" class="ex-permalink">Link to this quote</a>' in day


def test_the_home_pages_structured_data_has_the_site_image() -> None:
    pages = generate_site(Project(SMALL), Options(site_url=SITE)).pages
    line = next(line for line in pages["index.md"].splitlines() if line.startswith("structured_data: "))
    article = json.loads(json.loads(line.removeprefix("structured_data: ")))
    assert article["image"] == {
        "@type": "ImageObject",
        "url": f"{SITE}assets/share/site.png",
        "width": 1200,
        "height": 630,
    }


def _meta(soup: object, selector: str) -> str:
    return str(one(soup, selector)["content"])  # type: ignore[arg-type]


def _local(real_site: Path, url: str) -> Path:
    site_url = "https://example.github.io/explainer/"
    assert url.startswith(site_url), url
    return real_site / url.removeprefix(site_url)


@pytest.mark.slow
def test_every_page_has_an_og_image_that_is_a_1200_by_630_png_in_the_built_site(real_site: Path) -> None:
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 30
    checked = 0
    for path in pages:
        if path.relative_to(real_site).parts[0] == "admin":  # the editor's page, not one for readers
            continue
        soup = parse(path)
        image = _meta(soup, 'meta[property="og:image"]')
        assert _meta(soup, 'meta[name="twitter:image"]') == image, path
        assert _meta(soup, 'meta[name="twitter:card"]') == "summary_large_image", path
        assert _meta(soup, 'meta[property="og:image:alt"]'), path
        assert _png_size(_local(real_site, image).read_bytes()) == (1200, 630), path
        checked += 1
    assert checked > 30


@pytest.mark.slow
def test_a_quote_page_previews_as_that_quote(real_site: Path) -> None:
    soup = parse(real_site / "quotes" / "kelly-no-military-force" / "index.html")
    site_name = "“Military operation” or “no mass deportations”?"
    title = f"John Kelly: “No, repeat, no, use of military force in immigration…” - {site_name}"
    description = (
        "“No, repeat, no, use of military force in immigration operations. None” — John Kelly, "
        "Secretary of Homeland Security, 23 February 2017."
    )
    assert _meta(soup, 'meta[property="og:title"]') == _meta(soup, 'meta[name="twitter:title"]') == title
    assert _meta(soup, 'meta[property="og:description"]') == description
    assert _meta(soup, 'meta[name="description"]') == description
    assert _meta(soup, 'meta[property="og:image"]') == (
        "https://example.github.io/explainer/assets/share/quotes/kelly-no-military-force.png"
    )
    link = one(soup, ".ex-in-context a")
    assert link["href"] == "../../timeline/2017-02-23/#quote-kelly-no-military-force"
    # Search finds the quote on its day's page only: the quote's own page is not indexed.
    assert soup.select("[data-pagefind-body]") == []
    assert (
        len(parse(real_site / "timeline" / "2017-02-23" / "index.html").select("[data-pagefind-body]")) == 1
    )


@pytest.mark.slow
def test_the_quote_image_shows_in_the_browser_at_its_size(
    page: Page, site_server: str, tmp_path: Path
) -> None:
    page.goto(site_server + "assets/share/quotes/kelly-no-military-force.png")
    size = page.evaluate("[document.images[0].naturalWidth, document.images[0].naturalHeight]")
    assert size == [1200, 630]
    page.set_viewport_size({"width": 1200, "height": 630})
    page.screenshot(path=str(tmp_path / "share.png"))
