"""From a project directory to pages on disk: generate, write atomically, and run the site engine."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Protocol, runtime_checkable

from mkdocs.config.defaults import MkDocsConfig

from generator import engines, output_folder, quote_stamps, search_index, siteconfig
from generator.admin.files import AdminFiles, project_admin_files
from generator.affected_pages import EVERY_PAGE, AffectedPages, affected_pages
from generator.dataset import Dataset
from generator.editions import OPTION, Edition, edition_content, read_editions
from generator.engines import EngineName
from generator.errors import DataError, Problem
from generator.explainers import has_several, load_site, validate_site
from generator.export import export_files
from generator.export.address import SiteAddress
from generator.load import ParsedFiles, load_data
from generator.outputs import Options, SiteFiles, several_export_files, several_site_files, site_files
from generator.reading import Content, read_content
from generator.render.embeds import check_pages
from generator.validate import (
    CheckedFiles,
    validate,
    validate_languages,
    written_days,
    written_quote_ids,
)


@dataclass(frozen=True)
class Project:
    """Where a project keeps its parts, relative to ``root`` (the folder holding mkdocs.yml)."""

    root: Path
    data_dir: str = "data"
    content_dir: str = "content"
    config_file: str = "mkdocs.yml"
    # The edition being made, by its language (generator.editions); None: the main one.
    language: str | None = None

    def editions(self) -> tuple[Edition, ...]:
        """The site's editions that the config file lists, main first (none: a one-language site); raises
        DataError when the list is wrong."""
        return read_editions(self.root / self.config_file)

    def edition(self) -> Edition | None:
        """The edition being made (``language``, or the main one); None on a one-language site. Raises
        DataError when the config file lists no edition in ``language``."""
        editions = self.editions()
        if not editions or self.language is None:
            return editions[0] if editions else None
        found = next((edition for edition in editions if edition.language == self.language), None)
        if found is None:
            listed = ", ".join(edition.language for edition in editions)
            line, column = siteconfig.position(self.root / self.config_file, OPTION)
            found_text = f"no edition in {self.language}, the language of the config file being built"
            expected = f"every edition's language (theme.language of its config) listed there (now: {listed})"
            raise DataError([Problem(self.config_file, line, column, ".".join(OPTION), found_text, expected)])
        return found

    def read_all_content(self) -> Content:
        """The hand-written pages and other files of the content folder, every edition's, and any problem
        reading them."""
        return read_content(self.root, self.content_dir)

    def read_content(self) -> Content:
        """The hand-written pages and other files of the edition being made (every one on a one-language
        site), and any problem reading them."""
        return edition_content(self.read_all_content(), self.editions(), self.language)

    def site_url(self) -> str | None:
        """``site_url`` from the config file (``!ENV`` resolved as MkDocs does), if it is set."""
        return siteconfig.site_url(self.root / self.config_file)

    def inputs(self) -> dict[str, Path]:
        """What the project reads, by the name shown in messages: no output folder may be or hold them."""
        configs = [edition.config_file for edition in self.editions()] or [self.config_file]
        return {
            **{name: self.root / name for name in dict.fromkeys([self.config_file, *configs])},
            f"{self.data_dir}/": self.root / self.data_dir,
            f"{self.content_dir}/": self.root / self.content_dir,
        }

    def admin_files(self) -> AdminFiles | None:
        """The form-based editor's files (``/admin/``) if the config file asks for it; raises DataError if its
        settings are wrong, content/ has files under admin/, or Decap's bundle is not installed."""
        edition = self.edition()
        if edition is not None and not edition.main:
            return None  # one editor, the main edition's, edits the data of every edition
        content = self.read_content()
        return project_admin_files(
            self.root / self.config_file,
            data_dir=self.data_dir,
            content_dir=self.content_dir,
            content=[*content.pages, *content.files],
            several=has_several(self.root, self.data_dir),
        )


class MadeSite:
    """The files :func:`generate_site` made for ``project`` with ``options``. ``explainer build`` makes the main
    edition's before it runs MkDocs (its check of the data) and hands them to the explainer plugin, which would
    otherwise make them again. They are handed over once: the plugin that takes them is then their only holder,
    so that each page can be let go once MkDocs has read it."""

    def __init__(self, project: Project, options: Options, files: SiteFiles) -> None:
        self.project = project
        self.options = options
        self._files: SiteFiles | None = files

    def take_files(self, project: Project, options: Options) -> SiteFiles | None:
        """The files, if they were made for ``project``'s edition with ``options`` and nobody took them yet;
        else None."""
        same = (
            options == self.options
            and project.root.resolve() == self.project.root.resolve()
            and (project.data_dir, project.content_dir) == (self.project.data_dir, self.project.content_dir)
            and project.edition() == self.project.edition()
        )
        if not same:
            return None
        files, self._files = self._files, None
        return files


