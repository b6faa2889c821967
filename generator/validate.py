"""Turn loaded files into a Dataset, or report every problem at once.

Structure and types are checked by the models; this module maps their findings to file positions in
plain words and adds the checks that span files: unique ids, references, and quotes that their sources print.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import chain
from pathlib import PurePosixPath
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from generator.chronology import check_chronology
from generator.dataset import Dataset
from generator.dates import PartialDate
from generator.errors import DataError, Problem, character, shortened
from generator.language_tags import LANGUAGE_TAG_EXPECTED
from generator.languages import (
    TextsByLanguage,
    declared_languages,
    in_language,
    in_order,
    language_problems,
    named_files_and_models,
    texts_by_language,
    translations,
)
from generator.load import LoadedData
from generator.model import (
    LANGUAGE_PATTERN,
    Citation,
    Correction,
    CorrectionsFile,
    DateValue,
    Event,
    PeopleFile,
    Person,
    Quote,
    Settings,
    Source,
    SourcesFile,
    Topic,
    TopicsFile,
    TranslatedBy,
    Translation,
)
from generator.provenance import first_difference, prints
from generator.scaffold import placeholder_problems
from generator.yamlfile import FieldPath, LoadedFile, values_at

M = TypeVar("M", bound=BaseModel)

# What a reference to each kind of id is expected to be: one defined where this says.
_EXPECTED_ID = {
    "person": "a person id from data/people.yaml",
    "source": "a source id from data/sources.yaml",
    "topic": "a topic id from data/topics.yaml",
    "event": "an event id from data/events/",
    "quote": "a quote id from an event's quotes",
}


def validate(loaded: LoadedData, language: str | None = None) -> Dataset:
    """Return the dataset, each text in our own words in ``language`` (default: the main language; the main
    language's text where one has none), or raise DataError with every problem in the data."""
    editions = validate_languages(loaded)
    if language is None:
        return next(iter(editions.values()))
    if language not in editions:
        raise ValueError(f"{language} is not one of the explainer's languages ({', '.join(editions)})")
    return editions[language]


def validate_languages(loaded: LoadedData, checked: CheckedFiles | None = None) -> dict[str, Dataset]:
    """The dataset in each of the explainer's languages, the main one first; or raise DataError with every
    problem in the data (each language's texts are checked). With ``checked`` (the live preview's), an event
    file read as the same object as at its last validation is not checked on its own again, nor read again
    for the checks across files: they combine what each file holds (:class:`_EventFile`)."""
    problems = list(loaded.problems)
    languages = declared_languages(loaded.settings)
    checked = checked or CheckedFiles()
    event_files = checked.check(loaded.events, languages)
    # Before the models' findings: at the same place, "a placeholder" explains more than "not an id".
    problems += [problem for file in event_files for problem in file.placeholders]
    named = [(file, model, texts_by_language(file, model)) for file, model in named_files_and_models(loaded)]
    texts = [(file, texts) for file, _, texts in named] + [(file.file, file.texts) for file in event_files]
    problems += language_problems(loaded.settings, texts)
    read = {
        language: _Records.read(loaded, checked, event_files, language, languages, problems)
        for language in languages
    }
    main = read[languages[0]]
    known = _known_ids(loaded, [(file.written_id, file.written_quote_ids) for file in event_files])
    problems += _check_ids(main)
    references = [
        _References.find(loaded.settings, SETTINGS_REFERENCES),
        _References.find(loaded.corrections, CORRECTION_REFERENCES),
        *(file.references for file in event_files),
    ]
    for file_references in references:
        problems += file_references.unknown(known)
    problems += _repeats(loaded.settings, _SETTINGS_LISTS)
    problems += [problem for file in event_files for problem in file.repeats]
    problems += [problem for file in event_files for problem in file.own]
    problems += check_chronology(main.events)
    problems += _check_roles(main.people)
    problems += _check_updated(loaded.settings, main.settings)
    problems += _check_corrections(main.corrections)
    if problems or any(records.settings is None for records in read.values()):
        raise DataError(_first_per_place(problems))
    editions = {language: records.dataset() for language, records in read.items()}
    found = [translations(file, model, texts, languages) for file, model, texts in named]
    found += [file.translations for file in event_files]
    first = languages[0]
    return {**editions, first: replace(editions[first], translations=in_order(chain.from_iterable(found)))}


@dataclass(frozen=True)
class _Records:
    """Each file's records as the models read them, in one language, with the file each came from."""

    settings: Settings | None
    people: list[tuple[LoadedFile, FieldPath, Person]]
    sources: list[tuple[LoadedFile, FieldPath, Source]]
    topics: list[tuple[LoadedFile, FieldPath, Topic]]
    events: list[tuple[LoadedFile, Event]]
    corrections: list[tuple[LoadedFile, FieldPath, Correction]]

    @classmethod
    def read(
        cls,
        loaded: LoadedData,
        checked: CheckedFiles,
        event_files: Sequence[_EventFile],
        language: str,
        languages: tuple[str, ...],
        problems: list[Problem],
    ) -> _Records:
        def items(file: LoadedFile | None, lists: _Lists[M]) -> list[tuple[LoadedFile, FieldPath, M]]:
            if file is None:
                return []
            read = checked.list_file(file, lists, language, languages)
            problems.extend(read.problems)
            return list(read.items)

        settings = None
        if loaded.settings is not None:
            in_one = in_language(loaded.settings, Settings, language, languages)
            settings, settings_problems = validate_file(in_one, Settings)
            problems += settings_problems
        people = items(loaded.people, _PEOPLE)
        sources = items(loaded.sources, _SOURCES)
        topics = items(loaded.topics, _TOPICS)
        events = []
        for file in event_files:
            event, found = file.in_language[language]
            problems += found
            if event is not None:
                events.append((file.file, event))
        corrections = items(loaded.corrections, _CORRECTIONS)
        return cls(settings, people, sources, topics, events, corrections)

    def dataset(self) -> Dataset:
        assert self.settings is not None  # validate_languages raised otherwise
        ordered = tuple(sorted((event for _, event in self.events), key=lambda event: event.sort_key))
        return Dataset(
            settings=self.settings,
            people=tuple(person for _, _, person in self.people),
            sources=tuple(source for _, _, source in self.sources),
            topics=tuple(topic for _, _, topic in self.topics),
            events=ordered,
            corrections=tuple(correction for _, _, correction in self.corrections),
        )


def _first_per_place(problems: Iterable[Problem]) -> list[Problem]:
    """One problem per position: a YAML trap found while reading explains a later type error there."""
    seen: dict[tuple[str, int, int], Problem] = {}
    for problem in problems:
        seen.setdefault((problem.path, problem.line, problem.column), problem)
    return list(seen.values())


# --- structure, through the models -------------------------------------------------------------------------


def validate_file(file: LoadedFile, model: type[M]) -> tuple[M | None, list[Problem]]:
    """One file against its model, with every problem placed in the file."""
    try:
        return model.model_validate(file.data), []
    except ValidationError as error:
        return None, list(_explain(error, file, (), model))


def _list_file_shape(file: LoadedFile, key: str) -> Iterator[Problem]:
    """A file such as people.yaml holds one field, ``people:``, with a list; name each way it does not."""
    data = file.data
    if not isinstance(data, dict):
        yield file.problem((), _describe(data), f'a single field "{key}:" holding a list')
        return
    for name in data:
        if name != key:
            found = f'an unknown field "{name}"'
            yield file.problem((name,), found, f'only the field "{key}:" holding a list', key=True)
    if key not in data:
        yield file.problem((key,), f'no "{key}" field', f'a "{key}:" field holding a list', at=())
    elif not isinstance(data[key], tuple):
        yield file.problem((key,), _describe(data[key]), "a list")


def _explain(
    error: ValidationError, file: LoadedFile, prefix: FieldPath, model: type[BaseModel]
) -> Iterator[Problem]:
    for detail in error.errors(include_url=False):
        loc: FieldPath = (*prefix, *detail["loc"])
        kind, value = detail["type"], detail.get("input")
        if kind == "too_short" and len(value) >= detail["ctx"]["min_length"]:
            continue  # items were given but failed: their own problems say why
        if kind == "missing":
            field = _fields_around(model, detail["loc"]).get(str(loc[-1]))
            # A missing field has no position of its own: point at the mapping that lacks it.
            yield file.problem(loc, f'no "{loc[-1]}" field', _field_expectation(field, loc[-1]), at=loc[:-1])
        elif kind == "extra_forbidden":
            allowed = list(_fields_around(model, detail["loc"]))
            yield file.problem(loc, f'an unknown field "{loc[-1]}"', _one_of(str(loc[-1]), allowed), key=True)
        else:
            yield file.problem(loc, _describe(value), _expectation(kind, detail, model))


def _expectation(kind: str, detail: Any, model: type[BaseModel]) -> str:
    value = detail.get("input")
    if kind == "string_type":
        if isinstance(value, bool | int | float | dt.date):
            return f'text in quotes ("{_yaml_spelling(value)}")'
        return "text"
    if kind == "string_pattern_mismatch" and detail["ctx"]["pattern"] == LANGUAGE_PATTERN:
        return LANGUAGE_TAG_EXPECTED
    if kind == "enum":
        allowed = [
            option.strip("'") for option in detail["ctx"]["expected"].replace(" or ", ", ").split(", ")
        ]
        return _one_of(str(value), allowed)
    return {
        "int_type": "a whole number",
        "tuple_type": "a list",
        "list_type": "a list",
        "model_type": "a mapping of fields",
        "model_attributes_type": "a mapping of fields",
        "dict_type": "a mapping of fields",
        "string_too_short": "text that is not empty",
        "string_too_long": "shorter text (at most 20,000 characters)",
        "too_short": "at least one item",
        "greater_than_equal": "a whole number from 1 up",
        "string_pattern_mismatch": "an id of lowercase letters, digits and hyphens, such as kelly-mexico-city",
    }.get(kind, str(detail["msg"]))


def _yaml_spelling(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {_yaml_spelling(value)}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        return "empty text" if not value else f'"{shortened(value, 60)}"'
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of fields"
    return type(value).__name__


def _one_of(found: str, allowed: Sequence[str]) -> str:
    return f"one of {', '.join(allowed)}{_did_you_mean(found, allowed)}"


def _did_you_mean(found: str, options: Iterable[str]) -> str:
    """`` (did you mean "x"?)`` naming the closest of ``options``, or nothing when none is close."""
    guess = difflib.get_close_matches(found, sorted(options), n=1, cutoff=0.6)
    return f' (did you mean "{guess[0]}"?)' if guess else ""


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _nested_model(arg)
        if found is not None:
            return found
    return None


def _by_alias(model: type[BaseModel]) -> dict[str, Any]:
    return {field.alias or name: field for name, field in model.model_fields.items()}


def _fields_around(model: type[BaseModel], loc: Sequence[str | int]) -> dict[str, Any]:
    """The fields, by their names as written, of the mapping inside ``model`` that holds the field at ``loc``."""
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = _by_alias(model).get(part)
        inner = _nested_model(field.annotation if field else None)
        if inner is None:
            break
        model = inner
    return _by_alias(model)


def _field_expectation(field: Any, name: str | int) -> str:
    description = (field.description or "").rstrip(".") if field else ""
    return (
        f'a "{name}:" field ({description[0].lower() + description[1:]})'
        if description
        else f'a "{name}:" field'
    )


# --- checks across files ----------------------------------------------------------------------------------


def _known_ids(
    loaded: LoadedData, events: Iterable[tuple[str | None, frozenset[str]]]
) -> dict[str, frozenset[str] | None]:
    """Ids written in the data, valid or not, by kind, so a broken entry is not reported again at every
    reference. ``events``: each event file's :func:`_written_ids`.

    None where a file could not be read, or holds no list: references to it cannot be checked (the file's own
    problem is reported instead of one "not defined" per reference). The event ids are read from the event
    files, and the names of those that could not be read.
    """

    def ids(file: LoadedFile | None, key: str) -> frozenset[str] | None:
        items = file.data.get(key) if file and isinstance(file.data, dict) else None
        return _ids_in(items) if isinstance(items, tuple) else None

    written = list(events)
    event_ids = {event_id for event_id, _ in written if event_id is not None}
    # An event's id is its file's name: a file that could not be read still says which event it holds.
    event_ids |= {PurePosixPath(path).stem for path in loaded.unreadable_events}
    return {
        "person": ids(loaded.people, "people"),
        "source": ids(loaded.sources, "sources"),
        "topic": ids(loaded.topics, "topics"),
        "quote": None if loaded.unreadable_events else frozenset().union(*(quotes for _, quotes in written)),
        "event": frozenset(event_ids),
    }


def _written_ids(file: LoadedFile) -> tuple[str | None, frozenset[str]]:
    """The id an event file writes for its event (None without one in text), and those of its quotes."""
    if not isinstance(file.data, dict):
        return None, frozenset()
    event_id = file.data.get("id")
    return (event_id if isinstance(event_id, str) else None), _ids_in(file.data.get("quotes"))


def written_quote_ids(loaded: LoadedData) -> frozenset[str] | None:
    """The quote ids written in the events, valid data or not; None when an event file could not be read."""
    return _known_ids(loaded, map(_written_ids, loaded.events))["quote"]


def written_days(loaded: LoadedData) -> list[str] | None:
    """The valid dates written in the events, in order (ISO, at their precision), valid data or not.

    None when an event file could not be read.
    """
    if loaded.unreadable_events:
        return None
    dates: set[PartialDate] = set()
    for file in loaded.events:
        value = file.data.get("date") if isinstance(file.data, dict) else None
        if value is not None:
            with contextlib.suppress(ValidationError):
                dates.add(_DATE.validate_python(value))
    return [date.iso() for date in sorted(dates)]


_DATE: TypeAdapter[PartialDate] = TypeAdapter(DateValue)


def _ids_in(items: object) -> frozenset[str]:
    if not isinstance(items, tuple):
        return frozenset()
    return frozenset(
        item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)
    )


def _check_ids(records: _Records) -> Iterator[Problem]:
    """Each kind's ids are unique across all its files."""
    events = records.events
    quote_ids = [quote.id for _, event in events for quote in event.quotes]
    # Where each item is matters only when an id is repeated: the usual case is found from the ids alone, and
    # the quotes, the most numerous, are not even listed with their places.
    quotes = (
        []
        if len(set(quote_ids)) == len(quote_ids)
        else [
            (file, ("quotes", index), quote)
            for file, event in events
            for index, quote in enumerate(event.quotes)
        ]
    )
    groups: list[Sequence[tuple[LoadedFile, FieldPath, Any]]] = [
        records.people,
        records.sources,
        records.topics,
        [(file, (), event) for file, event in events],
        quotes,
        records.corrections,
    ]
    for group in groups:
        if len({item.id for _, _, item in group}) == len(group):
            continue
        first: dict[str, tuple[LoadedFile, FieldPath]] = {}
        for file, path, item in group:
            where = (*path, "id")
            if item.id in first:
                other_file, other_path = first[item.id]
                at = other_file.position((*other_path, "id"))
                found = f'the id "{item.id}" again (first at {other_file.path}:{at.line}:{at.column})'
                yield file.problem(where, found, "an id used only once")
            else:
                first[item.id] = (file, path)


# Where files refer to ids defined elsewhere: a path ("*" = each item of a list) and the kind of id. The
# editor at /admin/ offers these fields as lists to pick from (generator/admin/fields.py).
SETTINGS_REFERENCES: tuple[tuple[tuple[str, ...], str], ...] = ((("speakers", "*"), "person"),)
EVENT_REFERENCES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("participants", "*"), "person"),
    (("sources", "*"), "source"),
    (("quotes", "*", "speaker"), "person"),
    (("quotes", "*", "topics", "*", "topic"), "topic"),
    (("quotes", "*", "citations", "*", "source"), "source"),
    (("quotes", "*", "relations", "*", "quote"), "quote"),
)
CORRECTION_REFERENCES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("corrections", "*", "quotes", "*"), "quote"),
    (("corrections", "*", "events", "*"), "event"),
    (("corrections", "*", "sources", "*"), "source"),
)


