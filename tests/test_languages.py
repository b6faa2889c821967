"""Texts in several languages: each read in one language, a missing translation a warning, not an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.export.json_export import document_json, load_document
from generator.languages import missing_translations, own_words_fields
from generator.load import load_data
from generator.model import Event, PeopleFile, Settings
from generator.validate import validate, validate_languages
from tests.conftest import edit

MEETING = "data/events/2021-03-02-council-meeting.yaml"


def bilingual(root: Path) -> Path:
    edit(root / "data/explainer.yaml", "published:", "languages: [en, es]\npublished:")
    edit(
        root / MEETING,
        "summary: At the council meeting the mayor set a date for the new bridge.",
        "summary:\n  en: At the council meeting the mayor set a date for the new bridge.\n"
        "  es: En la sesión del concejo, la alcaldesa fijó una fecha para el nuevo puente.",
    )
    return root


def test_the_own_words_fields_are_read_from_the_models() -> None:
    assert own_words_fields(Event) == (
        ("title",),
        ("place",),
        ("summary",),
        ("quotes", "*", "context"),
        ("quotes", "*", "relations", "*", "note"),
    )
    assert own_words_fields(PeopleFile) == (
        ("people", "*", "roles", "*", "title"),
        ("people", "*", "roles", "*", "organization"),
    )
    assert own_words_fields(Settings) == (("title",), ("summary",))


def test_each_language_has_its_dataset_falling_back_to_the_main_text(small_project: Path) -> None:
    loaded = load_data(bilingual(small_project))
    english, spanish = validate_languages(loaded).values()
    event = next(event for event in spanish.events if event.id == "2021-03-02-council-meeting")
    assert event.summary == "En la sesión del concejo, la alcaldesa fijó una fecha para el nuevo puente."
    assert event.title == "The mayor promises a bridge"  # no Spanish text: the main language's
    assert english.events == validate(loaded).events
    assert validate(loaded, "es") == spanish
    assert next(e for e in english.events if e.id == event.id).summary.startswith("At the council")


def test_a_language_the_explainer_does_not_declare_cannot_be_asked_for(small_project: Path) -> None:
    with pytest.raises(ValueError, match=r"^fr is not one of the explainer's languages \(en, es\)$"):
        validate(load_data(bilingual(small_project)), "fr")


def test_a_missing_translation_is_a_warning_naming_the_place_and_field(small_project: Path) -> None:
    warnings = [str(problem) for problem in missing_translations(load_data(bilingual(small_project)))]
    assert (
        f"{MEETING}:4:8: title: no es text; expected its es text beside the en one ({{en: …, es: …}})"
        in warnings
    )
    assert not any(warning.startswith(f"{MEETING}:6:") for warning in warnings)  # the summary has both
    assert "data/explainer.yaml:1:8: title: no es text" in "\n".join(warnings)


def test_a_single_language_explainer_has_no_warnings(small_project: Path) -> None:
    assert missing_translations(load_data(small_project)) == []


def test_the_document_carries_every_translation_and_reads_back(small_project: Path) -> None:
    data = validate(load_data(bilingual(small_project)))
    assert [t.model_dump() for t in data.translations] == [
        {
            "language": "es",
            "record": "events",
            "id": "2021-03-02-council-meeting",
            "field": "summary",
            "text": "En la sesión del concejo, la alcaldesa fijó una fecha para el nuevo puente.",
        }
    ]
    assert load_document(document_json(data)) == data
    assert validate(load_data(small_project), "es").translations == ()  # the main language's dataset has them
