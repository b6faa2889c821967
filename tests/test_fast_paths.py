"""The generator's fast paths give exactly what the library functions they replace give."""

from __future__ import annotations

import posixpath
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.markup import Href, Html, fragment, h, one_line, raw_block, template, with_attribute
from generator.urls import page_url, relative_url
from generator.yamlfile import LoadedFile, Position, _Converter, _Loader, load_file

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


_LINE = template(
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


# Values and field names as editors write them, the YAML traps among them.
SCALARS = st.sampled_from(
    [
        "text", "Town hall", '"quoted"', "'single'", "no", "yes", "On", "true", "false", "12", "012", "0x1f",
        "1:20", "1.5", "1e3", ".inf", "~", "null", "2017-02-23", "2017-02-30", "2017-02-23 10:00:00", "!!str 12",
        "!!int '12'", "!!binary aGk=", "!foo x", "<<", "=", '"FILL IN: x"', "a & b", "a * b", "&anchor x",
        "*anchor", "&list [1, 2]", "*list", '"\\u00a0"', "''",
    ]
)  # fmt: skip
KEYS = st.sampled_from(["id", "text", "quotes", "no", "1", "~", '"id"', "[a]", "&k key", "*k", "? x\n:"])


@st.composite
def yaml_texts(draw: st.DrawFn, indent: str = "", depth: int = 0) -> str:
    """A block mapping or list of the above, nested; some are not valid YAML, as editors' files may not be."""
    lines = []
    as_list = draw(st.booleans())
    for _ in range(draw(st.integers(1, 4))):
        head = f"{indent}- " if as_list else f"{indent}{draw(KEYS)}:"
        if depth < 3 and draw(st.integers(0, 3)) == 0:
            lines.append(f"{head}\n" + draw(yaml_texts(indent + "  ", depth + 1)))
        else:
            lines.append(f"{head} {draw(SCALARS)}\n")
    return "".join(lines)


@settings(max_examples=300)
@given(yaml_texts())
@example("a: &x [1, 2]\nb: *x\n")
@example("&k a: 1\n*k : 2\n")
@example("a: x & y\nb: '*'\n")
def test_a_file_loads_as_the_careful_conversion_reads_it(text: str) -> None:
    """Files without problems skip _Converter and find positions only when asked: the same values, problems
    and positions."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.yaml"
        path.write_text(text, encoding="utf-8")
        loaded, problems = load_file(path, "file.yaml")
    if loaded is None:
        with pytest.raises(yaml.MarkedYAMLError):
            yaml.compose(text, Loader=yaml.CSafeLoader)
        return
    node = yaml.compose(text, Loader=yaml.CSafeLoader)
    careful = _Converter("file.yaml", text)
    assert loaded.data == (careful.convert(node, ()) if node is not None else None)
    assert problems == careful.problems
    assert (loaded.values, loaded.keys) == (careful.values, careful.keys)


def _tags(node: yaml.Node | None) -> list[str]:
    if node is None:
        return []
    if isinstance(node, yaml.MappingNode):
        return [node.tag, *(tag for pair in node.value for child in pair for tag in _tags(child))]
    if isinstance(node, yaml.SequenceNode):
        return [node.tag, *(tag for child in node.value for tag in _tags(child))]
    return [node.tag]


@settings(max_examples=300)
@given(yaml_texts())
@example("a: ''\nb:\nc: [~, 1:20, 0x1f, .5, 2017-02-23, =, <<, '1', ! 1, !!int 2]\n")
def test_our_loader_tags_every_node_as_pyyaml_does(text: str) -> None:
    assert not _Loader.yaml_path_resolvers  # what its resolver leaves out
    assert None not in _Loader.yaml_implicit_resolvers
    try:
        expected = _tags(yaml.compose(text, Loader=yaml.CSafeLoader))
    except yaml.MarkedYAMLError:
        return
    assert _tags(yaml.compose(text, Loader=_Loader)) == expected


def test_positions_of_a_file_without_problems_are_found_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "file.yaml"
    path.write_text("a: 1\nb:\n  - x\n  - {c: d & e*}\n", encoding="utf-8")
    loaded, problems = load_file(path, "file.yaml")
    assert loaded is not None
    assert problems == []
    assert loaded.data == {"a": 1, "b": ("x", {"c": "d & e*"})}
    assert loaded.position(("b", 1, "c")) == Position(4, 9)
    assert loaded.position(("b", 1, "c"), key=True) == Position(4, 6)
    assert loaded.position(("b", 5)) == Position(3, 3)
    assert loaded.problem(("b", 0), "found", "expected").line == 3


def test_positions_noted_while_reading_a_file_with_problems_are_kept_not_found_again(tmp_path: Path) -> None:
    path = tmp_path / "file.yaml"
    path.write_text("a: no\nb:\n  - x\n  - {c: 1:20}\n", encoding="utf-8")
    loaded, problems = load_file(path, "file.yaml")
    assert loaded is not None
    assert [(problem.line, problem.field) for problem in problems] == [(1, "a"), (4, "b[1].c")]
    assert loaded.found_positions is not None
    again = LoadedFile(loaded.path, loaded.data, loaded.text)  # positions found again from the text
    assert loaded.found_positions == (again.values, again.keys)
    assert loaded.position(("b", 1, "c"), key=True) == Position(4, 6)
    path.write_text("a: 'no'\nb:\n  - x\n", encoding="utf-8")
    plain, problems = load_file(path, "file.yaml")
    assert plain is not None
    assert problems == []
    assert plain.found_positions is None  # found from the text only if a problem needs them
