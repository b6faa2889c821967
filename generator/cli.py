"""The ``explainer`` command: a thin layer over the library; each known error becomes one clear message."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import click

from generator import __version__, preview_server
from generator.build import Project, build_site, generate_site, write_docs, write_exports
from generator.dataset import Dataset
from generator.dates import PartialDate
from generator.engines import DEFAULT_ENGINE, ENGINES, EngineName
from generator.errors import DataError, Problem
from generator.examples import example_problems
from generator.explainers import EXPLAINERS_DIR, has_several, load_site, validate_site
from generator.languages import declared_languages, missing_site_translations, missing_translations
from generator.load import EVENTS_DIR, SETTINGS_FILE, LoadedData, load_data, load_file
from generator.model import ID_PATTERN
from generator.output_folder import OutputFolderError
from generator.project_init import InitError, init_project
from generator.provenance import Verdict, check_sources, read_saved, report_lines, saved_copies, summary
from generator.scaffold import new_event, title_problem
from generator.schema import write_schemas
from generator.validate import validate as validate_data

_root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=Path(),
    show_default=True,
    help="The project folder (holding mkdocs.yml, data/ and content/).",
)
_strict_content_option = click.option(
    "--strict-content",
    is_flag=True,
    help="Also refuse the example text of explainer init (marked EXAMPLE:) in data/ and content/.",
)
_strict_translations_option = click.option(
    "--strict-translations",
    is_flag=True,
    help="Refuse a text in our own words that has no text in one of the explainer's languages (otherwise a "
    "warning).",
)
_engine_option = click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default=DEFAULT_ENGINE,
    show_default=True,
    help="The site engine that reads mkdocs.yml (see docs/engines.md).",
)


def github_annotation(problem: Problem, level: str = "error") -> str:
    """A GitHub Actions ``::error`` (or ``::warning``) command; data is escaped so it cannot end the command or
    forge another."""

    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text: str) -> str:
        return data(text).replace(":", "%3A").replace(",", "%2C")

    where = f"file={prop(problem.path)},line={problem.line},col={problem.column}"
    return f"::{level} {where}::{data(problem.message)}"


def report(error: DataError) -> None:
    click.echo(str(error), err=True)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in error.problems:
            click.echo(github_annotation(problem))


@contextmanager
def reported() -> Iterator[None]:
    """A DataError inside the block: every problem reported, exit 1."""
    try:
        yield
    except DataError as error:
        report(error)
        sys.exit(1)


@contextmanager
def refused_as(option: str, given: Path, target: Path) -> Iterator[None]:
    """An output folder refused inside the block: one line naming the option as given when the folder is
    ``target``, else the folder refused (such as Zensical's docs folder in build/)."""
    try:
        yield
    except OutputFolderError as error:
        shown = f"{option} {given}" if error.path == target else str(error.path)
        raise click.ClickException(f"{shown}: {error.reason}") from None


def check_examples(project: Project) -> None:
    """Under ``--strict-content``: exit 1 listing the example text left, with every other problem too."""
    config = project.root / project.config_file
    texts = {project.config_file: config.read_text(encoding="utf-8")} if config.is_file() else {}
    texts.update(
        {f"{project.content_dir}/{name}": text for name, text in project.read_content().pages.items()}
    )
    if has_several(project.root, project.data_dir):
        every = [item.loaded for item in load_site(project.root, project.data_dir).explainers]
    else:
        every = [load_data(project.root, project.data_dir)]
    # The shared files and the pages come once per explainer: one of each problem.
    problems = sorted({problem for loaded in every for problem in example_problems(loaded, texts)})
    if problems:
        refuse(project, problems)


def refuse(project: Project, problems: Sequence[Problem]) -> NoReturn:
    """Exit 1 listing ``problems`` with every other problem the project has."""
    try:
        generate_site(project)
    except DataError as error:
        problems = [*problems, *error.problems]
    report(DataError(problems))
    sys.exit(1)


def check_translations(project: Project, *, strict: bool) -> None:
    """Print a warning for each text without its translation; under ``--strict-translations``, exit 1 listing
    them with every other problem."""
    if has_several(project.root, project.data_dir):
        site = load_site(project.root, project.data_dir)
        # The shared people's texts are checked with each explainer's languages: a gap they share, once.
        gaps = {gap for one in site.explainers for gap in missing_translations(one.loaded)}
        if site.settings is not None:
            gaps.update(missing_site_translations(site.settings))
        warnings = sorted(gaps)
    else:
        settings, _ = load_file(project.root, f"{project.data_dir}/{SETTINGS_FILE}")
        if len(declared_languages(settings)) < 2:  # one language: nothing to translate, nor to read
            return
        warnings = missing_translations(load_data(project.root, project.data_dir))
    if not warnings:
        return
    if strict:
        refuse(project, warnings)
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for warning in sorted(warnings):
        click.echo(f"warning: {warning}", err=True)
        if annotate:
            click.echo(github_annotation(warning, "warning"))
    count = len(warnings)
    texts = "text has" if count == 1 else "texts have"
    click.echo(f"{count} {texts} no translation (warnings; --strict-translations refuses them).", err=True)


@click.group()
@click.version_option(__version__, prog_name="explainer")
def main() -> None:
    """Build a news explainer site from the YAML in data/ and the Markdown in content/."""


@main.command()
@_root_option
@_strict_content_option
@_strict_translations_option
def validate(root: Path, strict_content: bool, strict_translations: bool) -> None:
    """Check the data and the embeds in content/; list every problem and exit 1 if there is any (a text
    without its translation is a warning)."""
    if strict_content:
        check_examples(Project(root))
    check_translations(Project(root), strict=strict_translations)
    with reported():
        files = generate_site(Project(root))
    pages = sum(1 for path in files.pages if path.endswith(".md"))
    others = len(files.pages) - pages + len(files.images)
    click.echo(f"The data is valid: {pages} pages and {others} other files would be written.")


@main.command(name="generate")
@_root_option
@click.option("--out", type=click.Path(path_type=Path), default=Path("build/docs"), show_default=True)
@_engine_option
def generate_command(root: Path, out: Path, engine: EngineName) -> None:
    """Write every page (generated and hand-written, embeds resolved) and content/'s other files into OUT,
    as the docs folder of ENGINE (which decides how links inside generated HTML are written)."""
    with reported(), refused_as("--out", out, out):
        count = write_docs(Project(root), out, engine=engine)
    click.echo(f"Wrote {count} files to {out}.")


@main.command()
@_root_option
@click.option("--out", type=click.Path(path_type=Path), default=Path("build/export"), show_default=True)
def export(root: Path, out: Path) -> None:
    """Write the data exports (JSON, CSV, JSON Schema, Atom feed, TimelineJS) into OUT, replacing it."""
    with reported(), refused_as("--out", out, out):
        count = write_exports(Project(root), out)
    click.echo(f"Wrote {count} files to {out}.")


@main.command()
@_root_option
@click.option("--site-dir", type=click.Path(path_type=Path), default=Path("site"), show_default=True)
@_engine_option
@_strict_content_option
@_strict_translations_option
def build(
    root: Path, site_dir: Path, engine: EngineName, strict_content: bool, strict_translations: bool
) -> None:
    """Build the site with MkDocs or Zensical (strict); site/ is replaced only when the whole build succeeds."""
    if strict_content:
        check_examples(Project(root))
    check_translations(Project(root), strict=strict_translations)
    target = root / site_dir
    with reported(), refused_as("--site-dir", site_dir, target):
        others = [edition for edition in Project(root).editions() if not edition.main]
        if engine == "zensical" and others:
            listed = ", ".join(f"{edition.language} ({edition.config_file})" for edition in others)
            click.echo(
                f"Zensical builds the main edition only; MkDocs builds the others: {listed}.", err=True
            )
        code = build_site(Project(root), target, engine=engine)
    if code:
        click.echo("The build failed; the previous site/ is unchanged.", err=True)
        sys.exit(code)
    click.echo(f"Built the site into {site_dir}/.")


def _explainers_as_loaded(project: Project) -> list[tuple[LoadedData, Dataset]]:
    """Each explainer of the project (one, or a site's several) as read and as validated; raises DataError."""
    if not has_several(project.root, project.data_dir):
        loaded = load_data(project.root, project.data_dir)
        return [(loaded, validate_data(loaded))]
    read = load_site(project.root, project.data_dir)
    site = validate_site(read)
    return [(item.loaded, valid.data) for item, valid in zip(read.explainers, site.explainers, strict=True)]


@main.command(name="check-sources")
@_root_option
@click.option(
    "--saved",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("saved-sources"),
    show_default=True,
    help="The folder of saved copies, each named <source-id>.txt, .html or .htm (relative to --root).",
)
def check_sources_command(root: Path, saved: Path) -> None:
    """Check every quote against saved copies of its sources: exact, variant or missing; exit 1 on any missing."""
    folder = saved if saved.is_absolute() else root / saved
    if not folder.is_dir():
        raise click.ClickException(
            f"no folder {saved}: save copies of the sources there, named <source-id>.txt or .html"
        )
    with reported():
        checked = _explainers_as_loaded(Project(root))
    sources = checked[0][1].sources  # shared by every explainer of a site of several
    copies, notes = saved_copies(folder, [source.id for source in sources], saved)
    shown = {source_id: saved / path.name for source_id, path in copies.items()}
    for note in notes:
        click.echo(note, err=True)
    texts = {}
    for source_id, path in sorted(copies.items()):
        try:
            texts[source_id] = read_saved(path)
        except UnicodeDecodeError as error:
            message = f"{shown[source_id]}: not UTF-8 text ({error.reason}); save it as UTF-8"
            raise click.ClickException(message) from None
    findings = []
    for loaded, data in checked:
        found = check_sources(data, texts)
        for line in report_lines(loaded, found, shown, saved):
            click.echo(line)
        findings += found
    click.echo(summary(findings))
    if any(finding.verdict is Verdict.MISSING for finding in findings):
        sys.exit(1)


@main.command(context_settings={"ignore_unknown_options": True})
@_root_option
@click.option(
    "-a",
    "--dev-addr",
    "address",
    metavar="IP:PORT",
    help=f"Where to serve the preview [default: dev_addr in mkdocs.yml, or {preview_server.DEFAULT_ADDRESS}].",
)
@click.argument("mkdocs_args", nargs=-1, type=click.UNPROCESSED)
def serve(root: Path, address: str | None, mkdocs_args: tuple[str, ...]) -> None:
    """Serve the site with live reload on changes to content/ and data/ (extra arguments go to mkdocs serve);
    while the data has problems, every page shows them."""
    try:
        checked = preview_server.preview_address(root / Project(root).config_file, address)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    problem = preview_server.address_problem(checked)
    if problem is not None:
        raise click.ClickException(problem)
    sys.exit(preview_server.serve(root, checked, mkdocs_args))


@main.command(name="new-event")
@_root_option
@click.option("--date", "date_text", required=True, help="When it happened: YYYY-MM-DD, YYYY-MM or YYYY.")
@click.option("--title", required=True, help="A short headline in your own words.")
@click.option(
    "--explainer",
    "slug",
    help="On a site of several explainers: the one the event belongs to (its folder in data/explainers/).",
)
def new_event_command(root: Path, date_text: str, title: str, slug: str | None) -> None:
    """Create data/events/DATE-TITLE.yaml (data/explainers/SLUG/events/ on a site of several explainers) from
    the commented template, ready to fill in."""
    data_dir = Project(root).data_dir
    if has_several(root, data_dir) != (slug is not None):
        several = "a site of several explainers names the explainer"
        one = "a project of one explainer has no --explainer"
        raise click.BadParameter(several if slug is None else one, param_hint="--explainer")
    folder = root / data_dir if slug is None else root / data_dir / EXPLAINERS_DIR / slug
    if slug is not None and not (re.fullmatch(ID_PATTERN, slug) and (folder / SETTINGS_FILE).is_file()):
        raise click.BadParameter(
            f'"{slug}"; expected a folder of data/explainers/ holding {SETTINGS_FILE}',
            param_hint="--explainer",
        )
    try:
        date = PartialDate.parse(date_text)
    except ValueError as error:
        raise click.BadParameter(f'"{date_text}"; expected {error}', param_hint="--date") from None
    problem = title_problem(title.strip())
    if problem is not None:
        raise click.BadParameter(problem, param_hint="--title")
    path = new_event(folder / EVENTS_DIR, date, title.strip())
    click.echo(f"Created {path.relative_to(root).as_posix()}: fill in each FILL IN, then run ./dev validate.")


@main.command()
@click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), default=Path("schemas"), show_default=True
)
def schema(out: Path) -> None:
    """Write the JSON Schema of each kind of data file into OUT (for editors' YAML tools)."""
    for path in write_schemas(out):
        click.echo(f"Wrote {path.as_posix()}")


@main.command()
@click.argument("directory", type=click.Path(path_type=Path))
def init(directory: Path) -> None:
    """Start a new explainer project in DIRECTORY (new or empty) that builds at once, with example data to
    replace (--strict-content refuses it until then)."""
    try:
        written = init_project(directory)
    except InitError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Created a new explainer project in {directory} ({len(written)} files).")
    click.echo(f"Next: cd {directory}, then follow README.md: replace every EXAMPLE: value, then build.")
