"""Generated pages reach the engine with their HTML blocks set aside: the same HTML, anchors still known."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import markdown
import pytest

from generator.build import Project, build_site, generate
from generator.html_blocks import set_aside
from generator.markup import h, heading, markdown_page, paragraph, raw_block
from tests.conftest import SMALL, edit
from tests.payloads import payload_project

# The extensions mkdocs.yml configures, as MkDocs hands them to Python-Markdown.
EXTENSIONS = ["toc", "attr_list", "tables", "admonition"]
CONFIGS = {"toc": {"permalink": True}}


def _convert(page: str) -> str:
    converted: str = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS).convert(page)
    return converted


def _without_front_matter(page: str) -> str:
    return page.split("\n---\n", 1)[1] if page.startswith("---\n") else page


@functools.cache
def _generated_pages() -> dict[str, str]:
    pages = generate(Project(SMALL))
    hand_written = Project(SMALL).read_content().pages
    return {
        path: _without_front_matter(text)
        for path, text in pages.items()
        if path.endswith(".md") and path not in hand_written
    }


@pytest.mark.parametrize("path", sorted(_generated_pages()))
def test_a_generated_page_converts_to_what_markdown_makes_of_it_whole(path: str) -> None:
    page = _generated_pages()[path]
    found = set_aside(page)
    assert "<" not in found.markdown.replace("<!--", "")  # nothing left for the raw-HTML parser
    # Python-Markdown writes a line break between two elements of one block; nothing else differs.
    assert found.put_back(_convert(found.markdown)) == re.sub(
        r"(</[a-z]+>)\n(<[a-z])", r"\1\2", _convert(page)
    )


def test_headings_stay_markdown_and_blocks_come_back_in_order() -> None:
    page = markdown_page(
        [
            heading(1, "Title <b>"),
            paragraph("first"),
            heading(2, "Part", "part"),
            raw_block(h("ul", h("li", "x"))),
        ]
    )
    found = set_aside(page)
    assert found.blocks == ("<p>first</p>", "<ul><li>x</li></ul>")
    assert found.markdown == (
        "# Title &#60;b&#62;\n\nexplainer-html-block-0\n\n## Part { #part }\n\nexplainer-html-block-1"
    )
    assert found.put_back(_convert(found.markdown)) == _convert(page)


def test_a_block_opening_with_an_inline_element_stays_in_the_markdown() -> None:
    """Python-Markdown makes a paragraph of it, so it is left to Python-Markdown."""
    page = markdown_page([raw_block(h("a", "x", id="y"))])
    assert set_aside(page).blocks == ()


def test_the_anchors_of_the_blocks_are_their_ids_and_link_names_not_text() -> None:
    found = set_aside(
        markdown_page(
            [
                raw_block(h("div", h("p", 'id="from-text" name="also-text"', id="one"), title='x" id="z')),
                raw_block(h("ul", h("li", h("a", "x", name="two"), h("span", "y", name="not-a-link")))),
            ]
        )
    )
    assert found.anchor_ids() == {"one", "two"}


def test_placeholders_that_went_missing_are_an_error() -> None:
    found = set_aside(markdown_page([paragraph("a"), paragraph("b")]))
    with pytest.raises(ValueError, match="2 HTML blocks set aside, 1 placeholders found"):
        found.put_back("<p>explainer-html-block-0</p>")


@pytest.mark.slow
def test_links_into_a_generated_pages_html_are_checked_in_strict_mode(tmp_path: Path) -> None:
    """MkDocs still knows the anchors inside the HTML blocks: a link to one builds, a link to none fails."""
    project = Project(payload_project(tmp_path / "project", ()))  # the real mkdocs.yml: anchors warn
    about = project.root / "content" / "about.md"
    edit(about, "A page without embeds.", "[A quote](timeline/2021-03-02.md#quote-mayor-by-summer).")
    assert build_site(project, tmp_path / "site") == 0
    edit(about, "#quote-mayor-by-summer", "#quote-no-such-quote")
    assert build_site(project, tmp_path / "site") == 1
