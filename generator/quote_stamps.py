"""A quote's own page, stamped: the engine renders one *shell* page, and each quote's page is the shell's HTML
with that quote's values in place of the shell's placeholders.

A site engine spends a few milliseconds on every page however small it is (Markdown, page objects, the theme's
templates): with a page per quote, that was most of a large build. The shell is a page like any other in
``quotes/`` (``quotes/_quote.md``, and ``quotes/_pictured_quote.md`` for the quotes with a share picture of
their own: a quote id has no underscore, :data:`generator.model.ID_PATTERN`), so it has the same depth, theme,
nav, head and scripts as a quote's page; its front matter and body hold the placeholders below. After the
engine has written the site, :func:`stamp_site` splits each shell's HTML at its placeholders once, writes each
quote's page beside it (``quotes/<id>/index.html``) and removes the shell's. It works on the built HTML alone,
so it is the same under every engine.

The values (:class:`QuoteStamp`) are HTML already escaped by :mod:`generator.markup`, made by
:mod:`generator.render.quote_pages`, and only ever put between tags or into a quoted attribute: a placeholder
inside a script element, or one missing, stops the build. A page is the shell's pieces joined with its values,
so no value is ever searched for placeholders: a quote's words may hold one, as text like any other.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from generator.sitemap import QUOTE_PAGES
from generator.urls import page_url

# Letters only: the themes' filters (striptags, escaping), Markdown and the heading's escaping leave them as
# they are.
TITLE = "EXPLAINERQUOTETITLE"
DESCRIPTION = "EXPLAINERQUOTEDESCRIPTION"
HEADING = "EXPLAINERQUOTEHEADING"
BODY = "EXPLAINERQUOTEBODY"
# The body's placeholder as the shell's page holds it and the engine passes it through: a paragraph (an HTML
# block of generator.markup), replaced whole by the quote's HTML blocks.
BODY_BLOCK = f"<p>{BODY}</p>"
TOKENS = (TITLE, DESCRIPTION, HEADING, BODY)
# The shells' names in quotes/; the share picture of the pictured one is assets/share/quotes/<its name>.png.
SHELL = "_quote"
PICTURED_SHELL = "_pictured_quote"
# The heading's id, the same on every quote's page (the engine would derive it from the heading's text).
HEADING_ID = "quote"


# Where ``explainer generate`` writes the values of every quote's page, for a build of its folder to stamp.
STAMPS_FILE = "quote-stamps.json"


class ShellError(Exception):
    """The engine's page for a shell is not one that can be stamped (a placeholder missing or misplaced)."""


@dataclass(frozen=True)
class QuoteStamp:
    """A quote's page as values for a shell: ``page`` is its Markdown path (``quotes/<id>.md``, in its
    explainer's folder on a site of several), ``shell`` the shell page's beside it; ``title``, ``description``
    (the share picture's text as well) and ``heading`` are escaped text, ``body`` the page's HTML blocks."""

    page: str
    shell: str
    title: str
    description: str
    heading: str
    body: str


def shell_path(*, pictured: bool) -> str:
    """The shell page's Markdown path (in an explainer's folder on a site of several)."""
    return f"{QUOTE_PAGES}/{PICTURED_SHELL if pictured else SHELL}.md"


def _addresses(page: str) -> tuple[str, str]:
    """What names a page in the addresses of its HTML (its canonical URL, its twins in other editions, its share
    picture): ``quotes/<name>``, whatever precedes it (the site's address, an explainer's folder, ``../``); as
    it is, and with its slash escaped as Zensical's templates escape it."""
    address = f"{QUOTE_PAGES}/{posixpath.basename(page).removesuffix('.md')}"
    return address, address.replace("/", "&#x2f;")


def built_path(page: str, *, directory_urls: bool) -> str:
    """The HTML file an engine writes for a Markdown page."""
    url = page_url(page, directory_urls=directory_urls)
    return f"{url}index.html" if url.endswith("/") or not url else url


_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL | re.IGNORECASE)


