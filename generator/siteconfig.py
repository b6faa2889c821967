"""Settings read from mkdocs.yml outside MkDocs, with MkDocs' own ``!ENV`` tag.

The deploy workflow sets ``SITE_URL`` so the published pages know their real address (``site_url: !ENV
[SITE_URL, default]``); the generator (for the feed and structured data) and the Zensical path read the same
value MkDocs does.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from yaml_env_tag import construct_env_tag

from generator.errors import Problem
from generator.yamlfile import format_path


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


def plugin_options(config: Mapping[str, Any], name: str) -> object:
    """The options of plugin ``name`` in a loaded config (``plugins:`` as a list or a mapping); None if absent."""
    plugins = config.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else (_plugin_entry(item) for item in plugins)
    return next((options for key, options in entries if key == name), None)


def _plugin_entry(item: object) -> tuple[object, object]:
    if isinstance(item, dict) and len(item) == 1:
        return next(iter(item.items()))
    return item, None


def position(config_file: Path, keys: tuple[str | int, ...]) -> tuple[int, int]:
    """Line and column of the deepest of ``keys`` (names, and indexes into lists) found in the file (1, 1 if
    none), for a problem's place. A name met in a list finds the list's one-key mapping of that name, as in
    ``plugins:``."""
    node: yaml.Node | None = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    place = (1, 1)
    for key in keys:
        if isinstance(node, yaml.SequenceNode):
            if isinstance(key, int):
                node = node.value[key] if key < len(node.value) else None
                if node is not None:
                    place = (node.start_mark.line + 1, node.start_mark.column + 1)
                continue
            node = next(
                (item for item in node.value if isinstance(item, yaml.MappingNode) and _field(item, key)),
                None,
            )
        if not isinstance(node, yaml.MappingNode):
            break
        pair = _field(node, key)
        if pair is None:
            break
        place = (pair[0].start_mark.line + 1, pair[0].start_mark.column + 1)
        node = pair[1]
    return place


def setting_problem(config_file: Path, keys: tuple[str | int, ...], found: str, expected: str) -> Problem:
    """A problem with the setting at ``keys`` of the config file, at its place (:func:`position`), the
    setting written as ``plugins.explainer.editions[1].locale``."""
    line, column = position(config_file, keys)
    return Problem(config_file.name, line, column, format_path(keys), found, expected)


def found_value(value: object) -> str:
    """A setting's value as a problem names what was found: ``nothing``, or its type and value (``int 80``)."""
    return "nothing" if value is None else f"{type(value).__name__} {value!r}"


def _field(node: yaml.MappingNode, key: str | int) -> tuple[yaml.Node, yaml.Node] | None:
    """The name and the value of the mapping's field ``key``, if it has one."""
    return next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