@dataclass(frozen=True)
class _References:
    """The ids a file refers to, as written (an entry with other problems too): each kind's, to check them
    against the ids known at once; where each reference is, only when one is not known."""

    file: LoadedFile | None
    patterns: tuple[tuple[tuple[str, ...], str], ...]
    by_kind: Mapping[str, frozenset[str]]

    @classmethod
    def find(cls, file: LoadedFile | None, patterns: tuple[tuple[tuple[str, ...], str], ...]) -> _References:
        by_kind: dict[str, set[str]] = {}
        if file is not None:
            for pattern, kind in patterns:
                by_kind.setdefault(kind, set()).update(value for _, value in _strings_at(file.data, pattern))
        return cls(file, patterns, {kind: frozenset(values) for kind, values in by_kind.items()})

    def unknown(self, ids: Mapping[str, frozenset[str] | None]) -> list[Problem]:
        """A problem for each reference, in file order by pattern, to an id not among ``ids`` of its kind;
        none to a kind whose ids are None (that file could not be read, or holds no list: its own problem
        says so)."""
        for kind, values in self.by_kind.items():  # a plain loop: it runs for every file on every save
            known = ids[kind]
            if known is not None and not values <= known:
                return list(self._placed(ids))
        return []

    def _placed(self, ids: Mapping[str, frozenset[str] | None]) -> Iterator[Problem]:
        assert self.file is not None  # a file that was not read refers to nothing
        for pattern, kind in self.patterns:
            known_ids = ids[kind]
            if known_ids is None:
                continue
            for path, value in _strings_at(self.file.data, pattern):
                if value not in known_ids:
                    yield _unknown_reference(self.file, path, kind, value, known_ids)


