"""Search: Pagefind's chunked index of the finished site, found from the header's search button.

A reader types words printed on a page (in a source's printing of a quote, too), and a result lands on the quote
itself. The site is served as a host would serve it, with the page's Content-Security-Policy sent as an HTTP
header: Pagefind's WebAssembly runs in a worker, which a meta tag's policy does not reach but a header's does.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page, Response, expect

from bench.synth import Size, make_project
from generator.build import Project, build_site
from generator.errors import DataError
from generator.search_index import BUNDLE_DIR, index_command
from tests.conftest import ROOT
from tests.hosting import QuietHandler, local_page, serve
from tests.html import one, parse
from tests.test_security_browser import policy_of

TRUMP = "quote-trump-military-operation"
TILLERSON = "quote-tillerson-strong-sovereign-countries"
PHONE = {"width": 360, "height": 740}
# The parts of Pagefind's bundle that hold the index (the rest is its code and its UI).
INDEX_FILES = ("pagefind-entry.json", ".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter")
WIDE = {"width": 1280, "height": 900}


def test_the_index_command_names_what_is_missing(tmp_path: Path) -> None:
    with pytest.raises(DataError) as raised:
        index_command(tmp_path / "site", node_modules=tmp_path / "node_modules")
    runner = tmp_path / "node_modules" / "pagefind" / "lib" / "runner" / "bin.cjs"
    assert str(raised.value).splitlines()[0] == (
        f"{runner}:1:1: (file): no such file; expected Pagefind, installed by `npm ci` from package-lock.json "
        "(./dev build runs it)"
    )


@pytest.mark.slow
def test_pagefind_reads_no_quote_page_and_makes_the_same_index_as_from_every_page(
    real_site: Path, tmp_path: Path
) -> None:
    """A quote's own page is not indexed, so Pagefind is not given it to read (the quote pages were most of
    its time at 30,000 quotes); what it writes is the same as when it reads every page."""
    site = tmp_path / "site"
    shutil.copytree(real_site, site, ignore=shutil.ignore_patterns(BUNDLE_DIR))
    command = index_command(site)
    glob = command[command.index("--glob") + 1]
    assert glob.startswith("{*.html,") and "people/**/*.html" in glob and "quotes" not in glob
    every_page = [arg for arg in command if arg not in ("--glob", glob)]
    every_page[every_page.index(BUNDLE_DIR)] = "every-page"
    assert subprocess.run(command, cwd=site, check=False).returncode == 0
    assert subprocess.run(every_page, cwd=site, check=False).returncode == 0
    ours, theirs = site / BUNDLE_DIR, site / "every-page"
    written = sorted(path.relative_to(ours) for path in ours.rglob("*") if path.is_file())
    assert written == sorted(path.relative_to(theirs) for path in theirs.rglob("*") if path.is_file())
    assert any(str(path).endswith(INDEX_FILES) for path in written)
    for path in written:
        assert (ours / path).read_bytes() == (theirs / path).read_bytes(), path


def test_the_header_differs_from_materials_only_in_search_the_menu_button_and_the_language_switch() -> None:
    """The copied partial must follow Material: re-copy it when Material is upgraded and this fails."""
    spec = find_spec("material")
    assert spec is not None and spec.origin is not None
    material = Path(spec.origin).parent / "templates" / "partials" / "header.html"
    theirs = material.read_text(encoding="utf-8")
    ours = (ROOT / "overrides" / "partials" / "header.html").read_text(encoding="utf-8")
    their_body = theirs[theirs.index("-#}") + 4 :]
    our_body = ours[ours.index("-#}") + 4 :]
    search_start = their_body.index('    {% if "material/search" in config.plugins %}')
    search_end = their_body.index("    {% if config.repo_url %}")
    their_body = (
        their_body[:search_start]
        + '    {% include "partials/explainer-switch.html" %}\n'
        + '    {% include "partials/search.html" %}\n'
        + their_body[search_end:]
    )
    menu = '<label class="md-header__button md-icon" for="__drawer">'
    button = (
        '<button type="button" class="md-header__button md-icon ex-drawer-button" aria-label="{{ lang.t(\'nav\') }}"'
        ' aria-expanded="false" data-ex-drawer-button>'
    )
    their_body = their_body.replace(menu, button, 1)
    start = their_body.index(button)
    their_body = their_body[:start] + their_body[start:].replace("</label>", "</button>", 1)
    assert our_body == their_body


@pytest.mark.slow
def test_quotes_are_indexed_once_on_their_days_page_with_every_printing(real_site: Path) -> None:
    day = parse(real_site / "timeline" / "2017-02-23" / "index.html")
    body = one(day, "[data-pagefind-body]")
    figure = one(body, f"figure#{TRUMP}")
    assert figure["data-pagefind-title"] == "Donald Trump: “it’s a military operation”"
    printed = one(figure, ".ex-quote__printed")
    assert "bad dudes" in printed.get_text()
    assert printed.find_parent(attrs={"data-pagefind-ignore": True}) is None
    assert not printed.has_attr("data-pagefind-ignore")
    person = parse(real_site / "people" / "trump" / "index.html")
    assert all(
        figure.find_parent(attrs={"data-pagefind-ignore": True}) is not None
        for figure in person.select("figure.ex-quote")
    )
    # Neither the 404 page nor the editor is indexed; the bundle is the site's own.
    assert parse(real_site / "404.html").select("[data-pagefind-body]") == []
    assert parse(real_site / "admin" / "index.html").select("[data-pagefind-body]") == []
    assert (real_site / "pagefind" / "pagefind-entry.json").is_file()


class _HeaderPolicyHandler(QuietHandler):
    """Every response carries the site's Content-Security-Policy as a header, as a host may send it."""

    policy = ""

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", self.policy)
        super().end_headers()


