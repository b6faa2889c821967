"""Property test of the escaping layer: any text in any kind of field comes back as itself, adding nothing.

Each example renders a batch of strings, so 500 examples put 10,000 generated strings through the render
functions and Python-Markdown configured as in mkdocs.yml; the result is parsed with html5lib.
"""

from __future__ import annotations

import html
import json

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator.markup import (
    Href,
    front_matter,
    front_matter_line,
    h,
    heading,
    one_line,
    paragraph,
    raw_block,
    with_front_matter_line,
)

BATCH = 20
EXAMPLES = 500  # x BATCH = 10,000 strings per run

# Validation refuses control characters (line breaks and tabs aside) and text that is only spaces.
_any_char = st.characters(exclude_categories=("Cc", "Cs"))
_syntax = st.sampled_from([*"<>&#;*_[](){}|!`~:\\/\"'=+-.0123456789\n\t xX", "&amp;", "&#60;", "{: ", "]("])
texts = (
    st.lists(st.one_of(_any_char, _syntax), min_size=1, max_size=30)
    .map("".join)
    .filter(lambda text: text.strip() != "")
)


@pytest.fixture(scope="module")
def md() -> markdown.Markdown:
    """Python-Markdown with the extensions mkdocs.yml enables."""
    return markdown.Markdown(
        extensions=["toc", "attr_list", "tables", "admonition"],
        extension_configs={"toc": {"permalink": True}},
    )


def shown(text: str) -> str:
    return " ".join(text.split())


def _page(strings: list[str]) -> str:
    blocks = []
    for text in strings:
        link = h("a", text, href=Href.internal("people/x/"), title=text)
        blocks += [
            heading(2, text),
            paragraph(text),
            raw_block(h("div", h("q", text), " ", link, data_speaker=text)),
        ]
    return "\n\n".join(blocks)


@pytest.mark.slow  # 10,000 strings through Python-Markdown and html5lib: most of the fast suite's time
@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(texts, min_size=BATCH, max_size=BATCH))
def test_any_text_renders_as_itself_and_adds_nothing(md: markdown.Markdown, strings: list[str]) -> None:
    html = md.reset().convert(_page(strings))
    soup = BeautifulSoup(f"<body>{html}</body>", "html5lib")
    body = soup.body
    assert body is not None
    elements = sorted({(tag.name, tuple(sorted(tag.attrs))) for tag in body.find_all(True)})
    expected = {("h2", ("id",)), ("a", ("class", "href", "title")), ("p", ()), ("div", ("data-speaker",))}
    expected |= {("q", ()), ("a", ("href", "title"))}
    assert set(elements) <= expected
    headings = body.find_all("h2", recursive=False)
    for permalink in body.select("a.headerlink"):
        assert permalink.parent is not None and str(permalink["href"]) == f"#{permalink.parent['id']}"
        permalink.decompose()
    assert [shown(tag.get_text()) for tag in headings] == [shown(text) for text in strings]
    assert [shown(tag.get_text()) for tag in body.find_all("p", recursive=False)] == list(map(shown, strings))
    divs = body.find_all("div", recursive=False)
    assert [shown(str(div["data-speaker"])) for div in divs] == list(map(shown, strings))
    assert [shown(div.q.get_text()) for div in divs if div.q] == list(map(shown, strings))
    assert {str(a["href"]) for div in divs for a in div.find_all("a")} <= {"people/x/"}
    assert [shown(str(a["title"])) for div in divs for a in div.find_all("a")] == list(map(shown, strings))


@pytest.mark.slow  # 10,000 strings through front matter and MkDocs' reader
@settings(max_examples=EXAMPLES)
@given(st.lists(texts, min_size=BATCH, max_size=BATCH))
def test_any_text_survives_front_matter(strings: list[str]) -> None:
    """Front matter reads back as the text HTML-escaped, safe where a template prints it as it is."""
    fields = {f"field{index:02d}": text for index, text in enumerate(strings)}
    body, meta = get_data(front_matter(fields) + "\n\n# Page\n")
    assert {key: html.unescape(value) for key, value in meta.items()} == {
        key: one_line(text) for key, text in fields.items()
    }
    assert not any(set("<>\"'") & set(value) for value in meta.values())
    assert body == "# Page\n"


@settings(max_examples=300)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
        max_leaves=20,
    )
)
def test_structured_front_matter_reads_back_as_script_text(value: object) -> None:
    """Whatever the data holds, MkDocs' own reader gives back JSON of the same value, with nothing that could
    end a script element."""
    line = front_matter_line("structured_data", value)
    assert "\n" not in line
    _, meta = get_data(with_front_matter_line("# Page\n", line))
    text = meta["structured_data"]
    assert json.loads(text) == value
    assert text.isascii() and not set("<>&'") & set(text)


def test_a_long_value_reads_back() -> None:
    value = {"text": "Ṱ̺̺̕o͞ ̷i̲̬͇̪͙n̝̗͕v̟̜̘̦͟o̶̙̰̠kè͚̮̺̪̹̱̤ 😀" * 200, "k" * 2000: "a long key"}
    _, meta = get_data(with_front_matter_line("# Page\n", front_matter_line("structured_data", value)))
    assert json.loads(meta["structured_data"]) == value