@dataclass(frozen=True)
class Shell:
    """A shell's HTML split at its placeholders: ``pieces`` of the shell's own HTML, with ``slots[i]`` (a
    placeholder, or the shell's :func:`_addresses`) between ``pieces[i]`` and ``pieces[i + 1]``."""

    page: str
    pieces: tuple[str, ...]
    slots: tuple[str, ...]

    @classmethod
    def split(cls, page: str, html: str) -> Shell:
        """The shell ``page``'s HTML as the engine wrote it, split; raises ShellError if a placeholder is
        missing, in a script element, or not where the shell's page put it."""
        shown = f"the page the engine made of {page}"
        for script in _SCRIPT.findall(html):
            inside = [token for token in TOKENS if token in script]
            if inside:
                raise ShellError(f"{shown} has {inside[0]} inside a script element, where no text goes")
        missing = [token for token in TOKENS if token not in html]
        if missing:
            raise ShellError(f"{shown} lacks {missing[0]}: a template or the engine dropped it")
        if html.count(BODY) != 1 or html.count(BODY_BLOCK) != 1:
            raise ShellError(f"{shown} has {BODY} {html.count(BODY)} times; expected once, as {BODY_BLOCK}")
        slots = (BODY_BLOCK, TITLE, DESCRIPTION, HEADING, *_addresses(page))
        parts = re.split(f"({'|'.join(re.escape(slot) for slot in slots)})", html)
        return cls(page, tuple(parts[0::2]), tuple(parts[1::2]))

    def stamp(self, quote: QuoteStamp) -> str:
        """The quote's page: the shell's pieces with the quote's values in between."""
        if quote.shell != self.page or posixpath.dirname(quote.page) != posixpath.dirname(self.page):
            raise ShellError(f"{quote.page} is not stamped from {self.page}")
        values = {
            BODY_BLOCK: quote.body,
            TITLE: quote.title,
            DESCRIPTION: quote.description,
            HEADING: quote.heading,
            **dict(zip(_addresses(self.page), _addresses(quote.page), strict=True)),
        }
        out = [self.pieces[0]]
        for slot, piece in zip(self.slots, self.pieces[1:], strict=True):
            out += (values[slot], piece)
        return "".join(out)


def take_shells(site_dir: Path, shells: Iterable[str], *, directory_urls: bool) -> dict[str, Shell]:
    """The shells among ``shells`` (Markdown paths) that the engine wrote into ``site_dir``, split, by path;
    each one's file is removed, and its folder if that is then empty (the engine made it for the shell)."""
    files = {page: site_dir / built_path(page, directory_urls=directory_urls) for page in sorted(set(shells))}
    # Every shell split before any is removed: one that cannot be stamped leaves the engine's output as it was.
    taken = {
        page: Shell.split(page, file.read_text(encoding="utf-8"))
        for page, file in files.items()
        if file.is_file()
    }
    remove_pages(site_dir, taken, directory_urls=directory_urls)
    return taken


def stamp_pages(
    site_dir: Path, shells: Mapping[str, Shell], quotes: Iterable[QuoteStamp], *, directory_urls: bool
) -> None:
    """Write each quote's page into ``site_dir`` from its shell. Raises ShellError when a quote's shell is not
    among ``shells``."""
    for quote in quotes:
        shell = shells.get(quote.shell)
        if shell is None:
            raise ShellError(f"the engine made no page of {quote.shell}, the shell of {quote.page}")
        file = site_dir / built_path(quote.page, directory_urls=directory_urls)
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(shell.stamp(quote), encoding="utf-8")


def remove_pages(site_dir: Path, pages: Iterable[str], *, directory_urls: bool) -> None:
    """Remove the built pages of ``pages`` (the shells', and the live preview's of quotes that are gone), and
    their folders if then empty."""
    for page in pages:
        file = site_dir / built_path(page, directory_urls=directory_urls)
        file.unlink(missing_ok=True)
        if directory_urls and file.parent.is_dir() and not any(file.parent.iterdir()):
            file.parent.rmdir()


def stamp_site(site_dir: Path, quotes: Iterable[QuoteStamp], *, directory_urls: bool) -> None:
    """Every quote's page, stamped from its shell in the site the engine has just written into ``site_dir``,
    and the shells' own pages removed. Raises ShellError, before writing any page, when a shell's page cannot
    be stamped."""
    quotes = list(quotes)
    shells = take_shells(site_dir, {quote.shell for quote in quotes}, directory_urls=directory_urls)
    stamp_pages(site_dir, shells, quotes, directory_urls=directory_urls)


def stamps_json(quotes: Iterable[QuoteStamp]) -> str:
    """The quotes' pages as JSON (:data:`STAMPS_FILE`): the placeholders each shell holds, and each page's
    values, in order."""
    placeholders = {"title": TITLE, "description": DESCRIPTION, "heading": HEADING, "body": BODY_BLOCK}
    document = {"placeholders": placeholders, "pages": [asdict(quote) for quote in quotes]}
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
