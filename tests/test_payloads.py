"""Hostile strings in every rendered field: shown literally, introducing no element, attribute or URL.

The payload site is built from the small fixture plus one person, source, topic and event per payload, with
each engine (MkDocs with the explainer plugin, and Zensical, which runs no plugin of ours); a twin built with
harmless placeholders in the same places must have the same elements, attribute names and link targets on
every page.
"""

from __future__ import annotations

import functools
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from playwright.sync_api import Dialog, Page, expect

from generator.build import Project, build_site, load_dataset
from generator.engines import ENGINES, EngineName
from generator.errors import DataError
from tests.conftest import SMALL, copy_project
from tests.hosting import serve
from tests.html import one, parse
from tests.payloads import PAYLOADS, REJECTED_TEXT, REJECTED_URLS, payload_project

pytestmark = pytest.mark.slow

URL_ATTRIBUTES = ("href", "src", "srcset", "action", "formaction", "poster", "data", "xlink:href", "srcdoc")
# Harmless stand-ins that sort like the payloads they replace (the sources page is ordered by outlet).
PLACEHOLDERS = tuple(f"plain text {sorted(PAYLOADS).index(payload):02d}" for payload in PAYLOADS)


def shown(text: str) -> str:
    """What a reader sees: line breaks in data become spaces by design, and HTML folds white space."""
    return " ".join(text.split())


def _build(target: Path, payloads: tuple[str, ...], engine: EngineName) -> Path:
    project = payload_project(target / "project", payloads)
    site = target / "site"
    assert build_site(Project(project), site, engine=engine, work_dir=target / "work") == 0
    return site


