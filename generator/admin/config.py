"""The Decap CMS config (``admin/config.yml``): one collection per kind of data file, fields from the models.

Saving goes through a pull request on the published site (the GitHub backend's editorial workflow), so the
same checks run on every change. On this machine, ``./dev admin`` starts Decap's local server, which writes
straight into the working tree: Decap switches to it when the page is opened from 127.0.0.1 and it answers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from generator.admin.fields import REFERENCES, form_fields
from generator.load import CORRECTIONS_FILE, EVENTS_DIR, PEOPLE_FILE, SETTINGS_FILE, SOURCES_FILE, TOPICS_FILE
from generator.schema import schema_for

LOCAL_HOST = "127.0.0.1"
DEFAULT_LOCAL_PORT = 8081

_HEADER = (
    "# Made by the explainer generator from its models on every build (generator/admin/): do not edit.\n"
)


@dataclass(frozen=True)
class AdminSettings:
    """What the published editor needs to know (from ``plugins: explainer: admin:`` in mkdocs.yml)."""

    repo: str
    """The GitHub repository the editor opens pull requests on: ``owner/name``."""
    branch: str = "main"
    local_port: int = DEFAULT_LOCAL_PORT
    """Where ``./dev admin`` runs Decap's local server, on 127.0.0.1."""
    auth_url: str | None = None
    """The OAuth service that signs editors in to GitHub (Decap's ``base_url``); None: Decap's default."""

    @property
    def local_api(self) -> str:
        return f"http://{LOCAL_HOST}:{self.local_port}/api/v1"


@dataclass(frozen=True)
class _FileKind:
    name: str
    label: str
    schema: str
    file: str


# The collections of single files, in the order the editor lists them (events, a folder, come first).
_FILES = (
    _FileKind("people", "People", "people.schema.json", PEOPLE_FILE),
    _FileKind("sources", "Sources", "sources.schema.json", SOURCES_FILE),
    _FileKind("topics", "Questions", "topics.schema.json", TOPICS_FILE),
    _FileKind("corrections", "Corrections", "corrections.schema.json", CORRECTIONS_FILE),
    _FileKind("settings", "Settings", "explainer.schema.json", SETTINGS_FILE),
)


def _fields(schema: str, languages: Sequence[str]) -> list[dict[str, Any]]:
    return form_fields(schema_for(schema), REFERENCES.get(schema, {}), languages)


def collections(data_dir: str, languages: Sequence[str] = ("en",)) -> list[dict[str, Any]]:
    """Decap's collections: the event files as a folder (one file per event), the other files one each; with
    several ``languages``, a text in our own words has a box for each."""
    title = f"title.{languages[0]}" if len(languages) > 1 else "title"
    events = {
        "name": "events",
        "label": "Events",
        "label_singular": "Event",
        "description": "One file per event, named after its id; its quotes and their citations inside.",
        "folder": f"{data_dir}/{EVENTS_DIR}",
        "extension": "yaml",
        "format": "yaml",
        "create": True,
        "identifier_field": "id",
        "slug": "{{id}}",
        "summary": f"{{{{date}}}}: {{{{{title}}}}}",
        "sortable_fields": ["date", title],
        "fields": _fields("event.schema.json", languages),
    }
    files = [
        {
            "name": kind.name,
            "label": kind.label,
            "files": [
                {
                    "name": kind.name,
                    "label": kind.label,
                    "file": f"{data_dir}/{kind.file}",
                    "fields": _fields(kind.schema, languages),
                }
            ],
        }
        for kind in _FILES
    ]
    return [events, *files]


def decap_config(
    settings: AdminSettings, *, data_dir: str, content_dir: str, languages: Sequence[str] = ("en",)
) -> dict[str, Any]:
    """The whole config, as Decap reads it, for an explainer in ``languages`` (the main one first)."""
    backend: dict[str, Any] = {"name": "github", "repo": settings.repo, "branch": settings.branch}
    if settings.auth_url:
        backend["base_url"] = settings.auth_url
    return {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "local_backend": {"url": settings.local_api},
        # Decap requires a media folder; no field here takes a file, so nothing is uploaded to it.
        "media_folder": f"{content_dir}/assets/uploads",
        "public_folder": "/assets/uploads",
        "editor": {"preview": False},
        "collections": collections(data_dir, languages),
    }


def config_text(config: Mapping[str, Any]) -> str:
    """``admin/config.yml``: the config in the order it was built, the same bytes for the same settings."""
    return _HEADER + yaml.safe_dump(dict(config), sort_keys=False, allow_unicode=True, width=110)