@runtime_checkable
class _TakesMadeSite(Protocol):
    """The explainer plugin as the build sees it (generator.mkdocs_plugin imports this module, not the reverse)."""

    def take(self, made: MadeSite) -> None: ...


def load_dataset(project: Project) -> Dataset:
    """Read and validate the data; raises DataError with every problem."""
    return validate(load_data(project.root, project.data_dir))


def generate(project: Project, options: Options | None = None) -> Mapping[str, str]:
    """Every text file of the site (pages, exports), by path under the docs directory, as
    :func:`generate_site` makes them, and the values of the quotes' pages as ``explainer generate`` writes
    them (:func:`docs_texts`); raises DataError on bad data."""
    return docs_texts(generate_site(project, options))


def docs_texts(site: SiteFiles) -> Mapping[str, str]:
    """The text files of a docs folder: the site's, and the values of its quotes' pages, which are stamped
    into their shells when the site is built (:data:`generator.quote_stamps.STAMPS_FILE`), if it has any."""
    if not site.stamps:
        return site.pages
    return {**site.pages, quote_stamps.STAMPS_FILE: quote_stamps.stamps_json(site.stamps)}


def generate_site(project: Project, options: Options | None = None) -> SiteFiles:
    """Every file of the site, by path under the docs directory; raises DataError on bad data.

    ``options`` default to directory URLs, links as MkDocs reads them and the config file's ``site_url``.
    When the data or content/ has problems, the embeds in content/ are checked against the ids written in the
    data, so that every problem is reported at once.
    """
    return _generate(project, options).site


@dataclass(frozen=True)
class Generated:
    """Every file of the site (``site``), and what it was made from: the validated data (an explainer's each),
    the hand-written pages and the options; ``made`` says which pages of single items were made for it (the
    others are the last generation's, :func:`generate_for_preview`)."""

    site: SiteFiles
    datasets: tuple[Dataset, ...]
    content: Mapping[str, str]
    options: Options
    several: bool
    made: AffectedPages = EVERY_PAGE


def generate_for_preview(
    project: Project,
    options: Options,
    parsed: ParsedFiles,
    checked: CheckedFiles,
    last: Generated | None,
) -> Generated:
    """:func:`generate_site` for the live preview, which keeps ``parsed``, ``checked`` and the ``last`` good
    generation from one save to the next: a data file is read again only if it changed, an event file checked
    on its own again only if it changed (the checks across files run each time), and with the same
    hand-written pages and options only the pages of single items that the data's changes affect are made
    again (the others are ``last``'s, :mod:`generator.affected_pages`)."""
    return _generate(project, options, parsed, last, checked)


