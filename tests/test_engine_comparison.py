"""The real explainer built with MkDocs and with Zensical: the same pages, quotes and links in both.

Compared within each page's article (the content a reader came for); the theme around it differs by engine
(see docs/engines.md).
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import Tag
from click.testing import CliRunner
from playwright.sync_api import Page

from generator.build import Project, build_site, load_dataset
from generator.cli import main
from tests.conftest import ROOT, copy_project
from tests.hosting import serve
from tests.html import one, parse, reader_pages, text_of
from tests.test_security_browser import PAGE_TYPES, policy_of

pytestmark = pytest.mark.slow

# Any host will do: links are resolved against it only to compare where they lead.
BASE = "https://site.invalid/"


def _pages() -> list[str]:
    """The built pages a reader reaches: home, contrast table, timeline, sources, corrections, data downloads,
    every person and topic."""
    data = load_dataset(Project(ROOT))
    pages = ["index.html", "contrast/index.html", "timeline/index.html", "sources/index.html"]
    pages += ["corrections/index.html", "data/index.html"]
    pages += [f"timeline/{date.iso()}/index.html" for date, _ in data.days]
    pages += sorted({f"sources/{source.published.iso()}/index.html" for source in data.sources})
    pages += ["people/index.html", *(f"people/{person.id}/index.html" for person in data.people)]
    pages += ["topics/index.html", *(f"topics/{topic.id}/index.html" for topic in data.topics)]
    return pages


PAGES = _pages()


@dataclass(frozen=True)
class Content:
    """What a page's article shows, in order: the quotations, and where each link leads."""

    quotes: tuple[str, ...]
    links: tuple[str, ...]


def read(site: Path) -> dict[str, Content]:
    """Every compared page of a built site, parsed once."""
    content = {}
    for page in PAGES:
        article = one(parse(site / page), "article")
        quotes = tuple(text_of(tag) for tag in article.select("blockquote, q"))
        content[page] = Content(quotes, links(article, page))
    return content


def links(article: Tag, page: str) -> tuple[str, ...]:
    """External addresses as written; internal links resolved to a path from the site root
    (``./`` and ``../kelly/`` on the Kelly page are the same link)."""
    here = BASE + page.removesuffix("index.html")
    targets = []
    for anchor in article.select("a[href]"):
        href = str(anchor["href"])
        if urlsplit(href).scheme:
            targets.append(href)
        else:
            resolved = urlsplit(urljoin(here, href))
            path = resolved.path.removesuffix("index.html")
            targets.append(path + (f"#{resolved.fragment}" if resolved.fragment else ""))
    return tuple(targets)


@pytest.fixture(scope="module")
def mkdocs_pages(real_site: Path) -> dict[str, Content]:
    return read(real_site)


@pytest.fixture(scope="module")
def zensical_pages(zensical_site: Path) -> dict[str, Content]:
    return read(zensical_site)


def test_every_page_exists_in_both_builds(real_site: Path, zensical_site: Path) -> None:
    missing = {
        engine: [page for page in PAGES if not (site / page).is_file()]
        for engine, site in (("mkdocs", real_site), ("zensical", zensical_site))
    }
    assert missing == {"mkdocs": [], "zensical": []}


@pytest.mark.parametrize("page", PAGES)
def test_same_quotes(mkdocs_pages: dict[str, Content], zensical_pages: dict[str, Content], page: str) -> None:
    assert zensical_pages[page].quotes == mkdocs_pages[page].quotes


@pytest.mark.parametrize("page", PAGES)
def test_same_links(mkdocs_pages: dict[str, Content], zensical_pages: dict[str, Content], page: str) -> None:
    assert zensical_pages[page].links == mkdocs_pages[page].links


