"""Golden files: the Markdown generated from a small fixture dataset, compared byte for byte.

Run with ``UPDATE_GOLDEN=1`` to rewrite the golden files after an intended change, then review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import Project, generate
from generator.outputs import Options
from generator.sitemap import SCRIPT, STYLESHEET
from tests.conftest import FIXTURES, ROOT, SMALL, assert_golden_file_list, golden_paths

GOLDEN = Path(__file__).resolve().parent / "golden" / "small"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    """Everything generated, less the stylesheet and the script, copied as they are (see the test below)."""
    generated = generate(Project(FIXTURES / "small"))
    return {path: text for path, text in generated.items() if path not in (STYLESHEET, SCRIPT)}


def test_the_stylesheet_and_script_are_published_as_they_are() -> None:
    generated = generate(Project(FIXTURES / "small"))
    for path in (STYLESHEET, SCRIPT):
        assert generated[path] == (ROOT / "generator" / path).read_text(encoding="utf-8")


def test_generated_file_list_matches_golden(pages: dict[str, str]) -> None:
    assert_golden_file_list(pages, GOLDEN)


@pytest.mark.parametrize("path", golden_paths(GOLDEN))
def test_page_matches_golden(pages: dict[str, str], path: str) -> None:
    assert pages[path] == (GOLDEN / path).read_text(encoding="utf-8")


def test_generation_is_deterministic() -> None:
    first = generate(Project(FIXTURES / "small"))
    second = generate(Project(FIXTURES / "small"))
    assert first == second


def test_non_directory_urls_link_to_html_files() -> None:
    project = Project(FIXTURES / "small")
    pages = generate(project, Options(directory_urls=False, site_url=project.site_url()))
    assert 'href="engineer.html"' in pages["people/index.md"]
    assert 'href="../timeline/2021-03-02.html#quote-engineer-not-by-summer"' in pages["people/mayor.md"]


def test_a_hand_written_page_without_embeds_is_published_as_written() -> None:
    written = (SMALL / "content" / "about.md").read_text(encoding="utf-8")
    assert generate(Project(SMALL))["about.md"] == written