def _generate(
    project: Project,
    options: Options | None,
    parsed: ParsedFiles | None = None,
    last: Generated | None = None,
    checked: CheckedFiles | None = None,
) -> Generated:
    """:func:`generate_for_preview`; without ``parsed``, ``last`` and ``checked``, :func:`generate_site`'s
    files."""
    every_page = project.read_all_content()
    content = edition_content(every_page, project.editions(), project.language)
    if options is None:
        options = Options(site_url=project.site_url())
    if has_several(project.root, project.data_dir):
        site, datasets = _generate_several(project, content, options)
        return Generated(site, datasets, content.pages, options, several=True)
    loaded = load_data(project.root, project.data_dir, parsed=parsed)
    problems = list(content.problems)
    data = None
    try:
        # Each text in our own words in the edition's language: one the data does not declare gets the main
        # language's texts.
        by_language = validate_languages(loaded, checked)
        data = by_language.get(options.language) or next(iter(by_language.values()))
    except DataError as error:
        problems += error.problems
    if data is None or problems:
        ids, days = written_quote_ids(loaded), written_days(loaded)
        raise DataError([*problems, *check_pages(every_page.pages, project.content_dir, ids, days)])
    # Every edition's pages are checked with the main one's, each under its own file name (an edition's
    # page is made at the path of the main page it translates).
    if (edition := project.edition()) is not None and edition.main:
        others = {path: text for path, text in every_page.pages.items() if path not in content.pages}
        ids, days = frozenset(data.statement_by_id), [date.iso() for date, _ in data.days]
        if problems := check_pages(others, project.content_dir, ids, days):
            raise DataError(problems)
    only = EVERY_PAGE
    if last is not None and not last.several and last.content == content.pages and last.options == options:
        only = affected_pages(last.datasets[0], data)
    if only != EVERY_PAGE:
        # Making the exports costs more than the pages an edit changes: the preview keeps the last full
        # generation's (generator.preview_rebuild).
        only = replace(only, exports=False)
    # The event files as read, most of the data and where each of its values starts, have served validation;
    # from here on only people.yaml and topics.yaml place a problem. Let them go before the pages are made.
    loaded = replace(loaded, events=())
    site = site_files(loaded, data, content.pages, project.content_dir, replace(options, only=only))
    if only != EVERY_PAGE and last is not None:  # the same pages as last time: the others are kept
        stamps = {stamp.page: stamp for stamp in (*last.site.stamps, *site.stamps)}
        site = SiteFiles(
            last.site.pages.with_texts(site.pages),
            {**last.site.images, **site.images},
            tuple(stamps[page] for page in sorted(stamps)),
        )
    return Generated(site, (data,), content.pages, options, several=False, made=only)


def _generate_several(
    project: Project, content: Content, options: Options
) -> tuple[SiteFiles, tuple[Dataset, ...]]:
    """:func:`_generate` for a site of several explainers (:mod:`generator.explainers`)."""
    loaded = load_site(project.root, project.data_dir)
    try:
        site = validate_site(loaded)
    except DataError as error:
        raise DataError([*content.problems, *error.problems]) from None
    if content.problems:
        raise DataError(content.problems)
    files = several_site_files(loaded, site, content.pages, project.content_dir, options)
    return files, tuple(item.data for item in site.explainers)


def write_docs(project: Project, out: Path, *, engine: EngineName = engines.DEFAULT_ENGINE) -> int:
    """Replace ``out`` with a complete docs folder for ``engine``: every page, and content/'s other files.

    The quotes' own pages are made when the site is built (:mod:`generator.quote_stamps`): the folder holds
    their shells, and their values in :data:`generator.quote_stamps.STAMPS_FILE` for a build to stamp.

    Returns the number of files written. Raises DataError (and writes nothing) on bad data, and
    OutputFolderError when ``out`` is not a folder this tool may replace.
    """
    output_folder.check_target(out, project.inputs())
    site = generate_site(project, _engine_options(project, engine))
    return _write_pages(project, site, docs_texts(site), out)


def _engine_options(project: Project, engine: EngineName) -> Options:
    edition = project.edition()
    language = edition.language if edition is not None else Options.language
    return Options(site_url=project.site_url(), link_style=engines.link_style(engine), language=language)


def _write_pages(project: Project, site: SiteFiles, pages: Mapping[str, str], out: Path) -> int:
    made = pages.keys() | site.images.keys()
    copies = {path: source for path, source in project.read_content().files.items() if path not in made}
    admin = project.admin_files()
    if admin is not None:
        pages = {**pages, **admin.texts}
        copies = {**copies, **admin.copies}
    output_folder.write_folder(out, pages, copies=copies, inputs=project.inputs(), images=site.images)
    return len(pages) + len(copies) + len(site.images)


def write_exports(project: Project, out: Path) -> int:
    """Replace ``out`` with the data exports, as the site publishes them; returns how many files. Raises as
    :func:`write_docs` does."""
    output_folder.check_target(out, project.inputs())
    site_url = project.site_url()
    if has_several(project.root, project.data_dir):
        site = validate_site(load_site(project.root, project.data_dir))
        files = several_export_files(site, Options(site_url=site_url))
    else:
        files = export_files(load_dataset(project), SiteAddress(site_url) if site_url else None)
    output_folder.write_folder(out, files, copies={}, inputs=project.inputs())
    return len(files)


