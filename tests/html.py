"""Reading built pages the way a browser does: parsed with html5lib, never grepped."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup, Tag


def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")


def text_of(tag: Tag) -> str:
    """The text a reader sees, with runs of white space folded."""
    return " ".join(tag.get_text(" ").split())


def one(soup: BeautifulSoup | Tag, selector: str) -> Tag:
    found = soup.select(selector)
    assert len(found) == 1, f"expected one {selector!r}, found {len(found)}"
    return found[0]


def reader_pages(site: Path) -> list[Path]:
    """Every HTML page a reader may open: all but the editor at admin/, which has a policy of its own."""
    return sorted(page for page in site.rglob("*.html") if page.relative_to(site).parts[0] != "admin")
