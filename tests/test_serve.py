"""``./dev serve`` against the real server: ``explainer serve`` on a free port in a copy of the project.

A save in data/ rebuilds the pages; an invalid save shows its problems on every page instead of leaving the
browser waiting, and the save that fixes them brings the site back; a second server on the same port is one
line; the terminal shows only what an editor must act on.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from generator.build import Project, generate
from generator.dates import PartialDate
from generator.errors import DataError
from generator.preview_pages import nav_pages
from generator.scaffold import new_event
from generator.siteconfig import load_config
from tests.conftest import SEVERAL, copy_project, edit
from tests.hosting import free_port

pytestmark = pytest.mark.slow

EXPLAINER = Path(sys.executable).with_name("explainer")  # what ./dev serve runs, in the same environment
KELLY = "data/events/2017-02-23-kelly-mexico-city.yaml"
DAY = "timeline/2017-02-23/"
PANEL = ".md-banner .explainer-problems"
# Playwright's wait for what the browser shows once a rebuild is done; a server that hangs never shows it.
FIVE_SECONDS = 5_000
# MkDocs' log line after each rebuild: the pages are new, or the rebuild failed.
_REBUILT = re.compile(r"Reloading browsers|An error happened during the rebuild")

OLD = "No, repeat, no, use of military force in immigration operations. None"
NEW = "No, repeat, no, use of military force in immigration operations. None at all"

# A quote appended to the event, invalid (no topics, a speaker that is not an id), then valid.
INVALID_QUOTE = """
  - id: kelly-done-legally
    speaker: "kelly<img src=x>"
    text: "Everything we do in DHS will be done legally"
"""
NEW_WORDS = "Everything we do in DHS will be done legally"
VALID_QUOTE = f"""
  - id: kelly-done-legally
    speaker: kelly
    text: "{NEW_WORDS}"
    context: >-
      The same pledge as above, cut where the legal justice system comes in.
    topics:
      - topic: conduct-of-removals
    citations:
      - source: theblaze-2017-02-23-no-mass-deportations
        as_printed: "Everything we do in DHS will be done legally and according to human rights and the legal justice system of the United States."
"""


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


def _interruptible() -> None:
    """In the server: Ctrl-C as in a terminal (a shell's background job would inherit it ignored)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@dataclass(frozen=True)
class Preview:
    """A running ``explainer serve``: its URL (the mount path of site_url) and everything it printed."""

    url: str
    address: str
    log: Path
    process: subprocess.Popen[bytes]

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def rebuilds(self) -> int:
        return len(_REBUILT.findall(self.output()))

    def wait_for_rebuild(self, before: int, limit: float = 120.0) -> None:
        """Wait until MkDocs has finished the rebuild after ``before`` others; the limit only bounds a stuck
        machine, it is not a speed test (what the browser shows is then waited for five seconds at most)."""
        deadline = time.monotonic() + limit
        while self.rebuilds() <= before:
            assert self.process.poll() is None, f"the server ended:\n{self.output()}"
            assert time.monotonic() < deadline, f"no rebuild:\n{self.output()}"
            time.sleep(0.2)


@contextmanager
def preview(project: Path, log: Path) -> Iterator[Preview]:
    """``explainer serve`` for ``project`` on a free port, started as ./dev serve starts it (without
    NO_MKDOCS_2_WARNING in the environment), stopped with Ctrl-C."""
    address = f"127.0.0.1:{free_port()}"
    mount = urlsplit(load_config(project / "mkdocs.yml")["site_url"]).path
    env = {name: value for name, value in os.environ.items() if name != "NO_MKDOCS_2_WARNING"}
    command = [str(EXPLAINER), "serve", "--root", str(project), "-a", address]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
            preexec_fn=_interruptible,
        )
    server = Preview(f"http://{address}{mount}", address, log, process)
    try:
        deadline = time.monotonic() + 120
        while _get(server.url) is None:
            assert process.poll() is None, f"the server ended:\n{server.output()}"
            assert time.monotonic() < deadline, f"the server never answered:\n{server.output()}"
            time.sleep(0.2)
        yield server
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _problems(project: Path) -> list[str]:
    """The problems as ``explainer validate`` prints them, one line each."""
    with pytest.raises(DataError) as raised:
        generate(Project(project))
    return [str(problem) for problem in raised.value.problems]


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_editing_a_quote_in_yaml_changes_the_served_page(
    page: Page, project_root: Path, tmp_path: Path
) -> None:
    project = copy_project(project_root, tmp_path / "project")
    with preview(project, tmp_path / "serve.log") as server:
        page.goto(server.url + "contrast/", timeout=FIVE_SECONDS)
        expect(page.get_by_text(OLD, exact=True).first).to_be_visible()
        event = project / KELLY
        assert event.read_text(encoding="utf-8").count(OLD) == 2  # the quote's text and its as_printed
        before = server.rebuilds()
        edit(event, OLD, NEW, count=2)
        server.wait_for_rebuild(before)
        expect(page.get_by_text(NEW, exact=True).first).to_be_visible(timeout=FIVE_SECONDS)
        expect(page.get_by_text(OLD, exact=True)).to_have_count(0)


