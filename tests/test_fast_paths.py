"""The generator's fast paths give exactly what the library functions they replace give."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from generator.build import Project, load_dataset
from generator.dates import PartialDate
from generator.i18n import translator
from generator.markup import Href, Html, HtmlTemplate, fragment, h, one_line, raw_block, with_attribute
from generator.render.context import Context
from generator.urls import markdown_link, page_url, relative_url
from tests.conftest import SMALL

TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=30)
TAGS = st.sampled_from(["p", "a", "li", "ul", "q", "span", "br", "time", "figure", "td"])


@st.composite
def trees(draw: st.DrawFn, depth: int = 0) -> tuple[Html, ET.Element]:
    """The same element built by h() and by ElementTree, from any text at all, as the renderers nest them."""
    tag = draw(TAGS)
    attributes: dict[str, str | Href] = {"title": draw(TEXT), "class_": draw(TEXT)}
    if tag == "a":
        attributes["href"] = Href.internal(draw(st.sampled_from(["./", "../x/", "#quote-a", "a/b/#c"])))
    element = ET.Element(tag)
    for name, value in attributes.items():
        element.set(name.rstrip("_"), one_line(value.value if isinstance(value, Href) else value))
    children: list[Html | str] = []
    for _ in range(draw(st.integers(0, 3 if depth < 3 else 0))):
        if draw(st.booleans()):
            text = draw(TEXT)
            children.append(text)
            if len(element):
                element[-1].tail = (element[-1].tail or "") + one_line(text)
            else:
                element.text = (element.text or "") + one_line(text)
        else:
            built, tree = draw(trees(depth + 1))
            children.append(built)
            element.append(tree)
    return h(tag, *children, **attributes), element


@given(trees())
def test_h_writes_what_element_tree_writes(pair: tuple[Html, ET.Element]) -> None:
    built, tree = pair
    assert raw_block(built) == ET.tostring(tree, encoding="unicode", method="html")


@given(trees(), TEXT)
def test_with_attribute_writes_what_element_tree_set_writes(
    pair: tuple[Html, ET.Element], value: str
) -> None:
    built, tree = pair
    tree.set("data-search-exclude", one_line(value))
    assert with_attribute(built, "data-search-exclude", value) == ET.tostring(
        tree, encoding="unicode", method="html"
    )


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


@given(PAGES, PAGES, st.sampled_from(["", "quote-a"]))
def test_markdown_link_agrees_with_posixpath_relpath(source: str, target: str, anchor: str) -> None:
    link = posixpath.relpath(target, posixpath.dirname(source) or ".") if target != source else ""
    expected = f"{link}#{anchor}" if anchor else link or posixpath.basename(target)
    assert markdown_link(source, target, anchor) == expected


_LINE = HtmlTemplate(
    '<li><a href="{link}" title="{title}">{name}</a>: <q class="x {kind}">{words}</q>{rest}</li>'
)


@given(TEXT, TEXT, TEXT, TEXT, trees())
def test_template_writes_what_h_writes(
    title: str, name: str, kind: str, words: str, pair: tuple[Html, ET.Element]
) -> None:
    link = Href.internal("../x/#quote-a")
    rest, _ = pair
    built = h(
        "li",
        h("a", name, href=link, title=title),
        ": ",
        h("q", words, class_=f"x {kind}"),
        rest,
    )
    assert _LINE(link=link, title=title, name=name, kind=kind, words=words, rest=rest) == built


@given(TEXT, TEXT)
def test_fragment_escapes_text_as_h_does(first: str, second: str) -> None:
    inner = h("q", second)
    assert h("p", fragment(first, inner, None)) == h("p", first, inner)


DATES = st.builds(
    PartialDate, st.integers(1990, 2030), st.sampled_from([0, 2, 11]), st.sampled_from([0, 1, 28])
).filter(lambda date: date.month or not date.day)


@given(st.lists(st.tuples(st.sampled_from(["date", "day", "day_title"]), DATES), max_size=12), st.booleans())
def test_context_writes_dates_as_its_translator_does(
    asked: list[tuple[str, PartialDate]], spanish: bool
) -> None:
    """The context keeps each date's words once written: a date asked for in another form, or again, is still
    written as the translator writes it."""
    words = translator("es" if spanish else "en")
    ctx = Context(load_dataset(Project(SMALL)), words=words)
    for form, date in asked:
        assert getattr(ctx, form)(date) == getattr(words, form)(date)
