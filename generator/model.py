"""The data model: typed, frozen records for each kind of thing an explainer is made of.

These classes validate each file's structure (and give the JSON Schema editors use); ``validate`` adds the
checks that span files, such as references and unique ids.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    Strict,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from generator.dates import LAST_YEAR, PartialDate, TimeOfDay
from generator.language_tags import language_tag_problem
from generator.urls import check_external_url

_Parsed = TypeVar("_Parsed")

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$"


# What XML (the feed) and HTML cannot carry: Unicode's control characters (category Cc) other than tab and
# line feed, surrogates, and the noncharacters (U+FDD0 to U+FDEF, and the last two code points of each plane).
_UNFIT_CHARACTER = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000))
    + "]"
)


def _fit_text(text: str) -> str:
    # Each unfit character is unprintable; isprintable() is far cheaper than the regex, which most text skips.
    found = None if text.isprintable() else _UNFIT_CHARACTER.search(text)
    if found:
        where = f"found U+{ord(found[0]):04X} at character {found.start() + 1}"
        expected = f"text without control characters or noncharacters ({where})"
        raise PydanticCustomError("unfit_character", expected, {})
    if not text.strip():
        raise PydanticCustomError("blank_text", "text that is not only spaces", {})
    return text


def _https_url(url: str) -> str:
    problem = check_external_url(url)
    if problem:
        raise PydanticCustomError("unsafe_url", problem, {})
    return url


def _language_tag(tag: str) -> str:
    problem = language_tag_problem(tag)
    if problem:
        raise PydanticCustomError("language_tag", problem, {})
    return tag


def _partial_date(value: Any) -> PartialDate:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = value.isoformat()  # checked as written, for the years a build can hold
    elif isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return _parsed(PartialDate.parse, value, "partial_date", "a date written YYYY-MM-DD, YYYY-MM or YYYY")


def _time_of_day(value: Any) -> TimeOfDay:
    return _parsed(TimeOfDay.parse, value, "time_of_day", 'a time in quotes, such as "15:10-06:00"')


def _parsed(parse: Callable[[str], _Parsed], value: object, kind: str, expected: str) -> _Parsed:
    """``value`` read by ``parse``; a validation error of ``kind`` saying ``expected`` if it is not a string,
    or what ``parse`` found wrong."""
    if not isinstance(value, str):
        raise PydanticCustomError(kind, expected, {})
    try:
        return parse(value)
    except ValueError as error:
        raise PydanticCustomError(kind, str(error), {}) from None


_TEXT_SCHEMA = {"type": "string", "minLength": 1, "maxLength": 20_000, "pattern": r"\S"}
Text = Annotated[
    str,
    StringConstraints(min_length=1, max_length=20_000),
    AfterValidator(_fit_text),
    WithJsonSchema(_TEXT_SCHEMA),
]

# A language: a BCP 47 tag as a file name or a YAML key can hold it, such as en, es or es-MX.
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$"
# The pattern is what a form can check; langcodes then checks the tag is registered and in its standard form.
Language = Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN), AfterValidator(_language_tag)]


class OwnWordsMark:
    """Marks a field written in our own words: the file may hold it in several languages side by side
    (``summary: {en: …, es: …}``). :mod:`generator.languages` gives the models each one's text in one
    language, so a validated record holds plain text."""


OWN_WORDS = OwnWordsMark()
OwnWords = Annotated[
    Text,
    OWN_WORDS,
    WithJsonSchema(
        {
            "anyOf": [
                _TEXT_SCHEMA,
                {
                    "type": "object",
                    "description": "The text in each of the explainer's languages, e.g. {en: …, es: …}.",
                    "propertyNames": {"pattern": LANGUAGE_PATTERN},
                    "additionalProperties": _TEXT_SCHEMA,
                    "minProperties": 1,
                },
            ]
        }
    ),
]
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
HttpsUrl = Annotated[
    str,
    AfterValidator(_https_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https://"}),
]
DateValue = Annotated[
    PartialDate,
    PlainValidator(_partial_date),
    PlainSerializer(PartialDate.iso, return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                {"type": "integer", "minimum": 1000, "maximum": LAST_YEAR},
            ],
            "description": "A date: YYYY-MM-DD, YYYY-MM or YYYY.",
        }
    ),
]
TimeValue = Annotated[
    TimeOfDay,
    PlainValidator(_time_of_day),
    PlainSerializer(TimeOfDay.iso, return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$"}),
]


class Record(BaseModel):
    """Base of every record: immutable, strict about types, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True, populate_by_name=False)


class Stance(StrEnum):
    AFFIRMS = "affirms"
    DENIES = "denies"
    QUALIFIES = "qualifies"


class RelationType(StrEnum):
    CONTRADICTS = "contradicts"
    CLARIFIES = "clarifies"
    WALKS_BACK = "walks-back"
    REPEATS = "repeats"


