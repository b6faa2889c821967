"""Texts in several languages: the fields written in our own words, each read in one language.

A field the models mark as :data:`~generator.model.OWN_WORDS` holds either plain text, in the explainer's main
language, or a mapping of languages to texts (``summary: {en: …, es: …}``). Before the models see a file, it is
read in one language (:func:`in_language`): each such mapping becomes that language's text, or the main
language's where it has none, so every validated record holds plain text and the renderers need not know.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from generator.errors import Problem
from generator.load import LoadedData
from generator.model import (
    LANGUAGE_PATTERN,
    OWN_WORDS,
    CorrectionsFile,
    Event,
    PeopleFile,
    Settings,
    SiteSettings,
    SourcesFile,
    TopicsFile,
    Translation,
)
from generator.yamlfile import FieldPath, LoadedFile, format_path, values_at

DEFAULT_LANGUAGES = ("en",)
_LANGUAGE = re.compile(LANGUAGE_PATTERN)

# A field's place in a file's data: names from the top, "*" for each item of a list.
Pattern = tuple[str, ...]


def declared_languages(settings: LoadedFile | None) -> tuple[str, ...]:
    """The languages data/explainer.yaml declares, the main one first; English when it declares none (or
    declares them wrongly: the models report that)."""
    data = settings.data if settings is not None else None
    written = data.get("languages") if isinstance(data, dict) else None
    if (
        isinstance(written, tuple)
        and written
        and all(isinstance(code, str) and _LANGUAGE.fullmatch(code) for code in written)
    ):
        return tuple(written)
    return DEFAULT_LANGUAGES


@cache
def own_words_fields(model: type[BaseModel]) -> tuple[Pattern, ...]:
    """Where a file described by ``model`` holds texts in our own words, from the fields' marks."""
    return tuple(_own_words(model, ()))


def _own_words(model: type[BaseModel], prefix: Pattern) -> Iterator[Pattern]:
    for name, field in model.model_fields.items():
        path = (*prefix, field.alias or name)
        if OWN_WORDS in field.metadata or _marked(field.annotation):
            yield path
            continue
        annotation = field.annotation
        if get_origin(annotation) is tuple:
            path, annotation = (*path, "*"), get_args(annotation)[0]
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from _own_words(annotation, path)


def _marked(annotation: Any) -> bool:
    return OWN_WORDS in getattr(annotation, "__metadata__", ()) or any(
        _marked(arg) for arg in get_args(annotation)
    )


def _texts(file: LoadedFile, model: type[BaseModel]) -> Iterator[tuple[FieldPath, Any]]:
    for pattern in own_words_fields(model):
        yield from values_at(file.data, pattern)


def in_language(
    file: LoadedFile, model: type[BaseModel], language: str, languages: Sequence[str]
) -> LoadedFile:
    """``file`` with each text given in several languages replaced by its ``language`` text, or the main
    language's when it has none; a problem is then reported where that text is written."""
    main = languages[0]
    chosen = {
        path: (language if language in value else main, value)
        for path, value in _texts(file, model)
        if isinstance(value, dict) and (language in value or main in value)
    }
    if not chosen:
        return file
    starts = dict(file.starts)
    for path, (code, _) in chosen.items():
        starts[path] = file.starts[(*path, code)]
    return LoadedFile(file.path, _replaced(file.data, (), chosen), starts, file.key_starts)


def _replaced(value: Any, path: FieldPath, chosen: dict[FieldPath, tuple[str, dict[str, Any]]]) -> Any:
    if path in chosen:
        code, texts = chosen[path]
        return texts[code]
    if isinstance(value, dict):
        return {key: _replaced(item, (*path, key), chosen) for key, item in value.items()}
    if isinstance(value, tuple):
        return tuple(_replaced(item, (*path, index), chosen) for index, item in enumerate(value))
    return value


def named_files_and_models(loaded: LoadedData) -> Iterator[tuple[LoadedFile, type[BaseModel]]]:
    """Each data file that was read but the event files, with the model of its kind."""
    named: list[tuple[LoadedFile | None, type[BaseModel]]] = [
        (loaded.settings, Settings),
        (loaded.people, PeopleFile),
        (loaded.sources, SourcesFile),
        (loaded.topics, TopicsFile),
        (loaded.corrections, CorrectionsFile),
    ]
    for file, model in named:
        if file is not None:
            yield file, model


