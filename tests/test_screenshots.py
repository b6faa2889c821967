"""Screenshots of the real build for the README and docs/reading.md, written to docs/screenshots/ by the test suite.

Fixed viewports, light scheme, reduced motion and a fixed device scale keep them from changing between runs
unless the pages change; whether to commit a new picture is the committer's choice.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, ViewportSize

from tests.hosting import local_page, pages_host

pytestmark = pytest.mark.slow
__all__ = ["pages_host"]

SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SHOTS: dict[str, tuple[str, ViewportSize]] = {
    "home.png": ("", {"width": 1280, "height": 900}),
    "home-phone.png": ("", {"width": 360, "height": 800}),
    "contrast-desktop.png": ("contrast/", {"width": 1280, "height": 1000}),
    "contrast-phone.png": ("contrast/", {"width": 360, "height": 1100}),
    "timeline.png": ("timeline/", {"width": 1280, "height": 900}),
}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("name", sorted(SHOTS))
def test_screenshot_of_the_real_build(browser: Browser, pages_host: str, name: str) -> None:
    path, viewport = SHOTS[name]
    with local_page(browser, viewport=viewport, color_scheme="light", device_scale_factor=1) as page:
        page.goto(pages_host + path)
        page.evaluate("document.fonts.ready")
        target = SCREENSHOTS / name
        target.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(target), animations="disabled", caret="hide")
    data = target.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    width = int.from_bytes(data[16:20], "big")
    assert width == viewport["width"]
