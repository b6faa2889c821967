"""Front matter written by the escaping layer: strings and lists of strings, each value on one line, every
string HTML-escaped, so that a theme template printing it as it is (no autoescaping, no plugin) stays safe."""

from __future__ import annotations

import jinja2
import yaml
from bs4 import BeautifulSoup

from generator.markup import front_matter
from tests.html import one

PAYLOAD = (
    'Sean Spicer"><script>alert(document.domain)</script>'
    '<meta http-equiv="refresh" content="5;url=https://evil.example/">'
)
# What Material's and Zensical's base.html print, without autoescaping.
ENGINE_TEMPLATE = (
    '<head><meta name="description" content="{{ page.meta.description }}"><title>T</title></head>'
)


def test_front_matter_reads_back_as_the_same_values_escaped() -> None:
    text = front_matter({"hide": ("toc",), "description": 'Says "no" & <b>\n---\nhide: [navigation]'})
    assert text.startswith("---\n") and text.endswith("\n---")
    assert yaml.safe_load(text.strip("-\n")) == {
        "description": "Says &quot;no&quot; &amp; &lt;b&gt; --- hide: [navigation]",
        "hide": ["toc"],
    }
    assert text.count("\n") == 3


def test_front_matter_is_safe_where_an_engine_template_prints_it_as_it_is() -> None:
    meta = yaml.safe_load(front_matter({"description": PAYLOAD}).strip("-\n"))
    page = jinja2.Environment(autoescape=False).from_string(ENGINE_TEMPLATE).render(page={"meta": meta})
    soup = BeautifulSoup(page, "html5lib")
    assert [tag.name for tag in soup.find_all(True)] == ["html", "head", "meta", "title", "body"]
    assert one(soup, "meta[name=description]")["content"] == PAYLOAD
