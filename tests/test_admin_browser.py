"""The form-based editor at /admin/, driven in Chromium against a temporary copy of the project.

Decap's local server (decap-server, from the pinned npm packages) serves the copy's working tree on a free
port of 127.0.0.1, as ``./dev admin`` does; the built site is served on another. An editor creates an event
with one quote, picking the speaker, topic and sources from lists, and publishes it: the YAML file is written,
valid, and rendered on its day page and in the contrast table.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from playwright.sync_api import Browser, Page

from generator.admin.files import NODE_MODULES
from generator.build import Project, build_site
from generator.cli import main
from tests.conftest import ROOT, copy_project
from tests.hosting import free_port, local_page, serve
from tests.html import one, parse, reader_pages, text_of

pytestmark = pytest.mark.slow

EVENT = "2017-02-23-made-in-the-form"
QUOTE = "made-in-the-form"
WORDS = "words typed into the form"


def with_local_port(project: Path, port: int) -> None:
    """The copy's mkdocs.yml points the editor at its own decap-server."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      admin:\n" in text
    config.write_text(text.replace("      admin:\n", f"      admin:\n        local_port: {port}\n"), "utf-8")


def wait_for_port(port: int, server: subprocess.Popen[bytes]) -> None:
    """Until decap-server accepts connections (it prints when it listens; we ask the socket instead)."""
    while server.poll() is None:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError(f"decap-server exited with {server.returncode}")


@pytest.fixture(scope="module")
def editor_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The project's site built once for the module, its editor pointed at a decap-server on the port
    returned; each test starts its own server there."""
    base = tmp_path_factory.mktemp("editor")
    project = copy_project(ROOT, base / "project")
    port = free_port()
    with_local_port(project, port)
    assert build_site(Project(project), base / "site") == 0
    return base / "site", port


@pytest.fixture
def editable_project(editor_site: tuple[Path, int], tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the project with decap-server on its working tree, and the editor's site served; yields the
    copy and the editor's address."""
    site, port = editor_site
    project = copy_project(ROOT, tmp_path / "project")
    with_local_port(project, port)
    env = {**os.environ, "BIND_HOST": "127.0.0.1", "PORT": str(port), "MODE": "fs"}
    server = subprocess.Popen(
        ["node", str(NODE_MODULES / "decap-server" / "dist" / "index.js")],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, server)
        with serve(site) as url:
            yield project, f"{url}admin/"
    finally:
        server.terminate()
        server.wait()


def pick(page: Page, label: str, typed: str, option: str, nth: int = 0) -> None:
    """Choose from a relation widget's list: type part of the name, click the option offered."""
    page.get_by_label(label, exact=True).nth(nth).fill(typed)
    page.get_by_role("option", name=option).click()


def test_an_event_made_in_the_form_is_written_valid_and_built(
    browser: Browser, editable_project: tuple[Path, str]
) -> None:
    project, admin = editable_project
    with local_page(browser) as page:
        refused: list[str] = []
        page.on(
            "console", lambda message: refused.append(message.text) if "Refused" in message.text else None
        )
        page.goto(admin)
        page.get_by_role("button", name="Login").click()
        page.get_by_role("link", name="Create entry of type Event").click()

        page.get_by_label("Id", exact=True).fill(EVENT)
        page.get_by_label("Date", exact=True).fill("2017-02-23")
        page.get_by_label("Order (optional)", exact=True).fill("6")
        page.get_by_label("Title: en", exact=True).fill("An event made in the form")
        page.get_by_label("Summary: en", exact=True).fill("Made by the browser test.")
        pick(page, "Sources", "ABC", "ABC News")
        page.get_by_role("button", name="Add quotes").click()
        page.get_by_label("Id", exact=True).nth(1).fill(QUOTE)
        pick(page, "Speaker", "Kelly", "John Kelly")
        page.get_by_label("Text", exact=True).fill(WORDS)
        page.get_by_role("button", name="Add topics").click()
        pick(page, "Topic", "mass dep", "Will there be mass deportations?")
        page.get_by_role("button", name="Add citations").click()
        pick(page, "Source", "ABC", "ABC News")
        page.get_by_label("As printed", exact=True).fill(f"Some {WORDS}, as printed.")
        page.get_by_role("button", name="Publish").click()
        page.get_by_role("menuitem", name="Publish now").click()
        page.wait_for_url(f"**/#/collections/events/entries/{EVENT}")
        assert refused == []

    written = project / "data" / "events" / f"{EVENT}.yaml"
    assert written.is_file()
    result = CliRunner().invoke(main, ["validate", "--root", str(project)])
    assert result.exit_code == 0, result.output

    site = project / "site"
    assert build_site(Project(project), site) == 0
    day = parse(site / "timeline" / "2017-02-23" / "index.html")
    assert WORDS in text_of(one(day, f"#quote-{QUOTE}"))
    contrast = parse(site / "contrast" / "index.html")
    cells = [text_of(cell) for cell in contrast.select("table td")]
    assert any(WORDS in cell for cell in cells)


def test_a_correction_dated_to_the_month_names_a_quote_picked_from_the_events(
    browser: Browser, editable_project: tuple[Path, str]
) -> None:
    """The partial-date widget writes a month as YYYY-MM; the quote is picked from every event's quotes; the
    optional lists left empty are not written as empty values."""
    project, admin = editable_project
    with local_page(browser) as page:
        page.goto(admin)
        page.get_by_role("button", name="Login").click()
        page.get_by_role("link", name="Corrections").click()
        page.get_by_role("link", name="Corrections").nth(1).click()
        page.get_by_role("button", name="Add corrections").click()
        page.get_by_label("Id", exact=True).fill("2017-03-wording")
        page.get_by_label("Precision", exact=True).select_option("month")
        page.get_by_label("Date", exact=True).fill("2017-03")
        page.get_by_label("Changed: en", exact=True).fill("A word of the context, made by the browser test.")
        page.get_by_label("Reason: en", exact=True).fill("To test the form.")
        pick(page, "Quotes (optional)", "mass deportations", "no mass deportations")
        page.get_by_role("button", name="Publish").click()
        page.get_by_role("menuitem", name="Publish now").click()
        page.get_by_role("button", name="Published").wait_for()

    written = yaml.safe_load((project / "data" / "corrections.yaml").read_text(encoding="utf-8"))
    assert written == {
        "corrections": [
            {
                "id": "2017-03-wording",
                "date": "2017-03",
                # The real explainer is in English and Spanish: the form writes each text per language.
                "changed": {"en": "A word of the context, made by the browser test."},
                "reason": {"en": "To test the form."},
                "quotes": ["kelly-no-mass-deportations"],
            }
        ]
    }
    result = CliRunner().invoke(main, ["validate", "--root", str(project)])
    assert result.exit_code == 0, result.output


def test_the_built_site_has_the_editor_and_its_policy_is_its_own(real_site: Path) -> None:
    assert (real_site / "admin" / "decap-cms.js").is_file()
    policy = one(parse(real_site / "admin" / "index.html"), 'meta[http-equiv="Content-Security-Policy"]')
    assert "'unsafe-eval'" in str(policy["content"])
    for page in reader_pages(real_site):
        # The keyword with its quotes: the reader pages allow 'wasm-unsafe-eval' (search), never 'unsafe-eval'.
        assert "'unsafe-eval'" not in page.read_text(encoding="utf-8"), page


def test_both_engines_publish_the_same_editor(real_site: Path, zensical_site: Path) -> None:
    def files(folder: Path) -> dict[str, bytes]:
        return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}

    assert files(zensical_site / "admin") == files(real_site / "admin")
