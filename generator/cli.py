"""The ``explainer`` command: a thin layer over the library; each known error becomes one clear message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click

from generator.build import Project, build_site, generate, write_docs
from generator.engines import DEFAULT_ENGINE, ENGINES, EngineName
from generator.errors import DataError, Problem

_root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=Path(),
    show_default=True,
    help="The project folder (holding mkdocs.yml, data/ and content/).",
)
_engine_option = click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default=DEFAULT_ENGINE,
    show_default=True,
    help="The site engine that reads mkdocs.yml (see the README on engines).",
)


def github_annotation(problem: Problem) -> str:
    """A GitHub Actions ``::error`` command; data is escaped so it cannot end the command or forge another."""

    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text: str) -> str:
        return data(text).replace(":", "%3A").replace(",", "%2C")

    message = f"{problem.field}: {problem.found}; expected {problem.expected}"
    return f"::error file={prop(problem.path)},line={problem.line},col={problem.column}::{data(message)}"


def report(error: DataError) -> None:
    click.echo(str(error), err=True)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in error.problems:
            click.echo(github_annotation(problem))


@click.group()
def main() -> None:
    """Build a news explainer site from the YAML in data/ and the Markdown in content/."""


@main.command()
@_root_option
def validate(root: Path) -> None:
    """Check the data and the embeds in content/; list every problem and exit 1 if there is any."""
    try:
        pages = generate(Project(root))
    except DataError as error:
        report(error)
        sys.exit(1)
    click.echo(f"The data is valid: {len(pages)} pages would be built.")


@main.command(name="generate")
@_root_option
@click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), default=Path("build/docs"), show_default=True
)
@_engine_option
def generate_command(root: Path, out: Path, engine: EngineName) -> None:
    """Write every page (generated and hand-written, embeds resolved) and content/'s other files into OUT,
    as the docs folder of ENGINE (which decides how links inside generated HTML are written)."""
    try:
        count = write_docs(Project(root), out, engine=engine)
    except DataError as error:
        report(error)
        sys.exit(1)
    click.echo(f"Wrote {count} files to {out}.")


@main.command()
@_root_option
@click.option(
    "--site-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("site"), show_default=True
)
@_engine_option
def build(root: Path, site_dir: Path, engine: EngineName) -> None:
    """Build the site with MkDocs or Zensical (strict); site/ is replaced only when the whole build succeeds."""
    try:
        target = root / site_dir if not site_dir.is_absolute() else site_dir
        code = build_site(Project(root), target, engine=engine)
    except DataError as error:
        report(error)
        sys.exit(1)
    if code:
        click.echo("The build failed; the previous site/ is unchanged.", err=True)
        sys.exit(code)
    click.echo(f"Built the site into {site_dir}/.")


@main.command(context_settings={"ignore_unknown_options": True})
@_root_option
@click.argument("mkdocs_args", nargs=-1, type=click.UNPROCESSED)
def serve(root: Path, mkdocs_args: tuple[str, ...]) -> None:
    """Serve the site with live reload on changes to content/ and data/ (extra arguments go to mkdocs serve)."""
    sys.exit(subprocess.call([sys.executable, "-m", "mkdocs", "serve", *mkdocs_args], cwd=root))
