"""What the live preview shows while the project has problems, so that it never waits on a failed build.

Every page carries a panel listing the problems, each as ``explainer validate`` prints it. The pages are
those of the last good build; if there never was one, a stand-in takes the place of each page of the nav
that the data would make.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from generator.errors import Problem
from generator.markup import Html, h, heading, markdown_page, paragraph


def problems_panel(problems: Sequence[Problem], *, kept_last_good: bool) -> Html:
    """The panel at the top of every page: how many problems, what the pages show meanwhile, each problem."""
    count = len(problems)
    noun = "problem" if count == 1 else "problems"
    meanwhile = (
        "Until they are fixed, the pages below are those of the last good build:"
        if kept_last_good
        else "The pages made from the data appear once they are fixed:"
    )
    return h(
        "div",
        h("p", h("strong", f"The data has {count} {noun}."), f" {meanwhile}"),
        h("ul", *(h("li", str(problem)) for problem in problems)),
        class_="explainer-problems",
        role="alert",
    )


def stand_in_page(title: str) -> str:
    """A page of the nav that the data makes, before the data was ever good enough to make it."""
    return markdown_page(
        [
            heading(1, title),
            paragraph("This page is made from the data. It appears here once the problems above are fixed."),
        ]
    )


def nav_pages(nav: Any, title: str | None = None) -> Iterator[tuple[str, str]]:
    """Each Markdown page of MkDocs' ``nav`` setting as (title, path); a page listed without a title is
    titled by its path. ``title``: what ``nav`` is listed under, if it is a page."""
    if isinstance(nav, str):
        if nav.endswith(".md"):
            yield nav if title is None else title, nav
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_pages(item)
    elif isinstance(nav, dict):
        for key, item in nav.items():
            yield from nav_pages(item, str(key))
