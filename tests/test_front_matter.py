"""Front matter written by the escaping layer: strings and lists of strings, each value on one line."""

from __future__ import annotations

import yaml

from generator.markup import front_matter


def test_front_matter_reads_back_as_the_same_values() -> None:
    text = front_matter({"hide": ("toc",), "description": 'Says "no"\n---\nhide: [navigation]'})
    assert text.startswith("---\n") and text.endswith("\n---")
    assert yaml.safe_load(text.strip("-\n")) == {
        "description": 'Says "no" --- hide: [navigation]',
        "hide": ["toc"],
    }
    assert text.count("\n") == 3
