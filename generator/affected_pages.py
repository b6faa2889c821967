"""Which pages of single items an edit of the data changes: the live preview makes only those again.

Every page of the whole site (the contrast table, the timeline, the lists, the data page…) and every
hand-written page is made on each save; they are few. A page of one item — a quote's, a day's, a person's, a
question's, a day of sources — is made again when it may show something the edit changed: when in doubt, more
pages. Every page is made again (:data:`EVERY_PAGE`) when anything but the events changed
(explainer.yaml, people, sources, questions, corrections, translations), or when an event, a quote or a day
came or went.

What each page shows, as its renderer makes it:

- a quote's page and its figure wherever it is shown: its words, event, speaker, questions, printings, and the
  quotes it relates to and that relate to it (their speaker, words and place): an edited quote changes the
  figures of the quotes on either end of its relations too;
- a day's page: its events and their quotes' figures (its neighbours are dates, which do not change here);
- a person's page: their own quotes, and per question they spoke to the latest few by others
  (:data:`generator.render.people.OTHERS_LIMIT`) with a count of the rest; someone never quoted is described
  by the dates of the events they took part in, or else of every event;
- a question's page: a line for every quote on it (its words, speaker, questions, date and place in the
  order), and the figures of the latest few; a day of sources: every quote citing its sources.

A page of the whole site, a hand-written page or a share image that reads nothing an edit changed is kept from
the last generation as well (:attr:`AffectedPages.unchanged`): what each reads of the events is named in
:data:`Facet`, and compared before and after on the events that changed. A hand-written page is kept when
every embed on it is (:func:`hand_written_unchanged`); a quote's share image when the quote's page is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from generator.dataset import Dataset, Statement
from generator.dates import PartialDate
from generator.model import Event
from generator.render.contrast import latest_by_speaker
from generator.render.embeds import QUOTE_KINDS
from generator.render.lists import latest
from generator.render.people import OTHERS_LIMIT
from generator.render.timeline_svg import WHOLE_PICTURE_MAX_EVENTS
from generator.render.topics import QUESTION_FIGURES_LIMIT

Facet = Literal["no_event", "titles", "speakers", "stances", "contrast"]
"""What a page of the whole site reads of the events (each facet also of every other part of the data but the
events, unchanged whenever an edit affects fewer than :data:`EVERY_PAGE`):

- ``no_event``: nothing (the list of sources, the byline);
- ``titles``: each event's place in the order of events, and its title (the timeline's first page, on a site
  too large for its picture of every event);
- ``speakers``: each quote's place in the order of quotes, and its speaker; each event's date and participants
  (the list of people, the site's share image);
- ``stances``: each quote's place, its speaker and its questions with their stances (the questions at a
  glance);
- ``contrast``: with ``stances``, the quotes the contrast table shows, each cell's latest few
  (:data:`generator.render.contrast.CELL_LIMIT`).
