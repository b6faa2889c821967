"""From a project directory to pages on disk: generate, write atomically, and run the site engine."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.dataset import Dataset
from generator.load import load_data
from generator.render.site import render_site
from generator.validate import validate


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


def load_dataset(project: Project) -> Dataset:
    """Read and validate the data; raises DataError with every problem."""
    return validate(load_data(project.root, project.data_dir))


def generate(project: Project, *, directory_urls: bool = True) -> dict[str, str]:
    """Every page of the site as text, by path under the docs directory; raises DataError on bad data."""
    return render_site(
        load_dataset(project),
        project.read_content(),
        content_dir=project.content_dir,
        directory_urls=directory_urls,
    )


def replace_directory(
    target: Path, fill: Mapping[str, str] | None = None, *, built: Path | None = None
) -> None:
    """Make ``target`` hold exactly ``built`` (a finished folder) or ``fill`` (files to write), all or nothing.

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
    return os.environ.get("SOURCE_DATE_EPOCH", str(int(moment.timestamp())))


def build_site(project: Project, site_dir: Path, *, engine: str = "mkdocs") -> int:
    """Build the site into a fresh folder with the engine in strict mode; replace ``site_dir`` only on success.

    Returns the engine's exit code. The data is validated first, so bad data never reaches the engine.
    """
    epoch = source_date_epoch(load_dataset(project))
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    try:
        command = [sys.executable, "-m", engine, "build", "--strict", "--clean", "--site-dir", str(staging)]
        command += ["--config-file", str(project.root / project.config_file)]
        # Material's end-of-life banner is documented in the README; keep the build log to real findings.
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": epoch}
        result = subprocess.run(command, cwd=project.root, env=env, check=False)
        if result.returncode != 0:
            return result.returncode
        replace_directory(site_dir, built=staging)
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)
