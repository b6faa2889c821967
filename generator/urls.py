"""Links: which external addresses are allowed, and relative URLs between the site's pages."""

from __future__ import annotations

import functools
import posixpath
import string
from typing import Literal, NamedTuple
from urllib.parse import urlsplit

LinkStyle = Literal["built", "source"]
"""How an engine treats links inside raw HTML blocks.

``built``: left as written (MkDocs), so links are URLs of built pages relative to the built page.
``source``: resolved like Markdown links (Zensical), so links are Markdown paths relative to the source page.
"""

_ALLOWED_URL_CHARS = frozenset(string.ascii_letters + string.digits + "-._~:/?#[]@!$&'()*+,;=%")


def check_external_url(url: str) -> str | None:
    """Return what an external link is expected to be, or None when ``url`` is a safe https address."""
    expected = "an https:// address without spaces or control characters"
    if not url.startswith("https://") or not set(url) <= _ALLOWED_URL_CHARS:
        return expected
    try:
        parts = urlsplit(url)
    except ValueError:
        return expected
    if parts.scheme != "https" or not parts.hostname or parts.username or parts.password:
        return "an https:// address with a host name and no user name or password"
    return None


def page_url(page: str, *, directory_urls: bool) -> str:
    """The URL path of a Markdown page, as MkDocs (and Zensical) publish it: ``people/kelly.md`` → ``people/kelly/``."""
    stem = page.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(from_page: str, to_page: str, anchor: str = "", *, directory_urls: bool) -> str:
    """The link from one page to another (or to an anchor on it) that works wherever the site is hosted."""
    link = _page_link(from_page, to_page, directory_urls)
    if anchor:
        return f"{link}#{anchor}"
    return link or "./"


@functools.lru_cache(maxsize=1 << 16)
def _page_link(from_page: str, to_page: str, directory_urls: bool) -> str:
    """The path part of :func:`relative_url`, "" on the same page. Cached: a page links to the same few pages
    many times, and a large site makes hundreds of thousands of links."""
    source = _located(from_page, directory_urls)
    target = _located(to_page, directory_urls)
    if target.url == source.url:
        return ""
    link = _relative_path(target.parts, source.directory)
    if target.url == "" or target.url.endswith("/"):
        link += "/"
    return link


class _Location(NamedTuple):
    url: str
    parts: tuple[str, ...]
    """The URL's path segments."""
    directory: tuple[str, ...]
    """Those of the directory that links from the page are relative to (``people/kelly/`` is one)."""


@functools.lru_cache(maxsize=1 << 12)
def _located(page: str, directory_urls: bool) -> _Location:
    """Where a page is published. Cached: a site has a few hundred pages, linked hundreds of thousands of times."""
    url = page_url(page, directory_urls=directory_urls)
    return _Location(url, _segments(url), _segments(posixpath.dirname(url)))


def _segments(path: str) -> tuple[str, ...]:
    return tuple(part for part in path.split("/") if part)


def markdown_link(from_page: str, to_page: str, anchor: str = "") -> str:
    """The link from one Markdown source to another, as an engine resolves it: ``../timeline.md#quote-a``."""
    if to_page == from_page:
        link = "" if anchor else posixpath.basename(to_page)
    else:
        link = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{link}#{anchor}" if anchor else link


def _relative_path(target: tuple[str, ...], base: tuple[str, ...]) -> str:
    """``posixpath.relpath`` between the segments of normalised relative paths, without its costly ``abspath``."""
    common = 0
    while common < min(len(target), len(base)) and target[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + list(target[common:])) or "."
