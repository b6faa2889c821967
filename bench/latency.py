"""Live-preview latency: how long after an editor saves one quote its new words show on the served page.

A real preview server is started (``explainer serve``, or ``hugo server`` on the Hugo site of the same data);
once it serves the quote's day page, one quote's words are changed in its data file, and the page is fetched
over HTTP until the new words appear. The time from the save to that answer is the latency. The quote is saved
:data:`SAVES` times, each with new words once the last ones show: one save's time varies with what else the
server and the machine are doing (Python's collector runs on some saves and not others).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench.hugo import hugo_command
from bench.synth import dump

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_POLL_S = 0.05
# The new words: one that no data set holds, so that seeing it means seeing the edit; a number for each save.
MARKER = "zzbenchedit"
SAVES = 5
# Between one save showing and the next save: an editor reads what changed.
_PAUSE_S = 1.0


def marker(save: int) -> str:
    return f"{MARKER}{save}zz"


class LatencyError(Exception):
    """The preview server stopped, or never served the page."""


@dataclass(frozen=True)
class Edit:
    """The quote the benchmark edits: its event's data file, id, and day page."""

    event_file: Path
    quote: str
    day: str


def choose_edit(data_dir: Path) -> Edit:
    """The first quote of the middle event that has quotes (in file order): a day with neighbours."""
    files = sorted((data_dir / "events").glob("*.yaml"))
    events = [(path, yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)) for path in files]
    with_quotes = [(path, event) for path, event in events if event.get("quotes")]
    if not with_quotes:
        raise LatencyError(f"{data_dir}: no event has a quote to edit")
    path, event = with_quotes[len(with_quotes) // 2]
    return Edit(path, event["quotes"][0]["id"], event["date"].isoformat())


def _edited(event: dict[str, Any], quote_id: str, words: str) -> dict[str, Any]:
    """``event`` with the quote's words, and every printing of them, preceded by ``words``."""
    for quote in event["quotes"]:
        if quote["id"] == quote_id:
            old = quote["text"]
            quote["text"] = f"{words} {old}"
            for citation in quote["citations"]:
                citation["as_printed"] = citation["as_printed"].replace(old, quote["text"])
    return event


def edit_explainer(edit: Edit, words: str) -> None:
    """Save the quote with ``words`` before its own into its YAML file, as an editor would."""
    event = yaml.load(edit.event_file.read_text(encoding="utf-8"), Loader=_Loader)
    dump(edit.event_file, _edited(event, edit.quote, words))


def edit_hugo(edit: Edit, site: Path, words: str) -> None:
    """Save the same edit into the Hugo site's data file for the event."""
    path = site / "data" / "events" / f"{edit.event_file.stem}.json"
    event = json.loads(path.read_text(encoding="utf-8"))
    for quote in event["quotes"]:
        if quote["id"] == edit.quote:
            quote["text"] = f"{words} {quote['text']}"
    path.write_text(json.dumps(event, ensure_ascii=False, sort_keys=True), encoding="utf-8")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _page(url: str) -> str | None:
    """The page's text, or None while the server does not answer it."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


@contextmanager
def _server(
    command: list[str], cwd: Path, env: dict[str, str], log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """The server running in its own process group, stopped (with its children) at the end."""
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            yield process
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()


def _wait(
    process: subprocess.Popen[bytes], url: str, seen: Callable[[str], bool], timeout: float, log: Path
) -> bool:
    """Poll ``url`` until its text satisfies ``seen`` (True), or ``timeout`` seconds pass (False)."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
            raise LatencyError(
                f"the server stopped (exit {process.returncode}) while waiting for {url}:\n{tail}"
            )
        text = _page(url)
        if text is not None and seen(text):
            return True
        time.sleep(_POLL_S)
    return False


def _showing(words: str) -> Callable[[str], bool]:
    return lambda text: words in text


@dataclass(frozen=True)
class Latencies:
    """Seconds from each save to the served page showing it, in the order of the saves."""

    seconds: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def slowest(self) -> float:
        return max(self.seconds)


def edit_to_visible(
    command: list[str],
    *,
    cwd: Path,
    env: dict[str, str],
    url: str,
    edit: Callable[[str], None],
    log: Path,
    start_timeout: float,
    timeout: float,
    saves: int = SAVES,
) -> Latencies | None:
    """Seconds from each of ``saves`` saves of ``edit`` (given new words each time) to the served ``url``
    showing them; None if one did not within ``timeout``."""
    with _server(command, cwd, {**os.environ, **env}, log) as process:
        if not _wait(process, url, lambda text: MARKER not in text, start_timeout, log):
            raise LatencyError(f"{url} was not served within {start_timeout:.0f} s of starting {command[0]}")
        seconds = []
        for save in range(saves):
            if save:
                time.sleep(_PAUSE_S)
            words = marker(save)
            start = time.perf_counter()
            edit(words)
            if not _wait(process, url, _showing(words), timeout, log):
                return None
            seconds.append(time.perf_counter() - start)
        return Latencies(tuple(seconds))


def _temporary(root: Path) -> Path:
    folder = root.parent / f"{root.name}-tmp"
    folder.mkdir(exist_ok=True)
    return folder


def explainer_latency(root: Path, edit: Edit, *, start_timeout: float, timeout: float) -> Latencies | None:
    """``explainer serve`` on the project in ``root``: seconds from each save of the edit to seeing it."""
    port = free_port()
    explainer = str(Path(sys.executable).parent / "explainer")
    return edit_to_visible(
        [explainer, "serve", "--root", str(root), "-a", f"127.0.0.1:{port}"],
        cwd=root,
        # mkdocs serve's temporary site folder (a gigabyte at 30,000 quotes) is left behind when the server is
        # stopped: beside the project, in the benchmark's own temporary folder.
        env={
            "SITE_URL": f"http://127.0.0.1:{port}/",
            "NO_MKDOCS_2_WARNING": "1",
            "TMPDIR": str(_temporary(root)),
        },
        url=f"http://127.0.0.1:{port}/timeline/{edit.day}/",
        edit=lambda words: edit_explainer(edit, words),
        log=root.parent / f"{root.name}-serve.log",
        start_timeout=start_timeout,
        timeout=timeout,
    )


def hugo_latency(site: Path, edit: Edit, *, start_timeout: float, timeout: float) -> Latencies | None:
    """``hugo server`` on the Hugo site of the same data: seconds from each save of the same edit to seeing it."""
    port = free_port()
    return edit_to_visible(
        [hugo_command(), "server", "--source", str(site), "--bind", "127.0.0.1", "--port", str(port)],
        cwd=site,
        env={"HUGO_CACHEDIR": str(site / ".cache")},
        url=f"http://127.0.0.1:{port}/timeline/{edit.day}/",
        edit=lambda words: edit_hugo(edit, site, words),
        log=site.parent / f"{site.name}-server.log",
        start_timeout=start_timeout,
        timeout=timeout,
    )