def _strings_at(data: Any, pattern: Sequence[str]) -> list[tuple[FieldPath, str]]:
    return [(path, value) for path, value in values_at(data, pattern) if isinstance(value, str)]


def _unknown_reference(
    file: LoadedFile, path: FieldPath, kind: str, value: str, known: frozenset[str]
) -> Problem:
    found = f'the {kind} id "{value}", which is not defined'
    return file.problem(path, found, _EXPECTED_ID[kind] + _did_you_mean(value, known))


# The lists of ids in which each id may be given once (the name of the list, the kind of id).
_SETTINGS_LISTS = (("speakers", "person"),)
_EVENT_LISTS = (("participants", "person"), ("sources", "source"))


def _repeats(file: LoadedFile | None, lists: Sequence[tuple[str, str]]) -> tuple[Problem, ...]:
    """An id listed twice in one of ``file``'s ``lists``."""
    if file is None:
        return ()
    found = []
    for name, kind in lists:
        seen: set[str] = set()
        for path, value in _strings_at(file.data, (name, "*")):
            if value in seen:
                found.append(
                    file.problem(path, f'the {kind} id "{value}" a second time', "each id once in this list")
                )
            seen.add(value)
    return tuple(found)


# --- each event file on its own ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _EventFile:
    """What an event file shows without the other files: the template's placeholders left in it; the event in
    each language, as the model reads it (None when it has problems), with the model's problems; the main
    language's event checked against itself (file name, citations, relations); and, for the checks across
    files, what it holds as written: the ids it defines and those it refers to, its ids listed twice, and its
    texts given in several languages."""

    file: LoadedFile
    languages: tuple[str, ...]
    placeholders: tuple[Problem, ...]
    in_language: Mapping[str, tuple[Event | None, tuple[Problem, ...]]]
    own: tuple[Problem, ...]
    written_id: str | None
    written_quote_ids: frozenset[str]
    references: _References
    repeats: tuple[Problem, ...]
    texts: TextsByLanguage

    @classmethod
    def check(cls, file: LoadedFile, languages: tuple[str, ...]) -> _EventFile:
        in_each: dict[str, tuple[Event | None, tuple[Problem, ...]]] = {}
        for language in languages:
            event, problems = validate_file(in_language(file, Event, language, languages), Event)
            in_each[language] = (event, tuple(problems))
        main = in_each[languages[0]][0]
        own = () if main is None else tuple(_check_event(file, main, languages[0]))
        return cls(
            file,
            languages,
            tuple(placeholder_problems(file)),
            in_each,
            own,
            *_written_ids(file),
            _References.find(file, EVENT_REFERENCES),
            _repeats(file, _EVENT_LISTS),
            texts_by_language(file, Event),
        )

    @cached_property
    def translations(self) -> tuple[Translation, ...]:
        """Its texts in the other languages (:func:`generator.languages.translations`): of a valid file."""
        return translations(self.file, Event, self.texts, self.languages)


