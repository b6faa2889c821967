"""A generated page's HTML blocks kept away from Python-Markdown, which only needs to read its headings.

A generated page (:func:`generator.markup.markdown_page`) is Markdown headings and HTML blocks, each block one
line of HTML built by :func:`generator.markup.raw_block`. Python-Markdown finds such a block by running an HTML
parser over it, and MkDocs runs another over the whole page to collect its anchors: at 10,000 quotes that was
most of a build. The blocks are already HTML, so they are set aside before the engine converts the page and
put back, unchanged, into the HTML it makes; only the headings go through Markdown, so the table of contents,
the heading anchors and their permalinks are the engine's own. The anchors inside the blocks are read here,
from HTML whose format :mod:`generator.markup` fixes.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markdown.util import BLOCK_LEVEL_ELEMENTS

# Python-Markdown passes a line opening with one of these tags through as it is; any other opening tag starts
# a paragraph, so such a block stays in the Markdown.
_PASSED_THROUGH = frozenset(BLOCK_LEVEL_ELEMENTS)
_OPENING_TAG = re.compile(r"<([a-z][a-z0-9]*)[\s>]")
# A paragraph of its own that Markdown writes back as it is: letters, digits and dashes only. Data never
# reaches a page's Markdown as a paragraph (only as headings, whose text is escaped), so it cannot forge one.
_PLACEHOLDER = "explainer-html-block-{}"
_PLACED = re.compile(r"<p>explainer-html-block-([0-9]+)</p>")
# In HTML built by generator.markup, text never holds "<" and attribute values never hold ">" or '"'
# (both are escaped), so each tag runs from a "<" to the next ">" and each value to the next '"'.
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>")
_ATTRIBUTE = re.compile(r'\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)="([^"]*)"')


@dataclass(frozen=True)
class SetAside:
    """A page's Markdown with each HTML block replaced by a placeholder paragraph, and the blocks in order."""

    markdown: str
    blocks: tuple[str, ...]

    def put_back(self, converted: str) -> str:
        """The HTML the engine made from :attr:`markdown`, with each block in its placeholder's place, as
        Python-Markdown passes such a block through: followed by a line break, the whole stripped."""
        result, placed = _PLACED.subn(lambda match: self.blocks[int(match[1])] + "\n", converted)
        if placed != len(self.blocks):
            raise ValueError(f"{len(self.blocks)} HTML blocks set aside, {placed} placeholders found")
        return result.strip()

    def anchor_ids(self) -> set[str]:
        """What the blocks can be linked to: each element's ``id``, and each ``<a>``'s ``name``."""
        found: set[str] = set()
        for block in self.blocks:
            for tag in _TAG.finditer(block):
                for name, value in _ATTRIBUTE.findall(tag[2]):
                    if name == "id" or (name == "name" and tag[1] == "a"):
                        found.add(html.unescape(value))
        return found


def set_aside(markdown: str) -> SetAside:
    """``markdown`` (a generated page without its front matter) with its HTML blocks set aside."""
    blocks: list[str] = []
    kept: list[str] = []
    for part in markdown.split("\n\n"):
        opening = _OPENING_TAG.match(part)
        if opening and opening[1] in _PASSED_THROUGH and "\n" not in part.strip():
            kept.append(_PLACEHOLDER.format(len(blocks)))
            blocks.append(part.strip())
        else:
            kept.append(part)
    return SetAside("\n\n".join(kept), tuple(blocks))
