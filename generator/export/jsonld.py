"""schema.org structured data (JSON-LD) for the pages that show it: the home page and the timeline's days.

The home page describes the explainer as a ``NewsArticle`` citing its sources, with its byline and dates; each timeline day describes every
event as an ``Event`` and every quote shown there as a ``Quotation`` — its speaker (``creator``), the words
exactly as the page shows them (``text``), when (``dateCreated``), the articles it is based on
(``isBasedOn``) and the event it was spoken at (``recordedAt``). The generator puts each page's data into its
front matter; the theme partial ``explainer-structured-data.html`` prints it in a script element.

On a day's page each event, quotation, person and cited article is one node of the page's ``@graph``,
described once; everywhere else it is referred to by its ``@id`` alone (``{"@id": …}``), as JSON-LD allows
within a graph. Repeating the speaker and every cited article inside each quotation, and each attendee inside
each event, made the day pages' structured data 1.4 times as large at 10,000 quotes.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from operator import itemgetter
from typing import Any

from generator.dataset import Dataset, Statement
from generator.dates import PartialDate
from generator.export.address import SiteAddress
from generator.export.feed import event_time
from generator.export.json_export import DOCUMENT
from generator.i18n import translator
from generator.markup import front_matter_line, one_line
from generator.model import Author, AuthorKind, Event, Quote, Source, TranslatedBy
from generator.quote_translations import text_language, text_translations
from generator.sitemap import (
    SHARE_IMAGE_SIZE,
    SITE_SHARE_IMAGE,
    day_path,
    event_location,
    person_path,
    quote_location,
)

CONTEXT = "https://schema.org"
FRONT_MATTER_KEY = "structured_data"
HOME = "index.md"

Node = dict[str, Any]


def when(event: Event) -> str:
    """The event's date at its precision, or date and time with the UTC offset when the time is known."""
    if event.time and event.date.precision == "day":
        return event_time(event).isoformat()
    return event.date.iso()


def person(data: Dataset, site: SiteAddress, person_id: str) -> Node:
    url = site.page(person_path(person_id))
    return {"@type": "Person", "@id": url, "url": url, "name": one_line(data.person_by_id[person_id].name)}


def article(source: Source) -> Node:
    """A cited source: the published article, by its own address."""
    return {
        "@type": "NewsArticle",
        "@id": source.url,
        "url": source.url,
        "headline": one_line(source.title),
        "datePublished": source.published.iso(),
        "publisher": {"@type": "Organization", "name": one_line(source.outlet)},
    }


def event_node(site: SiteAddress, event: Event) -> Node:
    """An event; its attendees are references to the people's nodes."""
    url = site.page(*event_location(event))
    node: Node = {
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": one_line(event.title),
        "startDate": when(event),
        "description": one_line(event.summary),
    }
    if event.place:
        node["location"] = {"@type": "Place", "name": one_line(event.place)}
    if event.participants:
        node["attendee"] = [{"@id": site.page(person_path(pid))} for pid in event.participants]
    return node


def quotation(data: Dataset, site: SiteAddress, statement: Statement, event: Node) -> Node:
    """A quote, said at the event described by ``event`` (its node: the quote's date and ``recordedAt`` come
    from it); its speaker, the articles that printed it and its event are references to their nodes."""
    quote = statement.quote
    url = site.page(*quote_location(statement))
    sources = dict.fromkeys(citation.source for citation in quote.citations)
    node: Node = {
        "@type": "Quotation",
        "@id": url,
        "url": url,
        "text": one_line(quote.text),
        "inLanguage": text_language(data, quote),
        "creator": {"@id": site.page(person_path(quote.speaker))},
        "dateCreated": event["startDate"],
        "isBasedOn": [{"@id": data.source_by_id[source_id].url} for source_id in sources],
        "recordedAt": {"@id": event["@id"]},
    }
    return node | translation_of(data, quote)


def translation_of(data: Dataset, quote: Quote) -> Node:
    """For words that are a translation: who translated them (an outlet, or the explainer's authors) and the
    words they translate (``translationOfWork``: the language, and the original words where printed)."""
    found = text_translations(data, quote)
    if not found:
        return {}
    translators: list[Node] = []
    originals: dict[str, Node] = {}  # by language: one original, with its words if any source gives them
    for citation, translation in found:
        if translation.by is TranslatedBy.US:
            translators += [author_node(author) for author in data.settings.authors]
        else:
            outlet = one_line(data.source_by_id[citation.source].outlet)
            translators.append({"@type": "Organization", "name": outlet})
        language = translation.original_language
        original = originals.setdefault(language, {"@type": "Quotation", "inLanguage": language})
        words = citation.as_printed if translation.by is TranslatedBy.US else translation.original
        if words is not None:
            original.setdefault("text", one_line(words))
    return {"translator": _once(translators), "translationOfWork": list(originals.values())}