@dataclass(frozen=True)
class _Lists(Generic[M]):
    """A kind of file that holds one list: its field, the model of the file and that of each item."""

    key: str
    file_model: type[BaseModel]
    model: type[M]


_PEOPLE = _Lists("people", PeopleFile, Person)
_SOURCES = _Lists("sources", SourcesFile, Source)
_TOPICS = _Lists("topics", TopicsFile, Topic)
_CORRECTIONS = _Lists("corrections", CorrectionsFile, Correction)


@dataclass(frozen=True)
class _ListFile(Generic[M]):
    """A file of one list (people.yaml…) read in one language: its valid items, and the problems of the
    others (each item is validated on its own, so one bad entry does not hide the others)."""

    file: LoadedFile
    languages: tuple[str, ...]
    items: tuple[tuple[LoadedFile, FieldPath, M], ...]
    problems: tuple[Problem, ...]

    @classmethod
    def read(
        cls, file: LoadedFile, lists: _Lists[M], language: str, languages: tuple[str, ...]
    ) -> _ListFile[M]:
        in_one = in_language(file, lists.file_model, language, languages)
        problems = list(_list_file_shape(in_one, lists.key))
        written = in_one.data.get(lists.key) if isinstance(in_one.data, dict) else None
        items = []
        for index, item in enumerate(written if isinstance(written, tuple) else ()):
            path: FieldPath = (lists.key, index)
            try:
                items.append((in_one, path, lists.model.model_validate(item)))
            except ValidationError as error:
                problems += _explain(error, in_one, path, lists.model)
        return cls(file, languages, tuple(items), tuple(problems))


