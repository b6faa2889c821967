"""The site's texts are kept as UTF-8 and read back as the same text."""

from __future__ import annotations

import sys

from generator.build import Project, generate_site
from generator.utf8_texts import Utf8Texts
from tests.conftest import SMALL


def test_texts_read_back_as_written_in_their_order() -> None:
    texts = Utf8Texts.of({"b.md": "“Curly” — and plain", "a.md": "plain"})
    assert list(texts) == ["b.md", "a.md"]
    assert dict(texts) == {"b.md": "“Curly” — and plain", "a.md": "plain"}
    assert texts.encoded("b.md") == "“Curly” — and plain".encode()
    assert "a.md" in texts and "c.md" not in texts and len(texts) == 2


def test_added_texts_take_the_place_of_those_at_the_same_path() -> None:
    texts = Utf8Texts.of({"a.md": "old", "b.md": "kept"}).with_texts({"a.md": "new", "c.md": "added"})
    assert dict(texts) == {"a.md": "new", "b.md": "kept", "c.md": "added"}


def test_a_generated_page_is_held_in_about_half_the_memory_of_its_string() -> None:
    pages = generate_site(Project(SMALL)).pages
    path = max(pages, key=lambda path: len(pages.encoded(path)))
    text = pages[path]
    assert text.encode() == pages.encoded(path)
    assert sys.getsizeof(pages.encoded(path)) < 0.6 * sys.getsizeof(text)
