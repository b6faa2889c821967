"""Quotes in another language and translations (issue 21): lang attributes (WCAG 3.1.2) and translation notes,
read from the generated pages by parsing their HTML, and the language names readers see."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from generator.build import Project, generate_site
from generator.language_tags import language_name
from generator.outputs import Options
from tests.conftest import SMALL, edit

VISIT = "data/events/2021-03-02-site-visit.yaml"
ENGINEER_WORDS = "Not by summer. Not this year."


def _pages(project: Path) -> dict[str, BeautifulSoup]:
    """Every generated page's HTML, the quotes' pages as the HTML stamped into their shell's article."""
    site = generate_site(Project(project), Options(site_url="https://example.org/small/"))
    pages = {stamp.page: stamp.body for stamp in site.stamps} | dict(site.pages)
    return {path: BeautifulSoup(text, "html.parser") for path, text in pages.items() if path.endswith(".md")}


def _showing(pages: dict[str, BeautifulSoup], tag: str, words: str) -> list[tuple[str, Tag]]:
    """Every ``tag`` element, on every page, whose text is ``words``."""
    return [
        (path, element)
        for path, page in sorted(pages.items())
        for element in page.find_all(tag)
        if element.get_text() == words
    ]


def _next_element(element: Tag) -> Tag | None:
    sibling = element.find_next_sibling()
    return sibling if isinstance(sibling, Tag) else None


def test_words_in_another_language_than_the_pages_have_a_lang_attribute_and_the_others_none() -> None:
    pages = _pages(SMALL)
    spanish = _showing(pages, "q", "Tendremos un puente para el verano, lo prometo.")
    # The Courier's note and El Diario's printing, wherever the quote is shown in full, and the sources page.
    paths = {path for path, _ in spanish}
    assert {"timeline/2021-03-02.md", "quotes/mayor-by-summer.md", "sources/2021-03-02.md"} <= paths
    assert all(element.get("lang") == "es" for _, element in spanish)
    english = _showing(pages, "q", "a bridge by summer") + _showing(pages, "blockquote", "a bridge by summer")
    assert english
    assert all(element.get("lang") is None for _, element in english)


def test_a_quote_in_another_language_has_lang_wherever_its_words_are_shown(small_project: Path) -> None:
    edit(
        small_project / VISIT,
        "  - id: engineer-not-by-summer\n",
        "  - id: engineer-not-by-summer\n    language: fr\n",
    )
    pages = _pages(small_project)
    shown = _showing(pages, "q", ENGINEER_WORDS) + _showing(pages, "blockquote", ENGINEER_WORDS)
    places = {(path, element.name) for path, element in shown}
    assert {
        ("timeline/2021-03-02.md", "blockquote"),
        ("contrast.md", "q"),
        ("people/mayor.md", "q"),
    } <= places
    assert [(path, element.name) for path, element in shown if element.get("lang") != "fr"] == []


def test_translated_words_are_marked_as_a_translation_wherever_they_are_shown() -> None:
    pages = _pages(SMALL)
    inline = _showing(pages, "q", "a bridge by summer")
    assert len(inline) > 5
    for path, element in inline:
        note = _next_element(element)
        assert note is not None, path
        assert (note.name, note.get("class"), note.get_text()) == (
            "span",
            ["ex-translated"],
            "(The Courier's translation from Spanish)",
        ), path
    figures = _showing(pages, "blockquote", "a bridge by summer")
    assert len(figures) > 2
    for path, element in figures:
        note = _next_element(element)
        assert note is not None, path
        assert (note.name, note.get_text()) == ("p", "The Courier's translation from Spanish"), path


def test_the_outlets_printing_names_its_translation_and_the_original_words() -> None:
    day = _pages(SMALL)["timeline/2021-03-02.md"]
    printed = [item.get_text() for item in day.select("#quote-mayor-by-summer .ex-quote__printed li")]
    assert printed == [
        "The Gazette (details): We will have a bridge by summer — I promise.",
        "The Courier (archived copy, details): we will have a bridge by summer, I promise (The Courier's "
        "translation from Spanish; original words: Tendremos un puente para el verano, lo prometo.)",
        "El Diario (details): Tendremos un puente para el verano, lo prometo.",
    ]


def test_our_own_translation_says_so_and_shows_the_words_we_translated(small_project: Path) -> None:
    edit(
        small_project / VISIT,
        '        as_printed: "Not by summer. Not this year."\n',
        '        as_printed: "No para el verano. Este año no."\n        translation:\n          by: us\n'
        "          from: es\n",
    )
    day = _pages(small_project)["timeline/2021-03-02.md"]
    figure = day.select_one("#quote-engineer-not-by-summer")
    assert figure is not None
    assert figure.select_one("blockquote").get_text() == ENGINEER_WORDS  # type: ignore[union-attr]
    assert figure.select_one(".ex-quote__translation").get_text() == "Our translation from Spanish"  # type: ignore[union-attr]
    original = figure.select_one(".ex-quote__printed q")
    assert original is not None
    assert (original.get_text(), original.get("lang")) == ("No para el verano. Este año no.", "es")
    assert figure.select_one(".ex-quote__printed .ex-translated").get_text() == (  # type: ignore[union-attr]
        "(the original, in Spanish, of our translation)"
    )


def test_language_names_come_from_cldr_in_the_pages_language() -> None:
    assert language_name("es", "en") == "Spanish"
    assert language_name("es-MX", "en") == "Mexican Spanish"
    assert language_name("en", "es") == "inglés"
    assert language_name("es-419", "en") == "Latin American Spanish"
    assert language_name("x-private", "en") == "x-private"  # a tag CLDR has no name for, as it is


def test_an_outlets_name_and_original_words_cannot_add_markup(small_project: Path) -> None:
    """The translation note puts an outlet's name and the original words into a sentence from the catalog:
    both reach the page as text, through the one escaping layer."""
    hostile_outlet = 'The <b>Courier</b> & "Co" {language}'
    hostile_original = '<img src=x onerror="alert(1)"> & <script>alert(2)</script>'
    edit(small_project / "data/sources.yaml", "outlet: The Courier", f"outlet: {json.dumps(hostile_outlet)}")
    edit(
        small_project / "data/events/2021-03-02-council-meeting.yaml",
        'original: "Tendremos un puente para el verano, lo prometo."',
        f"original: {json.dumps(hostile_original)}",
    )
    day = _pages(small_project)["timeline/2021-03-02.md"]
    figure = day.select_one("#quote-mayor-by-summer")
    assert figure is not None
    assert figure.select("b, img, script") == []
    assert figure.select_one(".ex-quote__translation").get_text() == (  # type: ignore[union-attr]
        f"{hostile_outlet}'s translation from Spanish"
    )
    original = figure.select_one(".ex-translated q")
    assert original is not None
    assert (original.get_text(), original.get("lang")) == (hostile_original, "es")
