"""The site's editions (generator/editions.py): the config, each edition's hand-written pages, and the real site
built in English and Spanish, read by parsing its HTML: lang, og:locale, hreflang twins, the switch, the
sitemap."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from generator.build import Project, generate_site
from generator.editions import Edition, edition_content, parse_editions, read_editions
from generator.errors import DataError
from generator.reading import Content
from tests.conftest import ROOT, copy_project, edit
from tests.html import one, parse, reader_pages

SITE_URL = "https://example.github.io/explainer/"
ENGLISH = Edition("en", "en_US", "mkdocs.yml", "")
SPANISH = Edition("es", "es_MX", "mkdocs.es.yml", "es/")


def test_the_real_config_lists_english_then_spanish() -> None:
    assert read_editions(ROOT / "mkdocs.yml") == (ENGLISH, SPANISH)
    assert [edition.name for edition in (ENGLISH, SPANISH)] == ["English", "Español"]


def test_every_wrong_entry_is_named_with_its_place(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "plugins:\n"
        "  - explainer:\n"
        "      editions:\n"
        "        - {language: en, locale: en-US}\n"
        "        - {language: Spanish, locale: es_MX, config: mkdocs.es.yml}\n"
        "        - {language: fr, locale: es_ES, config: ../fr.yml, colour: red}\n"
        "        - {language: en, locale: en_GB, config: mkdocs.en.yml}\n",
        encoding="utf-8",
    )
    (tmp_path / "mkdocs.en.yml").write_text("INHERIT: mkdocs.yml\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        read_editions(config)
    field = "plugins.explainer.editions"
    assert str(raised.value).splitlines() == [
        f"mkdocs.yml:4:26: {field}[0].locale: str 'en-US'; expected a locale written language_TERRITORY, as es_MX",
        f"mkdocs.yml:5:12: {field}[1].language: str 'Spanish'; expected a language code of two or three small "
        "letters, as es",
        f'mkdocs.yml:5:46: {field}[1].config: "mkdocs.es.yml", which does not exist; expected a config file '
        "beside this one",
        f'mkdocs.yml:6:26: {field}[2].locale: "es_ES"; expected a locale of the language fr, as fr_XX',
        f"mkdocs.yml:6:41: {field}[2].config: str '../fr.yml'; expected the name of a config file beside this "
        "one, as mkdocs.es.yml",
        f"mkdocs.yml:6:60: {field}[2].colour: an unknown setting 'colour'; expected one of config, language, locale",
        f'mkdocs.yml:7:12: {field}[3].language: "en" again; expected each language once',
        "7 problems found in the data.",
    ]


def test_an_empty_list_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("plugins:\n  - explainer:\n      editions: []\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        parse_editions([], config)
    assert str(raised.value).splitlines()[0] == (
        "mkdocs.yml:3:7: plugins.explainer.editions: list []; expected a list of the site's languages, the main "
        "one first"
    )


def _content(*pages: str) -> Content:
    return Content({path: f"# {path}\n" for path in pages}, {}, ())


def test_each_edition_has_its_own_pages_and_the_main_ones_it_lacks() -> None:
    content = _content("index.md", "method.md", "es/index.md", "people/extra.md")
    main = edition_content(content, (ENGLISH, SPANISH), "en")
    assert main.pages == {path: f"# {path}\n" for path in ("index.md", "method.md", "people/extra.md")}
    spanish = edition_content(content, (ENGLISH, SPANISH), "es")
    assert spanish.pages == {
        "index.md": "# es/index.md\n",
        "method.md": "# method.md\n",
        "people/extra.md": "# people/extra.md\n",
    }
    # A one-language site keeps a folder named es/ as pages of its own.
    assert edition_content(content, (), None).pages == content.pages


def test_a_spanish_page_with_a_bad_embed_is_named_by_its_own_file(tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path / "project")
    (project / "content" / "es").mkdir(exist_ok=True)  # the real project has Spanish pages
    (project / "content" / "es" / "index.md").write_text("# Inicio\n\n{{ quote no-such-quote }}\n", "utf-8")
    with pytest.raises(DataError) as raised:
        generate_site(Project(project))
    assert [problem.path for problem in raised.value.problems] == ["content/es/index.md"]


def test_a_config_of_a_language_not_listed_is_refused(tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path / "project")
    edit(project / "mkdocs.yml", "        - {language: es, locale: es_MX, config: mkdocs.es.yml}\n", "")
    with pytest.raises(DataError) as raised:
        Project(project, language="es").edition()
    assert str(raised.value).splitlines()[0] == (
        "mkdocs.yml:45:7: plugins.explainer.editions: no edition in es, the language of the config file being "
        "built; expected every edition's language (theme.language of its config) listed there (now: en)"
    )


# The real site, built in both editions.


def _english_pages(site: Path) -> list[str]:
    """Every English page a reader may open, by path under the site; the 404 page has no twin to link to."""
    return [
        page.relative_to(site).as_posix()
        for page in reader_pages(site)
        if page.relative_to(site).parts[0] not in {"es", "pagefind"} and page.name != "404.html"
    ]


def _url_of(path: str) -> str:
    return path.removesuffix("index.html")


@pytest.mark.slow
def test_every_page_has_a_spanish_twin_and_back(real_site: Path) -> None:
    pages = _english_pages(real_site)
    assert len(pages) > 20
    spanish = [
        page.relative_to(real_site / "es").as_posix()
        for page in reader_pages(real_site / "es")
        if page.relative_to(real_site / "es").parts[0] != "pagefind" and page.name != "404.html"
    ]
    assert spanish == pages


@pytest.mark.slow
def test_each_page_says_its_language_and_links_its_twins(real_site: Path) -> None:
    for path in _english_pages(real_site):
        for edition, other in ((ENGLISH, SPANISH), (SPANISH, ENGLISH)):
            page = parse(real_site / edition.folder / path)
            assert one(page, "html")["lang"] == edition.language, path
            assert one(page, 'meta[property="og:locale"]')["content"] == edition.locale
            assert one(page, 'meta[property="og:locale:alternate"]')["content"] == other.locale
            alternates = {
                link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')
            }
            assert alternates == {
                "en": SITE_URL + _url_of(path),
                "es": SITE_URL + "es/" + _url_of(path),
                "x-default": SITE_URL + _url_of(path),
            }, path
            # The switch leads to the twin, from where the page is.
            switch = one(page, "header a.ex-edition-switch")
            assert (switch["lang"], switch["hreflang"], switch.get_text(strip=True)) == (
                other.language,
                other.language,
                other.name,
            )
            here = SITE_URL + edition.folder + _url_of(path)
            target = urlsplit(urljoin(here, str(switch["href"]))).path
            assert target == urlsplit(SITE_URL + other.folder + _url_of(path)).path, path
            twin = real_site / posixpath.relpath(target, urlsplit(SITE_URL).path)
            assert (twin / "index.html" if twin.is_dir() else twin).is_file(), path


@pytest.mark.slow
def test_the_spanish_pages_speak_spanish_in_the_theme_and_the_nav(real_site: Path) -> None:
    home = parse(real_site / "es" / "index.html")
    assert one(home, "a.md-skip").get_text(strip=True) == "Saltar a contenido"
    nav = [link.get_text(strip=True) for link in home.select("nav.md-nav--primary > ul > li > a")]
    assert nav[:3] == ["Inicio", "Quién dijo qué", "Cronología"]
    assert one(home, 'link[rel="canonical"]')["href"] == SITE_URL + "es/"
    # One editor, the main edition's.
    assert (real_site / "admin" / "index.html").is_file()
    assert not (real_site / "es" / "admin").exists()


@pytest.mark.slow
def test_the_theme_templates_own_words_follow_the_edition(real_site: Path) -> None:
    """The footer, the 404 page and the feed's link come from the theme's templates, not the generator: their
    words come from the catalogs too (extra.explainer_words), so a Spanish page holds no English there."""
    for folder, corrections, made_with, events in (
        ("", "Corrections", "Made with", "events"),
        ("es/", "Correcciones", "Hecho con", "acontecimientos"),
    ):
        page = parse(real_site / folder / "contrast" / "index.html")
        footer = " ".join(one(page, ".md-copyright").get_text(" ", strip=True).split())
        assert footer.startswith(f"{corrections} · {made_with} Material for MkDocs"), footer
        feed_title = str(one(page, 'link[type="application/atom+xml"]')["title"])
        assert feed_title.endswith(f": {events}"), feed_title
    missing = parse(real_site / "es" / "404.html")
    assert one(missing, "article h1").get_text(strip=True) == "Página no encontrada"
    assert [p.get_text(strip=True) for p in missing.select("article p")] == [
        "No hay ninguna página en esta dirección. Puede que el enlace esté mal escrito o que la página se haya "
        "movido.",
        "Estas páginas pueden servirle:",
        "También puede usar la búsqueda en la parte superior de la página.",
    ]


_SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.mark.slow
def test_the_sitemap_lists_both_editions_with_their_alternates(real_site: Path) -> None:
    root = ET.parse(real_site / "sitemap.xml").getroot()
    listed = {
        str(url.findtext("s:loc", namespaces=_SITEMAP)): {
            str(link.get("hreflang")): str(link.get("href")) for link in url.findall("x:link", _SITEMAP)
        }
        for url in root.findall("s:url", _SITEMAP)
    }
    # Every page but the quotes' own, left out as search leaves them out (overrides/sitemap.xml).
    pages = [path for path in _english_pages(real_site) if not path.startswith("quotes/")]
    addresses = [SITE_URL + _url_of(path) for path in pages]
    spanish = [SITE_URL + "es/" + _url_of(path) for path in pages]
    assert sorted(listed) == sorted(addresses + spanish)
    for english, twin in zip(addresses, spanish, strict=True):
        assert listed[english] == listed[twin] == {"en": english, "es": twin}
    own = ET.parse(real_site / "es" / "sitemap.xml").getroot()
    assert sorted(str(url.findtext("s:loc", namespaces=_SITEMAP)) for url in own) == sorted(spanish)
