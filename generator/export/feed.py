"""An Atom feed (RFC 4287) of the newest events, newest first, so a reader can follow a developing story.

A feed is for what is new: it carries the newest :data:`FEED_EVENTS` (50) events, not the whole timeline
(the 2,000 events of a large explainer made a 1.5 MB file that every reader fetched on every poll).
Corrections are entries of their own, pointing at their place on the corrections page: the newest
:data:`FEED_CORRECTIONS` (10), counted apart from the events, so that a run of new events never pushes a
correction out, nor corrections an event. Both kinds are merged newest first. A feed without RFC 5005's
``fh:complete`` is read as a sliding window of the newest entries: readers keep the entries they have
already seen. The timeline, the corrections page and the data downloads have everything.

Entry ids are the permanent addresses of the events on the timeline, so they stay the same from build to
build.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import TypeVar

from generator.dataset import Dataset
from generator.export.address import SiteAddress
from generator.i18n import Translator, translator
from generator.markup import one_line
from generator.model import Event
from generator.sitemap import CORRECTIONS, correction_anchor, event_location

ATOM = "http://www.w3.org/2005/Atom"
FEED = "feed.xml"
FEED_EVENTS = 50
"""How many events the feed carries: the newest."""
FEED_CORRECTIONS = 10
"""How many corrections the feed carries: the newest (apart from the events' limit)."""


T = TypeVar("T")
Rank = tuple[dt.date, int]


@dataclass(frozen=True)
class Entry:
    """One feed entry; ``id`` is also its web address. ``rank`` orders entries (date, then place in the day)."""

    id: str
    title: str
    updated: dt.datetime
    summary: str
    category: str
    rank: Rank


def event_time(event: Event) -> dt.datetime:
    """When an event happened: its time with its UTC offset, else the first day its date covers at 00:00 UTC."""
    if event.time and event.date.precision == "day":
        zone = dt.timezone(dt.timedelta(minutes=event.time.offset_minutes))
        return dt.datetime.combine(event.date.start, dt.time(event.time.hour, event.time.minute, tzinfo=zone))
    return dt.datetime.combine(event.date.start, dt.time(), tzinfo=dt.UTC)


def event_entries(data: Dataset, site: SiteAddress, limit: int) -> list[Entry]:
    """The newest ``limit`` events as entries, newest first."""
    return [
        Entry(
            id=site.page(*event_location(event)),
            title=event.title,
            updated=event_time(event),
            summary=event.summary,
            category="event",
            rank=rank,
        )
        for rank, event in _newest([(event.date.start, event) for event in data.events], 0, limit)
    ]


def correction_entries(words: Translator, data: Dataset, site: SiteAddress, limit: int) -> list[Entry]:
    """The newest ``limit`` corrections, newest first, each dated the day it was made; in the feed, before
    (newer than) that day's events."""
    dated = [(correction.date.start, correction) for correction in data.corrections]
    return [
        Entry(
            id=site.page(CORRECTIONS, correction_anchor(correction.id)),
            title=words.t("Correction: {changed}", changed=correction.changed),
            updated=dt.datetime.combine(correction.date.start, dt.time(), tzinfo=dt.UTC),
            summary=correction.reason,
            category="correction",
            rank=rank,
        )
        for rank, correction in _newest(dated, len(data.events), limit)
    ]


def _newest(dated: Sequence[tuple[dt.date, T]], first: int, limit: int) -> list[tuple[Rank, T]]:
    """The newest ``limit`` items, newest first, each with its rank: its date, then its place in the data
    counted from ``first``. Ranked before the entries are made: a feed of 50 need not build 2,000."""
    ranked = [((date, first + place), item) for place, (date, item) in enumerate(dated)]
    return sorted(ranked, key=itemgetter(0), reverse=True)[:limit]


def rfc3339(moment: dt.datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _child(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = one_line(text)
    return element


def _entry(feed: ET.Element, entry: Entry) -> None:
    element = _child(feed, "entry")
    _child(element, "id", entry.id)
    _child(element, "title", entry.title, type="text")
    _child(element, "link", rel="alternate", type="text/html", href=entry.id)
    _child(element, "updated", rfc3339(entry.updated))
    _child(element, "category", term=entry.category)
    _child(element, "summary", entry.summary, type="text")


def newest_first(entries: Iterable[Entry]) -> list[Entry]:
    """Newest first: by date, then by place within the day (events in the timeline's order), then by id."""
    return sorted(entries, key=lambda entry: (entry.rank, entry.id), reverse=True)


def atom_feed(
    words: Translator, title: str, subtitle: str, site: SiteAddress, entries: Sequence[Entry]
) -> str:
    """The feed document; ``updated`` is the newest entry's moment (never the build time)."""
    ordered = newest_first(entries)
    feed = ET.Element("feed", xmlns=ATOM)
    _child(feed, "id", site.home)
    _child(feed, "title", title, type="text")
    _child(feed, "subtitle", subtitle, type="text")
    _child(feed, "link", rel="self", type="application/atom+xml", href=site.file(FEED))
    _child(feed, "link", rel="alternate", type="text/html", href=site.home)
    updated = max((entry.updated for entry in ordered), default=dt.datetime(1970, 1, 1, tzinfo=dt.UTC))
    _child(feed, "updated", rfc3339(updated))
    _child(_child(feed, "author"), "name", words.t("The editors of {title}", title=title))
    for entry in ordered:
        _entry(feed, entry)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def site_feed(
    title: str,
    summary: str,
    site: SiteAddress,
    explainers: Sequence[tuple[Dataset, SiteAddress]],
    language: str = "en",
) -> str:
    """``feed.xml`` of a site of one explainer or several (each given with its own address): the newest
    :data:`FEED_EVENTS` events and :data:`FEED_CORRECTIONS` corrections of them all, merged newest first; its
    own words (a correction's title, the author) in ``language``."""
    words = translator(language)
    events = newest_first(entry for data, at in explainers for entry in event_entries(data, at, FEED_EVENTS))
    corrections = newest_first(
        entry for data, at in explainers for entry in correction_entries(words, data, at, FEED_CORRECTIONS)
    )
    return atom_feed(words, title, summary, site, events[:FEED_EVENTS] + corrections[:FEED_CORRECTIONS])
