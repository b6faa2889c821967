"""Where each page and item lives, and how one page links to another."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from generator.dataset import Dataset, Statement
from generator.dates import PartialDate
from generator.markup import Href
from generator.urls import LinkStyle, page_url, relative_url, source_url

CONTRAST = "contrast.md"
TIMELINE = "timeline.md"
SOURCES = "sources.md"
PEOPLE = "people/index.md"
TOPICS = "topics/index.md"
CORRECTIONS = "corrections.md"
STYLESHEET = "assets/explainer.css"


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
        if self.link_style == "source":
            return Href.internal(source_url(from_page, to_page, anchor))
        return Href.internal(relative_url(from_page, to_page, anchor, directory_urls=self.directory_urls))

    def file_link(self, from_page: str, path: str) -> Href:
        """A link from a page to a file published as it is (a download, not a page)."""
        if self.link_style == "source":
            return Href.internal(source_url(from_page, path))
        base = posixpath.dirname(page_url(from_page, directory_urls=self.directory_urls)) or "."
        return Href.internal(posixpath.relpath(path, base))

    def quote_link(self, from_page: str, statement: Statement) -> Href:
        """The quote in context: its place in the timeline."""
        return self.link(from_page, TIMELINE, quote_anchor(statement.quote.id))

    def event_link(self, from_page: str, event_id: str) -> Href:
        return self.link(from_page, TIMELINE, event_anchor(event_id))

    def person_link(self, from_page: str, person_id: str) -> Href:
        return self.link(from_page, person_page(person_id))

    def topic_link(self, from_page: str, topic_id: str) -> Href:
        return self.link(from_page, topic_page(topic_id))

    def source_link(self, from_page: str, source_id: str) -> Href:
        return self.link(from_page, SOURCES, source_anchor(source_id))

    def correction_link(self, from_page: str, correction_id: str) -> Href:
        return self.link(from_page, CORRECTIONS, correction_anchor(correction_id))
