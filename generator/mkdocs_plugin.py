"""The MkDocs adapter: runs the generator inside ``mkdocs build`` and ``mkdocs serve``.

Everything here is about MkDocs; the pages themselves come from :func:`generator.outputs.site_files`,
which knows nothing of MkDocs, so the same content builds with ``explainer generate`` and another engine.

A build fails on bad data. The live preview does not: MkDocs' server answers no request after a failed
build, so there every page shows the problems instead (:mod:`generator.preview_pages`), and the next save that
fixes them brings the site back. Under ``mkdocs serve --dirty`` (``explainer serve``) a save rebuilds only the
pages whose text changed (:mod:`generator.preview_rebuild`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory

from generator import (
    engines,
    i18n,
    output_folder,
    preview_rebuild,
    preview_watch,
    quote_stamps,
    search_index,
)
from generator.build import Generated, MadeSite, Project, generate_for_preview, generate_site
from generator.editions import Edition
from generator.errors import DataError
from generator.html_blocks import SetAside, set_aside
from generator.load import ParsedFiles
from generator.outputs import Options, SiteFiles, stylesheet
from generator.preview_pages import nav_pages, problems_panel, stand_in_page
from generator.quote_stamps import QuoteStamp, Shell, ShellError
from generator.sitemap import STYLESHEET
from generator.utf8_texts import Utf8Texts
from generator.validate import CheckedFiles

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


class ExplainerConfig(Config):
    data_dir = config_options.Type(str, default="data")
    admin = config_options.Optional(config_options.Type(dict))  # read by generator.admin.files
    editions = config_options.Optional(config_options.Type(list))  # read by generator.editions


@dataclass(frozen=True)
class _Added:
    """What the plugin adds to MkDocs' files: pages as text (kept as UTF-8), images as bytes, and files copied
    from elsewhere, by path."""

    pages: Utf8Texts
    copies: Mapping[str, Path] = field(default_factory=dict)
    images: Mapping[str, bytes] = field(default_factory=dict)
    # The pages the data makes (not content/'s): their HTML blocks bypass Python-Markdown (generator.html_blocks).
    generated: frozenset[str] = frozenset()
    # The quotes' pages, stamped from their shells (among ``pages``) once the site is built.
    stamps: tuple[QuoteStamp, ...] = ()


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    """Adds the generated pages to the build, and watches data/ while serving."""

    command: str = "build"
    # Under ``mkdocs serve --dirty``: only what changed is rebuilt (generator.preview_rebuild).
    incremental: bool = False
    # Under ``mkdocs serve``, the plugin lives through every rebuild: what the last good one added.
    last_good: _Added | None = None
    # Under ``mkdocs serve``: the quotes' pages stamped into the site folder, by page, and their shells as the
    # engine last rendered them (generator.quote_stamps), so that a save stamps again only the pages it changed.
    stamped: dict[str, QuoteStamp]
    shells: dict[str, Shell]
    # Under ``mkdocs serve --dirty``: the site folder after the last complete build (None: none, or it failed);
    # what the build under way puts there, and the last build whose unchanged files it keeps (None: it rebuilds
    # every page, for the reason given).
    built: preview_rebuild.Built | None = None
    building: preview_rebuild.SiteState | None = None
    kept: preview_rebuild.Built | None = None
    rebuild_all_reason: str = ""
    nav: Navigation | None = None
    added: _Added = _Added(Utf8Texts({}))
    # A page's HTML blocks, from its Markdown event to its content event.
    set_aside: dict[str, SetAside]
    # Under ``mkdocs serve``: the theme's templates, compiled once for every rebuild; the data files as last
    # read, read again only when they change; the event files as last checked, each on its own; the last good
    # generation, whose pages an edit does not affect are kept.
    compiled_templates: preview_rebuild.CompiledTemplates
    parsed: ParsedFiles
    checked: CheckedFiles
    generated: Generated | None = None
    # Under ``explainer build``: the pages it made before it ran MkDocs, not to be made again (generator.build).
    made: MadeSite | None = None

    def __init__(self) -> None:
        super().__init__()
        self.set_aside = {}
        self.stamped = {}
        self.shells = {}
        self.compiled_templates = preview_rebuild.CompiledTemplates()
        self.parsed = ParsedFiles()
        self.checked = CheckedFiles()

    def take(self, made: MadeSite) -> None:
        """Build the pages ``made`` holds, if they were made for this build's edition and options."""
        self.made = made

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command
        self.incremental = command == "serve" and dirty
        if self.incremental:
            logging.getLogger("mkdocs.commands.build").addFilter(preview_rebuild.QuietDirtyWarning())

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Add the generator's theme overrides under the project's own (``custom_dir``), so a project needs
        none of its own; tell the theme about a live preview (``mkdocs serve`` injects an inline reload
        script of its own)."""
        theme = str(engines.theme_dir())
        if theme not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, theme)
        config.extra["explainer_live_preview"] = self.command == "serve"
        try:
            edition = self._project(config).edition()
        except DataError as error:
            raise PluginError(f"The site's editions are not set right:\n{error}") from None
        if edition is not None:
            self._set_edition(config, edition)
        language = edition.language if edition is not None else "en"
        config.extra["explainer_words"] = i18n.theme_words(language, config.site_name)
        return config

    def _set_edition(self, config: MkDocsConfig, edition: Edition) -> None:
        """What the templates need of the site's editions (overrides/partials/explainer-editions.html): this
        one's language and locale, and where each edition's twin of a page is; another edition than the main
        one lives in its folder of the main one's address."""
        site_url = config.site_url
        root = site_url if site_url is None or site_url.endswith("/") else f"{site_url}/"
        if root is not None and not edition.main:
            config.site_url = f"{root}{edition.folder}"
        up = "../" * edition.folder.count("/")
        editions = self._project(config).editions()
        config.extra["explainer_edition"] = edition.template_values()
        config.extra["explainer_editions"] = [
            {
                **other.template_values(),
                "name": other.name,
                "current": other == edition,
                "href": f"{up}{other.folder}",  # from this edition's root to the other's
                "url": None if root is None else f"{root}{other.folder}",
            }
            for other in editions
        ]

    def _project(self, config: MkDocsConfig) -> Project:
        root = Path(config.config_file_path).parent
        content_dir = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
        language = config.theme.get("language") if self.config.editions else None
        return Project(root=root, data_dir=self.config.data_dir, content_dir=content_dir, language=language)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        project = self._project(config)
        try:
            options = Options(
                directory_urls=config.use_directory_urls,
                site_url=config.site_url,
                language=project.language or Options.language,
            )
            made = self.made.take_files(project, options) if self.made is not None else None
            site = made if made is not None else self._generate(project, options)
            admin = project.admin_files()
            content = project.read_content()
            hand_written = content.pages.keys()
            edition = project.edition()
        except DataError as error:
            if self.command != "serve":
                raise PluginError(f"The data has problems:\n{error}") from None
            added = self._while_invalid(error, files, config)
        else:
            pages = site.pages
            generated = frozenset(path for path in pages if path.endswith(".md") and path not in hand_written)
            # Another edition's content files (images…) are its own folder's, at the main edition's paths.
            copies = dict(content.files) if edition is not None and not edition.main else {}
            added = _Added(
                pages.with_texts(admin.texts) if admin else pages,
                {**copies, **(admin.copies if admin else {})},
                site.images,
                generated,
                site.stamps,
            )
            if self.command == "serve":
                self.last_good = added
        # The editions' folders of the content folder are not pages of any edition as they are.
        folders = tuple(edition.folder for edition in project.editions() if not edition.main)
        for file in [file for file in files if folders and file.src_uri.startswith(folders)]:
            files.remove(file)
        self.added = added
        last = self._start_build(added, config)
        for path in [*added.pages, *added.copies, *added.images]:
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
        shells = {stamp.shell for stamp in added.stamps}
        for path in added.pages:
            # MkDocs decodes a page when it reads it; the preview compares each page's UTF-8 with the last
            # build's (a page the generator did not make again is the same bytes: no decoding, no comparing).
            file = preview_rebuild.add_file(config, path, added.pages.encoded(path), last)
            if path in shells:  # never a page of its own: not in a nav made from the files either
                file.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(file)
        for path, image in added.images.items():
            files.append(preview_rebuild.add_file(config, path, image, last))
        for path, source in added.copies.items():
            files.append(File.generated(config, path, abs_src_path=str(source)))
        if self.command != "serve":  # the files hold the pages now, each until MkDocs reads it
            self.added = replace(added, pages=Utf8Texts({}))
        return files

    def _generate(self, project: Project, options: Options) -> SiteFiles:
        """Every file of the site; while serving, with only the pages of single items that the data's changes
        affect made again."""
        if self.command != "serve":
            return generate_site(project, options)
        self.generated = generate_for_preview(project, options, self.parsed, self.checked, self.generated)
        count = self.generated.made.count()
        if count is not None:
            log.info(f"Generated again only the pages the edit affects: {count} of single items")
        return self.generated.site

    def _start_build(self, added: _Added, config: MkDocsConfig) -> preview_rebuild.Built | None:
        """Under ``mkdocs serve --dirty``: the last complete build, whose unchanged files MkDocs keeps, or None
        when this build rebuilds every page (the site folder is then emptied)."""
        if not self.incremental:
            return None
        state = preview_rebuild.SiteState(
            {**{path: added.pages.encoded(path) for path in added.pages}, **added.images},
            added.copies,
            preview_rebuild.project_files(config),
            "explainer_problems" in config.extra,
        )
        last, self.built, self.building = self.built, None, state
        reason = preview_rebuild.why_rebuild_all(last, state)
        if reason:
            self._rebuild_all(reason, config)
        else:
            self.kept = last
        return self.kept

    def _rebuild_all(self, reason: str, config: MkDocsConfig) -> None:
        """Empty the preview's site folder (a temporary one that ``mkdocs serve`` made), as a build without
        ``--dirty`` does, so that every file is built again."""
        self.kept, self.rebuild_all_reason = None, reason
        clean_directory(config.site_dir)

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Under ``mkdocs serve --dirty``: every page rebuilt if the nav may have changed, else the title and
        front matter of the nav's pages that MkDocs does not read again, as the last build had them."""
        self.nav = nav
        kept, state = self.kept, self.building
        if kept is None or state is None:
            return nav
        if preview_rebuild.nav_changed(nav, kept, state.generated):
            self._rebuild_all(preview_rebuild.NAV_CHANGED, config)
        else:
            preview_rebuild.restore_nav(nav, kept)
        return nav

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        """Under ``mkdocs serve``: the templates compiled by an earlier build are not compiled again."""
        if self.command == "serve":
            env.bytecode_cache = self.compiled_templates
        return env

    def _while_invalid(self, error: DataError, files: Files, config: MkDocsConfig) -> _Added:
        """What to preview while the data has problems; every page shows them (overrides/main.html)."""
        log.warning(f"Every page of the preview shows these problems until they are fixed:\n{error}")
        config.extra["explainer_problems"] = problems_panel(
            error.problems, kept_last_good=self.last_good is not None
        )
        if self.last_good is not None:
            return self.last_good
        stand_ins = {
            path: stand_in_page(title)
            for title, path in nav_pages(config.nav)
            if files.get_file_from_path(path) is None
        }
        return _Added(Utf8Texts.of({**stand_ins, STYLESHEET: stylesheet()}))

    @event_priority(-100)  # after any other plugin's changes to the Markdown
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page goes to Python-Markdown without its HTML blocks, which need no converting. Outside
        the live preview, which compares it with the next build's, its text is let go once read: a build holds
        every page's HTML until it writes the first one."""
        if page.file.src_uri not in self.added.generated:
            return markdown
        if self.command != "serve":
            page.file.content_bytes = b""
        found = set_aside(markdown)
        self.set_aside[page.file.src_uri] = found
        return found.markdown

    @event_priority(100)  # before any other plugin reads the page's HTML
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The HTML blocks back in their places, and their anchors known to MkDocs' link validation."""
        found = self.set_aside.pop(page.file.src_uri, None)
        if found is None:
            return html
        page.present_anchor_ids = (page.present_anchor_ids or set()) | found.anchor_ids()
        return found.put_back(html)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Stamp the quotes' pages, index the finished site for search (every build but the live preview's
        incremental ones, which keep the last index), and mark the site folder as this tool's: a plain ``mkdocs
        build`` made it, ``explainer build`` may replace it."""
        site_dir = Path(config.site_dir)
        try:
            self._stamp_quote_pages(site_dir, config.use_directory_urls)
        except ShellError as error:
            raise PluginError(f"The quotes' pages cannot be made: {error}") from None
        if self.kept is None:  # a full build: search is indexed on those only (generator.preview_rebuild)
            try:
                code = search_index.index_site(site_dir, Path(config.config_file_path).parent)
            except DataError as error:
                raise PluginError(f"The site cannot be indexed for search:\n{error}") from None
            if code:
                raise PluginError(f"Pagefind could not index the site for search (exit code {code})")
        output_folder.mark(site_dir)
        if self.building is not None and self.nav is not None:
            self.built = preview_rebuild.Built(self.building, preview_rebuild.nav_pages(self.nav))
            if self.kept is None:
                log.info(f"Rebuilt every page: {self.rebuild_all_reason}")
            else:
                count = preview_rebuild.changed(self.kept, self.building)
                log.info(f"Rebuilt only the files that changed: {count} of {len(self.building.generated)}")

    def _stamp_quote_pages(self, site_dir: Path, directory_urls: bool) -> None:
        """Every quote's page from its shell, the shells' own pages removed (generator.quote_stamps). Under
        ``mkdocs serve``, the shells are kept: an incremental build stamps again only the pages whose values
        changed (all of them if a shell's HTML did), and removes those of quotes that are gone."""
        stamps = self.added.stamps
        wanted = {stamp.shell for stamp in stamps} | self.shells.keys()
        shells = quote_stamps.take_shells(site_dir, wanted, directory_urls=directory_urls)
        if self.command != "serve":
            quote_stamps.stamp_pages(site_dir, shells, stamps, directory_urls=directory_urls)
            return
        # A full build emptied the site folder. MkDocs renders the shells again on every build (their pages are
        # missing); one rendered otherwise than last time changes every quote's page.
        previous = self.stamped if self.kept is not None else {}
        same = all(self.shells.get(path) == shell for path, shell in shells.items())
        last = previous if same else {}
        self.shells |= shells
        changed = [stamp for stamp in stamps if last.get(stamp.page) != stamp]
        quote_stamps.stamp_pages(site_dir, self.shells, changed, directory_urls=directory_urls)
        self.stamped = {stamp.page: stamp for stamp in stamps}
        gone = previous.keys() - self.stamped.keys()
        quote_stamps.remove_pages(site_dir, sorted(gone), directory_urls=directory_urls)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        """Watch the data folder too, each path through the system's notice of a change
        (:mod:`generator.preview_watch`)."""
        preview_watch.watch_natively(server, config)
        server.watch(str(Path(config.config_file_path).parent / self.config.data_dir))
        return server
