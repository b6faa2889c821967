"""The reading experience in the built site: phone layout, timeline picture, permalinks, previews, keyboard."""

from __future__ import annotations

import gzip
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from playwright.sync_api import Browser, Page, ViewportSize

from generator.build import Project, load_dataset
from generator.dataset import Dataset
from generator.siteconfig import load_config
from tests.hosting import local_page, pages_host
from tests.html import one, parse, text_of

pytestmark = pytest.mark.slow
__all__ = ["pages_host"]

PHONE: ViewportSize = {"width": 360, "height": 740}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
QUOTE = "kelly-no-mass-deportations"


@pytest.fixture(scope="module")
def data(project_root: Path) -> Dataset:
    return load_dataset(Project(project_root))


def _page_width(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth"))


@pytest.mark.parametrize(
    "path", ["", "contrast/", "timeline/", "people/kelly/", "topics/military-operation/"]
)
def test_no_page_scrolls_sideways_on_a_360_px_phone(browser: Browser, pages_host: str, path: str) -> None:
    with local_page(browser, viewport=PHONE) as page:
        page.goto(pages_host + path)
        assert _page_width(page) <= PHONE["width"]


def test_contrast_table_becomes_labelled_cards_on_a_phone(
    browser: Browser, pages_host: str, data: Dataset
) -> None:
    speakers = [data.person_by_id[speaker].name for speaker in data.settings.speakers]
    with local_page(browser, viewport=PHONE) as page:
        page.goto(pages_host + "contrast/")
        rows = page.locator("table.ex-contrast__table tbody tr")
        assert rows.count() == len(data.topics)
        for index in range(rows.count()):
            card = rows.nth(index)
            box = card.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
            labels = card.locator("td").evaluate_all(
                "cells => cells.map(cell => getComputedStyle(cell, '::before').content)"
            )
            assert labels == [f'"{name}"' for name in speakers]
        stances = page.locator(".ex-stance").all_inner_texts()
        assert stances and set(stances) <= {"AFFIRMS", "DENIES", "QUALIFIES"}


def test_every_contrast_cell_links_to_its_quote_in_context(real_site: Path, data: Dataset) -> None:
    table = one(parse(real_site / "contrast" / "index.html"), "table.ex-contrast__table")
    day_ids = {
        date.iso(): {
            tag["id"] for tag in parse(real_site / "timeline" / date.iso() / "index.html").select("[id]")
        }
        for date, _ in data.days
    }
    items = table.select("td li")
    assert items
    for item in items:
        links = [str(a["href"]) for a in item.select("a") if text_of(a) == "in context"]
        assert len(links) == 1 and links[0].startswith("../timeline/")
        day, anchor = links[0].removeprefix("../timeline/").split("/#", 1)
        assert anchor.startswith("quote-") and anchor in day_ids[day]


def test_timeline_picture_links_every_event_and_names_its_relations(real_site: Path, data: Dataset) -> None:
    soup = parse(real_site / "timeline" / "index.html")
    svg = one(soup, "figure.ex-timeline-picture svg")
    assert svg["role"] == "group"  # an "img" would hide its links (axe: nested-interactive)
    title = one(svg, "title")
    assert svg["aria-labelledby"] == title["id"]
    assert text_of(one(svg, "desc")).startswith(f"{len(data.events)} events over {len(data.days)} days")
    hrefs = [str(a["href"]) for a in svg.select("a")]
    events = [href for href in hrefs if "/#event-" in href]
    assert events == [f"{event.date.iso()}/#event-{event.id}" for event in data.events]
    for href in hrefs:  # every link leads to an element on the day's page
        day, anchor = href.split("/#", 1)
        assert parse(real_site / "timeline" / day / "index.html").find(id=anchor) is not None, href
    relations = [r.type.value for s in data.statements for r in s.quote.relations]
    labels = sorted(text_of(t) for t in svg.select(".ex-tl__label"))
    assert labels == sorted(kind.replace("-", " ") for kind in relations)
    assert soup.select("h1 ~ *")[1] is svg.find_parent("figure")


def test_each_day_page_has_the_picture_of_its_day(real_site: Path, data: Dataset) -> None:
    for date, events in data.days:
        soup = parse(real_site / "timeline" / date.iso() / "index.html")
        svg = one(soup, "figure.ex-timeline-picture svg")
        counted = f"{len(events)} event" if len(events) == 1 else f"{len(events)} events"
        assert text_of(one(svg, "desc")).startswith(f"{counted} over one day")
        hrefs = [str(a["href"]) for a in svg.select("a") if "#event-" in str(a["href"])]
        assert hrefs == [f"#event-{event.id}" for event in events]


def test_timeline_picture_is_drawn_without_javascript(browser: Browser, pages_host: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(pages_host + "timeline/")
        svg = page.locator("svg.ex-tl")
        box = svg.bounding_box()
        assert box is not None and box["height"] > 200
        assert svg.locator("a").first.is_visible()
    finally:
        context.close()


def test_a_quote_url_lands_on_the_quote_below_the_header(browser: Browser, pages_host: str) -> None:
    with local_page(browser, viewport=PHONE) as page:
        page.goto(pages_host + f"timeline/2017-02-23/#quote-{QUOTE}")
        figure = page.locator(f"#quote-{QUOTE}")
        assert figure.evaluate("element => element.matches(':target')")
        header = page.locator("header.md-header").bounding_box()
        box = figure.bounding_box()
        assert header is not None and box is not None
        assert header["y"] + header["height"] <= box["y"] < PHONE["height"]
        assert figure.locator("blockquote").inner_text() == "no mass deportations"
        outline = figure.evaluate("element => getComputedStyle(element).outlineStyle")
        assert outline == "solid"


def test_link_to_this_quote_is_visible_and_reached_by_keyboard(browser: Browser, pages_host: str) -> None:
    with local_page(browser, viewport=DESKTOP) as page:
        page.goto(pages_host + "people/kelly/")
        link = page.locator(f"#quote-{QUOTE} a.ex-permalink")
        assert link.is_visible() and link.inner_text() == "Link to this quote"
        # The link to share: the quote's own page, which previews as this quote.
        assert link.get_attribute("href") == f"../../quotes/{QUOTE}/"
        link.focus()
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/quotes/{QUOTE}/")
        assert page.locator("blockquote").inner_text() == "no mass deportations"


def test_event_heading_has_a_stable_anchor_and_permalink(real_site: Path, data: Dataset) -> None:
    for event in data.events:
        heading = one(parse(real_site / "timeline" / event.date.iso() / "index.html"), f"#event-{event.id}")
        assert heading.name == "h2"
        assert one(heading, "a.headerlink")["href"] == f"#event-{event.id}"


def _focus_ring(page: Page) -> tuple[str, str, float]:
    """The focused element's description and the outline it (or, for a hidden toggle, its label) shows."""
    name, style, width = page.evaluate(
        """() => {
            let element = document.activeElement;
            const name = element.tagName + "." + element.className + " " + (element.textContent || "").trim().slice(0, 20);
            if (element.matches("input.md-option")) element = element.nextElementSibling;
            const style = getComputedStyle(element);
            return [name, style.outlineStyle, parseFloat(style.outlineWidth)];
        }"""
    )
    return str(name), str(style), float(width)


@pytest.mark.parametrize("path", ["", "contrast/", "timeline/2017-02-23/"])
def test_keyboard_reaches_links_with_a_visible_focus_ring(
    browser: Browser, pages_host: str, path: str
) -> None:
    with local_page(browser, viewport=DESKTOP) as page:
        page.goto(pages_host + path)
        faint = []
        reached = set()
        for _ in range(60):
            page.keyboard.press("Tab")
            name, style, width = _focus_ring(page)
            reached.add(name)
            if style == "none" or width < 2:
                faint.append(name)
        assert faint == []
        assert any(name.startswith("A.md-nav__link") for name in reached)
        assert len(reached) > 20


def _meta(soup: object, attribute: str, name: str) -> str:
    tag = one(soup, f'meta[{attribute}="{name}"]')  # type: ignore[arg-type]
    return str(tag["content"])


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("index.html", "“Military operation” or “no mass deportations”?"),
        ("contrast/index.html", "Who said what - “Military operation” or “no mass deportations”?"),
        ("people/kelly/index.html", "John Kelly - “Military operation” or “no mass deportations”?"),
    ],
)
def test_pages_carry_open_graph_and_twitter_previews(real_site: Path, path: str, title: str) -> None:
    soup = parse(real_site / path)
    description = _meta(soup, "name", "description")
    assert description
    assert text_of(one(soup, "title")) == title
    assert _meta(soup, "property", "og:title") == _meta(soup, "name", "twitter:title") == title
    assert (
        _meta(soup, "property", "og:description") == _meta(soup, "name", "twitter:description") == description
    )
    assert _meta(soup, "name", "twitter:card") == "summary_large_image"
    canonical = one(soup, 'link[rel="canonical"]')["href"]
    assert _meta(soup, "property", "og:url") == canonical
    assert str(canonical).startswith("https://example.github.io/explainer/")


