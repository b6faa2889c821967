"""Absolute addresses of the published site's pages, for exports read outside the site (feeds, JSON-LD)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.sitemap import site_path
from generator.urls import page_url


@dataclass(frozen=True)
class SiteAddress:
    """Where the site is published (``site_url``) and how the engine lays out page URLs; on a site of several
    explainers, ``explainer`` is the slug of the one whose pages are addressed (see
    :func:`generator.sitemap.site_path`)."""

    base: str
    directory_urls: bool = True
    explainer: str = ""

    def __post_init__(self) -> None:
        if not self.base.startswith(("https://", "http://")):
            raise ValueError(f"site_url {self.base!r}: expected an http(s):// address")

    @property
    def root(self) -> str:
        """The site's address, ending in ``/``."""
        return self.base if self.base.endswith("/") else self.base + "/"

    @property
    def home(self) -> str:
        """The address of the explainer's home: the site's, or with several explainers, its folder's."""
        return self.page("index.md") if self.explainer else self.root

    def page(self, path: str, anchor: str = "") -> str:
        """The absolute URL of a Markdown page (``timeline.md``), optionally of an anchor on it."""
        url = self.root + page_url(site_path(self.explainer, path), directory_urls=self.directory_urls)
        return f"{url}#{anchor}" if anchor else url

    def file(self, path: str) -> str:
        """The absolute URL of a file copied as it is (``feed.xml``)."""
        return self.root + site_path(self.explainer, path)
