"""Texts by path, kept encoded as UTF-8 until they are read.

A Python string takes two bytes a character as soon as it holds one character past Latin-1 (a curly quote, a
dash), and nearly every generated page does: at 30,000 quotes a site's pages took 640 MB as strings, twice their
UTF-8. Kept encoded, all of them fit in memory beside the data they are made from and the HTML the engine makes
of them; each is decoded when it is read.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping


class Utf8Texts(Mapping[str, str]):
    """A read-only mapping of path to text whose texts are stored as UTF-8 (:meth:`encoded` gives them so)."""

    __slots__ = ("_encoded",)

    def __init__(self, encoded: Mapping[str, bytes]) -> None:
        self._encoded = dict(encoded)

    @classmethod
    def of(cls, texts: Mapping[str, str]) -> Utf8Texts:
        return cls({path: text.encode() for path, text in texts.items()})

    def __getitem__(self, path: str) -> str:
        return self._encoded[path].decode()

    def __iter__(self) -> Iterator[str]:
        return iter(self._encoded)

    def __len__(self) -> int:
        return len(self._encoded)

    def __contains__(self, path: object) -> bool:
        return path in self._encoded

    def with_texts(self, texts: Mapping[str, str]) -> Utf8Texts:
        """These texts and ``texts``, which take the place of any at the same path."""
        if isinstance(texts, Utf8Texts):
            return Utf8Texts({**self._encoded, **texts._encoded})
        return Utf8Texts({**self._encoded, **{path: text.encode() for path, text in texts.items()}})

    def encoded(self, path: str) -> bytes:
        """The text at ``path`` as UTF-8."""
        return self._encoded[path]

    def __repr__(self) -> str:
        return f"Utf8Texts({len(self)} texts)"
