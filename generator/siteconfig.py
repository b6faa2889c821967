"""Settings read from mkdocs.yml outside MkDocs, with MkDocs' own ``!ENV`` tag.

The deploy workflow sets ``SITE_URL`` so the published pages know their real address (``site_url: !ENV
[SITE_URL, default]``); the generator (for the feed and structured data) and the Zensical path read the same
value MkDocs does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml_env_tag import construct_env_tag


class _ConfigLoader(yaml.CSafeLoader):
    """Safe loading plus ``!ENV``, resolved as MkDocs resolves it (pyyaml-env-tag, which MkDocs uses)."""


_ConfigLoader.add_constructor("!ENV", construct_env_tag)


def load_config(path: Path) -> dict[str, Any]:
    """The config file as plain values, ``!ENV`` values taken from the environment or their default."""
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    if not isinstance(config, dict):
        raise ValueError(f"{path}: expected a mapping of settings")
    return config


def site_url(path: Path) -> str | None:
    """The site's published address from the config file, if it sets one."""
    value = load_config(path).get("site_url") if path.is_file() else None
    return str(value) if value else None
