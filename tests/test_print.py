"""Printing: the contrast table and a day page printed to PDF by Chromium lose no text, and print where each
source link goes. The PDF's text is read back with pdftotext (poppler-utils; ./dev test installs it)."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.hosting import local_page, pages_host

pytestmark = pytest.mark.slow
__all__ = ["pages_host"]

WORD = re.compile(r"\w+")
# Each text node the page shows, apart (innerText runs the lines of an SVG text together): what must print.
SHOWN_TEXT = """article => {
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    const texts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (parent.closest("title, desc") || !parent.checkVisibility({visibilityProperty: true})) continue;
        texts.push(node.textContent);
    }
    return texts.join(" ");
}"""


def _pdf_text(pdf: Path) -> str:
    """The PDF's text in the order it was drawn (the page's order), not laid out in columns."""
    pdftotext = shutil.which("pdftotext")
    assert pdftotext is not None, "pdftotext is missing: ./dev test installs Debian's poppler-utils"
    return subprocess.run(
        [pdftotext, "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout


@pytest.mark.parametrize("path", ["contrast/", "timeline/2017-02-23/"])
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_printing_loses_no_text_and_gives_each_source_address(
    browser: Browser, pages_host: str, tmp_path: Path, path: str, paper: str
) -> None:
    with local_page(browser, viewport={"width": 1280, "height": 900}) as page:
        page.goto(pages_host + path)
        page.emulate_media(media="print")
        article = page.locator("article.md-content__inner")
        shown = Counter(WORD.findall(article.evaluate(SHOWN_TEXT).lower()))
        # The table's head is for screen readers only when the table is cards; each card prints the names.
        for head in article.locator("table.ex-contrast__table thead").all():
            shown -= Counter(WORD.findall(head.inner_text().lower()))
        sources = article.locator("a[href^='https:']").evaluate_all("links => links.map(link => link.href)")
        pdf = tmp_path / "page.pdf"
        page.pdf(path=str(pdf), format=paper)
    printed = _pdf_text(pdf)
    # Every word as often as the page shows it: a column cut off at the page's edge would lose some.
    assert shown - Counter(WORD.findall(printed.lower())) == Counter()  # stances print in capitals
    unbroken = printed.replace("\n", "")
    assert sources
    assert [url for url in sources if url not in unbroken] == []