# A file's texts given in several languages (``{en: …, es: …}``), each with its path, in file order.
TextsByLanguage = tuple[tuple[FieldPath, dict[str, Any]], ...]


def texts_by_language(file: LoadedFile, model: type[BaseModel]) -> TextsByLanguage:
    """The texts in our own words that ``file`` gives as mappings of languages to texts."""
    return tuple((path, value) for path, value in _texts(file, model) if isinstance(value, dict))


def language_problems(
    settings: LoadedFile | None,
    files: Iterable[tuple[LoadedFile, TextsByLanguage]],
    whose: str = "explainer's",
) -> Iterator[Problem]:
    """A language declared twice; in ``files`` (each with its :func:`texts_by_language`), a text in a language
    that ``settings`` do not declare, and a mapping of texts without the main one."""
    languages = declared_languages(settings)
    main = languages[0]
    declared = ", ".join(languages)
    # The file whose ``languages:`` applies (data/explainer.yaml's words when there is none).
    declared_in = settings.path if settings is not None else "data/explainer.yaml"
    if settings is not None and len(set(languages)) < len(languages):
        for index, code in enumerate(languages):
            if code in languages[:index]:
                found = f'the language "{code}" a second time'
                yield settings.problem(("languages", index), found, "each language once")
    for file, texts in files:
        for path, value in texts:
            for code in value:
                if code not in languages:
                    found = f'a text in "{code}", which is not one of the {whose} languages'
                    expected = f'one of {declared} (its "languages:" in {declared_in})'
                    yield file.problem((*path, code), found, expected, key=True)
            if main not in value:
                expected = f"its text in {main}, the main language (the first of the {whose} languages)"
                yield file.problem(path, f"no {main} text", expected)


def site_language_problems(settings: LoadedFile) -> Iterator[Problem]:
    """:func:`language_problems` for data/site.yaml, which declares the site's languages as an explainer's
    settings do."""
    yield from language_problems(settings, [(settings, texts_by_language(settings, SiteSettings))], "site's")


def missing_translations(loaded: LoadedData) -> list[Problem]:
    """A warning for each text in our own words that has no text in one of the explainer's other languages."""
    events = [(file, Event) for file in loaded.events]
    return _missing(declared_languages(loaded.settings), [*named_files_and_models(loaded), *events])


def missing_site_translations(settings: LoadedFile) -> list[Problem]:
    """:func:`missing_translations` for data/site.yaml, in the languages it declares."""
    return _missing(declared_languages(settings), [(settings, SiteSettings)])


def _missing(languages: Sequence[str], files: Iterable[tuple[LoadedFile, type[BaseModel]]]) -> list[Problem]:
    main, others = languages[0], languages[1:]
    found = []
    for file, model in files:
        for path, value in _texts(file, model):
            if value is None or (isinstance(value, dict) and main not in value):
                continue  # no text at all, or an error of its own
            given = value if isinstance(value, dict) else {main: value}
            found += [
                file.problem(
                    path,
                    f"no {code} text",
                    f"its {code} text beside the {main} one ({{{main}: …, {code}: …}})",
                )
                for code in others
                if code not in given
            ]
    return found


def translations(
    file: LoadedFile, model: type[BaseModel], texts: TextsByLanguage, languages: Sequence[str]
) -> tuple[Translation, ...]:
    """Each of ``file``'s ``texts`` (:func:`texts_by_language`) in a language other than the main one, with the
    record and field it belongs to; of valid data (each record has its id), in file order."""
    found = []
    for path, value in texts:
        record, record_id, field = _record_of(file.data, model, path)
        found += [
            Translation(language=code, record=record, id=record_id, field=field, text=text)
            for code, text in value.items()
            if code in languages[1:]
        ]
    return tuple(found)


def in_order(translations: Iterable[Translation]) -> tuple[Translation, ...]:
    """``translations`` sorted by language, record, id and field (each file's in file order where equal)."""
    return tuple(sorted(translations, key=lambda t: (t.language, t.record, t.id or "", t.field)))


def _record_of(data: Any, model: type[BaseModel], path: FieldPath) -> tuple[Any, str | None, str]:
    """The list a text's record is in, the record's id and the field's path within it."""
    if model is Settings:
        return "explainer", None, format_path(path)
    if model is Event:
        if path[0] == "quotes":
            return "quotes", data["quotes"][path[1]]["id"], format_path(path[2:])
        return "events", data["id"], format_path(path)
    key, index = path[0], path[1]
    return key, data[key][index]["id"], format_path(path[2:])