def source_date_epoch(*datasets: Dataset) -> str:
    """The build's timestamp (sitemap dates, gzip times): the newest date in the data (of every explainer of
    the site), at 00:00 UTC.

    The same data then gives byte-identical output whenever it is built; SOURCE_DATE_EPOCH set in the
    environment wins, as the reproducible-builds convention says.
    """
    dates = [event.date.start for data in datasets for event in data.events]
    dates += [
        date.start
        for data in datasets
        for source in data.sources
        for date in (source.published, source.accessed)
        if date
    ]
    moment = dt.datetime.combine(max(dates), dt.time(), tzinfo=dt.UTC)
    # Not before 1970: file times (gzip's among them) cannot be negative. Validation keeps dates below 2106.
    return os.environ.get("SOURCE_DATE_EPOCH", str(max(0, int(moment.timestamp()))))


def build_site(
    project: Project,
    site_dir: Path,
    *,
    engine: EngineName = engines.DEFAULT_ENGINE,
    work_dir: Path | None = None,
) -> int:
    """Build the site into a fresh folder with the engine in strict mode; replace ``site_dir`` only on success.

    Returns the engine's exit code (or the search indexer's, which runs on the finished site: see
    :mod:`generator.search_index`). The project is checked first as ``explainer validate`` checks it, so bad
    data never reaches the engine (DataError); the pages that check makes are the ones built (MkDocs runs in
    this process, and each other edition's pages are made once, by the plugin). Zensical builds from pages
    written into ``work_dir`` (default: build/ in the project). Raises OutputFolderError when ``site_dir`` is
    not a folder this tool may replace.
    """
    work_dir = (work_dir or project.root / "build").resolve()
    inputs = dict(project.inputs())
    if engine == "zensical":
        inputs[f"{work_dir.name}/ (the Zensical work folder)"] = work_dir

    def fill(staging: Path) -> int:
        options = _engine_options(project, engine)
        files, epoch = _checked(project, options)
        if engine == "zensical":
            return _build_with_zensical(project, files, staging, work_dir, epoch, options.directory_urls)
        made = MadeSite(project, options, files)
        del files  # the plugin that takes them from ``made`` is to be their only holder
        # The main edition first: MkDocs empties its site folder, which holds the others' folders. Each other
        # edition's plugin makes its own pages (``made`` holds the main one's: MadeSite.take_files).
        editions = project.editions() or (None,)
        code = 0
        for edition in editions:
            config_file, out = project.config_file, staging
            if edition is not None and not edition.main:
                config_file, out = edition.config_file, staging / edition.folder
            code = engines.build_with_mkdocs(
                project.root / config_file, out, source_date_epoch=epoch, prepare=partial(_hand_over, made)
            )
            if code:
                break
        return code

    return output_folder.replace_folder(site_dir, fill, inputs=inputs)


def _checked(project: Project, options: Options) -> tuple[SiteFiles, str]:
    """The check ``explainer validate`` makes (the data loaded and validated once), which makes the pages: them,
    and the build's timestamp (:func:`source_date_epoch`; the validated data is not kept for the build)."""
    generated = _generate(project, options)
    return generated.site, source_date_epoch(*generated.datasets)


def _hand_over(made: MadeSite, config: MkDocsConfig) -> None:
    """Give the explainer plugin of ``config`` the pages made already."""
    for plugin in config.plugins.values():
        if isinstance(plugin, _TakesMadeSite):
            plugin.take(made)


def _build_with_zensical(
    project: Project, pages: SiteFiles, staging: Path, work_dir: Path, epoch: str, directory_urls: bool
) -> int:
    """Write the pages into ``work_dir``, build them there with Zensical, move the site into ``staging``, and
    stamp the quotes' pages (:mod:`generator.quote_stamps`)."""
    work_dir.mkdir(parents=True, exist_ok=True)
    _write_pages(project, pages, pages.pages, work_dir / engines.DOCS)
    config_file = engines.write_zensical_config(project.root / project.config_file, work_dir)
    # Zensical empties its site folder itself (hidden files aside) before it writes the pages.
    code = engines.run(engines.zensical_command(config_file), cwd=work_dir, source_date_epoch=epoch)
    if code == 0:
        built = work_dir / engines.SITE
        for entry in sorted(built.iterdir()):
            if entry.name != output_folder.MARKER:
                shutil.move(entry, staging / entry.name)
        # Zensical drops our plugin, which stamps and indexes what MkDocs builds: both are done here.
        try:
            quote_stamps.stamp_site(staging, pages.stamps, directory_urls=directory_urls)
        except quote_stamps.ShellError as error:
            print(f"The quotes' pages cannot be made: {error}", file=sys.stderr)
            return 1
        code = search_index.index_site(staging, project.root)
    return code