class CheckedFiles:
    """The data files as last validated, for the live preview (kept on the MkDocs plugin, with
    :class:`generator.load.ParsedFiles`, which gives an unchanged file as the same object): each event file
    checked on its own (:class:`_EventFile`), checked again only when it changed, and the files of lists
    (people.yaml…) as last read in each language (:class:`_ListFile`), read again only when they changed. The
    checks across files run on every validation, on what each file holds as noted when it was checked.
    Validation without one checks every file."""

    def __init__(self) -> None:
        self._checked: dict[str, _EventFile] = {}
        self._lists: dict[tuple[str, str], _ListFile[Any]] = {}

    def check(self, files: Iterable[LoadedFile], languages: tuple[str, ...]) -> list[_EventFile]:
        """Each of ``files`` checked on its own in ``languages``, in their order; only these are kept."""
        checked = []
        for file in files:
            kept = self._checked.get(file.path)
            if kept is None or kept.file is not file or kept.languages != languages:
                kept = _EventFile.check(file, languages)
            checked.append(kept)
        self._checked = {event_file.file.path: event_file for event_file in checked}
        return checked

    def list_file(
        self, file: LoadedFile, lists: _Lists[M], language: str, languages: tuple[str, ...]
    ) -> _ListFile[M]:
        """``file``, of ``lists``, read in ``language`` (:class:`_ListFile`): kept while it is read as the
        same object in the same languages."""
        kept = self._lists.get((lists.key, language))
        if kept is None or kept.file is not file or kept.languages != languages:
            kept = _ListFile.read(file, lists, language, languages)
            self._lists[(lists.key, language)] = kept
        return kept


