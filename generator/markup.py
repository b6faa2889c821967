"""The one escaping layer: every string from the data reaches a page through this module.

Data is untrusted. Python-Markdown passes raw HTML through, turns ``{: …}`` into attributes, and gives
``#``, ``>``, ``|``, ``[`` and friends structural meaning. So:

* page structure that must be Markdown (headings, for the table of contents and search) gets the data's text
  with every Markdown-significant character written as a character reference, which Markdown shows literally;
* everything else is built by :func:`h` as :class:`Html`, escaping text and attribute values as ElementTree
  does; that HTML goes into the page as one raw block that Markdown leaves alone;
* a link target can only come from :class:`Href`, which admits https addresses and the site's own relative
  links, nothing else.
"""

from __future__ import annotations

import html
import json
import keyword
import re
import string
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.urls import check_external_url

# Every ASCII character that Markdown or its extensions (attr_list, tables, emoji, magiclink, …) may read as
# syntax. Letters, digits, spaces and , . ? ' are left as they are, for readable headings.
_MARKDOWN_SPECIAL = frozenset('!"#$%&()*+-/:;<=>@[\\]^_`{|}~')
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x85\x0b\x0c]")
# What YAML cannot hold literally in a double-quoted string, beyond what JSON already escapes.
_YAML_UNPRINTABLE = re.compile("[\x7f-\x84\x86-\x9f\ufffe\uffff]")
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster", "srcset"})
_FORBIDDEN_TAGS = frozenset({"script", "style", "iframe", "object", "embed", "base", "meta", "link", "form"})
_RELATIVE_LINK = re.compile(r"(?:\.\./|\./)*(?:[a-z0-9][a-z0-9._/-]*)?(?:#[a-z0-9][a-z0-9-]*)?")


@dataclass(frozen=True)
class Href:
    """A link target known to be safe: build it with :meth:`external` or :meth:`internal`."""

    value: str

    @classmethod
    def external(cls, url: str) -> Href:
        problem = check_external_url(url)
        if problem:
            raise ValueError(f"refusing to link to {url!r}: expected {problem}")
        return cls(url)

    @classmethod
    def internal(cls, link: str) -> Href:
        if not link or not _RELATIVE_LINK.fullmatch(link):
            raise ValueError(f"refusing to link to {link!r}: expected a relative link within the site")
        return cls(link)


def one_line(text: str) -> str:
    """Line breaks in data become spaces: a page's structure is never the data's to decide."""
    # Every line break is unprintable; most text has none, and isprintable() is far cheaper than the regex.
    return text if text.isprintable() else _LINE_BREAKS.sub(" ", text)


def inline(text: str) -> str:
    """Text for Markdown, shown literally whatever it holds."""
    return "".join(f"&#{ord(char)};" if char in _MARKDOWN_SPECIAL else char for char in one_line(text))


def heading(level: int, text: str, anchor: str | None = None) -> str:
    """A Markdown heading (so it reaches the table of contents and search), with an optional fixed anchor."""
    if not 1 <= level <= 6:
        raise ValueError(f"heading level {level}")
    if anchor and not re.fullmatch(r"[a-z0-9][a-z0-9-]*", anchor):
        raise ValueError(f"unsafe anchor {anchor!r}")
    suffix = f" {{ #{anchor} }}" if anchor else ""
    return f"{'#' * level} {inline(text)}{suffix}"


def markdown_page(blocks: Iterable[str]) -> str:
    """A Markdown page: its blocks separated by blank lines, ending with a newline."""
    return "\n\n".join(blocks) + "\n"


def paragraph(text: str) -> str:
    """A paragraph of text, as an HTML block: a leading ``1.`` or four spaces cannot make it a list or code."""
    return raw_block(h("p", text))


def yaml_string(text: str) -> str:
    """``text`` as one double-quoted YAML scalar on one line, whatever characters it holds.

    JSON strings are YAML, except that JSON writes characters beyond U+FFFF as surrogate pairs, which YAML
    refuses (and MkDocs then silently reads the front matter as Markdown), and leaves a few characters raw
    that YAML may not hold literally.
    """
    quoted = json.dumps(one_line(text), ensure_ascii=False)
    return _YAML_UNPRINTABLE.sub(lambda match: f"\\u{ord(match[0]):04x}", quoted)


