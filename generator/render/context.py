"""What every renderer needs: the data, and links from one page to another as the engine reads them."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Literal

from generator.dataset import Dataset, Statement
from generator.dates import PartialDate
from generator.i18n import Translator, translator
from generator.markup import Href, Html, HtmlTemplate
from generator.model import Event
from generator.sitemap import (
    CORRECTIONS,
    correction_anchor,
    day_path,
    event_location,
    person_path,
    quote_location,
    quote_path,
    site_path,
    source_anchor,
    sources_day_path,
    topic_path,
)
from generator.urls import LinkStyle, markdown_link, page_url, relative_url

_TIME = HtmlTemplate('<time datetime="{iso}">{human}</time>')
DateForm = Literal["date", "day", "day_title"]
"""How :class:`Context` writes a date: as :meth:`Translator.date`, :meth:`Translator.day` or
:meth:`Translator.day_title` does."""


@dataclass(frozen=True)
class Context:
    """The data, how the engine lays out URLs (``directory_urls``) and reads links in HTML (``link_style``), and
    the words of the site's language (``words``): every reader-facing string a renderer writes comes from
    :meth:`t`, :meth:`nt`, :meth:`date` or :meth:`day_title`.

    Pages are named by their Markdown path (``people/kelly.md``), as :mod:`generator.sitemap` gives them; on a
    site of several explainers, ``explainer`` is the slug of the one rendered, and links go where
    :func:`generator.sitemap.site_path` puts those pages.
    """

    data: Dataset
    directory_urls: bool = True
    link_style: LinkStyle = "built"
    explainer: str = ""
    words: Translator = field(default_factory=lambda: translator("en"))
    date_words: dict[tuple[DateForm, PartialDate], str] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """Each date in words, written once per context (so once per build of a set of pages): a large site names
    the same few hundred days tens of thousands of times, and Babel's formatting of a date costs about as much
    as the rest of a quote's line."""

    def t(self, message: str, **values: str | int) -> str:
        """``message`` in the site's language (:meth:`generator.i18n.Translator.t`)."""
        return self.words.t(message, **values)

    def pieces(self, message: str, **values: Html | str) -> list[Html | str]:
        """``message`` in the site's language with markup in its fields: ``Published {date}`` with a ``<time>``."""
        return self.words.pieces(message, **values)

    def nt(self, singular: str, plural: str, count: int, **values: str | int) -> str:
        """The form of a counted message for ``count``: ``1 quote``, ``2 quotes``."""
        return self.words.nt(singular, plural, count, **values)

    def date(self, date: PartialDate) -> str:
        """``23 February 2017`` in the site's language, at the date's precision."""
        return self._in_words("date", date)

    def day(self, date: PartialDate) -> str:
        """A date with its weekday, within a sentence: ``Thursday 23 February 2017``."""
        return self._in_words("day", date)

    def day_title(self, date: PartialDate) -> str:
        """A date as a title: ``Thursday 23 February 2017`` for a day, ``February 2017`` for a month."""
        return self._in_words("day_title", date)

    def time(self, date: PartialDate) -> Html:
        """``<time>`` for a date: in words, with its ISO form for machines."""
        return _TIME(iso=date.iso(), human=self.date(date))

    def _in_words(self, form: DateForm, date: PartialDate) -> str:
        """``date`` as the translator's method ``form`` writes it, once per context (:attr:`date_words`)."""
        key = (form, date)
        if key not in self.date_words:
            self.date_words[key] = getattr(self.words, form)(date)
        return self.date_words[key]

    @property
    def language(self) -> str:
        """The pages' language (BCP 47): words in any other are marked with a ``lang`` attribute."""
        return self.words.language

    def link(self, from_page: str, to_page: str, anchor: str = "") -> Href:
        from_page, to_page = site_path(self.explainer, from_page), site_path(self.explainer, to_page)
        if self.link_style == "source":
            return Href.internal(markdown_link(from_page, to_page, anchor))
        return Href.internal(relative_url(from_page, to_page, anchor, directory_urls=self.directory_urls))

    def file_link(self, from_page: str, path: str) -> Href:
        """A link from a page to a file published as it is (a download, not a page)."""
        from_page, path = site_path(self.explainer, from_page), site_path(self.explainer, path)
        if self.link_style == "source":
            return Href.internal(markdown_link(from_page, path))
        base = posixpath.dirname(page_url(from_page, directory_urls=self.directory_urls)) or "."
        return Href.internal(posixpath.relpath(path, base))

    def quote_link(self, from_page: str, statement: Statement) -> Href:
        """The quote in context: its place on its day's timeline page. Every quote URL comes from here."""
        return self.link(from_page, *quote_location(statement))

    def quote_page_link(self, from_page: str, quote_id: str) -> Href:
        """A link to a quote's own page. No engine sees that page (it is stamped after the build,
        :mod:`generator.quote_stamps`), so under the "source" link style the link is not a Markdown path, which
        Zensical checks against its pages, but the page's address relative to the linking Markdown file, which
        it resolves as any other relative link."""
        if self.link_style != "source":
            return self.link(from_page, quote_path(quote_id))
        url = page_url(site_path(self.explainer, quote_path(quote_id)), directory_urls=self.directory_urls)
        link = posixpath.relpath(url, posixpath.dirname(site_path(self.explainer, from_page)) or ".")
        return Href.internal(f"{link}/" if url.endswith("/") else link)

    def event_link(self, from_page: str, event: Event) -> Href:
        return self.link(from_page, *event_location(event))

    def day_link(self, from_page: str, date: PartialDate) -> Href:
        return self.link(from_page, day_path(date))

    def person_link(self, from_page: str, person_id: str) -> Href:
        return self.link(from_page, person_path(person_id))

    def topic_link(self, from_page: str, topic_id: str) -> Href:
        return self.link(from_page, topic_path(topic_id))

    def source_link(self, from_page: str, source_id: str) -> Href:
        published = self.data.source_by_id[source_id].published
        return self.link(from_page, sources_day_path(published), source_anchor(source_id))

    def correction_link(self, from_page: str, correction_id: str) -> Href:
        return self.link(from_page, CORRECTIONS, correction_anchor(correction_id))
