"""The whole site's data as one JSON document: every explainer's records in the format of one explainer's
``explainer.json`` (:mod:`generator.export.records`), each naming the explainer it belongs to.

One document rather than a list of explainer documents: a researcher loads it into one table per kind of
record, joins by id as for one explainer (ids are unique across the site), and filters by ``explainer``.
The shared people and sources come once, as the registry holds them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any, Final, Literal

from pydantic import Field

from generator.dataset import Dataset
from generator.export.json_export import dumps
from generator.export.records import CitationRecord, EventRecord, QuoteRecord, RelationRecord, document_values
from generator.model import Correction, Id, Person, Record, Settings, SiteSettings, Source, Topic, Translation
from generator.schema import schema_of

SITE_FORMAT: Final = "explainer-site/1"

_OF_EXPLAINER = "The slug of the explainer it belongs to."


class ExplainerEntry(Record):
    """One explainer of the site: its slug (its folder and address) and its settings."""

    slug: Id
    settings: Settings


class SiteTopic(Topic):
    explainer: Id = Field(description=_OF_EXPLAINER)


class SiteEventRecord(EventRecord):
    explainer: Id = Field(description=_OF_EXPLAINER)


class SiteQuoteRecord(QuoteRecord):
    explainer: Id = Field(description=_OF_EXPLAINER)


class SiteCorrection(Correction):
    explainer: Id = Field(description=_OF_EXPLAINER)


class SiteTranslation(Translation):
    explainer: Id | None = Field(
        description="The slug of the explainer whose record the text belongs to; none for a shared person."
    )


class SiteDocument(Record):
    """The whole site's data. Records come explainer by explainer (in the order of their slugs), each
    explainer's in the order of its own ``explainer.json``."""

    format: Literal["explainer-site/1"] = Field(description="The version of this format.")
    site: SiteSettings
    explainers: tuple[ExplainerEntry, ...]
    people: tuple[Person, ...]
    sources: tuple[Source, ...]
    topics: tuple[SiteTopic, ...]
    events: tuple[SiteEventRecord, ...]
    quotes: tuple[SiteQuoteRecord, ...]
    citations: tuple[CitationRecord, ...]
    relations: tuple[RelationRecord, ...]
    corrections: tuple[SiteCorrection, ...]
    translations: tuple[SiteTranslation, ...]


# The lists whose records name their explainer; citations and relations name their quote, which does.
_OWN: Final = ("topics", "events", "quotes", "corrections")
_CONCATENATED: Final = (*_OWN, "citations", "relations")


def site_document_json(
    settings: SiteSettings, registry: Dataset, explainers: Sequence[tuple[str, Dataset]]
) -> str:
    """The site's ``data/explainer.json``: ``registry`` gives the shared people and sources (and their
    translations), ``explainers`` each explainer's slug and data."""
    shared = document_values(registry)
    lists: dict[str, list[dict[str, Any]]] = {name: [] for name in _CONCATENATED}
    translations = [
        {**translation, "explainer": None}
        for translation in shared["translations"]
        if translation["record"] == "people"
    ]
    entries = []
    for slug, data in explainers:
        values = document_values(data)
        entries.append({"slug": slug, "settings": values["explainer"]})
        for name in _CONCATENATED:
            lists[name] += (
                {**record, "explainer": slug} if name in _OWN else record for record in values[name]
            )
        translations += (
            {**translation, "explainer": slug}
            for translation in values["translations"]
            if translation["record"] != "people"
        )
    document = {
        "format": SITE_FORMAT,
        "site": settings.model_dump(mode="json"),
        "explainers": entries,
        "people": shared["people"],
        "sources": shared["sources"],
        **lists,
        "translations": translations,
    }
    return dumps(document)


@cache
def site_document_schema_json() -> str:
    """The site's ``data/schema/explainer.schema.json``: the JSON Schema of its ``explainer.json``."""
    return dumps(
        schema_of(
            SiteDocument,
            "Site data",
            "Every explainer of a site with the people and sources they share: each topic, event, quote, "
            "correction and translation names its explainer.",
        )
    )