def test_topic_page_description_comes_from_the_data(real_site: Path, data: Dataset) -> None:
    topic = data.topics[0]
    soup = parse(real_site / "topics" / topic.id / "index.html")
    assert _meta(soup, "property", "og:description") == " ".join(topic.summary.split())


def test_sitemap_lists_every_page_but_the_quotes_own_under_site_url_without_build_dates(
    real_site: Path, project_root: Path
) -> None:
    site_url = load_config(project_root / "mkdocs.yml")["site_url"]
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(real_site / "sitemap.xml").getroot()
    locations = [loc.text or "" for loc in root.findall("s:url/s:loc", namespace)]
    assert root.findall("s:url/s:lastmod", namespace) == []
    folders = [path.parent.relative_to(real_site).as_posix() for path in real_site.rglob("index.html")]
    # The editor at admin/ is not a page for search engines; a quote's own page repeats what its day's page
    # says, and is left out as search leaves it out (overrides/sitemap.xml).
    pages = [
        site_url if folder == "." else f"{site_url}{folder}/"
        for folder in folders
        if folder not in ("search", "admin")
        and not folder.startswith("es/quotes/")
        and not folder.startswith("quotes/")
    ]
    assert sorted(locations) == sorted(pages)


def test_topic_page_opens_with_who_said_what_at_a_glance(real_site: Path, data: Dataset) -> None:
    soup = parse(real_site / "topics" / "military-operation" / "index.html")
    glance = one(soup, ".ex-glance")
    lines = [text_of(li) for li in glance.select("li")]
    assert lines == [
        "Donald Trump (1 quote): Affirms",
        "John Kelly (2 quotes): Denies",
        "Sean Spicer (2 quotes): Qualifies ×2",
    ]
    ids = {tag["id"] for tag in soup.select("[id]")}
    assert all(str(a["href"]).removeprefix("#") in ids for a in glance.select("li a"))
    assert one(glance, "p a")["href"] == "../../contrast/#topic-military-operation"


