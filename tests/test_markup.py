"""The escaping layer: data text is shown literally and never becomes structure, attributes or links."""

from __future__ import annotations

import re
from html import unescape

import markdown
import pytest

from generator.markup import Href, HtmlTemplate, h, heading, inline, raw_block
from generator.urls import check_external_url, relative_url


def render(text: str) -> str:
    return str(markdown.markdown(text, extensions=["attr_list", "tables", "toc"]))


@pytest.mark.parametrize(
    "text",
    [
        "# not a heading",
        "> not a quote",
        "1. not a list",
        "<script>alert(1)</script>",
        "a | b | c",
        "{: onclick=x }",
        "[link](javascript:alert(1))",
        "*not emphasis*",
        "`code`",
        "&amp; stays &amp;",
    ],
)
def test_inline_text_renders_literally(text: str) -> None:
    html = render(f"## {inline(text)}")
    assert html.startswith("<h2") and html.endswith("</h2>")
    assert "<script" not in html and "onclick=" not in html.replace("onclick=x", "") and "<a" not in html
    assert unescape(re.sub(r"<[^>]+>", "", html)) == text


def test_heading_takes_a_fixed_anchor() -> None:
    assert render(heading(2, "A <b>", "quote-x")) == '<h2 id="quote-x">A &#60;b&#62;</h2>'


def test_heading_refuses_an_unsafe_anchor() -> None:
    with pytest.raises(ValueError, match="unsafe anchor"):
        heading(2, "x", 'x" onclick="y')


def test_elements_escape_text_and_attributes() -> None:
    element = h("p", "<img src=x onerror=alert(1)>", title='"><script>')
    assert raw_block(element) == '<p title="&quot;&gt;<script&gt;">&lt;img src=x onerror=alert(1)&gt;</p>'


def test_raw_block_stays_one_line() -> None:
    assert "\n" not in raw_block(h("p", "one\n\ntwo\r\nthree\u2028four"))


def test_links_take_only_hrefs() -> None:
    with pytest.raises(TypeError, match="href takes an Href"):
        h("a", "x", href="javascript:alert(1)")


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "http://example.com/",
        "data:text/html,x",
        "https://",
        " https://a.b/",
        "https://a.b/\x00",
        "https://user:pw@a.b/",
        "//evil.example/",
        "https://a.b/ c",
    ],
)
def test_external_links_must_be_plain_https(url: str) -> None:
    assert check_external_url(url) is not None
    with pytest.raises(ValueError, match="refusing to link"):
        Href.external(url)


def test_internal_links_cannot_carry_a_scheme() -> None:
    with pytest.raises(ValueError, match="refusing to link"):
        Href.internal("javascript:alert(1)")


@pytest.mark.parametrize(
    ("source", "target", "anchor", "expected"),
    [
        ("contrast.md", "people/kelly.md", "", "../people/kelly/"),
        ("index.md", "people/kelly.md", "quote-a", "people/kelly/#quote-a"),
        ("people/kelly.md", "index.md", "", "../../"),
        ("people/kelly.md", "people/index.md", "", "../"),
        ("timeline.md", "timeline.md", "quote-a", "#quote-a"),
        ("index.md", "index.md", "", "./"),
    ],
)
def test_relative_urls(source: str, target: str, anchor: str, expected: str) -> None:
    assert relative_url(source, target, anchor, directory_urls=True) == expected


def test_a_template_checks_what_goes_where() -> None:
    line = HtmlTemplate('<li><a href="{link}">{name}</a></li>')
    with pytest.raises(TypeError, match="href takes an Href, not str"):
        line(link="javascript:alert(1)", name="x")
    with pytest.raises(TypeError, match="name is text, not a link"):
        line(link=Href.internal("x/"), name=Href.internal("y/"))
    with pytest.raises(TypeError, match=r"^title is not a link attribute$"):
        HtmlTemplate('<p title="{title}"></p>')(title=Href.internal("x/"))
    pattern = "'<li><a href=\"{link}\">{name}</a></li>'"
    with pytest.raises(
        TypeError,
        match=f"^template {re.escape(pattern)}: missing fields \\['name'\\], unexpected fields \\[\\]$",
    ):
        line(link=Href.internal("x/"))
    with pytest.raises(
        TypeError,
        match=f"^template {re.escape(pattern)}: missing fields \\[\\], unexpected fields \\['title'\\]$",
    ):
        line(link=Href.internal("x/"), name="x", title="y")
    with pytest.raises(
        TypeError, match=r"^HtmlTemplate.__call__\(\) takes 1 positional argument but 2 were given$"
    ):
        line("x")  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("<script>{x}</script>", "<script> is not built from data"),
        ("<p title={x}>", "template field 'x' is inside a tag but not in a quoted attribute"),
        ('<a href="https://example.org/{x}">', "template field 'x' must be the whole of href"),
        ("<p>{x!r}</p>", "template field 'x': expected a plain name"),
        ("<p>{class}</p>", "template field 'class': expected a plain name"),
        ("<p>{_text}</p>", "template field '_text': expected a plain name"),
        ("<p>{a.b}</p>", "template field 'a.b': expected a plain name"),
        ("<p>{0}</p>", "template field '0': expected a plain name"),
    ],
)
def test_a_template_refuses_unsafe_patterns(pattern: str, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        HtmlTemplate(pattern)


def test_a_template_escapes_text_and_attributes() -> None:
    line = HtmlTemplate('<p title="{title}">{text}</p>')
    assert line(title='"><script>', text="<img src=x>\nnext") == (
        '<p title="&quot;&gt;<script&gt;">&lt;img src=x&gt; next</p>'
    )
