"""Links: which external addresses are allowed, and relative URLs between the site's pages."""

from __future__ import annotations

import functools
import posixpath
import string
from typing import Literal
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
    source = page_url(from_page, directory_urls=directory_urls)
    target = page_url(to_page, directory_urls=directory_urls)
    if target == source:
        return ""
    link = _relative_path(target, posixpath.dirname(source))
    if target == "" or target.endswith("/"):
        link += "/"
    return link


def source_url(from_page: str, to_page: str, anchor: str = "") -> str:
    """The link from one Markdown source to another, as an engine resolves it: ``../timeline.md#quote-a``."""
    if to_page == from_page:
        link = "" if anchor else posixpath.basename(to_page)
    else:
        link = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{link}#{anchor}" if anchor else link


def _relative_path(target: str, base: str) -> str:
    """``posixpath.relpath`` for the normalised relative paths of pages, without its costly ``abspath`` calls."""
    to_parts = [part for part in target.split("/") if part]
    from_parts = [part for part in base.split("/") if part]
    common = 0
    while common < min(len(to_parts), len(from_parts)) and to_parts[common] == from_parts[common]:
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) or "."
