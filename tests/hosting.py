"""The built site hosted as GitHub Pages hosts it (under /explainer/, 404.html for unknown paths) and pages in it."""

from __future__ import annotations

import functools
import http.server
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Request

PREFIX = "explainer"
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now, for a server a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


class _PagesHandler(QuietHandler):
    """Static files under /explainer/; anything missing gets the site's own 404 page with status 404."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.exists():
            return super().send_head()
        body = (Path(self.directory) / PREFIX / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


class _Server(http.server.ThreadingHTTPServer):
    """Quiet about a browser dropping a connection it no longer needs (a page closed while loading); any other
    error in a request is still printed."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def pages_host(real_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site served at http://127.0.0.1:PORT/explainer/, the path its site_url gives it; yields that URL."""
    yield from _hosted(real_site, tmp_path_factory)


@pytest.fixture(scope="session")
def several_host(several_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The two-explainer fixture's site served as :func:`pages_host` serves the real one."""
    yield from _hosted(several_site, tmp_path_factory)


def _hosted(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("host")
    (root / PREFIX).symlink_to(site, target_is_directory=True)
    with serve(root, _PagesHandler) as base:
        yield f"{base}{PREFIX}/"


@contextmanager
def serve(directory: Path, handler: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """``directory`` served on 127.0.0.1 while the block runs; yields its base URL (ending in /)."""
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def local_page(browser: Browser, **options: Any) -> Iterator[Page]:
    """A page in a fresh context (viewport, colour scheme… as given) that may only reach 127.0.0.1: every
    request to anywhere else is recorded in ``page.outside_requests`` and fails the test at the end. The
    browser cannot send them (its proxy, see ``CHROMIUM_ARGS`` in conftest.py, is a closed port); watching
    requests, rather than intercepting each one, keeps a page load from waiting on this process."""
    context = browser.new_context(reduced_motion="reduce", **options)
    tab = context.new_page()
    outside: list[str] = []

    def record(request: Request) -> None:
        if not request.url.startswith(("http://127.0.0.1:", "data:", "blob:")):
            outside.append(request.url)

    tab.on("request", record)
    tab.outside_requests = outside  # type: ignore[attr-defined]
    try:
        yield tab
    finally:
        context.close()
    assert outside == [], f"requests left the machine: {outside}"


def axe_violations(page: Page, *, within: str = "", rules: tuple[str, ...] = ()) -> list[str]:
    """axe-core's violations on ``page`` as it is now (within the element ``within`` selects, by the ``rules``
    named, by default all), one ``rule (impact): element`` line for each element. The page's context needs
    ``bypass_csp=True``: axe-core is injected as an inline script, which the site's own policy rightly
    refuses (the policy is tested in test_security_browser.py)."""
    page.add_script_tag(path=str(AXE))
    # Only the violations are gathered in full: naming every element that passes takes most of a run on a
    # long page, and nothing here reads them.
    options: dict[str, Any] = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": list(rules)}
    context = {"include": [[within]]} if within else None
    result = page.evaluate(
        "async ([context, options]) => await axe.run(context ?? document, options)", [context, options]
    )
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]
