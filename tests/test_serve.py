"""``mkdocs serve`` rebuilds when a YAML file in data/ changes, not only Markdown: tested against the real server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.siteconfig import load_config
from tests.conftest import copy_project, edit

pytestmark = pytest.mark.slow

OLD = "No, repeat, no, use of military force in immigration operations. None"
NEW = "No, repeat, no, use of military force in immigration operations. None at all"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def _wait_for(url: str, predicate: object, limit: float = 90.0) -> str:
    """Poll until the page satisfies ``predicate``; the limit only bounds a hung server, it is not a speed test."""
    deadline = time.monotonic() + limit
    body = None
    while time.monotonic() < deadline:
        body = _get(url)
        if body is not None and callable(predicate) and predicate(body):
            return body
        time.sleep(0.5)
    raise AssertionError(f"{url} never matched; last body: {body and body[:200]!r}")


def test_editing_a_quote_in_yaml_changes_the_served_page(project_root: Path, tmp_path: Path) -> None:
    project = copy_project(project_root, tmp_path)
    port = _free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        # mkdocs serve mounts the site at the path of site_url, as it will be published.
        mount = urlsplit(load_config(project / "mkdocs.yml")["site_url"]).path
        url = f"http://127.0.0.1:{port}{mount}contrast/"
        _wait_for(url, lambda body: OLD in body)
        event = project / "data" / "events" / "2017-02-23-kelly-mexico-city.yaml"
        assert event.read_text(encoding="utf-8").count(OLD) == 2  # the quote's text and its as_printed
        edit(event, OLD, NEW, count=2)
        body = _wait_for(url, lambda body: NEW in body)
        assert OLD + "<" not in body
    finally:
        server.terminate()
        server.wait(timeout=30)
