"""JSON Schemas of the data files, generated from the models that validate them (never written by hand)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel

from generator.model import CorrectionsFile, Event, PeopleFile, Settings, SourcesFile, TopicsFile

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# One schema per kind of file: file name → (model, what the file holds, the files it describes).
SCHEMAS: Mapping[str, tuple[type[BaseModel], str, str]] = MappingProxyType(
    {
        "explainer.schema.json": (Settings, "The explainer's settings", "data/explainer.yaml"),
        "people.schema.json": (PeopleFile, "The people quoted or taking part", "data/people.yaml"),
        "sources.schema.json": (SourcesFile, "The published sources", "data/sources.yaml"),
        "topics.schema.json": (TopicsFile, "The questions: rows of the contrast table", "data/topics.yaml"),
        "event.schema.json": (Event, "One event and the quotes said at it", "data/events/*.yaml"),
        "corrections.schema.json": (
            CorrectionsFile,
            "Corrections published on the site",
            "data/corrections.yaml",
        ),
    }
)


def schema_of(model: type[BaseModel], title: str, description: str) -> dict[str, Any]:
    """A model's JSON Schema (draft 2020-12) with a title and description for readers."""
    schema = model.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": SCHEMA_DIALECT, **schema, "title": title, "description": description}


def schema_for(name: str) -> dict[str, Any]:
    """The JSON Schema of one kind of data file, by its schema file name."""
    model, title, files = SCHEMAS[name]
    return schema_of(model, title, f"Describes {files}.")


def schema_texts() -> dict[str, str]:
    """Every schema as the text written to disk (sorted keys, two-space indent, final newline)."""
    return {
        name: json.dumps(schema_for(name), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        for name in sorted(SCHEMAS)
    }


def write_schemas(directory: Path) -> list[Path]:
    """Write every schema into ``directory``; return the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