def front_matter(fields: Mapping[str, str | tuple[str, ...]]) -> str:
    """Page metadata as YAML front matter, one line per field: a string, or a flow list of strings.

    Every string is written HTML-escaped: the engines' own templates print front matter as it is (Material's
    and Zensical's ``<meta name="description" content="{{ page.meta.description }}">``, with no autoescaping),
    so the text must already be safe there, whichever engine builds the page and whether or not a plugin runs.
    """
    lines = [f"{key}: {_yaml_value(value)}" for key, value in sorted(fields.items())]
    return "---\n" + "\n".join(lines) + "\n---"


def script_json(value: Any) -> str:
    """``value`` as JSON to print as it is inside a ``<script>`` element: keys sorted, every non-ASCII
    character escaped, and ``< > & '`` written as ``\\u003c`` and so on, so that no string can end the element
    (what Jinja's ``tojson`` filter writes, byte for byte)."""
    return (
        json.dumps(value, sort_keys=True)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("'", "\\u0027")
    )


def front_matter_line(key: str, value: Any) -> str:
    """``key: "…"`` for the front matter: structured data (mappings, lists, strings, numbers) as the text of a
    script element (:func:`script_json`), in one YAML string on one line. A template prints it as it is, under
    any engine: the generator, not the template, makes it safe."""
    if not re.fullmatch(r"[a-z_]+", key):
        raise ValueError(f"unsafe front-matter key {key!r}")
    return f"{key}: {yaml_string(script_json(value))}"


def with_front_matter_line(page: str, line: str) -> str:
    """``page`` with ``line`` (from :func:`front_matter_line`) first in its front matter; a page without
    front matter gets one."""
    opening = "---\n"
    if page.startswith(opening):
        # Only the first occurrence is replaced, and it is the opening one.
        return page.replace(opening, f"{opening}{line}\n", 1)
    return f"{opening}{line}\n---\n\n{page}"


def _yaml_value(value: str | tuple[str, ...]) -> str:
    if isinstance(value, str):
        return yaml_string(html_escaped(value))
    return "[" + ", ".join(yaml_string(html_escaped(item)) for item in value) + "]"


def html_escaped(text: str) -> str:
    """Text for HTML that another program prints as it is, in an element or a quoted attribute (a theme
    template, TimelineJS), on one line, with ``& < > " '`` escaped."""
    return html.escape(one_line(text), quote=True)


class Html(str):
    """HTML built by :func:`h`: its text escaped, its links checked, on one line. Only this module makes it.

    Concatenating it with a plain string gives a plain string, which :func:`h` escapes again: data can lose its
    trust by accident, never gain it.
    """

    __slots__ = ()


def h(tag: str, *children: Html | str | None, **attributes: str | Href | None) -> Html:
    """Build an element: ``h("a", "text", href=Href.internal("x/"), class_="c")``. None children/values are skipped.

    The HTML is what ``ET.tostring(element, method="html")`` writes for the same element (same escaping), built as
    a string at once: building a tree and then walking it was the generator's largest cost.
    """
    if tag in _FORBIDDEN_TAGS:
        raise ValueError(f"<{tag}> is not built from data")
    opening = f"<{tag}"
    for name, value in attributes.items():
        if value is not None:
            # class_ → class, aria_label → aria-label: Python keywords and dashes in keyword arguments.
            attribute = name.rstrip("_").replace("_", "-")
            opening += f' {attribute}="{_attribute_value(attribute, value)}"'
    content = fragment(*children)
    if tag.lower() in _VOID_TAGS:
        return Html(f"{opening}>{content}")
    return Html(f"{opening}>{content}</{tag}>")


def _text(child: Html | str) -> str:
    """A child of an element: HTML as it is, text escaped and on one line."""
    return child if isinstance(child, Html) else html.escape(one_line(child), quote=False)


def _attribute_value(attribute: str, value: str | Href) -> str:
    """An attribute's value, escaped: a link attribute takes only an Href, and an Href only a link attribute."""
    if isinstance(value, Href):
        if attribute not in _URL_ATTRIBUTES:
            raise TypeError(f"{attribute} is not a link attribute")
        return _escape_attribute(value.value)
    if attribute in _URL_ATTRIBUTES:
        raise TypeError(f"{attribute} takes an Href, not {type(value).__name__}")
    return _escape_attribute(one_line(value))


def fragment(*children: Html | str | None) -> Html:
    """Several pieces as one piece of HTML, text escaped as :func:`h` escapes it; None is skipped."""
    return Html("".join([_text(child) for child in children if child is not None]))


EMPTY = fragment()


