"""Data for re-use: the explainer's data as files beside the pages (JSON, CSV, JSON Schema, Atom, TimelineJS).

Each export is a pure function of the validated data (and of where the site is published): the same data
gives byte-identical files. :func:`export_files` returns them by path under the docs directory.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from generator.dataset import Dataset
from generator.export import csv_export, feed, json_export, timelinejs
from generator.export.address import SiteAddress
from generator.schema import schema_of


@dataclass(frozen=True)
class Download:
    """A file offered on the data page: where it goes and one sentence on what it holds."""

    path: str
    label: str
    description: str


DOCUMENT = json_export.DOCUMENT
QUOTES = "data/quotes.csv"
EVENTS = "data/events.csv"
CITATIONS = "data/citations.csv"
TIMELINEJS = "data/timelinejs.json"
FEED = feed.FEED


def schema_path(name: str) -> str:
    return f"data/schema/{name}.schema.json"


DOWNLOADS = (
    Download(
        DOCUMENT,
        "The whole data set (JSON)",
        "Every person, source, question, event, quote, citation and relation in one normalised document; "
        "records refer to each other by id.",
    ),
    Download(
        QUOTES,
        "Quotes (CSV)",
        "One row per quote: who said it, when, at which event, and the questions it answers.",
    ),
    Download(
        EVENTS, "Events (CSV)", "One row per event, in order, with its place, participants and sources."
    ),
    Download(
        CITATIONS,
        "Citations (CSV)",
        "One row per source printing of a quote, with the words exactly as that source printed them.",
    ),
    Download(
        schema_path("explainer"), "JSON Schema of the data set", "Describes and validates explainer.json."
    ),
    Download(schema_path("quotes"), "JSON Schema of a quote row", "The columns of quotes.csv."),
    Download(schema_path("events"), "JSON Schema of an event row", "The columns of events.csv."),
    Download(schema_path("citations"), "JSON Schema of a citation row", "The columns of citations.csv."),
    Download(
        TIMELINEJS,
        "Timeline for TimelineJS",
        "The events in Knight Lab TimelineJS3's JSON format, to embed this timeline in another page.",
    ),
    Download(
        FEED,
        "Atom feed",
        f"The newest {feed.FEED_EVENTS} events and {feed.FEED_CORRECTIONS} corrections, newest first, "
        "for a feed reader.",
    ),
)


@cache
def _row_schema(model: type[csv_export.Row], name: str) -> str:
    """The JSON Schema of a CSV row, made once per process (like :func:`json_export.document_schema_json`)."""
    description = f"A row of {name}.csv; lists are joined with {csv_export.LIST_SEPARATOR!r}."
    return json_export.dumps(schema_of(model, f"{name}.csv row", description))


def export_files(data: Dataset, site: SiteAddress | None) -> dict[str, str]:
    """Every export by path; the feed only when the site's address is known (its ids must be absolute)."""
    files = {
        DOCUMENT: json_export.document_json(data),
        schema_path("explainer"): json_export.document_schema_json(),
        QUOTES: csv_export.to_csv(csv_export.QuoteRow, csv_export.quote_values(data, site)),
        EVENTS: csv_export.to_csv(csv_export.EventRow, csv_export.event_values(data, site)),
        CITATIONS: csv_export.to_csv(csv_export.CitationRow, csv_export.citation_values(data)),
        schema_path("quotes"): _row_schema(csv_export.QuoteRow, "quotes"),
        schema_path("events"): _row_schema(csv_export.EventRow, "events"),
        schema_path("citations"): _row_schema(csv_export.CitationRow, "citations"),
        TIMELINEJS: json_export.dumps(timelinejs.timeline(data, site)),
    }
    if site:
        files[FEED] = feed.events_feed(data, site)
    return files


def export_paths(site: SiteAddress | None) -> list[str]:
    """The paths :func:`export_files` writes, known without making the files."""
    return [download.path for download in DOWNLOADS if site or download.path != FEED]