"""


@dataclass(frozen=True)
class AffectedPages:
    """The pages of single items to make, by item: quotes, people and questions by id, the timeline's days
    and the days of sources by date; None (the default): every page of that kind. ``exports``: whether to make
    the data exports too (every edit changes them; the live preview makes them on full generations only).
    ``unchanged``: what the pages of the whole site read that the edit left as it was (:data:`Facet`); a page
    reading only that is not made again."""

    quotes: frozenset[str] | None = None
    days: frozenset[PartialDate] | None = None
    people: frozenset[str] | None = None
    topics: frozenset[str] | None = None
    source_days: frozenset[PartialDate] | None = None
    exports: bool = True
    unchanged: frozenset[Facet] = frozenset()

    def count(self) -> int | None:
        """How many pages; None: every page."""
        kinds = (self.quotes, self.days, self.people, self.topics, self.source_days)
        return None if any(kind is None for kind in kinds) else sum(len(kind or ()) for kind in kinds)


EVERY_PAGE = AffectedPages()


def affected_pages(before: Dataset, after: Dataset) -> AffectedPages:
    """The pages of single items that may differ between the data ``before`` and ``after`` an edit, or
    :data:`EVERY_PAGE` (see the module's docstring)."""
    if replace(before, events=()) != replace(after, events=()):
        return EVERY_PAGE
    old = {event.id: event for event in before.events}
    new = {event.id: event for event in after.events}
    if old.keys() != new.keys() or before.statement_by_id.keys() != after.statement_by_id.keys():
        return EVERY_PAGE
    if [date for date, _ in before.days] != [date for date, _ in after.days]:
        return EVERY_PAGE
    changed = [(old[event_id], new[event_id]) for event_id in new if old[event_id] != new[event_id]]
    events = [event for pair in changed for event in pair]
    quotes = {quote.id for event in events for quote in event.quotes}
    quotes |= _related(before, quotes) | _related(after, quotes)
    shown = [data.statement_by_id[quote_id] for data in (before, after) for quote_id in quotes]
    topics = {link.topic for statement in shown for link in statement.quote.topics}
    people = {statement.quote.speaker for statement in shown} | _others_pages(before, after, topics, quotes)
    questions = _question_pages(before, after, changed, quotes)
    if any(was.date != now.date or was.participants != now.participants for was, now in changed):
        people |= _never_quoted(before) | _never_quoted(after)
    sources = {citation.source for statement in shown for citation in statement.quote.citations}
    said_at = [after.statement_by_id[quote.id] for _, now in changed for quote in now.quotes]
    unchanged = frozenset(
        facet for facet, read in _FACETS.items() if all(read(was) == read(now) for was, now in changed)
    )
    if len(after.events) <= WHOLE_PICTURE_MAX_EVENTS:  # the timeline's picture shows every quote
        unchanged -= {"titles"}
    if "stances" in unchanged and not any(_in_contrast(after, statement) for statement in said_at):
        unchanged |= {"contrast"}
    return AffectedPages(
        quotes=frozenset(quotes),
        days=frozenset([event.date for event in events] + [statement.date for statement in shown]),
        people=frozenset(people),
        topics=frozenset(questions),
        source_days=frozenset(after.source_by_id[source_id].published for source_id in sources),
        unchanged=unchanged,
    )


def _place(event: Event) -> tuple[object, ...]:
    """Where the event and its quotes come in the order of events and of quotes (every other event the same)."""
    return (event.sort_key, tuple(quote.id for quote in event.quotes))


_FACETS: dict[Facet, Callable[[Event], object]] = {
    "no_event": lambda event: None,
    "titles": lambda event: (_place(event), event.title),
    "speakers": lambda event: (
        _place(event),
        event.participants,
        tuple(quote.speaker for quote in event.quotes),
    ),
    "stances": lambda event: (_place(event), tuple((quote.speaker, quote.topics) for quote in event.quotes)),
}


def _question_pages(
    before: Dataset, after: Dataset, changed: Sequence[tuple[Event, Event]], figures: Iterable[str]
) -> set[str]:
    """The questions whose pages may differ: those of a quote whose line there changed (its words, speaker,
    questions, date or place in the order), and those showing the figure of one of ``figures`` (ids) among
    their latest (:data:`generator.render.topics.QUESTION_FIGURES_LIMIT`)."""
    lines: set[str] = set()
    for was, now in changed:
        ids = [quote.id for quote in was.quotes]
        if was.sort_key != now.sort_key or ids != [quote.id for quote in now.quotes]:
            lines |= {quote.id for event in (was, now) for quote in event.quotes}
        else:
            lines |= {quote.id for quote, then in zip(now.quotes, was.quotes, strict=True) if quote != then}
    found: set[str] = set()
    for data in (before, after):
        found |= {link.topic for quote_id in lines for link in data.statement_by_id[quote_id].quote.topics}
        for quote_id in figures:
            statement = data.statement_by_id[quote_id]
            found |= {
                link.topic
                for link in statement.quote.topics
                if statement in latest(data.statements_by_topic[link.topic], QUESTION_FIGURES_LIMIT)[1]
            }
    return found


def _in_contrast(data: Dataset, statement: Statement) -> bool:
    """Whether the contrast table shows ``statement``: among its speaker's latest on one of its questions."""
    speaker = statement.quote.speaker
    return speaker in data.settings.speakers and any(
        statement in latest_by_speaker(data.statements_by_topic[link.topic], [speaker])[1][speaker]
        for link in statement.quote.topics
    )


def hand_written_unchanged(
    only: AffectedPages, embeds: Iterable[tuple[str, Sequence[str]]], data: Dataset
) -> bool:
    """Whether a hand-written page whose embeds are ``embeds`` (kind and arguments,
    :func:`generator.render.embeds.embeds_in`) reads the same data after the edit that ``only`` describes:
    each quote it shows with its page unaffected, on a day unaffected (the quote's place in its day), each
    day's events unaffected, the questions at a glance and the contrast table unchanged."""
    if "no_event" not in only.unchanged or only.quotes is None or only.days is None:
        return False
    days = {date.iso() for date in only.days}
    for kind, arguments in embeds:
        if kind in QUOTE_KINDS:
            said = [data.statement_by_id[quote_id] for quote_id in arguments]
            if any(s.quote.id in only.quotes or s.date in only.days for s in said):
                return False
        elif kind == "timeline-day":
            if arguments[0] in days:
                return False
        elif kind == "questions":
            if "stances" not in only.unchanged:
                return False
        elif kind == "contrast-table":
            if "contrast" not in only.unchanged:
                return False
        elif kind != "byline":
            return False
    return True


def _related(data: Dataset, quotes: Iterable[str]) -> set[str]:
    """The quotes that ``quotes`` relate to, and those that relate to them."""
    found: set[str] = set()
    for quote_id in quotes:
        found |= {relation.quote for relation in data.statement_by_id[quote_id].quote.relations}
        found |= {incoming.statement.quote.id for incoming in data.incoming_relations.get(quote_id, ())}
    return found


def _others_pages(before: Dataset, after: Dataset, topics: Iterable[str], quotes: set[str]) -> set[str]:
    """The people whose "what others said" on ``topics`` may show one of ``quotes``, or a count that changed."""
    people: set[str] = set()
    for topic_id in topics:
        said = [data.statements_by_topic.get(topic_id, ()) for data in (before, after)]
        if [s.quote.id for s in said[0]] != [s.quote.id for s in said[1]]:
            people |= {statement.quote.speaker for each in said for statement in each}
            continue
        for each in said:
            for index, statement in enumerate(each):
                if statement.quote.id in quotes:
                    people |= _shown_as_by_others(each, index)
    return people


def _shown_as_by_others(said: Sequence[Statement], index: int) -> set[str]:
    """The speakers on a question (``said``, in order) whose pages list ``said[index]`` among the latest
    :data:`OTHERS_LIMIT` by others: those who said all but fewer than that many of the quotes after it."""
    later = Counter(statement.quote.speaker for statement in said[index + 1 :])
    count = len(said) - index - 1
    if count < OTHERS_LIMIT:
        return {statement.quote.speaker for statement in said}
    return {person for person, theirs in later.items() if count - theirs < OTHERS_LIMIT}


def _never_quoted(data: Dataset) -> set[str]:
    return {person.id for person in data.people if person.id not in data.statements_by_speaker}