class Role(Record):
    title: OwnWords = Field(description="The office held, e.g. Secretary of Homeland Security.")
    organization: OwnWords | None = Field(None, description="Where the office is held.")
    start: DateValue = Field(alias="from", description="The first day in the role.")
    end: DateValue | None = Field(None, alias="to", description="The last day in the role; omit if current.")

    def covers(self, date: PartialDate) -> bool:
        return self.start.start <= date.start and (self.end is None or date.start <= self.end.end)


class Person(Record):
    id: Id = Field(description="A short id: lowercase letters, digits and hyphens.")
    name: Text = Field(description="The name readers know the person by.")
    roles: tuple[Role, ...] = Field((), description="Offices held, oldest first.")

    def role_on(self, date: PartialDate) -> Role | None:
        """The role held on ``date`` (the latest begun, if several)."""
        held = [role for role in self.roles if role.covers(date)]
        return max(held, key=lambda role: role.start) if held else None


class Source(Record):
    id: Id = Field(description="A short id: lowercase letters, digits and hyphens.")
    outlet: Text = Field(description="The publication, e.g. ABC News.")
    title: Text = Field(description="The headline as published.")
    url: HttpsUrl = Field(description="The article's https address.")
    published: DateValue = Field(description="The date it was published.")
    byline: Text | None = Field(None, description="The authors, as printed.")
    archive_url: HttpsUrl | None = Field(None, description="An archived copy's https address.")
    accessed: DateValue | None = Field(None, description="When we last read it.")


class Topic(Record):
    id: Id = Field(description="A short id: lowercase letters, digits and hyphens.")
    question: OwnWords = Field(description="The question readers ask; a row of the contrast table.")
    summary: OwnWords = Field(description="In our own words: what is at stake in the question.")


class TopicLink(Record):
    topic: Id = Field(description="A topic id from data/topics.yaml.")
    stance: Annotated[Stance, Strict(False)] | None = Field(
        None, description="How the quote answers the question."
    )


class TranslatedBy(StrEnum):
    OUTLET = "outlet"
    US = "us"


class QuoteTranslation(Record):
    by: Annotated[TranslatedBy, Strict(False)] = Field(
        description="outlet: the source printed its own translation (as_printed); us: we translated the words "
        "the source printed (as_printed), and the quote's text is our translation."
    )
    original_language: Language = Field(
        alias="from",
        description="The language the words were spoken in: a BCP 47 tag such as es for Spanish.",
    )
    original: Text | None = Field(
        None,
        description="With by: outlet, the words as spoken, where a source prints them (with by: us, as_printed "
        "is the original).",
    )


class Citation(Record):
    source: Id = Field(description="A source id from data/sources.yaml.")
    as_printed: Text = Field(description="The quoted words exactly as this source printed them.")
    language: Language | None = Field(
        None,
        description="The language of as_printed (BCP 47), if it is not the quote's (with a translation by us: "
        "the language translated from).",
    )
    translation: QuoteTranslation | None = Field(
        None,
        description="Only where the words are a translation: who translated them, from which language, and "
        "the original words where printed. Leave it out when no source says so.",
    )

    def printed_language(self, quote_language: str) -> str:
        """The language of ``as_printed``, for a quote whose text is in ``quote_language``."""
        if self.language is not None:
            return self.language
        if self.translation is not None and self.translation.by is TranslatedBy.US:
            return self.translation.original_language
        return quote_language

    @property
    def translated_by_us(self) -> bool:
        """Whether ``as_printed`` holds the words we translated the quote's text from."""
        return self.translation is not None and self.translation.by is TranslatedBy.US

    def holds_text(self, quote_language: str) -> bool:
        """Whether ``as_printed`` holds the quote's text: it is in the same language, and not the words we
        translated the text from."""
        return not self.translated_by_us and self.printed_language(quote_language) == quote_language

    prefix: Text | None = Field(
        None, description="The text just before the words in the source, to tell apart repeated words."
    )
    suffix: Text | None = Field(
        None, description="The text just after the words in the source, to tell apart repeated words."
    )


class Relation(Record):
    type: Annotated[RelationType, Strict(False)] = Field(
        description="How this quote relates to the other one."
    )
    quote: Id = Field(description="The id of the other quote.")
    note: OwnWords = Field(description="In our own words: how the two relate.")


class Quote(Record):
    id: Id = Field(description="A short id, unique across all events.")
    speaker: Id = Field(description="A person id from data/people.yaml.")
    text: Text = Field(
        description="The words shown; each citation's as_printed in the same language must hold them (quote "
        "marks, dashes, spacing may differ)."
    )
    language: Language | None = Field(
        None,
        description="The language of text (BCP 47), e.g. es for Spanish, if not the explainer's main one.",
    )
    context: OwnWords | None = Field(None, description="In our own words: the setting of the quote.")
    topics: tuple[TopicLink, ...] = Field(min_length=1, description="The questions this quote speaks to.")
    citations: tuple[Citation, ...] = Field(
        min_length=1, description="Every source that printed these words."
    )
    relations: tuple[Relation, ...] = Field((), description="Links to earlier quotes.")