def _policy_header(site: Path) -> str:
    return "; ".join(" ".join([name, *values]) for name, values in policy_of(site / "index.html").items())


@pytest.fixture(scope="module")
def strict_host(real_site: Path) -> Iterator[str]:
    handler = type("Handler", (_HeaderPolicyHandler,), {"policy": _policy_header(real_site)})
    with serve(real_site, handler) as url:
        yield url


def _errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def _search(page: Page, words: str) -> None:
    """Open search as a reader does, with its key, and type."""
    page.keyboard.press("/")
    expect(page.get_by_role("searchbox")).to_be_focused()
    page.keyboard.type(words)


def _in_view(page: Page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    size = page.viewport_size
    assert box is not None and size is not None
    return box["y"] >= 0 and box["y"] + min(box["height"], 100) <= size["height"]


@pytest.mark.slow
@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])
def test_bad_dudes_lands_on_trumps_quote(
    browser: Browser, strict_host: str, viewport: dict[str, int]
) -> None:
    with local_page(browser, viewport=viewport) as page:
        errors = _errors(page)
        page.goto(strict_host + "contrast/")
        _search(page, "bad dudes")
        result = page.locator(f"pagefind-results a[href$='#{TRUMP}']")
        expect(result).to_have_text("Donald Trump: “it’s a military operation”", timeout=30_000)
        result.click()
        page.wait_for_url(f"**/timeline/2017-02-23/#{TRUMP}")
        expect(page.locator(f"#{TRUMP}")).to_be_in_viewport()
        assert _in_view(page, f"#{TRUMP} blockquote")
        assert errors == []


@pytest.mark.slow
def test_vibrant_finds_tillersons_quote(browser: Browser, strict_host: str) -> None:
    with local_page(browser, viewport=WIDE) as page:
        errors = _errors(page)
        page.goto(strict_host)
        _search(page, "vibrant")
        result = page.locator(f"pagefind-results a[href$='#{TILLERSON}']")
        expect(result).to_be_visible(timeout=30_000)
        assert page.locator("pagefind-results a[href*='#quote-']").count() == 1
        assert errors == []


@pytest.mark.slow
def test_pagefind_is_downloaded_only_when_a_reader_searches(browser: Browser, strict_host: str) -> None:
    """Pagefind's script and stylesheet outweigh the rest of a page: a reader who never searches never
    downloads them; the search button loads them and opens the dialog, and Escape gives the focus back."""
    with local_page(browser, viewport=PHONE) as page:
        errors = _errors(page)
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(strict_host)
        page.wait_for_load_state("networkidle")
        assert [url for url in requested if "/pagefind/" in url] == []
        button = page.get_by_role("button", name="Search")
        button.click()
        expect(page.get_by_role("searchbox")).to_be_focused()
        assert {url.rsplit("/", 1)[1] for url in requested if "/pagefind/" in url} >= {
            "pagefind-component-ui.js",
            "pagefind-component-ui.css",
        }
        page.keyboard.press("Escape")
        expect(button).to_be_focused()
        assert errors == []


