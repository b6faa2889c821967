"""A validated explainer, with the look-ups that rendering needs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, TypeVar

from generator.dates import PartialDate
from generator.model import (
    Correction,
    Event,
    Person,
    Quote,
    Relation,
    Settings,
    Source,
    Topic,
    Translation,
)

K = TypeVar("K")
T = TypeVar("T")


@dataclass(frozen=True)
class Statement:
    """A quote together with the event it was said at."""

    quote: Quote
    event: Event

    @property
    def date(self) -> PartialDate:
        return self.event.date


@dataclass(frozen=True)
class IncomingRelation:
    """A relation seen from the quote it points at: ``statement`` <type> this quote."""

    statement: Statement
    relation: Relation


@dataclass(frozen=True)
class Dataset:
    """Everything the pages are made from. Events are in chronological order; other lists in file order."""

    settings: Settings
    people: tuple[Person, ...]
    sources: tuple[Source, ...]
    topics: tuple[Topic, ...]
    events: tuple[Event, ...]
    corrections: tuple[Correction, ...] = ()
    translations: tuple[Translation, ...] = ()
    """The texts in the explainer's other languages (the main language's dataset has them; see
    :func:`generator.validate.validate_languages`)."""

    @cached_property
    def person_by_id(self) -> dict[str, Person]:
        return {person.id: person for person in self.people}

    @cached_property
    def source_by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources}

    @cached_property
    def topic_by_id(self) -> dict[str, Topic]:
        return {topic.id: topic for topic in self.topics}

    @cached_property
    def statements(self) -> tuple[Statement, ...]:
        """Every quote in chronological order (within an event, in the order the file lists them)."""
        return tuple(Statement(quote, event) for event in self.events for quote in event.quotes)

    @cached_property
    def statement_by_id(self) -> dict[str, Statement]:
        """Each statement by its quote's id."""
        return {statement.quote.id: statement for statement in self.statements}

    @cached_property
    def statements_by_speaker(self) -> dict[str, tuple[Statement, ...]]:
        return grouped((s.quote.speaker, s) for s in self.statements)

    @cached_property
    def statements_by_topic(self) -> dict[str, tuple[Statement, ...]]:
        return grouped((link.topic, s) for s in self.statements for link in s.quote.topics)

    @cached_property
    def statements_by_source(self) -> dict[str, tuple[Statement, ...]]:
        cited = (
            (s, dict.fromkeys(citation.source for citation in s.quote.citations)) for s in self.statements
        )
        return grouped((source, s) for s, sources in cited for source in sources)

    @cached_property
    def incoming_relations(self) -> dict[str, tuple[IncomingRelation, ...]]:
        return grouped(
            (relation.quote, IncomingRelation(s, relation))
            for s in self.statements
            for relation in s.quote.relations
        )

    @cached_property
    def days(self) -> tuple[tuple[PartialDate, tuple[Event, ...]], ...]:
        """Events grouped by their date, in order."""
        return tuple(grouped((event.date, event) for event in self.events).items())

    @cached_property
    def updated(self) -> PartialDate | None:
        """When the explainer last changed for readers: ``updated`` in explainer.yaml, or else the newest
        correction's date, or else the published date (never the clock: a rebuild changes nothing)."""
        if self.settings.updated is not None:
            return self.settings.updated
        dates = [correction.date for correction in self.corrections]
        if self.settings.published is not None:
            dates.append(self.settings.published)
        return max(dates, default=None)

    def corrections_of(
        self, kind: Literal["quotes", "events", "sources"], item_id: str
    ) -> tuple[Correction, ...]:
        """The corrections that name an item; ``kind`` is "quotes", "events" or "sources"."""
        return tuple(c for c in self.corrections if item_id in getattr(c, kind))


def grouped(pairs: Iterable[tuple[K, T]]) -> dict[K, tuple[T, ...]]:
    """``(key, item)`` pairs as items by key, keys in the order first given, each key's items in order."""
    groups: defaultdict[K, list[T]] = defaultdict(list)
    for key, item in pairs:
        groups[key].append(item)
    return {key: tuple(items) for key, items in groups.items()}
