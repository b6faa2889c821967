"""The published pages' own security: a Content-Security-Policy that still lets the theme work, no request
to any other host."""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import edit
from tests.hosting import free_port
from tests.html import one, parse, reader_pages
from tests.payloads import payload_project
from tests.test_serve import _wait_for

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


ZENSICAL_SEARCH_STYLE = "'sha256-NwSx/R2V/U4jnW0Tq5pQ53Y/rzPVJ4dqE7D6UTA/J1k='"


def policy_of(page: Path) -> dict[str, list[str]]:
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
    pages = reader_pages(real_site)
    policies = {page: policy_of(page) for page in pages}
    policy = policies[real_site / "index.html"]
    assert all(other == policy for other in policies.values())
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    # No inline style but the one Zensical's search dialog adds, by its hash (test_engine_comparison.py).
    assert policy["style-src"] == ["'self'", ZENSICAL_SEARCH_STYLE]
    script_src = policy["script-src"]
    # Search's WebAssembly (Pagefind) is compiled, never JavaScript evaluated: tests/test_search.py.
    assert script_src[:2] == ["'self'", "'wasm-unsafe-eval'"]
    assert all(value.startswith("'sha256-") for value in script_src[2:])
    used = set().union(*(_inline_script_hashes(page) for page in pages))
    assert set(script_src[2:]) == used, "update the hashes in overrides/partials/explainer-security.html"


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
    expect(page.locator("pagefind-results a").first).to_be_visible()
    page.keyboard.press("Escape")  # clears the search box
    page.keyboard.press("Escape")  # closes the dialog

    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== {scheme!r}")

    page.locator("nav.md-nav--primary").get_by_role("link", name="Timeline", exact=True).click()
    expect(page.locator("article h1")).to_contain_text("Timeline")
    assert page.url == site_server + "timeline/"
    assert [line for line in console if line.startswith(("error", "pageerror"))] == []


def test_live_reload_works_under_the_preview_policy(page: Page, tmp_path: Path) -> None:
    """``mkdocs serve`` injects an inline reload script; the preview's policy lets it run, and it reloads."""
    project = payload_project(tmp_path / "project", ())
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    try:
        url = f"http://127.0.0.1:{port}/explainer/timeline/2021-03-02/"
        _wait_for(url, lambda body: "walked the river bank" in body)
        page.goto(url)
        summary = page.locator("#event-2021-03-02-site-visit + div p.ex-event__summary")
        expect(summary).to_contain_text("with reporters")
        event = project / "data" / "events" / "2021-03-02-site-visit.yaml"
        edit(event, "with reporters", "with two reporters")
        expect(summary).to_contain_text("with two reporters", timeout=90_000)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert console == []