@pytest.mark.slow
def test_keys_are_not_held_when_search_cannot_be_downloaded(browser: Browser, strict_host: str) -> None:
    """Offline, "/" cannot open search; the keys typed after it must still reach the page (space scrolls)."""
    with local_page(browser, viewport=PHONE) as page:
        page.route("**/pagefind-component-ui.js", lambda route: route.abort())
        page.goto(strict_host + "timeline/")
        page.evaluate(
            "window.keysSeen = [];"
            "document.addEventListener('keydown', (event) => window.keysSeen.push(event.defaultPrevented))"
        )
        page.keyboard.press("/")
        # The failed script is taken out of the page once the page has heard of the failure.
        expect(page.locator('script[src*="pagefind-component-ui"]')).to_have_count(0)
        page.keyboard.press("x")
        page.keyboard.press(" ")
        assert page.evaluate("window.keysSeen") == [False, False]


def _focus_path(page: Page, presses: int) -> list[dict[str, object]]:
    """Where each Tab press puts the focus: the element, whether a reader can see it, and where it is."""
    found = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        found.append(
            page.evaluate(
                """() => {
                  const el = document.activeElement;
                  // Material's theme toggle is a radio button drawn by the label that follows it.
                  const next = el.nextElementSibling;
                  const drawn = el.matches("input") && next && next.matches("label") ? next : el;
                  const box = drawn.getBoundingClientRect();
                  const seen = box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth
                    && box.bottom > 0 && box.top < innerHeight && getComputedStyle(drawn).visibility !== "hidden";
                  return {
                    what: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " " + (el.textContent || "")
                      .trim().slice(0, 30),
                    seen,
                    drawer: !!el.closest(".md-sidebar--primary"),
                  };
                }"""
            )
        )
    return found


@pytest.mark.slow
def test_on_a_phone_tab_reaches_only_what_a_reader_sees(browser: Browser, strict_host: str) -> None:
    """Issue #19: the closed navigation drawer and the closed search took 19 Tab presses, all invisible."""
    with local_page(browser, viewport=PHONE) as page:
        page.goto(strict_host + "timeline/")
        path = _focus_path(page, 8)
        assert [step for step in path if not step["seen"]] == [], path
        assert [step for step in path if step["drawer"]] == []
        # The menu button opens the drawer; its links are then reached, and Escape closes it again.
        button = page.get_by_role("button", name="Navigation")
        expect(button).to_have_attribute("aria-expanded", "false")
        button.focus()
        page.keyboard.press("Enter")
        expect(button).to_have_attribute("aria-expanded", "true")
        page.wait_for_timeout(300)  # the drawer slides in (reduced motion: at once)
        opened = _focus_path(page, 4)  # the palette, the language switch and search come first
        assert any(step["drawer"] for step in opened)
        assert [step for step in opened if not step["seen"]] == []
        page.keyboard.press("Escape")
        expect(button).to_have_attribute("aria-expanded", "false")
        expect(button).to_be_focused()


@pytest.mark.slow
def test_ten_thousand_quotes_a_query_downloads_under_a_megabyte_of_index(
    browser: Browser, tmp_path: Path
) -> None:
    """The chunked index at scale: a search finds a quote by a word of its printing and lands on it, while the
    index files it downloads stay under 1 MB."""
    size = Size("10,000 quotes", 10_000, 2_000, 300, 50)
    project = make_project(ROOT, tmp_path / "project", size, seed=2017)
    # The synthetic words are few and everywhere: one source prints one quote with a word of its own.
    event = min((project / "data" / "events").glob("*.yaml"))
    data = yaml.safe_load(event.read_text(encoding="utf-8"))
    quote = data["quotes"][0]
    quote["citations"][0]["as_printed"] += " Quixotically."
    event.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110), encoding="utf-8")
    site = tmp_path / "site"
    assert build_site(Project(project), site) == 0
    handler = type("Handler", (_HeaderPolicyHandler,), {"policy": _policy_header(site)})
    downloads: dict[str, int] = {}

    def record(response: Response) -> None:
        if "/pagefind/" in response.url and response.ok:
            downloads[response.url.split("/pagefind/")[1].split("?")[0]] = len(response.body())

    with serve(site, handler) as base, local_page(browser, viewport=WIDE) as page:
        errors = _errors(page)
        page.on("response", record)
        page.goto(base)
        page.wait_for_load_state("networkidle")
        _search(page, "quixotically")
        result = page.locator(f"pagefind-results a[href$='#quote-{quote['id']}']")
        expect(result).to_be_visible(timeout=60_000)
        result.click()
        expect(page.locator(f"#quote-{quote['id']}")).to_be_in_viewport()
        assert errors == []
    index = {name: size for name, size in downloads.items() if name.endswith(INDEX_FILES)}
    index_bytes = sum(index.values())
    print(
        f"10,000 quotes: a query downloaded {index_bytes:,} bytes of index in {len(index)} files "
        f"({sum(downloads.values()):,} bytes from pagefind/ with the search code and UI)"
    )
    assert 0 < index_bytes <= 1_000_000
