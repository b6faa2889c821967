"""The real explainer built with MkDocs and Material, checked by parsing the HTML."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.build import Project, load_dataset
from tests.conftest import ROOT
from tests.html import broken_links, one, parse, text_of

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def data(project_root: Path):  # type: ignore[no-untyped-def]
    return load_dataset(Project(project_root))


def test_site_has_every_page_type(real_site: Path, data) -> None:  # type: ignore[no-untyped-def]
    expected = [
        "index.html",
        "contrast/index.html",
        "timeline/index.html",
        *(f"timeline/{date.iso()}/index.html" for date, _ in data.days),
        "sources/index.html",
        "sources/2017-02-23/index.html",
        "people/index.html",
    ]
    expected += [f"people/{person.id}/index.html" for person in data.people]
    expected += ["topics/index.html", *(f"topics/{topic.id}/index.html" for topic in data.topics)]
    missing = [page for page in expected if not (real_site / page).is_file()]
    assert missing == []


def test_contrast_table_has_a_column_per_speaker_and_a_row_per_question(real_site: Path, data) -> None:  # type: ignore[no-untyped-def]
    table = one(parse(real_site / "contrast" / "index.html"), "table.ex-contrast__table")
    headers = [text_of(th) for th in table.select("thead th")]
    assert headers == ["Question", *(data.person_by_id[speaker].name for speaker in data.settings.speakers)]
    rows = table.select("tbody tr")
    assert [text_of(one(row, "th[scope=row]")) for row in rows] == [topic.question for topic in data.topics]
    for row in rows:
        assert len(row.select("td")) == len(data.settings.speakers)


def test_filled_cells_show_words_date_and_source_link(real_site: Path, data) -> None:  # type: ignore[no-untyped-def]
    table = one(parse(real_site / "contrast" / "index.html"), "table.ex-contrast__table")
    source_urls = {source.url for source in data.sources}
    quote_texts = {statement.quote.text for statement in data.statements}
    filled = [td for td in table.select("tbody td") if td.select("q")]
    empty = [td for td in table.select("tbody td") if not td.select("q")]
    assert filled and empty
    for cell in filled:
        for entry in cell.select("li"):
            assert entry.q is not None and entry.q.get_text() in quote_texts
            assert entry.time is not None and str(entry.time["datetime"]).startswith("20")
            assert {a["href"] for a in entry.select("a")} & source_urls
    for cell in empty:
        assert text_of(cell) == "No statement in our sources"


def test_contrast_cell_for_kelly_on_military_operation(real_site: Path) -> None:
    soup = parse(real_site / "contrast" / "index.html")
    row = one(soup, "tr#topic-military-operation")
    cell = one(row, 'td[data-speaker="John Kelly"]')
    texts = [q.get_text() for q in cell.select("q")]
    assert "No, repeat, no, use of military force in immigration operations. None" in texts
    assert "Denies" in text_of(cell)


def test_timeline_lists_every_day_in_order_with_its_events(real_site: Path, data) -> None:  # type: ignore[no-untyped-def]
    soup = parse(real_site / "timeline" / "index.html")
    days = one(soup, "article")
    assert [a["id"] for a in days.select("ul.ex-days > li > a")] == [
        f"day-{date.iso()}" for date, _ in data.days
    ]
    assert [a["href"] for a in days.select("ul.ex-days > li > a")] == [
        f"{date.iso()}/" for date, _ in data.days
    ]
    events = [str(a["href"]) for a in days.select("ul.ex-days > li > ul a")]
    assert events == [f"{event.date.iso()}/#event-{event.id}" for event in data.events]


def test_each_day_page_has_its_events_and_quotes_in_order(real_site: Path, data) -> None:  # type: ignore[no-untyped-def]
    quotes = []
    for date, events in data.days:
        soup = parse(real_site / "timeline" / date.iso() / "index.html")
        headings = [h2["id"] for h2 in soup.select("article h2[id^=event-]")]
        assert headings == [f"event-{event.id}" for event in events]
        quotes += [figure["id"] for figure in soup.select("figure.ex-quote")]
    assert quotes == [f"quote-{statement.quote.id}" for statement in data.statements]
    ceos = parse(real_site / "timeline" / "2017-02-23" / "index.html").select("article h2[id^=event-]")
    order = [h2["id"] for h2 in ceos]
    assert order.index("event-2017-02-23-trump-manufacturing-ceos") < order.index(
        "event-2017-02-23-kelly-mexico-city"
    )


def test_day_pages_link_to_the_days_before_and_after(real_site: Path, data) -> None:  # type: ignore[no-untyped-def]
    isos = [date.iso() for date, _ in data.days]
    for index, iso in enumerate(isos):
        nav = one(parse(real_site / "timeline" / iso / "index.html"), "nav.ex-day-nav")
        links = {" ".join(a.get_attribute_list("rel")) or "all": str(a["href"]) for a in nav.select("a")}
        expected = {"all": "../"}
        if index:
            expected["prev"] = f"../{isos[index - 1]}/"
        if index + 1 < len(isos):
            expected["next"] = f"../{isos[index + 1]}/"
        assert links == expected


def test_timeline_shows_both_printings_of_kelly_no_mass_deportations(real_site: Path) -> None:
    page = real_site / "timeline" / "2017-02-23" / "index.html"
    figure = one(parse(page), "figure#quote-kelly-no-mass-deportations")
    printed = figure.select(".ex-quote__printed li")
    versions = {li.cite.get_text(): li.q.get_text() for li in printed if li.cite and li.q}
    assert versions == {
        "TheBlaze": "Let me be very, very clear: There will be no — I repeat —\u00a0no mass deportations.",
        "ABC News": "no, repeat, no mass deportations",
    }


def test_home_page_embeds_resolved(real_site: Path) -> None:
    soup = parse(real_site / "index.html")
    article = one(soup, "article")
    assert "{{" not in article.get_text()
    assert [q.get_text() for q in article.select(".ex-side-by-side figure.ex-quote blockquote p")] == [
        "it’s a military operation",
        "No, repeat, no, use of military force in immigration operations. None",
    ]
    assert article.select("p.ex-byline")
    assert len(article.select("ul.ex-questions > li")) == 5
    assert article.select("div.ex-event--brief")


# The path of the site's address (site_url in mkdocs.yml): where a link written from the site's root starts.
PUBLISHED_AT = urlsplit(str(Project(ROOT).site_url())).path


def test_every_internal_link_resolves(real_site: Path) -> None:
    """Links written inside generated HTML are not checked by MkDocs, so check them all here."""
    assert broken_links(real_site, PUBLISHED_AT) == []
