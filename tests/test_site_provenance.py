"""Provenance on the real built site: variants with their outlets, the sources page, corrections everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.html import one, parse, reader_pages, text_of

pytestmark = pytest.mark.slow

BLAZE = "Let me be very, very clear: There will be no — I repeat —\u00a0no mass deportations."
ABC = "no, repeat, no mass deportations"
BLAZE_ID = "theblaze-2017-02-23-no-mass-deportations"
ABC_ID = "abc-2017-02-23-kelly-no-mass-deportations"


def test_timeline_shows_each_outlets_printing_of_no_mass_deportations(real_site: Path) -> None:
    figure = one(
        parse(real_site / "timeline" / "2017-02-23" / "index.html"), "figure#quote-kelly-no-mass-deportations"
    )
    printed = one(figure, ".ex-quote__printed")
    assert text_of(one(printed, ".ex-quote__printed-title")) == (
        "The sources print these words differently (differences marked)"
    )
    versions = [(text_of(one(li, "cite")), one(li, "q").get_text()) for li in printed.select("li")]
    assert versions == [("TheBlaze", BLAZE), ("ABC News", ABC)]


def test_sources_page_lists_the_quote_under_each_source_with_the_other_printing(real_site: Path) -> None:
    # Sources are listed by month; each day's page holds the details and quotes of the sources published then.
    soup = parse(real_site / "sources" / "2017-02-23" / "index.html")
    seen = {}
    for source_id, outlet in ((BLAZE_ID, "TheBlaze"), (ABC_ID, "ABC News")):
        heading = one(soup, f"h2#source-{source_id}")
        assert text_of(heading).startswith(f"{outlet}:")
        quotes = heading.find_next("ul", class_="ex-source__quotes")
        assert quotes is not None
        entry = next(
            li
            for li in quotes.find_all("li", recursive=False)
            if li.select("a[href$='#quote-kelly-no-mass-deportations']")
        )
        variants = [text_of(li) for li in entry.select("ul.ex-variants li")]
        seen[outlet] = (one(entry, ":scope > q").get_text(), variants)
    assert seen == {
        "TheBlaze": (BLAZE, [f"ABC News printed: {ABC}"]),
        "ABC News": (ABC, [f"TheBlaze printed: {' '.join(BLAZE.split())}"]),
    }


def test_corrections_page_says_there_are_none_and_is_in_the_navigation(real_site: Path) -> None:
    soup = parse(real_site / "corrections" / "index.html")
    article = one(soup, "article")
    assert text_of(one(article, "h1")).removesuffix(" ¶") == "Corrections"
    assert "There have been no corrections to this explainer." in [text_of(p) for p in article.select("p")]
    nav_links = {text_of(a): a["href"] for a in soup.select("nav.md-nav--primary a.md-nav__link")}
    assert nav_links["Corrections"] == "./"


def test_every_page_footer_links_to_the_corrections_page(real_site: Path) -> None:
    """Each edition's pages (the Spanish ones in es/) link to that edition's corrections page, in its words."""
    wrong = []
    for page in reader_pages(real_site):
        soup = parse(page)
        links = soup.select("footer .md-copyright a.ex-footer-corrections")
        if page.name == "404.html":
            continue  # served at any depth, so its links are absolute
        edition, label = (
            ("es", "Correcciones") if page.relative_to(real_site).parts[0] == "es" else ("", "Corrections")
        )
        target = (real_site / edition / "corrections" / "index.html").resolve()
        resolved = [(page.parent / str(a["href"])).resolve() / "index.html" for a in links]
        if [text_of(a) for a in links] != [label] or resolved != [target]:
            wrong.append(str(page.relative_to(real_site)))
    assert wrong == []
