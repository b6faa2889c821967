"""Decap CMS form fields from the data's JSON Schemas.

Names, required-ness, choices, limits and help texts are read from :func:`generator.schema.schema_for`, which
the models generate: the form asks for what validation accepts, and a change to a model changes both. What a
schema cannot say is kept here: which fields hold ids defined elsewhere (picked from lists, not typed) and how
each kind of text is best typed in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from pydantic import TypeAdapter

from generator.model import ID_PATTERN, LANGUAGE_PATTERN, DateValue
from generator.validate import CORRECTION_REFERENCES, EVENT_REFERENCES, SETTINGS_REFERENCES

FieldPath = tuple[str, ...]
"""Where a field sits in a file: names from the top, ``*`` for each item of a list."""


@dataclass(frozen=True)
class RelationWidget:
    """Decap's relation widget for one kind of id: the collection (and its file) it is picked from, the id,
    what the list shows (not a relation between quotes, :class:`generator.model.Relation`)."""

    collection: str
    file: str | None
    value_field: str
    display_fields: tuple[str, ...]


# The kinds of id, as generator.validate names them, and where an editor picks each from.
RELATION_WIDGETS: Mapping[str, RelationWidget] = MappingProxyType(
    {
        "person": RelationWidget("people", "people", "people.*.id", ("people.*.name",)),
        "source": RelationWidget(
            "sources", "sources", "sources.*.id", ("sources.*.outlet", "sources.*.title")
        ),
        "topic": RelationWidget("topics", "topics", "topics.*.id", ("topics.*.question",)),
        "quote": RelationWidget("events", None, "quotes.*.id", ("quotes.*.text",)),
        "event": RelationWidget("events", None, "id", ("title",)),
    }
)

# Fields holding ids defined elsewhere, by schema file: the references generator.validate checks.
REFERENCES: Mapping[str, Mapping[FieldPath, str]] = MappingProxyType(
    {
        "explainer.schema.json": dict(SETTINGS_REFERENCES),
        "event.schema.json": dict(EVENT_REFERENCES),
        "corrections.schema.json": dict(CORRECTION_REFERENCES),
    }
)

# Text written in our own words, often several sentences: a text area instead of a one-line box.
MULTILINE = frozenset({"summary", "context", "note", "changed", "reason"})

# What each pattern in the schemas asks for, said to an editor when a value does not match it.
PATTERN_MESSAGES: Mapping[str, str] = MappingProxyType(
    {
        ID_PATTERN: "Lowercase letters, digits and hyphens, beginning and ending with a letter or digit.",
        r"^\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$": 'A time with its UTC offset, such as "15:10-06:00" or "20:10Z".',
        "^https://": "An address beginning with https://.",
        r"\S": "Text that is not only spaces.",
        LANGUAGE_PATTERN: "A language code such as en, es or es-MX (BCP 47).",
    }
)

PARTIAL_DATE_WIDGET = "partial-date"
"""The date widget of generator/assets/admin/admin.js: a day, a month or a year, each with its own picker."""


def _shape(schema: Mapping[str, Any]) -> dict[str, Any]:
    """A schema without the words that name and describe it."""
    return {key: value for key, value in schema.items() if key not in ("title", "description")}


_DATE_SCHEMA = _shape(TypeAdapter(DateValue).json_schema())
_NULL = {"type": "null"}


class FormError(ValueError):
    """A schema holds something no form field is made for (a model changed in a way this module must learn)."""


def form_fields(
    schema: Mapping[str, Any], references: Mapping[FieldPath, str], languages: Sequence[str] = ("en",)
) -> list[dict[str, Any]]:
    """The Decap fields of an object schema, in the model's order; with several ``languages`` (the main one
    first), a text in our own words is a group of one box per language."""
    return _Walk(schema.get("$defs", {}), references, tuple(languages)).fields(schema, ())


# The kinds of id whose list shows a text in our own words (a question), not a name or the quoted words.
_SHOWN_IN_OWN_WORDS = frozenset({"topic", "event"})


def label(name: str) -> str:
    """``as_printed`` → ``As printed``."""
    return name.replace("_", " ").capitalize()


@dataclass(frozen=True)
class _Walk:
    definitions: Mapping[str, Any]
    references: Mapping[FieldPath, str]
    languages: tuple[str, ...]

    def resolve(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        reference = schema.get("$ref")
        if reference is None:
            return schema
        resolved: Mapping[str, Any] = self.definitions[reference.removeprefix("#/$defs/")]
        return resolved

    def fields(self, schema: Mapping[str, Any], path: FieldPath) -> list[dict[str, Any]]:
        schema = self.resolve(schema)
        if schema.get("type") != "object":
            raise FormError(f"{'.'.join(path)}: expected an object schema, found {schema}")
        required = set(schema.get("required", ()))
        return [
            self.field(name, value, (*path, name), required=name in required)
            for name, value in schema["properties"].items()
        ]

    def field(
        self, name: str, schema: Mapping[str, Any], path: FieldPath, *, required: bool
    ) -> dict[str, Any]:
        shape = schema
        options = schema.get("anyOf")
        if options and _NULL in options and len(options) == 2:  # an optional value: the other option
            shape = next(option for option in options if option != _NULL)
        field: dict[str, Any] = {"name": name, "label": label(name)}
        if not required:
            field["required"] = False
        if "description" in schema:
            field["hint"] = schema["description"]
        text = _own_words_text(self.resolve(shape))
        if text is None:
            widget = self.widget(self.resolve(shape), path)
            if not required and widget["widget"] == "object":
                # Decap requires an optional object's required fields even when the object is left empty
                # (decap-cms issue 7748), so every citation would need a translation. The form leaves them
                # optional; validation names a missing one (a translation without "from") at its place.
                widget["fields"] = _optional(widget["fields"])
            return field | widget
        if len(self.languages) < 2:
            return field | self.widget(text, path)
        boxes = [
            {"name": code, "label": f"{label(name)}: {code}"}
            # The main language's text is required with the field (an optional group asks for none).
            | ({} if required and code == self.languages[0] else {"required": False})
            for code in self.languages
        ]
        return field | {"widget": "object", "fields": [box | self.widget(text, path) for box in boxes]}

    def widget(self, schema: Mapping[str, Any], path: FieldPath) -> dict[str, Any]:
        if _shape(schema) == _DATE_SCHEMA:
            return {"widget": PARTIAL_DATE_WIDGET}
        if "enum" in schema:
            return {"widget": "select", "options": list(schema["enum"])}
        kind = schema.get("type")
        if kind == "object":
            return {"widget": "object", "fields": self.fields(schema, path)}
        if kind == "array":
            return self.array(schema, path)
        if kind == "integer":
            return {"widget": "number", "value_type": "int"} | _limits(schema, "minimum", "maximum")
        if kind == "string":
            if path in self.references:
                return self.relation(path)
            widget = "text" if path[-1] in MULTILINE else "string"
            return {"widget": widget} | _pattern(schema, path)
        raise FormError(f"{'.'.join(path)}: no form field for the schema {dict(schema)}")

    def array(self, schema: Mapping[str, Any], path: FieldPath) -> dict[str, Any]:
        items = self.resolve(schema["items"])
        limits = _limits(schema, "minItems", "maxItems")
        item_path = (*path, "*")
        if items.get("type") == "object":
            return {"widget": "list", "fields": self.fields(items, item_path)} | limits
        if item_path in self.references:
            return self.relation(item_path) | {"multiple": True} | limits
        if items.get("pattern") == LANGUAGE_PATTERN:  # the explainer's languages, typed as en, es
            return {"widget": "list"} | limits
        raise FormError(f"{'.'.join(path)}: a list of values that are not ids of another kind")

    def relation(self, path: FieldPath) -> dict[str, Any]:
        kind = self.references[path]
        source = RELATION_WIDGETS[kind]
        shown = source.display_fields
        if len(self.languages) > 1 and kind in _SHOWN_IN_OWN_WORDS:
            # What the list shows is then written in our own words, given per language: the main one's.
            shown = tuple(f"{field}.{self.languages[0]}" for field in shown)
        field: dict[str, Any] = {"widget": "relation", "collection": source.collection}
        if source.file is not None:
            field["file"] = source.file
        return field | {
            "value_field": source.value_field,
            # An editor finds an item by what the list shows, or by its id.
            "search_fields": [*shown, source.value_field],
            "display_fields": list(shown),
        }


def _own_words_text(schema: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """A text in our own words may be plain text or a text per language (generator.languages): the plain
    text's schema, or None for any other schema."""
    options = [option for option in schema.get("anyOf", ()) if option != _NULL]
    texts = [option for option in options if option.get("type") == "string"]
    by_language = [option for option in options if "propertyNames" in option]
    if len(options) == 2 and len(texts) == 1 and len(by_language) == 1:
        text: Mapping[str, Any] = texts[0]
        return text
    return None


def _optional(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The fields, each not required, nor any field of an object among them."""
    loosened = []
    for field in fields:
        field = field | {"required": False}
        if field["widget"] == "object":
            field["fields"] = _optional(field["fields"])
        loosened.append(field)
    return loosened


def _limits(schema: Mapping[str, Any], low: str, high: str) -> dict[str, Any]:
    return {name: schema[key] for name, key in (("min", low), ("max", high)) if key in schema}


def _pattern(schema: Mapping[str, Any], path: FieldPath) -> dict[str, Any]:
    pattern = schema.get("pattern")
    if pattern is None:
        if schema.get("format") == "uri":
            raise FormError(f"{'.'.join(path)}: an address without a pattern")
        return {}
    if pattern not in PATTERN_MESSAGES:
        raise FormError(f"{'.'.join(path)}: no message for the pattern {pattern!r}")
    return {"pattern": [pattern, PATTERN_MESSAGES[pattern]]}
