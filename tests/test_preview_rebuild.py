"""When the live preview may rebuild only the changed pages, and what MkDocs is told about the others.

The whole sequence against a real server is in tests/test_serve_incremental.py; here each rule on its own,
with MkDocs' own config, files and nav.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, get_navigation

from generator.preview_rebuild import (
    Built,
    SiteState,
    Unchanged,
    add_file,
    nav_changed,
    nav_pages,
    project_files,
    restore_nav,
    why_rebuild_all,
)

HOME = "---\ndescription: The start.\n---\n\n# Welcome\n\nThe first words.\n"
ABOUT = "# About us\n\nWho we are.\n"
DAY = "# 2 March\n\nWhat happened.\n"
PAGES: dict[str, str | bytes] = {"index.md": HOME, "about.md": ABOUT, "day.md": DAY}


@pytest.fixture
def config(tmp_path: Path) -> MkDocsConfig:
    """A project whose nav titles the home page and leaves the about page's title to the page itself."""
    (tmp_path / "content").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\ndocs_dir: content\nnav:\n  - Home: index.md\n  - about.md\n", encoding="utf-8"
    )
    loaded = load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    loaded.plugins._current_plugin = "explainer"  # as during the plugin's event, where files are added
    return loaded


def _state(config: MkDocsConfig, generated: dict[str, str | bytes], *, problems: bool = False) -> SiteState:
    return SiteState(generated, {}, project_files(config), problems)


def _built(config: MkDocsConfig, pages: dict[str, str | bytes] = PAGES) -> Built:
    """A complete build of ``pages``: its nav as MkDocs read the pages, and every page's HTML in the site
    folder."""
    files = Files([add_file(config, path, text, None) for path, text in pages.items()])
    nav = get_navigation(files, config)
    for page in nav.pages:
        page.read_source(config)
    for file in files:
        Path(file.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
        Path(file.abs_dest_path).write_text("built", encoding="utf-8")
    return Built(_state(config, pages), nav_pages(nav))


def _nav(config: MkDocsConfig, last: Built, generated: dict[str, str | bytes]) -> Navigation:
    return get_navigation(
        Files([add_file(config, path, text, last) for path, text in generated.items()]), config
    )


def test_every_page_is_rebuilt_without_a_complete_build_before_or_when_what_every_page_shows_changes(
    config: MkDocsConfig,
) -> None:
    last = _built(config)
    assert why_rebuild_all(None, _state(config, PAGES)) == "no complete build before this one"
    assert why_rebuild_all(last, _state(config, {**PAGES, "day.md": DAY + "More.\n"})) is None
    problems = "the data has problems, or had them"
    assert why_rebuild_all(last, _state(config, PAGES, problems=True)) == problems
    assert (
        why_rebuild_all(Built(_state(config, PAGES, problems=True), last.nav_pages), last.state) == problems
    )
    assert why_rebuild_all(last, _state(config, {**PAGES, "other.md": DAY})) == "files were added or removed"
    assert why_rebuild_all(last, _state(config, {"index.md": HOME, "about.md": ABOUT})) == (
        "files were added or removed"
    )
    (Path(config.docs_dir) / "extra.css").write_text("p {}", encoding="utf-8")
    assert why_rebuild_all(last, _state(config, PAGES)) == (
        "mkdocs.yml, the content folder or the theme's overrides changed"
    )


def test_a_file_with_the_text_of_the_last_build_is_unchanged_while_its_html_is_there(
    config: MkDocsConfig,
) -> None:
    last = _built(config)
    kept = add_file(config, "day.md", DAY, last)
    assert isinstance(kept, Unchanged)
    assert not kept.is_modified()
    Path(kept.abs_dest_path).unlink()
    assert kept.is_modified()
    changed = add_file(config, "day.md", DAY + "More.\n", last)
    assert not isinstance(changed, Unchanged)
    assert changed.is_modified()
    assert not isinstance(add_file(config, "day.md", DAY, None), Unchanged)


def test_a_changed_page_outside_the_nav_or_titled_by_it_keeps_the_nav(config: MkDocsConfig) -> None:
    last = _built(config)
    for path, text in (("day.md", DAY + "More.\n"), ("index.md", HOME + "More.\n")):
        generated = {**PAGES, path: text}
        assert not nav_changed(_nav(config, last, generated), last, generated), path


def test_pages_given_as_their_utf8_are_compared_as_their_text(config: MkDocsConfig) -> None:
    encoded: dict[str, str | bytes] = {path: str(text).encode() for path, text in PAGES.items()}
    last = _built(config, encoded)
    more = {**encoded, "index.md": (HOME + "More.\n").encode()}
    assert not nav_changed(_nav(config, last, more), last, more)
    new_front_matter = {**encoded, "index.md": HOME.replace("The start.", "The beginning.").encode()}
    assert nav_changed(_nav(config, last, new_front_matter), last, new_front_matter)


def test_a_changed_nav_page_titled_by_itself_or_with_new_front_matter_changes_the_nav(
    config: MkDocsConfig,
) -> None:
    last = _built(config)
    new_front_matter = HOME.replace("The start.", "The beginning.")
    for path, text in (("about.md", ABOUT + "More.\n"), ("index.md", new_front_matter)):
        generated = {**PAGES, path: text}
        assert nav_changed(_nav(config, last, generated), last, generated), path


def test_the_nav_pages_mkdocs_does_not_read_get_their_title_and_front_matter_back(
    config: MkDocsConfig,
) -> None:
    last = _built(config)
    nav = _nav(config, last, PAGES)
    assert [(page.title, page.meta) for page in nav.pages] == [("Home", {}), (None, {})]
    restore_nav(nav, last)
    assert [(page.title, page.meta) for page in nav.pages] == [
        ("Home", {"description": "The start."}),
        ("About us", {}),
    ]
