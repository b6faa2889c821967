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


def broken_links(site: Path, published_at: str) -> list[str]:
    """Each link in a page's article that leads to no file of ``site``, or to no such anchor there, as
    ``page: href``; ``published_at`` is the path of the site's address (where the 404 page's links start)."""
    broken = []
    ids: dict[Path, set[str]] = {}

    def anchors(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = {str(tag["id"]) for tag in parse(path).select("[id]")}
        return ids[path]

    for page in sorted(site.rglob("*.html")):
        soup = parse(page)
        for link in soup.select("article a[href]"):
            href = str(link["href"])
            if href.startswith(("https://", "http://", "mailto:")):
                continue
            target, _, anchor = href.partition("#")
            if target.startswith(published_at):  # the 404 page's links: it is served at any address
                path = (site / target.removeprefix(published_at)).resolve()
            else:
                path = (page.parent / target).resolve() if target else page
            if path.is_dir():
                path = path / "index.html"
            if not path.is_file():
                broken.append(f"{page.relative_to(site)}: {href}")
            elif anchor and anchor not in anchors(path):
                broken.append(f"{page.relative_to(site)}: {href} (no #{anchor})")
    return broken
