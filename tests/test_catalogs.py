"""The words readers see come from the catalogs: every message in the code is in both, fully translated, and a
Spanish site shows no English interface text (the data's own words, and quotes as printed, aside)."""

from __future__ import annotations

import re
import string
import tokenize
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from generator.build import Project, generate
from generator.dates import PartialDate
from generator.i18n import KEYWORDS, LANGUAGES, catalog_path, translator
from generator.load import load_data
from generator.outputs import Options, site_files
from generator.validate import validate
from tests.conftest import FIXTURES, ROOT, SMALL

MessageId = str | tuple[str, ...]
# The date patterns are CLDR patterns, not words: their output is checked through the month names.
PATTERNS = {"d MMMM y", "MMMM y", "y", "EEEE d MMMM y"}
ENGLISH_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _catalog(language: str) -> Catalog:
    with (ROOT / "generator" / catalog_path(language)).open("rb") as file:
        return read_po(file, locale=language)


def _in_code() -> set[MessageId]:
    """Every message the code asks for, found as `pybabel extract` finds them (babel.cfg, the same keywords)."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as file:
        method_map, options_map = parse_mapping_cfg(file)  # type: ignore[no-untyped-call]  # babel's own
    found = extract_from_dir(
        str(ROOT), method_map, options_map, keywords=dict(KEYWORDS), comment_tags=(), strip_comment_tags=True
    )
    return {message for _, _, message, _, _ in found}


def _ids(catalog: Catalog) -> set[MessageId]:
    return {
        message.id if isinstance(message.id, str) else tuple(message.id) for message in catalog if message.id
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_in_the_code_is_in_the_catalog_and_the_catalog_holds_no_other(language: str) -> None:
    in_code, in_catalog = _in_code(), _ids(_catalog(language))
    assert sorted(map(str, in_code - in_catalog)) == []
    assert sorted(map(str, in_catalog - in_code)) == []


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_with_the_same_fields(language: str) -> None:
    for message in _catalog(language):
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        forms = [message.string] if isinstance(message.string, str) else list(message.string or ())
        assert not message.fuzzy, message.id
        assert all(forms), f"{message.id!r} has no {language} translation"
        expected = set().union(*map(_fields, ids))
        for form in forms:
            # A singular form may name its count in words ("one day"), so it may leave {count} out.
            assert _fields(form) <= expected, (message.id, form)
            assert expected - _fields(form) <= {"count"}, (message.id, form)


@pytest.mark.parametrize(
    ("language", "date", "words", "title"),
    [
        ("en", "2017-02-23", "23 February 2017", "Thursday 23 February 2017"),
        ("en", "2017-02", "February 2017", "February 2017"),
        ("en", "2017", "2017", "2017"),
        ("es", "2017-02-23", "23 de febrero de 2017", "Jueves 23 de febrero de 2017"),
        ("es", "2017-02", "febrero de 2017", "Febrero de 2017"),
        ("es", "0987", "987", "987"),
    ],
)
def test_dates_are_written_in_each_language(language: str, date: str, words: str, title: str) -> None:
    words_of = translator(language)
    assert words_of.date(PartialDate.parse(date)) == words
    assert words_of.day_title(PartialDate.parse(date)) == title
    assert (
        words_of.day(PartialDate.parse(date)) == title[:1].lower() + title[1:] if language == "es" else title
    )


def test_counted_words_take_each_language_s_plural() -> None:
    english, spanish = translator("en"), translator("es")
    assert [english.nt("{count} quote", "{count} quotes", n) for n in (0, 1, 2)] == [
        "0 quotes",
        "1 quote",
        "2 quotes",
    ]
    assert [spanish.nt("{count} quote", "{count} quotes", n) for n in (0, 1, 2)] == [
        "0 citas",
        "1 cita",
        "2 citas",
    ]


def test_a_language_without_a_catalog_is_refused() -> None:
    with pytest.raises(ValueError, match="no catalog for the language 'fr'; there are en, es"):
        translator("fr")


@pytest.fixture(scope="module")
def spanish_pages() -> Mapping[str, str]:
    return generate(Project(SMALL), Options(language="es"))


def test_the_small_site_in_spanish_speaks_spanish(spanish_pages: dict[str, str]) -> None:
    contrast = spanish_pages["contrast.md"]
    assert "\n# Quién dijo qué\n" in contrast
    assert '<th scope="col">Pregunta</th>' in contrast
    assert '<span class="ex-stance ex-stance--affirms">Afirma</span> responde que sí' in contrast
    assert '<time datetime="2021-03-02">2 de marzo de 2021</time>' in contrast
    day = spanish_pages["timeline/2021-03-02.md"]
    assert "\n# Martes 2 de marzo de 2021\n" in day
    assert "acontecimiento 1 de 2 de ese día" in spanish_pages["index.md"]
    assert "Ana Mayor</a>, Mayor (1 cita)" in spanish_pages["people/index.md"]
    assert "## Marzo de 2021 { #month-2021-03 }" in spanish_pages["timeline.md"]
    assert (
        'description: "Cy Clerk: ninguna cita en nuestras fuentes para este explicativo."'
        in (spanish_pages["people/clerk.md"])
    )


def _data_strings(root: Path) -> list[str]:
    """Every string the data holds (its own words, English in this fixture), longest first."""

    def walk(value: Any) -> Iterator[str]:
        if isinstance(value, str):
            yield " ".join(value.split())
        elif isinstance(value, dict):
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)

    found = {
        text
        for path in sorted((root / "data").rglob("*.yaml"))
        for text in walk(yaml.safe_load(path.read_text()))
    }
    return sorted(found, key=len, reverse=True)


def _english_words() -> list[str]:
    """Each run of words in an English message (the text between its fields), and the English month names."""
    runs = set(ENGLISH_MONTHS)
    for message in _catalog("en"):
        ids = [] if not message.id else [message.id] if isinstance(message.id, str) else list(message.id)
        for text in ids:
            if text in PATTERNS:
                continue
            for literal, _, _, _ in string.Formatter().parse(text):
                run = literal.strip(" ,.:;()")
                if re.search(r"[A-Za-z]{2}", run):
                    runs.add(run)
    return sorted(runs)


def _reader_text(page: str, text: str) -> str:
    """What a reader of the page meets (visible text, labels, alt texts, front matter), outside quotes; for a
    hand-written page only the blocks the generator put in (its prose is the editors')."""
    front: dict[str, Any] = {}
    if text.startswith("---\n"):
        _, head, text = text.split("---\n", 2)
        front = yaml.safe_load(head)
    if page in {"index.md", "about.md"}:
        text = "\n\n".join(line for line in text.split("\n") if line.startswith("<"))
    soup = BeautifulSoup(markdown.markdown(text, extensions=["attr_list"]), "html5lib")
    for element in soup.select("q, blockquote, code"):
        element.decompose()
    labels = [
        str(element[name]) for name in ("aria-label", "title", "alt") for element in soup.select(f"[{name}]")
    ]
    meta = [str(front[key]) for key in ("title", "description", "share_image_alt") if key in front]
    seen = " ".join(" ".join([soup.get_text(" "), *labels, *meta]).split())
    return re.sub(r"\b[\w.]+\.(?:csv|json)\b", " | ", seen)  # file names (quotes.csv) are not words


def _bilingual_in_spanish() -> Mapping[str, str]:
    """The bilingual fixture's Spanish edition: its own words read in Spanish, the interface in Spanish."""
    project = Project(FIXTURES / "bilingual")
    loaded = load_data(project.root)
    content = project.read_content()
    options = Options(site_url=project.site_url(), language="es")
    return site_files(loaded, validate(loaded, "es"), content.pages, project.content_dir, options).pages


@pytest.mark.parametrize("fixture", ["small", "bilingual"])
def test_no_english_interface_text_in_a_spanish_page(spanish_pages: dict[str, str], fixture: str) -> None:
    pages = spanish_pages if fixture == "small" else _bilingual_in_spanish()
    # The data's own words are English in the small fixture; in the bilingual one, where no Spanish is written.
    data = _data_strings(FIXTURES / fixture)
    english = _english_words()
    left = []
    for page, text in sorted(pages.items()):
        if not page.endswith(".md"):
            continue
        seen = _reader_text(page, text)
        for words in data:
            seen = re.sub(rf"(?<!\w){re.escape(words)}(?!\w)", " | ", seen)
        left += [(page, run) for run in english if re.search(rf"(?<!\w){re.escape(run)}(?!\w)", seen)]
    assert left == []


def test_no_message_hides_inside_an_f_string() -> None:
    """`pybabel extract` does not read inside f-strings: a message there would never reach the catalogs."""
    calls = re.compile(r"\b(?:t|nt|pieces|N_)\(")
    hidden = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        with path.open("rb") as file:
            for token in tokenize.tokenize(file.readline):
                if (
                    token.type == tokenize.STRING
                    and re.match(r"[rRbB]?[fF]", token.string)
                    and calls.search(token.string)
                ):
                    hidden.append(f"{path.relative_to(ROOT)}:{token.start[0]}")
    assert hidden == []
