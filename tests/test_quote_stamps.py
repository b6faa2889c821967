"""A quote's page stamped from the one shell page the engine rendered (generator/quote_stamps.py): what a
reader, a link preview and a crawler read on it, under MkDocs and Zensical, checked by parsing the built HTML;
no placeholder and no shell's address left anywhere in the site; words in the data that look like HTML, Jinja
or a placeholder stay words; a shell that cannot be stamped stops the build."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from generator.build import Project, build_site
from generator.quote_stamps import BODY, BODY_BLOCK, TOKENS, QuoteStamp, Shell, ShellError
from tests.conftest import SMALL, copy_project, edit

SITE = "https://example.org/small/"
CONFIG = f"""\
site_name: Small explainer
site_url: {SITE}
docs_dir: content
theme:
  name: material
markdown_extensions:
  - toc:
      permalink: true
  - attr_list
plugins:
  - explainer
"""
VISIT = "data/events/2021-03-02-site-visit.yaml"
ENGINEER_WORDS = "Not by summer. Not this year."
# Words that would be markup, a template expression or a placeholder if anything read them as more than text.
HOSTILE = '</p><script>alert(1)</script> "q" & {{ config }} }} EXPLAINERQUOTETITLE <p>EXPLAINERQUOTEBODY</p> quotes/_quote'
HOSTILE_YAML = HOSTILE.replace('"', '\\"')
SHELL_ADDRESSES = ("quotes/_quote", "quotes/_pictured_quote")


def _project(root: Path, *, hostile: bool = False) -> Path:
    copy_project(SMALL, root)
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    if hostile:
        edit(root / VISIT, ENGINEER_WORDS, HOSTILE_YAML, count=2)
    return root


def _build(base: Path, engine: str, *, hostile: bool = False) -> Path:
    project = Project(_project(base / "project", hostile=hostile))
    site = base / "site"
    assert build_site(project, site, engine=engine, work_dir=base / "work") == 0  # type: ignore[arg-type]
    return site


ENGINES = ["mkdocs", "zensical"]


@pytest.fixture(scope="module", params=ENGINES)
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp(f"stamped-{request.param}"), request.param)


@pytest.fixture(scope="module", params=ENGINES)
def hostile_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp(f"hostile-{request.param}"), request.param, hostile=True)


def _page(site: Path, quote_id: str) -> BeautifulSoup:
    return BeautifulSoup(
        (site / "quotes" / quote_id / "index.html").read_text(encoding="utf-8"), "html.parser"
    )


def _meta(page: BeautifulSoup, name: str) -> str:
    """The content of the page's meta element of that ``name`` (or ``property``, for Open Graph's)."""
    key = "property" if name.startswith("og:") else "name"
    found = [str(element["content"]) for element in page.find_all("meta") if element.get(key) == name]
    assert len(found) == 1, name
    return found[0]


def _canonical(page: BeautifulSoup) -> str:
    found = [str(element["href"]) for element in page.find_all("link") if element.get("rel") == ["canonical"]]
    assert len(found) == 1
    return found[0]


def _article(page: BeautifulSoup) -> Tag:
    article = page.find("article")
    assert isinstance(article, Tag)
    return article


@pytest.mark.slow
def test_a_stamped_quote_page_reads_as_that_quotes_own(site: Path) -> None:
    page = _page(site, "mayor-by-summer")
    title = "Ana Mayor: “a bridge by summer” - Small explainer"
    description = (
        "“a bridge by summer” (The Courier's translation from Spanish) — Ana Mayor, Mayor, 2 March 2021."
    )
    address = f"{SITE}quotes/mayor-by-summer/"
    assert page.title is not None and page.title.get_text(strip=True) == title
    assert _meta(page, "description") == description
    assert _meta(page, "og:title") == _meta(page, "twitter:title") == title
    assert _meta(page, "og:description") == _meta(page, "twitter:description")
    assert _meta(page, "og:description") == description == _meta(page, "og:image:alt")
    assert _canonical(page) == _meta(page, "og:url") == address
    # Its own picture: the hand-written home page quotes it.
    assert _meta(page, "og:image") == f"{SITE}assets/share/quotes/mayor-by-summer.png"
    article = _article(page)
    heading = article.find("h1")
    assert isinstance(heading, Tag) and heading.get_text() == "Ana Mayor, 2 March 2021¶"
    assert heading["id"] == "quote"
    # The theme's skip link leads to an element of the page (the heading, under MkDocs).
    skip = page.find("a", class_="md-skip")
    assert isinstance(skip, Tag) and page.find(id=str(skip["href"]).removeprefix("#")) is not None
    in_context = article.find("p", class_="ex-in-context")
    assert isinstance(in_context, Tag) and in_context.a is not None
    assert in_context.a["href"] == "../../timeline/2021-03-02/#quote-mayor-by-summer"
    figure = article.find("figure", class_="ex-quote")
    assert isinstance(figure, Tag) and figure.blockquote is not None
    assert figure.blockquote.get_text() == "a bridge by summer"
    speaker = figure.find("a", class_="ex-speaker")
    assert isinstance(speaker, Tag) and speaker["href"] == "../../people/mayor/"
    assert (site / "people" / "mayor" / "index.html").is_file()


@pytest.mark.slow
def test_a_quote_without_a_picture_of_its_own_previews_with_the_sites(site: Path) -> None:
    page = _page(site, "engineer-not-by-summer")
    assert _meta(page, "og:image") == f"{SITE}assets/share/site.png"
    assert _meta(page, "og:image:alt") == "Small explainer"
    assert _canonical(page) == f"{SITE}quotes/engineer-not-by-summer/"
    blockquote = _article(page).find("blockquote")
    assert isinstance(blockquote, Tag) and blockquote.get_text() == ENGINEER_WORDS


@pytest.mark.slow
def test_no_placeholder_and_no_shells_address_is_left_in_the_site(site: Path) -> None:
    left = [
        f"{path.relative_to(site)}: {needle}"
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".js", ".txt"}
        for needle in (*TOKENS, *SHELL_ADDRESSES)
        if needle in path.read_text(encoding="utf-8", errors="replace")
    ]
    assert left == []
    assert sorted(path.name for path in (site / "quotes").iterdir()) == [
        "engineer-not-by-summer",
        "mayor-by-summer",
    ]


@pytest.mark.slow
def test_words_that_look_like_markup_or_placeholders_stay_words(hostile_site: Path) -> None:
    page = _page(hostile_site, "engineer-not-by-summer")
    other = _page(hostile_site, "mayor-by-summer")
    # The same scripts as on any other quote's page, and nothing the words would have opened.
    scripts = [(script.get("src"), script.get_text()) for script in page.find_all("script")]
    assert scripts == [(script.get("src"), script.get_text()) for script in other.find_all("script")]
    article = _article(page)
    assert [element.name for element in article.find_all(["script", "p"], recursive=False)] == ["p"]
    figure = article.find("figure", class_="ex-quote")
    assert isinstance(figure, Tag) and figure.blockquote is not None
    assert figure.blockquote.get_text() == HOSTILE
    assert page.title is not None
    assert page.title.get_text(strip=True).startswith("Ben Engineer: “</p><script>alert(1)</script>")
    assert _meta(page, "description").startswith(f"“{HOSTILE}” — Ben Engineer")
    assert _meta(page, "og:description") == _meta(page, "description")
    heading = article.find("h1")
    assert isinstance(heading, Tag) and heading.get_text() == "Ben Engineer, 2 March 2021¶"


def _shell(head: str = "<title>EXPLAINERQUOTETITLE</title>") -> str:
    return (
        f'<html><head>{head}<meta name="description" content="EXPLAINERQUOTEDESCRIPTION">'
        '<link rel="canonical" href="https://example.org/quotes/_quote/"></head>'
        f"<body><h1>EXPLAINERQUOTEHEADING</h1>\n{BODY_BLOCK}</body></html>"
    )


def test_a_shell_is_stamped_with_each_quotes_values_read_once() -> None:
    shell = Shell.split("quotes/_quote.md", _shell())
    quote = QuoteStamp(
        "quotes/a-b.md", "quotes/_quote.md", "T EXPLAINERQUOTEDESCRIPTION", "D", "H quotes/_quote", "<p>B</p>"
    )
    assert shell.stamp(quote) == (
        '<html><head><title>T EXPLAINERQUOTEDESCRIPTION</title><meta name="description" content="D">'
        '<link rel="canonical" href="https://example.org/quotes/a-b/"></head>'
        "<body><h1>H quotes/_quote</h1>\n<p>B</p></body></html>"
    )


@pytest.mark.parametrize(
    ("html", "message"),
    [
        (
            _shell("<title>x</title>"),
            "the page the engine made of quotes/_quote.md lacks EXPLAINERQUOTETITLE: a template or the engine "
            "dropped it",
        ),
        (
            _shell("<title>EXPLAINERQUOTETITLE</title><script>var t = 'EXPLAINERQUOTETITLE'</script>"),
            "the page the engine made of quotes/_quote.md has EXPLAINERQUOTETITLE inside a script element, "
            "where no text goes",
        ),
        (
            _shell(f"<title>EXPLAINERQUOTETITLE {BODY}</title>"),
            "the page the engine made of quotes/_quote.md has EXPLAINERQUOTEBODY 2 times; expected once, as "
            "<p>EXPLAINERQUOTEBODY</p>",
        ),
    ],
)
def test_a_shell_that_cannot_be_stamped_is_refused(html: str, message: str) -> None:
    with pytest.raises(ShellError) as raised:
        Shell.split("quotes/_quote.md", html)
    assert str(raised.value) == message


@pytest.mark.slow
def test_a_shell_the_theme_breaks_fails_the_build_and_leaves_the_site_as_it_was(tmp_path: Path) -> None:
    root = _project(tmp_path / "project")
    site = tmp_path / "site"
    assert build_site(Project(root), site) == 0
    before = {path: path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}
    # A project's own template that puts the page's title into a script, where escaped text is no safe value.
    (root / "overrides").mkdir()
    (root / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}{% block extrahead %}{% if page and page.meta %}<script>var title = "{{ page.meta.title }}";</script>{% endif %}'
        "{% endblock %}",
        encoding="utf-8",
    )
    config = CONFIG.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert build_site(Project(root), site) == 1
    assert {path: path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()} == before
