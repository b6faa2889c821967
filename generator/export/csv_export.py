"""The quotes, events and citations as CSV tables: one row per record, lists joined with ``;``.

Each table's columns are the fields of a frozen model (every value a string, empty where the data has
none), which also gives the table's JSON Schema and reads rows back.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field

from generator.dataset import Dataset, Statement
from generator.export.address import SiteAddress
from generator.model import Citation, Quote
from generator.quote_translations import printed_language, text_language
from generator.sitemap import event_location, quote_location

LIST_SEPARATOR = ";"


class Row(BaseModel):
    """A CSV row: all text, nothing missing, nothing extra."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


R = TypeVar("R", bound=Row)


class EventRow(Row):
    id: str = Field(description="The event's id.")
    date: str = Field(description="YYYY-MM-DD, YYYY-MM or YYYY.")
    time: str = Field(description="HH:MM with the UTC offset, as reported; empty if unknown.")
    order: str = Field(description="Position within the day (1 = first); empty if not given.")
    title: str = Field(description="A short headline in our own words.")
    place: str = Field(description="Where it happened; empty if not given.")
    summary: str = Field(description="In our own words: what happened.")
    participants: str = Field(description="Person ids, separated by ;.")
    sources: str = Field(description="Source ids, separated by ;.")
    url: str = Field(description="The event on the published timeline.")


class QuoteRow(Row):
    id: str = Field(description="The quote's id.")
    event: str = Field(description="The id of the event it was said at.")
    date: str = Field(description="The event's date.")
    speaker: str = Field(description="The speaker's person id.")
    speaker_name: str = Field(description="The speaker's name.")
    speaker_role: str = Field(description="The speaker's office on that date; empty if none.")
    text: str = Field(
        description="The words, as they occur in each citation's as_printed in their language, or our translation."
    )
    language: str = Field(
        description="The language of text (BCP 47); whether it is a translation, the citations table says."
    )
    context: str = Field(description="In our own words: the setting; empty if not given.")
    topics: str = Field(description="Topic ids, each optionally with :stance, separated by ;.")
    url: str = Field(description="The quote on the published timeline.")


class CitationRow(Row):
    quote: str = Field(description="The quote's id.")
    source: str = Field(description="The source's id.")
    outlet: str = Field(description="The publication.")
    source_url: str = Field(description="The article's address.")
    as_printed: str = Field(description="The quoted words exactly as this source printed them.")
    language: str = Field(description="The language of as_printed (BCP 47).")
    translated_by: str = Field(
        description="outlet (the source printed its own translation) or us (we translated as_printed); empty "
        "if the source does not say the words are a translation."
    )
    translated_from: str = Field(
        description="The language the words were spoken in; empty if not translated."
    )
    original: str = Field(
        description="The original words of an outlet's translation, where printed; else empty."
    )


def _url(site: SiteAddress | None, location: tuple[str, str]) -> str:
    return site.page(*location) if site else ""


Values = dict[str, str]
"""A row as the table is written: each of its model's fields by name (see :func:`to_csv`)."""


def event_values(data: Dataset, site: SiteAddress | None) -> list[Values]:
    return [
        {
            "id": event.id,
            "date": event.date.iso(),
            "time": event.time.iso() if event.time else "",
            "order": str(event.order) if event.order is not None else "",
            "title": event.title,
            "place": event.place or "",
            "summary": event.summary,
            "participants": LIST_SEPARATOR.join(event.participants),
            "sources": LIST_SEPARATOR.join(event.sources),
            "url": _url(site, event_location(event)),
        }
        for event in data.events
    ]


def quote_values(data: Dataset, site: SiteAddress | None) -> list[Values]:
    def values(statement: Statement) -> Values:
        quote = statement.quote
        speaker = data.person_by_id[quote.speaker]
        role = speaker.role_on(statement.date)
        return {
            "id": quote.id,
            "event": statement.event.id,
            "date": statement.date.iso(),
            "speaker": quote.speaker,
            "speaker_name": speaker.name,
            "speaker_role": role.title if role else "",
            "text": quote.text,
            "language": text_language(data, quote),
            "context": quote.context or "",
            "topics": LIST_SEPARATOR.join(
                [f"{t.topic}:{t.stance.value}" if t.stance else t.topic for t in quote.topics]
            ),
            "url": _url(site, quote_location(statement)),
        }

    return [values(statement) for statement in data.statements]


def citation_values(data: Dataset) -> list[Values]:
    def values(quote: Quote, citation: Citation) -> Values:
        translation = citation.translation
        return {
            "quote": quote.id,
            "source": citation.source,
            "outlet": data.source_by_id[citation.source].outlet,
            "source_url": data.source_by_id[citation.source].url,
            "as_printed": citation.as_printed,
            "language": printed_language(data, quote, citation),
            "translated_by": translation.by.value if translation else "",
            "translated_from": translation.original_language if translation else "",
            "original": (translation.original or "") if translation else "",
        }

    return [
        values(statement.quote, citation)
        for statement in data.statements
        for citation in statement.quote.citations
    ]


def to_csv(model: type[Row], rows: Iterable[Mapping[str, str]]) -> str:
    """A CSV table of ``model``'s columns, with a header row and ``\\n`` line ends; every value quoted, so any
    text reads back (:func:`read_csv`).

    Rows are plain mappings (the ``*_values`` functions) rather than a validated model per row built only to
    be read back, for the same bytes. A mapping missing a column raises KeyError; the tests read the tables
    back into the models (``extra="forbid"``).
    """
    fields = list(model.model_fields)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(fields)
    writer.writerows([_as_text(row[name]) for name in fields] for row in rows)
    return buffer.getvalue()


# What a spreadsheet runs as a formula when a cell begins with it (OWASP, "CSV Injection"), and the quote
# that marks a cell as text, which is doubled where the data begins with it so that every cell reads back.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def _as_text(value: str) -> str:
    """``value`` with a ``'`` in front if a spreadsheet would otherwise run it as a formula."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def read_csv(model: type[R], text: str) -> list[R]:
    """Rows read back from :func:`to_csv` output; raises ValueError if the header is not the model's."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames != list(model.model_fields):
        raise ValueError(f"columns {reader.fieldnames}; expected {list(model.model_fields)}")
    return [
        model.model_validate({name: value.removeprefix("'") for name, value in row.items()}) for row in reader
    ]
