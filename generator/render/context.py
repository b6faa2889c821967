"""Where each page and item lives, and how one page links to another."""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass

from generator.dataset import Dataset, Statement
from generator.dates import PartialDate
from generator.markup import Href
from generator.model import Event
from generator.urls import LinkStyle, page_url, relative_url, source_url

CONTRAST = "contrast.md"
TIMELINE = "timeline.md"  # the list of days; each day has a page of its own (timeline_day_page)
SOURCES = "sources.md"  # the list of sources; their quotes are on a page per month of publication
PEOPLE = "people/index.md"
TOPICS = "topics/index.md"
CORRECTIONS = "corrections.md"
STYLESHEET = "assets/explainer.css"


def event_location(event: Event) -> tuple[str, str]:
    """Where an event is published: its day's timeline page and its anchor there."""
    return timeline_day_page(event.date), event_anchor(event.id)


def quote_location(statement: Statement) -> tuple[str, str]:
    """Where a quote is published in context: its event's day page and its anchor there."""
    return timeline_day_page(statement.date), quote_anchor(statement.quote.id)


def timeline_day_page(date: PartialDate) -> str:
    """The page of one day's events (or a month's or year's, for events dated only that precisely).

    A page per day keeps pages small however long the timeline grows, and an event's page, and so every
    quote's permalink, changes only if its date does.
    """
    return f"timeline/{date.iso()}.md"


def sources_month_page(published: PartialDate) -> str:
    """The page of the sources published in one month, with every quote each one is cited for."""
    return f"sources/{published.iso()[:7]}.md"


def person_page(person_id: str) -> str:
    return f"people/{person_id}.md"


def topic_page(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def quote_anchor(quote_id: str) -> str:
    return f"quote-{quote_id}"


def event_anchor(event_id: str) -> str:
    return f"event-{event_id}"


def day_anchor(date: PartialDate) -> str:
    return f"day-{date.iso()}"


def month_anchor(date: PartialDate) -> str:
    return f"month-{date.iso()}"


def source_anchor(source_id: str) -> str:
    return f"source-{source_id}"


def topic_anchor(topic_id: str) -> str:
    return f"topic-{topic_id}"


def correction_anchor(correction_id: str) -> str:
    return f"correction-{correction_id}"


@dataclass(frozen=True)
class Context:
    """What every renderer needs: the data, and how the engine lays out URLs."""

    data: Dataset
    directory_urls: bool = True
    link_style: LinkStyle = "built"

    def link(self, from_page: str, to_page: str, anchor: str = "") -> Href:
        if anchor:
            return _link(from_page, to_page, anchor, self.directory_urls, self.link_style)
        return _page_link(from_page, to_page, self.directory_urls, self.link_style)

    def file_link(self, from_page: str, path: str) -> Href:
        """A link from a page to a file published as it is (a download, not a page)."""
        if self.link_style == "source":
            return Href.internal(source_url(from_page, path))
        base = posixpath.dirname(page_url(from_page, directory_urls=self.directory_urls)) or "."
        return Href.internal(posixpath.relpath(path, base))

    def quote_link(self, from_page: str, statement: Statement) -> Href:
        """The quote in context: its place on its day's timeline page. Every quote URL comes from here."""
        return self.link(from_page, *quote_location(statement))

    def event_link(self, from_page: str, event: Event) -> Href:
        return self.link(from_page, *event_location(event))

    def day_link(self, from_page: str, date: PartialDate) -> Href:
        return self.link(from_page, timeline_day_page(date))

    def person_link(self, from_page: str, person_id: str) -> Href:
        return self.link(from_page, person_page(person_id))

    def topic_link(self, from_page: str, topic_id: str) -> Href:
        return self.link(from_page, topic_page(topic_id))

    def source_link(self, from_page: str, source_id: str) -> Href:
        published = self.data.source[source_id].published
        return self.link(from_page, sources_month_page(published), source_anchor(source_id))

    def correction_link(self, from_page: str, correction_id: str) -> Href:
        return self.link(from_page, CORRECTIONS, correction_anchor(correction_id))


def _link(from_page: str, to_page: str, anchor: str, directory_urls: bool, link_style: LinkStyle) -> Href:
    if link_style == "source":
        return Href.internal(source_url(from_page, to_page, anchor))
    return Href.internal(relative_url(from_page, to_page, anchor, directory_urls=directory_urls))


@functools.lru_cache(maxsize=1 << 16)
def _page_link(from_page: str, to_page: str, directory_urls: bool, link_style: LinkStyle) -> Href:
    """A link to a whole page, cached: a page links to the same few pages (people, questions, days) many times."""
    return _link(from_page, to_page, "", directory_urls, link_style)
