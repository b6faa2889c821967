"""The MkDocs adapter: runs the generator inside ``mkdocs build`` and ``mkdocs serve``.

Everything here is about MkDocs; the pages themselves come from :func:`generator.outputs.site_files`,
which knows nothing of MkDocs, so the same content builds with ``explainer generate`` and another engine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator import output_folder
from generator.build import Project, generate
from generator.errors import DataError
from generator.outputs import Options


class ExplainerConfig(Config):
    data_dir = config_options.Type(str, default="data")
    admin = config_options.Optional(config_options.Type(dict))  # read by generator.admin.files


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    """Adds the generated pages to the build, and watches data/ while serving."""

    command: str = "build"

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Tell the theme about a live preview: ``mkdocs serve`` injects an inline reload script of its own."""
        config.extra["explainer_live_preview"] = self.command == "serve"
        return config

    def _project(self, config: MkDocsConfig) -> Project:
        root = Path(config.config_file_path).parent
        content_dir = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
        return Project(root=root, data_dir=self.config.data_dir, content_dir=content_dir)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        project = self._project(config)
        try:
            options = Options(directory_urls=config.use_directory_urls, site_url=config.site_url)
            pages = generate(project, options)
            admin = project.admin_files()
        except DataError as error:
            raise PluginError(f"The data has problems:\n{error}") from None
        copies: dict[str, Path] = {}
        if admin is not None:
            pages = {**pages, **admin.texts}
            copies = dict(admin.copies)
        for path in [*pages, *copies]:
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
        for path, text in pages.items():
            files.append(File.generated(config, path, content=text))
        for path, source in copies.items():
            files.append(File.generated(config, path, abs_src_path=str(source)))
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Mark the site folder as this tool's: a plain ``mkdocs build`` made it, ``explainer build`` may
        replace it."""
        output_folder.mark(Path(config.site_dir))

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        server.watch(str(Path(config.config_file_path).parent / self.config.data_dir))
        return server