def test_an_invalid_save_shows_its_problems_on_every_page_and_the_fix_brings_the_site_back(
    page: Page, project_root: Path, tmp_path: Path
) -> None:
    project = copy_project(project_root, tmp_path / "project")
    event = project / KELLY
    with preview(project, tmp_path / "serve.log") as server:
        page.goto(server.url + DAY, timeout=FIVE_SECONDS)
        panel, new_quote = page.locator(PANEL), page.locator("#quote-kelly-done-legally")
        expect(page.locator("#quote-kelly-no-mass-deportations")).to_be_visible()
        expect(panel).to_have_count(0)

        before = server.rebuilds()
        _append(event, INVALID_QUOTE)
        problems = _problems(project)
        assert any("kelly<img src=x>" in problem for problem in problems)
        server.wait_for_rebuild(before)
        # The open page reloads itself, and shows the problems above the last good build's page.
        expect(panel.locator("li")).to_have_text(problems, timeout=FIVE_SECONDS)
        expect(panel.locator("img")).to_have_count(0)
        expect(page.locator("#quote-kelly-no-mass-deportations")).to_be_visible()
        expect(new_quote).to_have_count(0)
        # Every page answers and shows them, a page that does not exist included.
        page.goto(server.url + "no-such-page/", timeout=FIVE_SECONDS)
        expect(panel.locator("li")).to_have_text(problems, timeout=FIVE_SECONDS)
        page.goto(server.url + DAY, timeout=FIVE_SECONDS)
        expect(panel.locator("li")).to_have_text(problems, timeout=FIVE_SECONDS)

        before = server.rebuilds()
        edit(event, INVALID_QUOTE, VALID_QUOTE)
        server.wait_for_rebuild(before)
        expect(new_quote).to_contain_text(NEW_WORDS, timeout=FIVE_SECONDS)
        expect(panel).to_have_count(0)


def test_a_preview_started_on_a_new_event_template_shows_its_problems_then_the_site(
    page: Page, project_root: Path, tmp_path: Path
) -> None:
    """``./dev new-event`` writes a template that is invalid until filled in: a preview started then has no
    good build to show, so each page of the nav the data makes is a stand-in under the problems."""
    project = copy_project(project_root, tmp_path / "project")
    template = new_event(project / "data" / "events", PartialDate.parse("2017-02-24"), "A new event")
    problems = _problems(project)
    with preview(project, tmp_path / "serve.log") as server:
        page.goto(server.url + "contrast/", timeout=FIVE_SECONDS)
        expect(page.locator(PANEL).locator("li")).to_have_text(problems, timeout=FIVE_SECONDS)
        (title,) = [
            title
            for title, path in nav_pages(load_config(project / "mkdocs.yml")["nav"])
            if path == "contrast.md"
        ]
        expect(page.locator("article h1")).to_contain_text(title)
        expect(page.locator("article")).to_contain_text("It appears here once the problems above are fixed.")

        second = subprocess.run(
            [str(EXPLAINER), "serve", "--root", str(project), "-a", server.address],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        port = int(server.address.rpartition(":")[2])
        assert (second.returncode, second.stdout, second.stderr) == (
            1,
            "",
            f"Error: {server.address} is in use, perhaps by another ./dev serve; "
            f"choose another port with -a, as in: ./dev serve -a 127.0.0.1:{port + 1}\n",
        )

        before = server.rebuilds()
        template.unlink()
        server.wait_for_rebuild(before)
        expect(page.locator("#topic-military-operation")).to_be_visible(timeout=FIVE_SECONDS)
        expect(page.locator(PANEL)).to_have_count(0)
        output = server.output()
    assert "end of life" not in output
    assert 'not included in the "nav"' not in output
    assert "Traceback" not in output


def test_editing_one_explainers_event_changes_its_served_page_on_a_site_of_several(
    page: Page, tmp_path: Path
) -> None:
    project = copy_project(SEVERAL, tmp_path / "project")
    old = "At a meeting with parents the mayor spoke about the school's budget."
    new = "At a meeting with parents the mayor spoke about the school's budget and its roof."
    with preview(project, tmp_path / "serve.log") as server:
        page.goto(server.url + "school/timeline/2021-05-10/", timeout=FIVE_SECONDS)
        expect(page.get_by_text(old, exact=True).first).to_be_visible()
        before = server.rebuilds()
        edit(project / "data/explainers/school/events/2021-05-10-school-meeting.yaml", old, new)
        server.wait_for_rebuild(before)
        expect(page.get_by_text(new, exact=True).first).to_be_visible(timeout=FIVE_SECONDS)
        expect(page.get_by_text(old, exact=True)).to_have_count(0)
        # A quote's words show on the page of the person the explainers share, at the site's root.
        page.goto(server.url + "people/mayor/", timeout=FIVE_SECONDS)
        quote = page.locator("#quote-mayor-school-stays")
        expect(quote).to_contain_text("The school stays open")
        before = server.rebuilds()
        edit(
            project / "data/explainers/school/events/2021-05-10-school-meeting.yaml",
            "text: The school stays open\n",
            "text: The school stays open, whatever the budget says\n",
        )
        server.wait_for_rebuild(before)
        expect(quote).to_contain_text("The school stays open, whatever the budget says", timeout=FIVE_SECONDS)
