"""The site engines that read ``mkdocs.yml``: how each is run, and how the generator writes links for it.

MkDocs runs the generator through its plugin (``generator/mkdocs_plugin.py``). Zensical drops MkDocs plugins
it does not know, so for Zensical the pages are written first (``explainer generate``) into a work folder,
and Zensical gets a config derived from ``mkdocs.yml`` that points at them. Nothing here is hand-maintained
per engine beyond that derivation.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal, get_args

import yaml

from generator import i18n, siteconfig
from generator.editions import Edition, read_editions
from generator.urls import LinkStyle

EngineName = Literal["mkdocs", "zensical"]
ENGINES: tuple[EngineName, ...] = get_args(EngineName)
DEFAULT_ENGINE: EngineName = "mkdocs"

# Plugins of ours whose work the generator does before the engine runs; other engines must not see them.
GENERATOR_PLUGINS = frozenset({"explainer"})

DERIVED_CONFIG = "mkdocs.yml"
DOCS = "docs"
SITE = "site"
_HEADER = (
    "# Derived from {source} by `explainer build --engine zensical` on every build: edit that file instead.\n"
)


def theme_dir() -> Path:
    """The generator's theme overrides (``generator/assets/theme``, shipped with the package): the page title
    escaped again, the security policy, meta tags and structured data, the preview's problems panel."""
    return Path(str(files("generator").joinpath("assets/theme"))).resolve()


def link_style(engine: EngineName) -> LinkStyle:
    """MkDocs leaves links in raw HTML alone; Zensical resolves them like Markdown links, from the source."""
    return "source" if engine == "zensical" else "built"


def engine_env(source_date_epoch: str | None = None) -> dict[str, str]:
    """The environment for an engine run: Material's end-of-life banner is documented in docs/engines.md, and
    ``SOURCE_DATE_EPOCH`` (when given) dates the build, so the same data gives the same bytes."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if source_date_epoch is not None:
        env["SOURCE_DATE_EPOCH"] = source_date_epoch
    return env


def mkdocs_command(config_file: Path, site_dir: Path) -> list[str]:
    """``mkdocs build`` in strict mode into ``site_dir``; the explainer plugin generates the pages."""
    return [
        *(sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"),
        *("--site-dir", str(site_dir), "--config-file", str(config_file)),
    ]


def zensical_command(config_file: Path) -> list[str]:
    """``zensical build`` in strict mode; it has no --site-dir, the derived config names it."""
    return [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", str(config_file)]


def plugin_name(entry: str | dict[str, Any]) -> str:
    """The name of a ``plugins:`` entry, written either as ``name`` or as ``name: {options}``."""
    return entry if isinstance(entry, str) else next(iter(entry))


def zensical_config(
    config: dict[str, Any], *, project_root: Path, edition: Edition | None = None
) -> dict[str, Any]:
    """``mkdocs.yml`` for Zensical: docs and site in the work folder, our plugin dropped, Material's look kept.

    Zensical builds one edition, ``edition`` (the main one of a site in several languages: the others need
    MkDocs, docs/editions.md); the templates get its language and locale as the explainer plugin gives them
    under MkDocs, and no other edition to link to.

    Zensical wants ``docs_dir`` and ``site_dir`` inside the folder of its config file; ``custom_dir`` (the
    theme overrides) may lie anywhere, so it is made absolute. Zensical takes one such folder: a project
    without its own gets the generator's (:func:`theme_dir`).
    """
    derived = {**config, "docs_dir": DOCS, "site_dir": SITE}
    theme = config.get("theme", {})
    theme = {"name": theme} if isinstance(theme, str) else dict(theme)
    if "custom_dir" in theme:
        theme["custom_dir"] = str((project_root / theme["custom_dir"]).resolve())
    else:
        theme["custom_dir"] = str(theme_dir())
    theme.setdefault("variant", "classic")
    derived["theme"] = theme
    extra = dict(config.get("extra") or {})
    if edition is not None:
        extra["explainer_edition"] = {
            "language": edition.language,
            "locale": edition.locale,
            "main": edition.main,
        }
    language = edition.language if edition is not None else "en"
    extra["explainer_words"] = i18n.theme_words(language, str(config.get("site_name", "")))
    derived["extra"] = extra
    plugins = config.get("plugins", [])
    if isinstance(plugins, dict):  # MkDocs also takes ``plugins:`` as a mapping of name to options
        derived["plugins"] = {name: value for name, value in plugins.items() if name not in GENERATOR_PLUGINS}
    else:
        derived["plugins"] = [entry for entry in plugins if plugin_name(entry) not in GENERATOR_PLUGINS]
    return derived


def write_zensical_config(config_file: Path, work_dir: Path) -> Path:
    """Write the config derived from ``config_file`` into ``work_dir``; returns its path."""
    config = siteconfig.load_config(config_file)
    main = next(iter(read_editions(config_file)), None)
    derived = zensical_config(config, project_root=config_file.parent, edition=main)
    target = work_dir / DERIVED_CONFIG
    text = yaml.safe_dump(derived, allow_unicode=True, sort_keys=False, width=110)
    target.write_text(_HEADER.format(source=config_file.resolve()) + text, encoding="utf-8")
    return target


def run(command: list[str], cwd: Path, *, source_date_epoch: str | None = None) -> int:
    """Run an engine; its own output goes to the terminal. Returns its exit code.

    The engine ends with this process, however this one ends: ``subprocess.run`` kills it on an exception
    (Ctrl-C included), and on Linux the kernel kills it when this process is killed (``PR_SET_PDEATHSIG``).
    """
    env = engine_env(source_date_epoch)
    before_start = _end_with(os.getpid()) if sys.platform == "linux" else None
    return subprocess.run(command, cwd=cwd, env=env, check=False, preexec_fn=before_start).returncode


_PR_SET_PDEATHSIG = 1


def _end_with(parent: int) -> Callable[[], None]:
    """What the child runs before the engine starts: ask the kernel to kill it when ``parent`` ends."""
    prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up before the fork, not in the child

    def end_with_parent() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent ended before the request was made
            os._exit(1)

    return end_with_parent