def _once(nodes: Sequence[Node]) -> list[Node]:
    """Each node once, in the order first given."""
    return list({json.dumps(node, sort_keys=True): node for node in nodes}.values())


def day_graph(data: Dataset, site: SiteAddress, events: Sequence[Event]) -> Node:
    """The events of one timeline page and every quote said at them, as that page shows them.

    The graph lists the events and the quotations in the page's order, then each person taking part or
    speaking and each article cited, once, sorted by ``@id``; the others refer to them by ``@id``.
    """
    event_nodes = [event_node(site, event) for event in events]
    node_of = {event.id: node for event, node in zip(events, event_nodes, strict=True)}
    statements = [data.statement_by_id[quote.id] for event in events for quote in event.quotes]
    quotations = [quotation(data, site, statement, node_of[statement.event.id]) for statement in statements]
    people = {pid for event in events for pid in event.participants}
    people |= {statement.quote.speaker for statement in statements}
    sources = {citation.source for statement in statements for citation in statement.quote.citations}
    graph = event_nodes + quotations
    # Sorted by id first, so that two sources at one address still come in the same order on every build.
    graph += sorted((person(data, site, pid) for pid in sorted(people)), key=itemgetter("@id"))
    graph += sorted((article(data.source_by_id[sid]) for sid in sorted(sources)), key=itemgetter("@id"))
    return {"@context": CONTEXT, "@graph": graph}


# The home page cites its sources one by one up to this many; a tracker with thousands would make the page
# heavy for every reader, so beyond it the article points to the data set, which lists them all.
MAX_CITED_SOURCES = 100


def author_node(author: Author) -> Node:
    """A name in the explainer's byline: a person, or an organisation such as a newsroom."""
    node: Node = {
        "@type": "Organization" if author.kind is AuthorKind.ORGANIZATION else "Person",
        "name": one_line(author.name),
    }
    if author.url:
        node["url"] = author.url
    return node


def explainer_article(data: Dataset, site: SiteAddress, language: str = "en") -> Node:
    """The explainer itself, on its home page: based on the published data set (named in ``language``),
    citing its sources."""
    url = site.page(HOME)
    node: Node = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": one_line(data.settings.title),
        "description": one_line(data.settings.summary),
        "inLanguage": language,
        "isBasedOn": {
            "@type": "Dataset",
            "name": one_line(translator(language).t("The data behind {title}", title=data.settings.title)),
            "url": site.file(DOCUMENT),
            "encodingFormat": "application/json",
            # The document holds the texts of every language (its translations), the main one's in the records.
            "inLanguage": list(languages) if len(languages := data.settings.languages) > 1 else languages[0],
        },
        # The picture a link to the site previews with: search engines show a news article's image too.
        "image": {
            "@type": "ImageObject",
            "url": site.file(SITE_SHARE_IMAGE),
            "width": SHARE_IMAGE_SIZE[0],
            "height": SHARE_IMAGE_SIZE[1],
        },
    }
    if data.settings.published is not None:
        node["datePublished"] = data.settings.published.iso()
    if data.updated is not None:
        node["dateModified"] = data.updated.iso()
    if data.settings.authors:
        node["author"] = [author_node(author) for author in data.settings.authors]
    if len(data.sources) <= MAX_CITED_SOURCES:
        node["citation"] = [article(source) for source in data.sources]
    return node


def structured_data(
    data: Dataset, site: SiteAddress, language: str = "en", days: Collection[PartialDate] | None = None
) -> dict[str, str]:
    """The front-matter line with each page's JSON-LD, by path: the home page and each timeline day (``days``:
    those of these dates)."""
    nodes = [(HOME, explainer_article(data, site, language))]
    nodes += [
        (day_path(date), day_graph(data, site, events))
        for date, events in data.days
        if days is None or date in days
    ]
    return {path: front_matter_line(FRONT_MATTER_KEY, node) for path, node in nodes}