class Event(Record):
    id: Id = Field(description="YYYY-MM-DD-short-title; the file is named after it.")
    date: DateValue = Field(description="The date: YYYY-MM-DD, YYYY-MM or YYYY.")
    time: TimeValue | None = Field(None, description='The time with its UTC offset, e.g. "15:10-06:00".')
    order: int | None = Field(None, ge=1, description="Position within the day (1 = first).")
    title: OwnWords = Field(description="A short headline in our own words.")
    place: OwnWords | None = Field(None, description="Where it happened.")
    summary: OwnWords = Field(description="In our own words: what happened.")
    participants: tuple[Id, ...] = Field((), description="Person ids of those taking part.")
    sources: tuple[Id, ...] = Field(min_length=1, description="Source ids that report the event.")
    quotes: tuple[Quote, ...] = Field((), description="What was said at the event.")

    @property
    def sort_key(self) -> tuple[PartialDate, int, int, int, str]:
        """Chronological: by date, then ``order``, then time (in UTC), then id."""
        order = self.order if self.order is not None else 1_000_000
        timed = self.time.utc_minutes if self.time else 0
        return (self.date, order, 0 if self.time else 1, timed, self.id)


class Correction(Record):
    id: Id = Field(
        description="A short id, e.g. 2026-11-22-kelly-wording; the anchor on the corrections page."
    )
    date: DateValue = Field(description="The day the correction was made.")
    changed: OwnWords = Field(description="What changed, in our own words.")
    reason: OwnWords = Field(description="Why it changed.")
    quotes: tuple[Id, ...] = Field((), description="Ids of the quotes corrected.")
    events: tuple[Id, ...] = Field((), description="Ids of the events corrected.")
    sources: tuple[Id, ...] = Field((), description="Ids of the sources corrected.")


class AuthorKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"


class Author(Record):
    name: Text = Field(description="The name the byline prints.")
    kind: Annotated[AuthorKind, Strict(False)] = Field(
        AuthorKind.PERSON, description="person, or organization for a newsroom or team."
    )
    url: HttpsUrl | None = Field(None, description="An https address about the author.")


class Settings(Record):
    title: OwnWords = Field(description="The explainer's title.")
    summary: OwnWords = Field(description="One line saying what the explainer is about.")
    speakers: tuple[Id, ...] = Field(min_length=1, description="Person ids: the contrast table's columns.")
    authors: tuple[Author, ...] = Field((), description="Who wrote the explainer: the byline.")
    published: DateValue | None = Field(None, description="The day the explainer was first published.")
    updated: DateValue | None = Field(
        None,
        description="The day of the last change readers should know of; omit it to use the newest "
        "correction's date (or the published date).",
    )
    languages: tuple[Language, ...] = Field(
        ("en",),
        min_length=1,
        description="The explainer's languages, the main one first: each text in our own words may be "
        "given in each (summary: {en: …, es: …}); a plain text is in the main language.",
    )

    @property
    def main_language(self) -> str:
        """The first of the languages: that of a plain text, and of a quote's words unless it says."""
        return self.languages[0]


class SiteSettings(Record):
    """A site of several explainers: data/site.yaml, what its front page (the hub) and whole-site feed say."""

    title: OwnWords = Field(description="The site's title, over the list of its explainers.")
    summary: OwnWords = Field(description="One line saying what the site's explainers are about.")
    languages: tuple[Language, ...] = Field(
        ("en",),
        min_length=1,
        description="The site's languages, the main one first, as an explainer's: the title and summary may "
        "be given in each ({en: …, es: …}).",
    )


class Translation(Record):
    """A text in our own words in one of the explainer's languages other than the main one: the record it
    belongs to (its list and id; none for the explainer's own settings) and the field, as the data writes it."""

    language: Language = Field(description="The language of the text, one of the explainer's languages.")
    record: Literal["explainer", "people", "topics", "events", "quotes", "corrections"] = Field(
        description="The list of the record the text belongs to."
    )
    id: Id | None = Field(description="The record's id (none for the explainer's own title and summary).")
    field: str = Field(description="The field within the record, e.g. summary or relations[0].note.")
    text: Text = Field(description="The text in that language.")


class PeopleFile(Record):
    people: tuple[Person, ...]


class SourcesFile(Record):
    sources: tuple[Source, ...]


class TopicsFile(Record):
    topics: tuple[Topic, ...]


class CorrectionsFile(Record):
    corrections: tuple[Correction, ...]