def with_attribute(element: Html, name: str, value: str) -> Html:
    """``element`` with one more attribute on its outer tag, written last, as ElementTree's ``set`` would.

    The first ``>`` ends the opening tag: attribute values never hold one, :func:`h` escapes it.
    """
    if not re.fullmatch(r"[a-z][a-z-]*", name):
        raise ValueError(f"unsafe attribute name {name!r}")
    end = element.index(">")
    return Html(f'{element[:end]} {name}="{_attribute_value(name, value)}"{element[end:]}')


_ATTRIBUTE_BEFORE = re.compile(r' ([a-z][a-z:-]*)="[^"]*$')


@dataclass(frozen=True)
class _Field:
    """A field of an :class:`HtmlTemplate`: between tags (``attribute`` None) or a quoted attribute's value."""

    name: str
    attribute: str | None


@dataclass(frozen=True)
class HtmlTemplate:
    """A fixed piece of HTML with named fields, for the fragments written thousands of times (a quote's line,
    its figure's parts), where an :func:`h` call per tag was the generator's largest cost.

    ``HtmlTemplate('<li><a href="{link}">{name}</a></li>')(link=Href…, name="…")`` gives what the same
    :func:`h` calls give: a field between tags takes text (escaped, on one line) or :class:`Html` (kept); a
    field in a quoted attribute value takes text (escaped for the attribute), or an :class:`Href` for a link
    attribute, which takes nothing else. Every field must be given, and nothing else. The pattern itself is
    code, never data, and may not open a forbidden tag.
    """

    pattern: str
    pieces: tuple[str | _Field, ...] = field(init=False)
    fields: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        pieces = _template_pieces(self.pattern)
        object.__setattr__(self, "pieces", pieces)
        object.__setattr__(self, "fields", frozenset(p.name for p in pieces if isinstance(p, _Field)))

    def __call__(self, **values: Html | Href | str) -> Html:
        if values.keys() != self.fields:
            missing, unexpected = sorted(self.fields - values.keys()), sorted(values.keys() - self.fields)
            raise TypeError(
                f"template {self.pattern!r}: missing fields {missing}, unexpected fields {unexpected}"
            )
        return Html(
            "".join(
                [
                    piece
                    if isinstance(piece, str)
                    else _text_field(values[piece.name], piece.name)
                    if piece.attribute is None
                    else _attribute_value(piece.attribute, values[piece.name])
                    for piece in self.pieces
                ]
            )
        )


def _template_pieces(pattern: str) -> tuple[str | _Field, ...]:
    """The pattern's literal text and fields in order; ValueError for a field or tag it may not hold."""
    pieces: list[str | _Field] = []
    written = ""
    for literal, name, spec, conversion in string.Formatter().parse(pattern):
        written += literal
        if literal:
            pieces.append(literal)
        if name is None:
            continue
        if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_") or spec or conversion:
            raise ValueError(f"template field {name!r}: expected a plain name")
        if written.rfind("<") <= written.rfind(">"):
            pieces.append(_Field(name, None))
            continue
        match = _ATTRIBUTE_BEFORE.search(written)
        if not match:
            raise ValueError(f"template field {name!r} is inside a tag but not in a quoted attribute")
        attribute = match[1]
        if attribute in _URL_ATTRIBUTES and not written.endswith(f'{attribute}="'):
            raise ValueError(f"template field {name!r} must be the whole of {attribute}")
        pieces.append(_Field(name, attribute))
    opened = {tag.lower() for tag in re.findall(r"<([A-Za-z][A-Za-z0-9:-]*)", pattern)}
    if opened & _FORBIDDEN_TAGS:
        raise ValueError(f"<{min(opened & _FORBIDDEN_TAGS)}> is not built from data")
    return tuple(pieces)


def _text_field(value: Html | Href | str, name: str) -> str:
    """A field between tags: HTML as it is, text escaped and on one line."""
    if isinstance(value, str):
        return _text(value)
    raise TypeError(f"{name} is text, not a link")


def raw_block(element: Html) -> str:
    """An element as one line of HTML, which Markdown passes through untouched as a raw block."""
    if not isinstance(element, Html):
        raise TypeError(f"a raw block takes HTML built by h(), not {type(element).__name__}")
    return str(element)


_VOID_TAGS = frozenset(ET.HTML_EMPTY)


def _escape_attribute(value: str) -> str:
    return value.replace("&", "&amp;").replace(">", "&gt;").replace('"', "&quot;")