def _check_event(file: LoadedFile, event: Event, language: str) -> Iterator[Problem]:
    stem = PurePosixPath(file.path).stem
    if stem != event.id:
        found = f'the id "{event.id}" in a file named {PurePosixPath(file.path).name}'
        yield file.problem(("id",), found, f'the file to be named {event.id}.yaml, or the id "{stem}"')
    for index, quote in enumerate(event.quotes):
        yield from _check_quote(file, ("quotes", index), quote, event.sources, quote.language or language)


def _check_quote(
    file: LoadedFile, at: FieldPath, quote: Quote, sources: tuple[str, ...], language: str
) -> Iterator[Problem]:
    """``language``: the quote's text's."""
    seen: set[str] = set()
    for index, citation in enumerate(quote.citations):
        where = (*at, "citations", index)
        if citation.source in seen:
            found = f'a second citation of the source "{citation.source}"'
            yield file.problem((*where, "source"), found, "one citation per source")
        elif citation.source not in sources:
            found = f'the source "{citation.source}", which the event\'s "sources:" does not list'
            expected = f'a source of the event: add "{citation.source}" to its "sources:"'
            yield file.problem((*where, "source"), found, expected)
        seen.add(citation.source)
        yield from _check_translation(file, where, citation)
        if not citation.holds_text(language):
            continue  # words in another language, or those we translated the text from
        if not prints(citation.as_printed, quote.text):
            found = "words without the quote's text" + _closest(citation.as_printed, quote.text)
            expected = f'the quote\'s text "{shortened(quote.text, 60)}" in them, {_QUOTED_WORDS}'
            yield file.problem((*where, "as_printed"), found, expected)
    if not any(citation.holds_text(language) or citation.translated_by_us for citation in quote.citations):
        found = f"text that no citation prints in the quote's language ({language})"
        yield file.problem((*at, "text"), found, _TEXT_PRINTED_OR_TRANSLATED)
    for index, relation in enumerate(quote.relations):
        if relation.quote == quote.id:
            found = f'a relation from the quote "{quote.id}" to itself'
            yield file.problem((*at, "relations", index, "quote"), found, "the id of another quote")


