"""The Spanish edition in a real Chromium, at a phone's width and a desktop's: axe finds nothing, the page says
it is Spanish, and the language switch leads to the same page in English, by mouse and by keyboard. Search on a
Spanish page finds Spanish words by their stem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ViewportSize, expect

from generator.build import Project, build_site
from tests.conftest import SMALL, copy_project
from tests.hosting import axe_violations, local_page, pages_host, serve

pytestmark = pytest.mark.slow
__all__ = ["pages_host"]

SPANISH_PAGES = {
    "home": "",
    "contrast": "contrast/",
    "day": "timeline/2017-02-23/",
    "person": "people/kelly/",
}


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("kind", sorted(SPANISH_PAGES))
def test_a_spanish_page_passes_axe_and_switches_to_its_twin(
    browser: Browser, pages_host: str, kind: str, width: int
) -> None:
    viewport: ViewportSize = {"width": width, "height": 800 if width < 1000 else 900}
    path = SPANISH_PAGES[kind]
    with local_page(browser, viewport=viewport, bypass_csp=True) as page:
        page.goto(f"{pages_host}es/{path}")
        expect(page.locator("html")).to_have_attribute("lang", "es")
        assert axe_violations(page) == []
        switch = page.get_by_role("link", name="English", exact=True)
        expect(switch).to_be_visible()
        expect(switch).to_be_in_viewport()
        switch.click()
        page.wait_for_url(f"{pages_host}{path}")
        expect(page.locator("html")).to_have_attribute("lang", "en")


@pytest.mark.parametrize("width", [360, 1280])
def test_the_switch_is_reached_and_followed_from_the_keyboard(
    browser: Browser, pages_host: str, width: int
) -> None:
    viewport: ViewportSize = {"width": width, "height": 800}
    with local_page(browser, viewport=viewport) as page:
        page.goto(f"{pages_host}contrast/")
        for _ in range(12):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.hreflang") == "es":
                break
        switch = page.get_by_role("link", name="Español", exact=True)
        expect(switch).to_be_focused()
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline == "solid"
        page.keyboard.press("Enter")
        page.wait_for_url(f"{pages_host}es/contrast/")
        expect(page.locator("html")).to_have_attribute("lang", "es")


def _bilingual_project(target: Path) -> Path:
    """The small fixture with a Spanish edition whose home page is written in Spanish."""
    project = copy_project(SMALL, target)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - explainer\n",
            "  - explainer:\n"
            "      editions:\n"
            "        - {language: en, locale: en_US}\n"
            "        - {language: es, locale: es_MX, config: mkdocs.es.yml}\n",
        )
        # The plugin adds the generator's theme overrides; its script opens search.
        + "theme:\n  name: material\n  language: en\n  font: false\n"
        + "extra_css: [assets/explainer.css]\nextra_javascript: [assets/explainer.js]\n",
        encoding="utf-8",
    )
    (project / "mkdocs.es.yml").write_text(
        "INHERIT: mkdocs.yml\nsite_name: Explicador pequeño\nsite_dir: site/es\ntheme:\n  language: es\n",
        encoding="utf-8",
    )
    spanish = project / "content" / "es"
    spanish.mkdir()
    (spanish / "index.md").write_text(
        "# Inicio\n\nEl alcalde prometió que las deportaciones masivas no llegarían a la ciudad.\n",
        encoding="utf-8",
    )
    return project


def test_search_on_a_spanish_page_finds_spanish_words_by_their_stem(browser: Browser, tmp_path: Path) -> None:
    project = _bilingual_project(tmp_path / "project")
    site = tmp_path / "site"
    assert build_site(Project(project), site) == 0
    # Each edition has an index of its own, in its language (Pagefind reads <html lang>).
    for folder, language in ((site, "en"), (site / "es", "es")):
        entry = json.loads((folder / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == [language]
    with serve(site) as url, local_page(browser, viewport={"width": 1280, "height": 900}) as page:
        page.goto(url + "es/")
        page.get_by_role("button", name="Buscar").click()
        expect(page.get_by_role("searchbox")).to_be_focused()
        page.keyboard.type("deportación")  # the page says "deportaciones"
        result = page.locator("pagefind-results a").first
        expect(result).to_have_text("Inicio", timeout=30_000)
        assert result.get_attribute("href", timeout=1000) in {"/es/", url + "es/"}


def test_search_on_the_real_spanish_edition_finds_its_pages_and_quotes_as_printed(
    browser: Browser, pages_host: str
) -> None:
    """A Spanish word by another form of it ("descartar": the event says "descarta") finds the Spanish day page;
    a quote by its printed English words leads to the quote on the Spanish day page."""
    with local_page(browser, viewport={"width": 1280, "height": 900}) as page:
        page.goto(f"{pages_host}es/contrast/")
        page.get_by_role("button", name="Buscar").click()
        expect(page.get_by_role("searchbox")).to_be_focused()
        page.keyboard.type("descartar")
        day = page.locator("pagefind-results a[href*='/es/timeline/2017-02-23/']").first
        expect(day).to_be_visible(timeout=30_000)
        page.get_by_role("searchbox").fill("bad dudes")
        quote = page.locator(
            "pagefind-results a[href$='/es/timeline/2017-02-23/#quote-trump-military-operation']"
        )
        expect(quote).to_be_visible(timeout=30_000)
        quote.click()
        page.wait_for_url(f"{pages_host}es/timeline/2017-02-23/#quote-trump-military-operation")