def test_person_page_gives_the_record_and_others_on_the_same_questions(
    real_site: Path, data: Dataset
) -> None:
    soup = parse(real_site / "people" / "kelly" / "index.html")
    record = text_of(one(soup, ".ex-record"))
    assert record.startswith("6 quotes in our sources on 4 questions, 23 February 2017 : ")
    captions = [text_of(caption) for caption in soup.select("figure.ex-quote figcaption")]
    assert captions and all(c.startswith("John Kelly , Secretary of Homeland Security · ") for c in captions)
    others = soup.select(".ex-others li")
    assert others and not any(text_of(li).startswith("John Kelly") for li in others)
    assert "Qualifies" in [text_of(stance) for stance in soup.select(".ex-others .ex-stance")]


def test_an_event_url_lands_on_its_heading(browser: Browser, pages_host: str, data: Dataset) -> None:
    event = data.events[-1]
    with local_page(browser, viewport=PHONE) as page:
        page.goto(pages_host + f"timeline/{event.date.iso()}/#event-{event.id}")
        heading = page.locator(f"#event-{event.id}")
        header = page.locator("header.md-header").bounding_box()
        box = heading.bounding_box()
        assert header is not None and box is not None
        assert header["y"] + header["height"] <= box["y"] < PHONE["height"]
        assert heading.inner_text().startswith(event.title)


def test_compressed_sitemap_matches_the_sitemap(real_site: Path) -> None:
    compressed = gzip.decompress((real_site / "sitemap.xml.gz").read_bytes())
    assert compressed == (real_site / "sitemap.xml").read_bytes()
