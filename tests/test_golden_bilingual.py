"""Golden files of the bilingual fixture: the small fixture with its own words in English and Spanish.

The English edition is the small fixture's golden output (tests/golden/small) but for the languages the data
declares; the Spanish edition, made from the data read in Spanish, is compared byte for byte with
tests/golden/bilingual-es. Run with ``UPDATE_GOLDEN=1`` to rewrite it after an intended change, then review
the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.build import Project, docs_texts, generate
from generator.load import load_data
from generator.outputs import Options, site_files
from generator.sitemap import SCRIPT, STYLESHEET
from generator.validate import validate
from tests.conftest import FIXTURES, assert_golden_file_list, golden_paths

BILINGUAL = FIXTURES / "bilingual"
GOLDEN = Path(__file__).resolve().parent / "golden"
SPANISH = GOLDEN / "bilingual-es"
SAME_EVERYWHERE = (STYLESHEET, SCRIPT)


def spanish_pages() -> dict[str, str]:
    project = Project(BILINGUAL)
    loaded = load_data(project.root)
    content = project.read_content()
    made = site_files(
        loaded,
        validate(loaded, "es"),
        content.pages,
        project.content_dir,
        Options(site_url=project.site_url(), language="es"),
    )
    return {path: text for path, text in docs_texts(made).items() if path not in SAME_EVERYWHERE}


@pytest.fixture(scope="module")
def spanish() -> dict[str, str]:
    return spanish_pages()


def test_the_english_edition_is_the_small_fixtures_but_for_its_languages() -> None:
    pages = generate(Project(BILINGUAL))
    golden = {
        path.relative_to(GOLDEN / "small").as_posix(): path.read_text(encoding="utf-8")
        for path in (GOLDEN / "small").rglob("*.*")
    }
    assert sorted(golden) == sorted(path for path in pages if path not in SAME_EVERYWHERE)
    assert sorted(path for path in golden if pages[path] != golden[path]) == [
        "data/explainer.json",
        "index.md",
    ]
    # The home page's structured data: the data set behind the article is in both languages.
    one_language = '\\"encodingFormat\\": \\"application/json\\", \\"inLanguage\\": \\"en\\"'
    two = one_language.replace('\\"en\\"', '[\\"en\\", \\"es\\"]')
    assert pages["index.md"] == golden["index.md"].replace(one_language, two)
    document, expected = json.loads(pages["data/explainer.json"]), json.loads(golden["data/explainer.json"])
    assert document["explainer"].pop("languages") == ["en", "es"]
    assert expected["explainer"].pop("languages") == ["en"]
    # The Spanish texts, each naming its record and field; the records hold the English ones.
    assert {
        "language": "es",
        "record": "quotes",
        "id": "engineer-not-by-summer",
        "field": "relations[0].note",
        "text": "La fecha del ingeniero es un año posterior a la de la alcaldesa.",
    } in document["translations"]
    assert len(document.pop("translations")) == 21  # every Spanish text of the fixture
    assert expected.pop("translations") == []
    assert document == expected


def test_spanish_file_list_matches_golden(spanish: dict[str, str]) -> None:
    assert_golden_file_list(spanish, SPANISH)


@pytest.mark.parametrize("path", golden_paths(SPANISH))
def test_spanish_page_matches_golden(spanish: dict[str, str], path: str) -> None:
    assert spanish[path] == (SPANISH / path).read_text(encoding="utf-8")


def test_the_spanish_edition_shows_the_spanish_texts_and_the_english_where_none_is_written(
    spanish: dict[str, str],
) -> None:
    day = spanish["timeline/2021-03-02.md"]
    assert "La alcaldesa promete un puente" in day
    assert "En la sesión del concejo, la alcaldesa fijó una fecha para el nuevo puente." in day
    assert "The mayor promises a bridge" not in day
    assert "The council votes on funding" in spanish["timeline.md"]  # no Spanish title: the English one
    # The quotes' words are never translated.
    assert "We will have a bridge by summer — I promise." in spanish["sources/2021-03-02.md"]