_TEXT_PRINTED_OR_TRANSLATED = (
    'a citation whose as_printed holds the text, or "translation: {by: us, from: …}" on the citation whose '
    'words the text translates (a quote in another language says so in its "language:")'
)


def _check_translation(file: LoadedFile, where: FieldPath, citation: Citation) -> Iterator[Problem]:
    """The original words of a translation: only where a source printed the translation, and not the same."""
    translation = citation.translation
    if translation is None or translation.original is None:
        return
    at = (*where, "translation", "original")
    if translation.by is TranslatedBy.US:
        expected = 'no "original:" with a translation by us: as_printed holds the words we translated'
        yield file.problem(at, "original words with a translation by us", expected)
    elif prints(translation.original, citation.as_printed) and prints(
        citation.as_printed, translation.original
    ):
        found = "the same words as the translation in as_printed"
        language = translation.original_language
        expected = f'the words as spoken, in the language translated from ({language}), or no "original:"'
        yield file.problem(at, found, expected)


# What prints() allows, as an editor reads it.
_QUOTED_WORDS = (
    "exactly or but for quote marks, dashes, spacing, the case of its first letter, "
    "and punctuation at its ends that this citation leaves out"
)


def _closest(printing: str, words: str) -> str:
    """``: the closest passage, "…", has "x" where the text has "y", after "…"``, or that none is close."""
    difference = first_difference(printing, words)
    if difference is None:
        return ", nor a passage like it"
    passage = f': the closest passage, "{shortened(difference.passage, 60)}",'
    mine, theirs = difference.in_words, difference.in_passage
    if mine is None and theirs is None:  # the same but for what QUOTED_WORDS allows: the edges differ
        return passage + " is the text but for the punctuation around it"
    if theirs is None:
        what = f" ends where the text goes on with {character(str(mine))}"
    elif mine is None:
        what = f" goes on with {character(theirs)} where the text ends"
    else:
        what = f" has {character(theirs)} where the text has {character(mine)}"
    before = difference.before[-20:]
    after = f', after "{"…" if len(difference.before) > 20 else ""}{before}"' if before else ", at its start"
    return passage + what + after


def _check_roles(people: list[tuple[LoadedFile, FieldPath, Person]]) -> Iterator[Problem]:
    for file, path, person in people:
        for index, role in enumerate(person.roles):
            if role.end is not None and role.end.end < role.start.start:
                found = f"an end ({role.end}) before the start ({role.start})"
                yield file.problem(
                    (*path, "roles", index, "to"), found, "a date on or after the role's start"
                )


def _check_updated(file: LoadedFile | None, settings: Settings | None) -> Iterator[Problem]:
    """The explainer cannot have been updated before it was published."""
    if file is None or settings is None or settings.published is None or settings.updated is None:
        return
    if settings.updated.end < settings.published.start:
        found = f"an update ({settings.updated}) before the publication ({settings.published})"
        yield file.problem(("updated",), found, "a date on or after the published date")


def _check_corrections(corrections: list[tuple[LoadedFile, FieldPath, Correction]]) -> Iterator[Problem]:
    """Each correction names at least one item (that each exists: see _References.unknown)."""
    for file, path, correction in corrections:
        if not (correction.quotes or correction.events or correction.sources):
            yield file.problem(path, "a correction that names no item", _CORRECTED_ITEMS)


_CORRECTED_ITEMS = 'at least one id under "quotes:", "events:" or "sources:" (the items corrected)'
