"""The data set as one JSON document, its JSON Schema, and reading the document back."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from generator.dataset import Dataset
from generator.export.records import Document, document_values, to_dataset
from generator.schema import schema_of

DOCUMENT = "data/explainer.json"


def dumps(value: Any) -> str:
    """Deterministic JSON on one line: sorted keys, no spaces, UTF-8 text as it is, a final newline.

    No indentation, since with ``indent`` the standard library falls back to its slower pure-Python encoder,
    and no spaces after ``,`` and ``:``, which keeps the file smaller. To read it laid out:
    ``python -m json.tool``.
    """
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def document_json(data: Dataset) -> str:
    """``data/explainer.json``: every record of the explainer, normalised."""
    return dumps(document_values(data))


def load_document(text: str) -> Dataset:
    """Read ``explainer.json`` back (validated against the same models) into a dataset."""
    return to_dataset(Document.model_validate_json(text))


@cache
def document_schema_json() -> str:
    """``data/schema/explainer.schema.json``: the JSON Schema of ``explainer.json``.

    It depends on the models only, so it is made once per process: pydantic takes a few milliseconds to
    generate it, most of the exports' time for a small explainer, on every rebuild of ``mkdocs serve``.
    """
    return dumps(
        schema_of(
            Document,
            "Explainer data",
            "Every person, source, topic, event, quote, citation and relation of a news explainer.",
        )
    )
