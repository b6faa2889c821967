"""The engine-neutral parts: the docs folder any engine can build, links per engine, Zensical's derived config."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import asdict
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.build import Project, generate, generate_site, load_dataset, write_docs
from generator.cli import main
from generator.editions import read_editions
from generator.engines import DERIVED_CONFIG, theme_dir, write_zensical_config, zensical_config
from generator.i18n import theme_words
from generator.output_folder import MARKER
from generator.outputs import Options
from generator.quote_stamps import STAMPS_FILE
from generator.siteconfig import load_config
from generator.urls import markdown_link
from tests.conftest import ROOT, SMALL, copy_project

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"  # the first bytes of a PNG: binary, not UTF-8


@pytest.mark.parametrize(
    ("source", "target", "anchor", "expected"),
    [
        ("contrast.md", "people/kelly.md", "", "people/kelly.md"),
        ("people/kelly.md", "timeline.md", "quote-a", "../timeline.md#quote-a"),
        ("people/kelly.md", "people/index.md", "", "index.md"),
        ("people/kelly.md", "people/kelly.md", "", "kelly.md"),
        ("timeline.md", "timeline.md", "quote-a", "#quote-a"),
        ("index.md", "index.md", "", "index.md"),
    ],
)
def test_source_urls(source: str, target: str, anchor: str, expected: str) -> None:
    assert markdown_link(source, target, anchor) == expected


def test_source_link_style_links_markdown_files() -> None:
    pages = generate(Project(SMALL), Options(link_style="source"))
    assert 'href="engineer.md"' in pages["people/index.md"]
    assert 'href="../timeline/2021-03-02.md#quote-engineer-not-by-summer"' in pages["people/mayor.md"]


def test_link_styles_differ_only_in_links() -> None:
    built = generate(Project(SMALL))
    source = generate(Project(SMALL), Options(site_url=Project(SMALL).site_url(), link_style="source"))
    assert sorted(built) == sorted(source)
    assert built["assets/explainer.css"] == source["assets/explainer.css"]


def _small_project(tmp_path: Path) -> Project:
    root = copy_project(SMALL, tmp_path / "project")
    (root / "content" / "images").mkdir()
    (root / "content" / "images" / "map.png").write_bytes(PNG)
    (root / "content" / "assets").mkdir()
    (root / "content" / "assets" / "explainer.css").write_text("/* hand-written */\n", encoding="utf-8")
    (root / "content" / "images" / ".DS_Store").write_bytes(b"\x00")
    return Project(root)


def test_write_docs_copies_content_files_and_generated_pages_win(tmp_path: Path) -> None:
    project = _small_project(tmp_path)
    out = tmp_path / "docs"
    count = write_docs(project, out, engine="zensical")
    site = generate_site(project, Options(site_url=project.site_url(), link_style="source"))
    pages = site.pages
    written = sorted(path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file())
    # The quotes' pages are made at build time: their shells are pages, their values in quote-stamps.json.
    assert written == sorted([*pages, STAMPS_FILE, *site.images, "images/map.png", MARKER])
    assert json.loads((out / STAMPS_FILE).read_text(encoding="utf-8"))["pages"] == [
        asdict(stamp) for stamp in site.stamps
    ]
    assert (out / "assets" / "share" / "site.png").read_bytes() == site.images["assets/share/site.png"]
    assert count == len(written) - 1  # all but the marker
    assert (out / "images" / "map.png").read_bytes() == PNG
    assert (out / "assets" / "explainer.css").read_text(encoding="utf-8") == pages["assets/explainer.css"]
    assert (out / "people" / "mayor.md").read_text(encoding="utf-8") == pages["people/mayor.md"]


@pytest.mark.parametrize(
    ("engine", "link"), [("mkdocs", 'href="engineer/"'), ("zensical", 'href="engineer.md"')]
)
def test_generate_command_writes_the_docs_folder(tmp_path: Path, engine: str, link: str) -> None:
    project = _small_project(tmp_path)
    out = tmp_path / "docs"
    command = ["generate", "--root", str(project.root), "--out", str(out), "--engine", engine]
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 0, result.output
    files = [path for path in out.rglob("*") if path.is_file() and path.name != MARKER]
    assert result.output == f"Wrote {len(files)} files to {out}.\n"
    assert link in (out / "people" / "index.md").read_text(encoding="utf-8")


def test_synthetic_benchmark_data_is_valid(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("engines_compare", ROOT / "bench" / "engines_compare.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    data = load_dataset(bench.make_project(tmp_path / "synthetic", 30))
    assert len(data.statements) == 30
    assert len(data.events) == 8


MKDOCS_YML = {
    "site_name": "S",
    "docs_dir": "content",
    "site_dir": "site",
    "theme": {"name": "material", "custom_dir": "overrides", "font": False},
    "plugins": ["search", {"explainer": {"data_dir": "data"}}, {"other": {"x": 1}}],
    "markdown_extensions": [{"toc": {"permalink": True}}, "attr_list"],
    "nav": [{"Home": "index.md"}],
}


def test_zensical_config_is_mkdocs_yml_with_docs_site_theme_and_plugins_changed(tmp_path: Path) -> None:
    derived = zensical_config(MKDOCS_YML, project_root=tmp_path)
    assert derived == {
        **MKDOCS_YML,
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {
            "name": "material",
            "custom_dir": str(tmp_path.resolve() / "overrides"),
            "font": False,
            "variant": "classic",
        },
        "plugins": ["search", {"other": {"x": 1}}],
        # The words of the theme's own templates, which Zensical cannot get from the explainer plugin.
        "extra": {"explainer_words": theme_words("en", "S")},
        # The shells the quotes' pages are stamped from (generator/quote_stamps.py), which the plugin keeps
        # out of MkDocs' nav.
        "not_in_nav": "**/quotes/_quote.md\n**/quotes/_pictured_quote.md\n",
    }
    assert MKDOCS_YML["plugins"] == ["search", {"explainer": {"data_dir": "data"}}, {"other": {"x": 1}}]


def test_zensical_config_keeps_the_projects_pages_out_of_the_nav_and_the_shells(tmp_path: Path) -> None:
    config = {**MKDOCS_YML, "not_in_nav": "/people/*.md\n/quotes/*.md"}
    assert zensical_config(config, project_root=tmp_path)["not_in_nav"] == (
        "/people/*.md\n/quotes/*.md\n**/quotes/_quote.md\n**/quotes/_pictured_quote.md\n"
    )


def test_zensical_config_filters_plugins_given_as_a_mapping(tmp_path: Path) -> None:
    config = {**MKDOCS_YML, "plugins": {"search": {}, "explainer": {"data_dir": "data"}}}
    assert zensical_config(config, project_root=tmp_path)["plugins"] == {"search": {}}


def test_zensical_config_keeps_a_chosen_variant_and_a_theme_given_by_name(tmp_path: Path) -> None:
    themed = zensical_config(
        {**MKDOCS_YML, "theme": {"name": "material", "variant": "modern"}}, project_root=tmp_path
    )
    # Without overrides of its own, a project gets the generator's (Zensical takes one folder of them).
    ours = str(theme_dir())
    assert themed["theme"] == {"name": "material", "variant": "modern", "custom_dir": ours}
    named = zensical_config({**MKDOCS_YML, "theme": "material"}, project_root=tmp_path)
    assert named["theme"] == {"name": "material", "variant": "classic", "custom_dir": ours}


def test_derived_config_file_names_its_origin_and_parses(project_root: Path, tmp_path: Path) -> None:
    path = write_zensical_config(project_root / "mkdocs.yml", tmp_path)
    assert path == tmp_path / DERIVED_CONFIG
    text = path.read_text(encoding="utf-8")
    first_line = text.splitlines()[0]
    assert first_line == (
        f"# Derived from {project_root / 'mkdocs.yml'} by `explainer build --engine zensical` "
        "on every build: edit that file instead."
    )
    original = load_config(project_root / "mkdocs.yml")
    main = read_editions(project_root / "mkdocs.yml")[0]
    assert yaml.safe_load(text) == zensical_config(original, project_root=project_root, edition=main)


def test_the_derived_config_gives_the_templates_the_main_edition_only(project_root: Path) -> None:
    """Zensical builds the main edition: its locale for og:locale, and no other edition to link to."""
    original = load_config(project_root / "mkdocs.yml")
    main = read_editions(project_root / "mkdocs.yml")[0]
    derived = zensical_config(original, project_root=project_root, edition=main)
    assert derived["extra"] == {
        "explainer_edition": {"language": "en", "locale": "en_US", "main": True},
        "explainer_words": theme_words("en", original["site_name"]),
    }
    assert "explainer_editions" not in derived["extra"]
