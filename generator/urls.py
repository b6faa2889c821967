"""Links: which external addresses are allowed, and relative URLs between the site's pages."""

from __future__ import annotations

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
    source = page_url(from_page, directory_urls=directory_urls)
    target = page_url(to_page, directory_urls=directory_urls)
    # Links from a page are relative to its URL up to the last slash (``people/kelly/`` is its own folder).
    link = "" if target == source else _relative_path(source[: source.rfind("/") + 1], target)
    if anchor:
        return f"{link}#{anchor}"
    return link or "./"


def markdown_link(from_page: str, to_page: str, anchor: str = "") -> str:
    """The link from one Markdown source to another, as an engine resolves it: ``../timeline.md#quote-a``."""
    if to_page == from_page:
        link = "" if anchor else posixpath.basename(to_page)
    else:
        link = _relative_path(from_page[: from_page.rfind("/") + 1], to_page)
    return f"{link}#{anchor}" if anchor else link


def _relative_path(folder: str, target: str) -> str:
    """``posixpath.relpath`` from ``folder`` ("" or ending in a slash) to ``target``, both normalised relative
    paths, without its costly ``abspath``: up out of the folders they do not share, then down to ``target``."""
    shared = 0
    while (end := folder.find("/", shared) + 1) and target.startswith(folder[shared:end], shared):
        shared = end
    return "../" * folder.count("/", shared) + target[shared:]
