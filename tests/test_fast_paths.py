"""The generator's fast paths give exactly what the library functions they replace give."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from generator.markup import Href, h, raw_block
from generator.urls import page_url, relative_url

TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=30)
TAGS = st.sampled_from(["p", "a", "li", "ul", "q", "span", "br", "time", "figure", "td"])


@st.composite
def trees(draw: st.DrawFn, depth: int = 0) -> ET.Element:
    """Elements as the renderers build them: text, attributes and children, from any text at all."""
    tag = draw(TAGS)
    children: list[ET.Element | str] = []
    for _ in range(draw(st.integers(0, 3 if depth < 3 else 0))):
        children.append(draw(TEXT) if draw(st.booleans()) else draw(trees(depth + 1)))
    attributes: dict[str, str | Href] = {"title": draw(TEXT), "class_": draw(TEXT)}
    if tag == "a":
        attributes["href"] = Href.internal(draw(st.sampled_from(["./", "../x/", "#quote-a", "a/b/#c"])))
    return h(tag, *children, **attributes)


@given(trees())
def test_raw_block_serialises_as_element_tree_does(element: ET.Element) -> None:
    assert raw_block(element) == ET.tostring(element, encoding="unicode", method="html")


PAGES = st.lists(st.sampled_from(["timeline", "people", "2017-02-23", "kelly", "sources"]), max_size=3).map(
    lambda parts: (
        "/".join([*parts, "index.md"]) if not parts or parts[-1] == "index" else "/".join(parts) + ".md"
    )
)


def _relpath_url(source: str, target: str) -> str:
    """The former implementation, on posixpath.relpath."""
    if target == source:
        return "./"
    base = posixpath.dirname(source) or "."
    if target == "" or target.endswith("/"):
        return posixpath.relpath(target or ".", base) + "/"
    return posixpath.relpath(target, base)


@given(PAGES, PAGES, st.booleans())
def test_relative_url_agrees_with_posixpath_relpath(source: str, target: str, directory_urls: bool) -> None:
    expected = _relpath_url(
        page_url(source, directory_urls=directory_urls), page_url(target, directory_urls=directory_urls)
    )
    assert relative_url(source, target, directory_urls=directory_urls) == expected
