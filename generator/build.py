"""From a project directory to pages on disk: generate, write atomically, and run the site engine."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator import engines, siteconfig
from generator.dataset import Dataset
from generator.engines import EngineName
from generator.errors import DataError
from generator.export import export_files
from generator.export.address import SiteAddress
from generator.load import load_data
from generator.outputs import Options, site_files
from generator.render.embeds import check_pages
from generator.validate import validate, written_days, written_quote_ids


@dataclass(frozen=True)
class Project:
    """Where a project keeps its parts, relative to ``root`` (the folder holding mkdocs.yml)."""

    root: Path
    data_dir: str = "data"
    content_dir: str = "content"
    config_file: str = "mkdocs.yml"

    def read_content(self) -> dict[str, str]:
        """Hand-written Markdown pages by path relative to the content folder."""
        base = self.root / self.content_dir
        return {
            path.relative_to(base).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(base.rglob("*.md"))
        }

    def site_url(self) -> str | None:
        """``site_url`` from the config file (``!ENV`` resolved as MkDocs does), if it is set."""
        return siteconfig.site_url(self.root / self.config_file)

    def content_files(self) -> dict[str, Path]:
        """Everything else in the content folder (images, downloads…) by relative path, copied as it is.

        Hidden files and folders (``.DS_Store``, ``.git``…) are left out, as MkDocs leaves them out.
        """
        base = self.root / self.content_dir
        files = (path.relative_to(base) for path in sorted(base.rglob("*")) if path.is_file())
        return {
            relative.as_posix(): base / relative
            for relative in files
            if relative.suffix != ".md" and not any(part.startswith(".") for part in relative.parts)
        }


def load_dataset(project: Project) -> Dataset:
    """Read and validate the data; raises DataError with every problem."""
    return validate(load_data(project.root, project.data_dir))


def generate(project: Project, options: Options | None = None) -> dict[str, str]:
    """Every file of the site as text, by path under the docs directory; raises DataError on bad data.

    ``options`` default to directory URLs, links as MkDocs reads them and the config file's ``site_url``.
    When the data has problems, the embeds in content/ are checked against the ids written in it, so that
    every problem is reported at once.
    """
    loaded = load_data(project.root, project.data_dir)
    content = project.read_content()
    try:
        data = validate(loaded)
    except DataError as error:
        ids, days = written_quote_ids(loaded), written_days(loaded)
        raise DataError([*error.problems, *check_pages(content, project.content_dir, ids, days)]) from None
    if options is None:
        options = Options(site_url=project.site_url())
    return site_files(loaded, data, content, project.content_dir, options)


def export_data(project: Project) -> dict[str, str]:
    """The data exports alone, by path, as the site publishes them; raises DataError on bad data."""
    site_url = project.site_url()
    return export_files(load_dataset(project), SiteAddress(site_url) if site_url else None)


def write_docs(project: Project, out: Path, *, engine: EngineName = engines.DEFAULT_ENGINE) -> int:
    """Replace ``out`` with a complete docs folder for ``engine``: every page, and content/'s other files.

    Returns the number of files written. Raises DataError (and writes nothing) on bad data.
    """
    options = Options(site_url=project.site_url(), link_style=engines.link_style(engine))
    pages = generate(project, options)
    copies = {path: source for path, source in project.content_files().items() if path not in pages}
    replace_directory(out, pages, copies=copies)
    return len(pages) + len(copies)


def replace_directory(
    target: Path,
    fill: Mapping[str, str] | None = None,
    *,
    built: Path | None = None,
    copies: Mapping[str, Path] | None = None,
) -> None:
    """Make ``target`` hold exactly ``built`` (a finished folder) or ``fill`` (files to write) and ``copies``
    (files to copy, by relative path), all or nothing.

    The new content is completed beside the target first; the old folder is swapped out only then.
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    if built is None:
        built = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
        for relative, text in (fill or {}).items():
            path = built / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        for relative, source in (copies or {}).items():
            path = built / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, path)
    old = target.parent / f".{target.name}-old-{os.getpid()}"
    if target.exists():
        target.rename(old)
    built.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def source_date_epoch(data: Dataset) -> str:
    """The build's timestamp (sitemap dates, gzip times): the newest date in the data, at 00:00 UTC.

    The same data then gives byte-identical output whenever it is built; SOURCE_DATE_EPOCH set in the
    environment wins, as the reproducible-builds convention says.
    """
    dates = [event.date.start for event in data.events]
    dates += [date.start for source in data.sources for date in (source.published, source.accessed) if date]
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

    Returns the engine's exit code. The data is validated first, so bad data never reaches the engine.
    Zensical builds from pages written into ``work_dir`` (default: build/ in the project).
    """
    epoch = source_date_epoch(load_dataset(project))
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    try:
        if engine == "zensical":
            code = _build_with_zensical(project, staging, work_dir or project.root / "build", epoch)
        else:
            config_file = project.root / project.config_file
            command = engines.mkdocs_command(config_file, staging)
            code = engines.run(command, cwd=project.root, source_date_epoch=epoch)
        if code != 0:
            return code
        replace_directory(site_dir, built=staging)
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _build_with_zensical(project: Project, staging: Path, work_dir: Path, epoch: str) -> int:
    """Generate the pages into ``work_dir``, build them there with Zensical, move the site to ``staging``."""
    work_dir = work_dir.resolve()
    work_dir.mkdir(parents=True, exist_ok=True)
    write_docs(project, work_dir / engines.DOCS, engine="zensical")
    config_file = engines.write_zensical_config(project.root / project.config_file, work_dir)
    built = work_dir / engines.SITE
    shutil.rmtree(built, ignore_errors=True)  # a failed earlier run may have left pages behind
    code = engines.run(engines.zensical_command(config_file), cwd=work_dir, source_date_epoch=epoch)
    if code == 0:
        staging.rmdir()
        shutil.move(built, staging)
    return code
