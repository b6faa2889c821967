"""The exports in the real built site: the data page, the feed link in every head, JSON-LD matching the pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from generator.build import Project, build_site, load_dataset
from generator.export import DOWNLOADS
from tests.conftest import ROOT, copy_project, edit
from tests.html import one, parse, reader_pages, text_of
from tests.test_exports import S, expand, values

pytestmark = pytest.mark.slow


def structured_data(soup: BeautifulSoup) -> dict[str, Any]:
    script = one(soup, 'script[type="application/ld+json"]')
    parsed: dict[str, Any] = json.loads(script.string or "")
    return parsed


def test_every_download_is_in_the_site_and_linked_from_the_data_page(real_site: Path) -> None:
    page = real_site / "data" / "index.html"
    links = one(parse(page), "ul.ex-downloads").select("a[href]")
    targets = sorted((page.parent / str(a["href"])).resolve() for a in links)
    assert targets == sorted((real_site / d.path).resolve() for d in DOWNLOADS)
    assert all(target.is_file() for target in targets)


def test_downloads_match_the_exports_of_the_data(real_site: Path) -> None:
    data = load_dataset(Project(ROOT))
    document = json.loads((real_site / "data" / "explainer.json").read_text(encoding="utf-8"))
    assert [quote["id"] for quote in document["quotes"]] == [s.quote.id for s in data.statements]


def test_data_page_is_in_the_navigation(real_site: Path) -> None:
    nav = parse(real_site / "index.html").select("nav.md-nav--primary a.md-nav__link[href]")
    assert "Data" in [text_of(a) for a in nav]


def test_every_page_links_the_feed_in_its_head(real_site: Path) -> None:
    pages = reader_pages(real_site)
    assert len(pages) > 10
    for page in pages:
        if page.name == "404.html":
            continue
        link = one(parse(page), 'head link[rel="alternate"][type="application/atom+xml"]')
        # Each edition has its own feed (generator/editions.py).
        edition = real_site / "es" if page.relative_to(real_site).parts[0] == "es" else real_site
        assert (page.parent / str(link["href"])).resolve() == edition / "feed.xml", page


@pytest.mark.parametrize("day", ["2017-02-21", "2017-02-22", "2017-02-23"])
def test_timeline_json_ld_matches_what_each_day_shows(real_site: Path, day: str) -> None:
    soup = parse(real_site / "timeline" / day / "index.html")
    nodes = expand(structured_data(soup))
    quotations = [n for n in nodes if n["@type"] == [S + "Quotation"]]
    shown = [text_of(p) for p in soup.select("article figure.ex-quote blockquote p")]
    assert [values(n, "text")[0] for n in quotations] == shown
    events = [n for n in nodes if n["@type"] == [S + "Event"]]
    headings = soup.select("article h2[id^=event-]")
    assert headings
    assert [values(n, "name")[0] for n in events] == [text_of(h).rstrip("¶").strip() for h in headings]
    assert [str(n["@id"]).rsplit("#", 1)[1] for n in events] == [h["id"] for h in headings]


def test_home_json_ld_is_the_explainer_as_a_news_article(real_site: Path) -> None:
    soup = parse(real_site / "index.html")
    [node] = expand(structured_data(soup))
    assert node["@type"] == [S + "NewsArticle"]
    h1 = one(soup, "article h1")
    assert values(node, "headline") == [text_of(h1).rstrip("¶").strip()]


def test_other_pages_carry_no_json_ld(real_site: Path) -> None:
    for page in ("timeline/index.html", "contrast/index.html", "people/kelly/index.html", "data/index.html"):
        assert parse(real_site / page).select('script[type="application/ld+json"]') == []


def test_script_end_tag_in_the_data_cannot_break_out(tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path / "project")
    event = project / "data" / "events" / "2017-02-23-kelly-mexico-city.yaml"
    hostile = "Kelly </script><script>window.pwned=1</script> & <!-- in Mexico City"
    old = 'en: "Kelly rules out mass deportations and military force in Mexico City"'
    edit(event, old, f"en: {json.dumps(hostile)}")
    site = tmp_path / "site"
    assert build_site(Project(project), site) == 0
    soup = parse(site / "timeline" / "2017-02-23" / "index.html")
    scripts: list[Tag] = soup.select("script")
    assert not [s for s in scripts if "pwned" in (s.string or "") and s.get("type") != "application/ld+json"]
    graph = structured_data(soup)["@graph"]
    assert hostile in [node.get("name") for node in graph]
    raw = (site / "timeline" / "2017-02-23" / "index.html").read_text(encoding="utf-8")
    assert "\\u003c/script\\u003e\\u003cscript\\u003ewindow.pwned" in raw
