"""From a project directory to pages on disk: generate, write atomically, and run the site engine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.dataset import Dataset
from generator.errors import DataError
from generator.export import export_files
from generator.export.address import SiteAddress
from generator.load import load_data
from generator.render.embeds import check_pages
from generator.render.site import render_site
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
        """``site_url`` from the config file (read without constructing its tags), if it is set."""
        path = self.root / self.config_file
        if not path.is_file():
            return None
        node = yaml.compose(path.read_text(encoding="utf-8"))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == "site_url" and isinstance(value, yaml.ScalarNode):
                    return str(value.value) or None
        return None


def load_dataset(project: Project) -> Dataset:
    """Read and validate the data; raises DataError with every problem."""
    return validate(load_data(project.root, project.data_dir))


def generate(project: Project, *, directory_urls: bool = True, site_url: str | None = None) -> dict[str, str]:
    """Every file of the site as text, by path under the docs directory; raises DataError on bad data.

    ``site_url`` defaults to the one in the project's config file. When the data has problems, the embeds in
    content/ are checked against the ids written in it, so that every problem is reported at once.
    """
    loaded = load_data(project.root, project.data_dir)
    content = project.read_content()
    try:
        data = validate(loaded)
    except DataError as error:
        ids, days = written_quote_ids(loaded), written_days(loaded)
        raise DataError([*error.problems, *check_pages(content, project.content_dir, ids, days)]) from None
    return render_site(
        data,
        content,
        content_dir=project.content_dir,
        directory_urls=directory_urls,
        site_url=site_url if site_url is not None else project.site_url(),
    )


def export_data(project: Project) -> dict[str, str]:
    """The data exports alone, by path, as the site publishes them; raises DataError on bad data."""
    site_url = project.site_url()
    return export_files(load_dataset(project), SiteAddress(site_url) if site_url else None)


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


def build_site(project: Project, site_dir: Path, *, engine: str = "mkdocs") -> int:
    """Build the site into a fresh folder with the engine in strict mode; replace ``site_dir`` only on success.

    Returns the engine's exit code. The data is validated first, so bad data never reaches the engine.
    """
    load_dataset(project)
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    try:
        command = [sys.executable, "-m", engine, "build", "--strict", "--clean", "--site-dir", str(staging)]
        command += ["--config-file", str(project.root / project.config_file)]
        # Material's end-of-life banner is documented in the README; keep the build log to real findings.
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run(command, cwd=project.root, env=env, check=False)
        if result.returncode != 0:
            return result.returncode
        replace_directory(site_dir, built=staging)
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)
