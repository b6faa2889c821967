"""The published pages' own security: a Content-Security-Policy that still lets the theme work, no request
to any other host."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.html import one, parse

pytestmark = pytest.mark.slow

PAGE_TYPES = (
    "",
    "contrast/",
    "timeline/",
    "people/kelly/",
    "topics/military-operation/",
    "sources/",
    "method/",
)


def _policy(page: Path) -> dict[str, list[str]]:
    meta = one(parse(page), 'meta[http-equiv="Content-Security-Policy"]')
    directives = (part.split() for part in str(meta["content"]).split(";") if part.strip())
    return {name: values for name, *values in directives}


def _inline_script_hashes(page: Path) -> set[str]:
    """sha256 of every inline script a browser would run (not JSON data blocks)."""
    scripts = parse(page).select("script:not([src])")
    runnable = [script.string or "" for script in scripts if script.get("type") in (None, "text/javascript")]
    return {
        "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"
        for code in runnable
    }


def test_policy_allows_exactly_the_themes_inline_scripts(real_site: Path) -> None:
    pages = sorted(real_site.rglob("*.html"))
    policies = {page: _policy(page) for page in pages}
    policy = policies[real_site / "index.html"]
    assert all(other == policy for other in policies.values())
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["style-src"] == ["'self'"]
    script_src = policy["script-src"]
    assert script_src[0] == "'self'" and all(value.startswith("'sha256-") for value in script_src[1:])
    used = set().union(*(_inline_script_hashes(page) for page in pages))
    assert set(script_src[1:]) == used, "update the hashes in overrides/partials/explainer-security.html"


def test_no_request_leaves_the_local_server(page: Page, site_server: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for path in PAGE_TYPES:
        page.goto(site_server + path)
        page.wait_for_load_state("networkidle")
    assert requests and [url for url in requests if not url.startswith(site_server)] == []
    assert page.outside_requests == []  # type: ignore[attr-defined]


def test_search_palette_and_navigation_work_under_the_policy(page: Page, site_server: str) -> None:
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_server)
    page.wait_for_load_state("networkidle")

    page.keyboard.press("/")
    page.keyboard.type("deportations")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Escape")

    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== {scheme!r}")

    page.locator("nav.md-nav--primary").get_by_role("link", name="Timeline", exact=True).click()
    expect(page.locator("article h1")).to_contain_text("Timeline")
    assert page.url == site_server + "timeline/"
    assert [line for line in console if line.startswith(("error", "pageerror"))] == []
