"""Data for re-use: the explainer's data as files beside the pages (JSON, CSV, JSON Schema, Atom, TimelineJS).

Each export is a pure function of the validated data (and of where the site is published): the same data
gives byte-identical files. :func:`export_files` returns them by path under the docs directory.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from generator.dataset import Dataset
from generator.export import csv_export, feed, json_export, site_document, timelinejs
from generator.export.address import SiteAddress
from generator.i18n import N_
from generator.model import SiteSettings
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


# Label and description are messages (generator/i18n.py), translated on the data page.
DOWNLOADS = (
    Download(
        DOCUMENT,
        N_("The whole data set (JSON)"),
        N_(
            "Every person, source, question, event, quote, citation and relation in one normalised document; "
            "records refer to each other by id."
        ),
    ),
    Download(
        QUOTES,
        N_("Quotes (CSV)"),
        N_("One row per quote: who said it, when, at which event, and the questions it answers."),
    ),
    Download(
        EVENTS,
        N_("Events (CSV)"),
        N_("One row per event, in order, with its place, participants and sources."),
    ),
    Download(
        CITATIONS,
        N_("Citations (CSV)"),
        N_("One row per source printing of a quote, with the words exactly as that source printed them."),
    ),
    Download(
        schema_path("explainer"),
        N_("JSON Schema of the data set"),
        N_("Describes and validates explainer.json."),
    ),
    Download(schema_path("quotes"), N_("JSON Schema of a quote row"), N_("The columns of quotes.csv.")),
    Download(schema_path("events"), N_("JSON Schema of an event row"), N_("The columns of events.csv.")),
    Download(
        schema_path("citations"), N_("JSON Schema of a citation row"), N_("The columns of citations.csv.")
    ),
    Download(
        TIMELINEJS,
        N_("Timeline for TimelineJS"),
        N_("The events in Knight Lab TimelineJS3's JSON format, to embed this timeline in another page."),
    ),
    Download(
        FEED,
        N_("Atom feed"),
        # {events} and {corrections}: how many of each the feed carries.
        N_("The newest {events} events and {corrections} corrections, newest first, for a feed reader."),
    ),
)


@cache
def _row_schema(model: type[csv_export.Row], name: str) -> str:
    """The JSON Schema of a CSV row, made once per process (like :func:`json_export.document_schema_json`)."""
    description = f"A row of {name}.csv; lists are joined with {csv_export.LIST_SEPARATOR!r}."
    return json_export.dumps(schema_of(model, f"{name}.csv row", description))


def _tables(explainers: Sequence[tuple[Dataset, SiteAddress | None]]) -> dict[str, str]:
    """The CSV tables, with a row per record of every one of ``explainers`` (data and address of each), and
    the JSON Schemas of their rows."""
    return {
        QUOTES: csv_export.to_csv(
            csv_export.QuoteRow, [row for data, at in explainers for row in csv_export.quote_values(data, at)]
        ),
        EVENTS: csv_export.to_csv(
            csv_export.EventRow, [row for data, at in explainers for row in csv_export.event_values(data, at)]
        ),
        CITATIONS: csv_export.to_csv(
            csv_export.CitationRow,
            [row for data, _ in explainers for row in csv_export.citation_values(data)],
        ),
        schema_path("quotes"): _row_schema(csv_export.QuoteRow, "quotes"),
        schema_path("events"): _row_schema(csv_export.EventRow, "events"),
        schema_path("citations"): _row_schema(csv_export.CitationRow, "citations"),
    }


def export_files(data: Dataset, site: SiteAddress | None, language: str = "en") -> dict[str, str]:
    """Every export by path; the feed only when the site's address is known (its ids must be absolute). The
    words the exports add to the data (the feed's, TimelineJS's dates and links) are ``language``'s."""
    files = {
        DOCUMENT: json_export.document_json(data),
        schema_path("explainer"): json_export.document_schema_json(),
        **_tables([(data, site)]),
        TIMELINEJS: json_export.dumps(timelinejs.timeline(data, site, language)),
    }
    if site:
        files[FEED] = feed.site_feed(
            data.settings.title, data.settings.summary, site, [(data, site)], language
        )
    return files


def site_export_files(
    settings: SiteSettings,
    registry: Dataset,
    explainers: Sequence[tuple[str, Dataset, SiteAddress | None]],
    root: SiteAddress | None,
    language: str = "en",
) -> dict[str, str]:
    """The downloads of a site of several explainers, by path: the same files as :func:`export_files` makes
    for one, covering every explainer (``explainers``: slug, data and address of each; ``registry``: the
    shared people and sources); the feed only when the site's address (``root``) is known."""
    scoped = [(data, at) for _, data, at in explainers]
    files = {
        DOCUMENT: site_document.site_document_json(
            settings, registry, [(slug, data) for slug, data, _ in explainers]
        ),
        schema_path("explainer"): site_document.site_document_schema_json(),
        **_tables(scoped),
        TIMELINEJS: json_export.dumps(timelinejs.site_timeline(settings, scoped, language)),
    }
    if root is not None:
        feeds = [(data, at) for data, at in scoped if at is not None]
        files[FEED] = feed.site_feed(settings.title, settings.summary, root, feeds, language)
    return files


def export_paths(site: SiteAddress | None) -> list[str]:
    """The paths :func:`export_files` writes, known without making the files."""
    return [download.path for download in DOWNLOADS if site or download.path != FEED]
