"""The site engines that read ``mkdocs.yml``: how each is run, and how the generator writes links for it.

MkDocs runs the generator through its plugin (``generator/mkdocs_plugin.py``); ``explainer build`` runs MkDocs
in its own process (:func:`build_with_mkdocs`), so that the plugin can be handed the pages the build has made
already. Zensical drops MkDocs plugins it does not know, so for Zensical the pages are written first
(``explainer generate``) into a work folder, and Zensical gets a config derived from ``mkdocs.yml`` that points
at them. Nothing here is hand-maintained per engine beyond that derivation.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import subprocess
import sys
import warnings
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal, get_args

import yaml
from click import ClickException
from mkdocs.__main__ import ColorFormatter
from mkdocs.__main__ import _showwarning as show_warning
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.build import log as build_log
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import DuplicateFilter

from generator import i18n, siteconfig
from generator.editions import Edition, read_editions
from generator.quote_stamps import shell_path
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


def build_with_mkdocs(
    config_file: Path,
    site_dir: Path,
    *,
    source_date_epoch: str,
    prepare: Callable[[MkDocsConfig], None],
) -> int:
    """``mkdocs build --strict --clean`` into ``site_dir``, run in this process as MkDocs' command line runs it:
    the same messages on the terminal, the same exit code (0, or 1 when MkDocs aborts). ``prepare`` gets the
    loaded config before the build starts (the build hands its plugins what it has made).

    Nothing of one run is left for the next (another edition's): the config and its plugins are new each
    time, and the logging, warnings and environment that MkDocs' command line sets are put back afterwards.
    """
    with _mkdocs_logging(), _environment(engine_env(source_date_epoch)):
        try:
            config = load_config(str(config_file.resolve()), site_dir=str(site_dir), strict=True)
            prepare(config)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config, dirty=False)
            finally:
                config.plugins.on_shutdown()
        except ClickException as error:  # what MkDocs' command line makes of an aborted build
            error.show()
            return error.exit_code
    return 0


@contextmanager
def _mkdocs_logging() -> Iterator[None]:
    """MkDocs' messages as its command line shows them (``INFO    -  ...`` on stderr, each once, in colour and
    wrapped on a terminal), and Python's deprecation warnings as it reports them; as they were before,
    afterwards."""
    logger = logging.getLogger("mkdocs")
    level, propagate = logger.level, logger.propagate
    stream = logging.StreamHandler()  # on the stderr of now: a test's, when a test runs the command
    plain = not sys.stdout.isatty() or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb"
    stream.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s") if plain else ColorFormatter())
    stream.name = "MkDocsStreamHandler"
    once = DuplicateFilter()
    with warnings.catch_warnings():  # puts back the filters and showwarning
        if not sys.warnoptions:  # MkDocs leaves warnings asked for on Python's command line alone
            build_log.addFilter(once)
            warnings.simplefilter("module", DeprecationWarning)
            warnings.showwarning = show_warning
        logger.setLevel(logging.INFO)
        logger.propagate = False
        logger.addHandler(stream)
        try:
            yield
        finally:
            logger.removeHandler(stream)
            logger.setLevel(level)
            logger.propagate = propagate
            build_log.removeFilter(once)


@contextmanager
def _environment(env: Mapping[str, str]) -> Iterator[None]:
    """``os.environ`` as ``env`` says while the block runs; as it was before, afterwards."""
    before = dict(os.environ)
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(before)


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
        extra["explainer_edition"] = edition.template_values()
    language = edition.language if edition is not None else "en"
    extra["explainer_words"] = i18n.theme_words(language, str(config.get("site_name", "")))
    derived["extra"] = extra
    # The shells the quotes' pages are stamped from are no pages of the nav (the explainer plugin tells MkDocs).
    not_in_nav = str(config.get("not_in_nav") or "")
    shells = [f"**/{shell_path(pictured=pictured)}" for pictured in (False, True)]
    derived["not_in_nav"] = "".join(f"{line}\n" for line in [*not_in_nav.splitlines(), *shells])
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
