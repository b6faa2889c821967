"""The export format: one normalised document with every record, as typed, frozen models.

Nested YAML (quotes inside events, citations and relations inside quotes) becomes flat lists that refer to
each other by id, the shape a researcher loads into a data frame or a database. The models give both the
JSON Schema published beside the data and the validation used when the document is read back.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any, Final, Literal

from pydantic import Field, Strict

from generator.dataset import Dataset, grouped
from generator.model import (
    Citation,
    Correction,
    DateValue,
    Event,
    Id,
    Language,
    Person,
    Quote,
    QuoteTranslation,
    Record,
    Relation,
    RelationType,
    Settings,
    Source,
    Text,
    TimeValue,
    Topic,
    TopicLink,
    Translation,
)

FORMAT: Final = "explainer-data/1"


class EventRecord(Record):
    """An event without its quotes (they are in ``quotes``, pointing back with ``event``)."""

    id: Id
    date: DateValue
    time: TimeValue | None
    order: int | None = Field(ge=1)
    title: Text
    place: Text | None
    summary: Text
    participants: tuple[Id, ...] = Field(description="Person ids.")
    sources: tuple[Id, ...] = Field(description="Source ids.")


class QuoteRecord(Record):
    """A quote, with the event it was said at; its citations and relations are in their own lists."""

    id: Id
    event: Id = Field(description="The id of the event the quote was said at.")
    speaker: Id = Field(description="A person id.")
    text: Text = Field(
        description="The words shown; they occur in each as_printed in their language, or are our translation."
    )
    language: Language | None = Field(description="The language of text; null: the explainer's language.")
    context: Text | None
    topics: tuple[TopicLink, ...]


class CitationRecord(Record):
    """One source's printing of a quote, exactly as printed."""

    quote: Id
    source: Id
    as_printed: Text
    prefix: Text | None = Field(None, description="Text just before the words in the source, if recorded.")
    suffix: Text | None = Field(None, description="Text just after the words in the source, if recorded.")
    language: Language | None = Field(
        None,
        description="The language of as_printed; null: the quote's (or, translated by us, the one translated from).",
    )
    translation: QuoteTranslation | None = Field(
        None, description="Where the words are a translation: by whom (outlet or us), from which language."
    )


class RelationRecord(Record):
    """``quote`` <type> ``other``: e.g. Spicer's remark clarifies Trump's."""

    quote: Id
    type: Annotated[RelationType, Strict(False)]
    other: Id
    note: Text


class Document(Record):
    """The whole explainer's data. Lists keep the data's order; events and quotes are chronological."""

    format: Literal["explainer-data/1"] = Field(description="The version of this format.")
    explainer: Settings
    people: tuple[Person, ...]
    sources: tuple[Source, ...]
    topics: tuple[Topic, ...]
    events: tuple[EventRecord, ...]
    quotes: tuple[QuoteRecord, ...]
    citations: tuple[CitationRecord, ...]
    relations: tuple[RelationRecord, ...]
    corrections: tuple[Correction, ...] = Field(description="Published corrections, in the data's order.")
    translations: tuple[Translation, ...] = Field(
        (),
        description="The texts in our own words in the explainer's other languages (explainer.languages), "
        "each naming its record and field; the records hold the main language's.",
    )


class _Nested(Record):
    """The dataset as it is nested, made into JSON values in one call (see :func:`document_values`)."""

    explainer: Settings
    people: tuple[Person, ...]
    sources: tuple[Source, ...]
    topics: tuple[Topic, ...]
    events: tuple[Event, ...]
    corrections: tuple[Correction, ...]


def _pick(fields: Iterable[str], values: dict[str, Any]) -> dict[str, Any]:
    return {name: values[name] for name in fields}


_EVENT_FIELDS: Final = tuple(EventRecord.model_fields)
_QUOTE_FIELDS: Final = tuple(QuoteRecord.model_fields)
_CITATION_FIELDS: Final = tuple(CitationRecord.model_fields)
_RELATION_FIELDS: Final = tuple(RelationRecord.model_fields)


def document_values(data: Dataset) -> dict[str, Any]:
    """The normalised document for a validated dataset, as the JSON values of a :class:`Document`.

    Pydantic turns the nested data into JSON values in one call, and the quotes, citations and relations are
    lifted out of their events as plain dicts, each keeping exactly its record's fields, rather than built as
    a record model each only to be dumped again; reading the document back validates it (:class:`Document`).
    """
    nested = _Nested.model_construct(
        explainer=data.settings,
        people=data.people,
        sources=data.sources,
        topics=data.topics,
        events=data.events,
        corrections=data.corrections,
    ).model_dump(mode="json", by_alias=True)
    events: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    citations: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    for event in nested.pop("events"):
        events.append(_pick(_EVENT_FIELDS, event))
        for quote in event["quotes"]:
            quote_id = quote["id"]
            quotes.append(_pick(_QUOTE_FIELDS, {**quote, "event": event["id"]}))
            citations += (
                _pick(_CITATION_FIELDS, {**citation, "quote": quote_id}) for citation in quote["citations"]
            )
            relations += (
                _pick(_RELATION_FIELDS, {**relation, "quote": quote_id, "other": relation["quote"]})
                for relation in quote["relations"]
            )
    return {
        "format": FORMAT,
        **nested,
        "events": events,
        "quotes": quotes,
        "citations": citations,
        "relations": relations,
        "translations": [translation.model_dump(mode="json") for translation in data.translations],
    }


def _shared(record: Record, model: type[Record]) -> dict[str, Any]:
    """The values of ``record``'s fields that ``model`` has too, as they are (not dumped)."""
    return {name: value for name, value in record if name in model.model_fields}


def _quote(
    record: QuoteRecord,
    citations: dict[str, tuple[CitationRecord, ...]],
    relations: dict[str, tuple[RelationRecord, ...]],
) -> Quote:
    return Quote.model_construct(
        **_shared(record, Quote),
        citations=tuple(
            Citation.model_construct(**_shared(c, Citation)) for c in citations.get(record.id, ())
        ),
        # A relation record's quote is the one it is from; the quote it points at is its other.
        relations=tuple(
            Relation.model_construct(type=r.type, quote=r.other, note=r.note)
            for r in relations.get(record.id, ())
        ),
    )


def dangling_references(document: Document) -> list[str]:
    """Quotes, citations and relations that point at a record the document does not have."""
    events = {event.id for event in document.events}
    quotes = {quote.id for quote in document.quotes}
    found = [
        f"quotes: {q.id} is at unknown event {q.event}" for q in document.quotes if q.event not in events
    ]
    found += [f"citations: unknown quote {c.quote}" for c in document.citations if c.quote not in quotes]
    found += [f"relations: unknown quote {r.quote}" for r in document.relations if r.quote not in quotes]
    return found


def to_dataset(document: Document) -> Dataset:
    """The dataset a (validated) document describes: the inverse of :func:`document_values`.

    Raises ValueError if a record points at one the document does not have (it would be lost otherwise).
    """
    dangling = dangling_references(document)
    if dangling:
        raise ValueError("; ".join(dangling))
    citations = grouped((citation.quote, citation) for citation in document.citations)
    relations = grouped((relation.quote, relation) for relation in document.relations)
    quotes = grouped((record.event, _quote(record, citations, relations)) for record in document.quotes)
    events = tuple(
        Event.model_construct(**_shared(record, Event), quotes=quotes.get(record.id, ()))
        for record in document.events
    )
    return Dataset(
        document.explainer,
        document.people,
        document.sources,
        document.topics,
        events,
        document.corrections,
        document.translations,
    )