def test_the_comparison_sees_the_content(mkdocs_pages: dict[str, Content]) -> None:
    """Guard against comparing empty lists: the pages that carry quotes and sources have them."""
    for page in (
        "index.html",
        "contrast/index.html",
        "timeline/2017-02-23/index.html",
        "sources/2017-02-23/index.html",
    ):
        assert mkdocs_pages[page].quotes, page
        assert any(link.startswith("https://") for link in mkdocs_pages[page].links), page
    kelly = mkdocs_pages["people/kelly/index.html"].links
    assert "/timeline/2017-02-23/#event-2017-02-23-kelly-mexico-city" in kelly
    assert "/people/kelly/" in kelly  # the speaker link in a quote caption, on his own page


def test_internal_links_lead_to_pages_of_the_zensical_site(
    zensical_site: Path, zensical_pages: dict[str, Content]
) -> None:
    broken = []
    for page, content in zensical_pages.items():
        for link in content.links:
            if link.startswith("/"):
                path = zensical_site / link.partition("#")[0].lstrip("/")
                if not (path / "index.html" if path.is_dir() else path).is_file():
                    broken.append(f"{page}: {link}")
    assert broken == []


def test_failed_zensical_build_keeps_the_previous_site(tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path / "project")
    site = tmp_path / "site"
    command = ["build", "--root", str(project), "--site-dir", str(site), "--engine", "zensical"]
    result = CliRunner().invoke(main, command)
    assert (result.exit_code, result.stdout) == (0, f"Built the site into {site}/.\n")
    assert (
        result.stderr
        == "Zensical builds the main edition only; MkDocs builds the others: es (mkdocs.es.yml).\n"
    )
    before = {path: path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}
    method = project / "content" / "method.md"
    method.write_text(method.read_text(encoding="utf-8") + "\n[Broken](no-such-page.md)\n", encoding="utf-8")
    assert build_site(Project(project), site, engine="zensical") != 0
    after = {path: path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}
    assert after == before
    assert (project / "build" / "mkdocs.yml").is_file()


def test_zensical_uses_the_theme_overrides(tmp_path: Path) -> None:
    """The partials that overrides/main.html includes (security, meta, structured data) reach every page."""
    project = copy_project(ROOT, tmp_path / "project")
    partial = project / "overrides" / "partials" / "explainer-meta.html"
    partial.write_text('<meta name="x-engine-check" content="overrides">\n', encoding="utf-8")
    site = tmp_path / "site"
    assert build_site(Project(project), site, engine="zensical") == 0
    for page in ("index.html", "contrast/index.html", "people/kelly/index.html"):
        marker = one(parse(site / page), 'head meta[name="x-engine-check"]')
        assert marker["content"] == "overrides"


def _scripts_under_policy(page: Path) -> set[str]:
    """sha256 of every inline script after the policy's meta element (a policy in a meta element governs only
    what follows it; Zensical writes its ``__md_scope`` script, which differs from Material's, before it)."""
    policy = one(parse(page), 'meta[http-equiv="Content-Security-Policy"]')
    scripts = [script for script in policy.find_all_next("script") if not script.has_attr("src")]
    runnable = [script.string or "" for script in scripts if script.get("type") in (None, "text/javascript")]
    return {
        "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"
        for code in runnable
    }


def test_zensical_pages_carry_the_same_policy(real_site: Path, zensical_site: Path) -> None:
    """The one policy, and every inline script it governs on a Zensical page is one it names by its hash."""
    policy = policy_of(real_site / "index.html")
    pages = reader_pages(zensical_site)
    assert all(policy_of(page) == policy for page in pages)
    assert set().union(*(_scripts_under_policy(page) for page in pages)) <= set(policy["script-src"][1:])


def test_zensical_pages_break_no_policy_in_chromium(page: Page, zensical_site: Path) -> None:
    """A blocked inline style or script logs a console error: Zensical's search dialog styles itself inline."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    with serve(zensical_site) as base:
        for path in PAGE_TYPES:
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
    assert errors == []
    assert page.outside_requests == []  # type: ignore[attr-defined]