@pytest.fixture(scope="module", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> EngineName:
    name: EngineName = request.param
    return name


@pytest.fixture(scope="module")
def sites(engine: EngineName, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """(payload site, placeholder twin), built with ``engine``."""
    base = tmp_path_factory.mktemp(f"payloads-{engine}")
    yield _build(base / "payloads", PAYLOADS, engine), _build(base / "plain", PLACEHOLDERS, engine)
    shutil.rmtree(base, ignore_errors=True)


_CONTINUATION_LINE = ("tspan", ("dy", "x"), ())


def _shape(soup: BeautifulSoup) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """Each element: its name, its attribute names, and its link targets (same-page fragments folded).

    The timeline picture wraps a title into a ``tspan`` for each line after the first, so a longer text has
    more of them: those continuation lines are left out.
    """
    shape: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
    for element in soup.find_all(True):
        urls = tuple(
            "#fragment" if str(element[name]).startswith("#") else str(element[name])
            for name in URL_ATTRIBUTES
            if element.has_attr(name)
        )
        entry = (element.name, tuple(sorted(element.attrs)), urls)
        if entry != _CONTINUATION_LINE:
            shape.append(entry)
    return shape


def test_payloads_introduce_no_element_attribute_or_url(sites: tuple[Path, Path]) -> None:
    hostile, plain = sites
    pages = sorted(path.relative_to(hostile) for path in hostile.rglob("*.html"))
    assert pages == sorted(path.relative_to(plain) for path in plain.rglob("*.html"))
    assert len(pages) > 2 * len(PAYLOADS)
    for page in pages:
        soup = parse(hostile / page)
        assert _shape(soup) == _shape(parse(plain / page)), page
        ids = [str(tag["id"]) for tag in soup.select("[id]")]
        assert sorted(ids) == sorted(set(ids)), page


@pytest.fixture(scope="module")
def parsed(sites: tuple[Path, Path]) -> Callable[[str], BeautifulSoup]:
    """A page of the payload site, parsed once per module (the big pages are slow to parse)."""
    return functools.cache(lambda page: parse(sites[0] / page / "index.html"))


def _heading_text(heading: Tag) -> str:
    for permalink in heading.select("a.headerlink"):
        permalink.decompose()
    return shown(heading.get_text())


def _texts(soup: BeautifulSoup | Tag, selector: str) -> list[str]:
    return [shown(tag.get_text()) for tag in soup.select(selector)]


@pytest.mark.parametrize("number", range(len(PAYLOADS)))
def test_payload_is_shown_literally_in_every_field(
    parsed: Callable[[str], BeautifulSoup], number: int
) -> None:
    key, payload = f"p{number:02d}", PAYLOADS[number]
    text, printed = shown(payload), shown(f"“{payload}” she said")

    person = parsed(f"people/{key}")
    assert _heading_text(one(person, "article h1")) == text
    assert one(person, "title").get_text().startswith(f"{text} - ")
    for meta in ('meta[name="description"]', 'meta[property="og:description"]'):
        assert shown(str(one(person, meta)["content"])).startswith(f"What {text} (")
    assert _texts(person, "ul.ex-roles li") == [f"{text}, {text} (since 2020)"]
    assert _texts(person, "figure.ex-quote blockquote p") == [text]
    assert _texts(person, "p.ex-quote__context") == [text]
    assert _texts(person, ".ex-quote__printed q") == [printed]
    assert _texts(person, ".ex-quote__printed cite") == [text]
    assert _texts(person, "figcaption a.ex-speaker") == [text]
    assert text in _texts(person, "figcaption a")
    assert _texts(person, "ul.ex-quote__topics li a") == [text]
    if number:
        assert _texts(person, "ul.ex-quote__relations li")[0].endswith(f". {text}")

    topic = parsed(f"topics/{key}")
    assert _heading_text(one(topic, "article h1")) == text
    assert _texts(topic, "article [data-pagefind-body] > p")[0] == text
    for meta in (
        'meta[name="description"]',
        'meta[property="og:description"]',
        'meta[name="twitter:description"]',
    ):
        assert shown(str(one(topic, meta)["content"])) == text

    timeline = parsed("timeline/2022-01-01")
    assert _heading_text(one(timeline, f"h2#event-2022-01-01-{key}")) == text
    event = one(timeline, f"figure#quote-quote-{key}").find_parent("div", class_="ex-event")
    assert isinstance(event, Tag)
    assert _texts(event, "p.ex-event__summary") == [text]
    assert shown(one(event, "p.ex-event__facts").get_text()) == f"1 January 2022 · {text} · With {text}"
    assert _texts(event, "p.ex-event__sources a") == [text]

    sources = parsed("sources/2022-01-01")
    assert _heading_text(one(sources, f"h2#source-{key}")) == f"{text}: {text}"
    facts = one(sources, f"h2#source-{key}").find_next_sibling("dl")
    assert isinstance(facts, Tag)
    assert _texts(facts, "dd")[:3] == [text, text, text]
    assert _texts(facts, "dd cite") == [text]

    contrast = parsed("contrast")
    assert _texts(contrast, f"tr#topic-{key} th[scope=row]") == [text]
    assert text in _texts(contrast, "thead th[scope=col]")
    cells = contrast.select(f"tr#topic-{key} td")
    assert {shown(str(cell["data-speaker"])) for cell in cells} >= {text}
    assert [shown(q.get_text()) for cell in cells for q in cell.select("q")] == [text]


EVENT = "data/events/2021-04-council-vote.yaml"


def _rejected(
    tmp_path: Path, relative: str, change: dict[str, object], index: int | None = None
) -> list[str]:
    root = copy_project(SMALL, tmp_path / "project")
    path = root / relative
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    (data["sources"][index] if index is not None else data).update(change)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(Project(root))
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(("text", "found"), REJECTED_TEXT)
def test_control_characters_are_rejected(tmp_path: Path, text: str, found: str) -> None:
    escaped = "".join(
        f"\\u{ord(char):04X}" if ord(char) < 32 or 127 <= ord(char) < 160 else char
        for char in text.replace("\n", " ")
    )
    assert _rejected(tmp_path, EVENT, {"title": text}) == [
        f'{EVENT}:3:8: title: "{escaped}"; expected text without control characters or noncharacters (found {found})'
    ]


@pytest.mark.parametrize("url", REJECTED_URLS)
def test_unsafe_urls_are_rejected(tmp_path: Path, url: str) -> None:
    no_host = url in {"https://", "https://user:pass@evil.example/"}
    expected = (
        "an https:// address with a host name and no user name or password"
        if no_host
        else "an https:// address without spaces or control characters"
    )
    shown_url = url.replace("\t", "\\u0009").replace("\n", " ")
    assert _rejected(tmp_path, "data/sources.yaml", {"url": url}, 0) == [
        f'data/sources.yaml:5:8: sources[0].url: "{shown_url}"; expected {expected}'
    ]
    assert _rejected(tmp_path / "archive", "data/sources.yaml", {"archive_url": url}, 1) == [
        f'data/sources.yaml:13:16: sources[1].archive_url: "{shown_url}"; expected {expected}'
    ]


PAGE_TYPES = (
    "",
    "contrast/",
    "timeline/",
    "timeline/2022-01-01/",
    "people/p00/",
    "topics/p00/",
    "sources/",
    "sources/2022-01-01/",
    "method/",
)


# Search is Pagefind's under both engines (overrides/partials/search.html): a result is a link in its list.
SEARCH_RESULT = "pagefind-results a"


def test_payload_pages_in_chromium(page: Page, sites: tuple[Path, Path], engine: EngineName) -> None:
    """No dialog, no console error (a blocked inline script or style logs one), no request to another host, and
    the literal text, on every page type of the payload site and in search."""
    dialogs: list[str] = []
    errors: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    with serve(sites[0]) as base:
        for path in PAGE_TYPES:
            page.goto(base + path)
        for number, payload in enumerate(PAYLOADS):
            page.goto(f"{base}people/p{number:02d}/")
            assert page.locator("figure.ex-quote blockquote p").inner_text() == shown(payload)
            assert page.title().startswith(shown(payload))
        page.goto(base)  # search results are rendered from the index, which holds the pages' text
        page.keyboard.press("/")
        # Under load the search box takes focus a moment after the key: typed before, a letter is lost.
        expect(page.get_by_role("searchbox")).to_be_focused()
        page.keyboard.type("onload")
        expect(page.locator(SEARCH_RESULT).first).to_be_visible(timeout=30_000)
        page.wait_for_timeout(500)  # let every result render before counting dialogs
    assert dialogs == []
    assert errors == []
    assert page.outside_requests == []  # type: ignore[attr-defined]
