"""Builds are atomic and reproducible: a failed build leaves site/ byte for byte; the same input, the same bytes."""

from __future__ import annotations

import gzip
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.build import Project, build_site
from generator.engines import engine_env
from generator.errors import DataError
from generator.output_folder import MARKER, OutputFolderError
from tests.conftest import edit
from tests.payloads import payload_project

pytestmark = pytest.mark.slow


def snapshot(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def first_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """A small project built once for the module (project/ and out/site/ in the folder returned), and what
    that site holds; tests change copies of it."""
    base = tmp_path_factory.mktemp("built")
    site = base / "out" / "site"
    assert build_site(Project(payload_project(base / "project", ())), site) == 0
    return base, snapshot(site)


@pytest.fixture
def built(
    first_build: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> tuple[Project, Path, dict[str, bytes]]:
    """This test's own copy of the small project and of its built site (tmp_path/out/site), and what that
    site holds."""
    base, before = first_build
    shutil.copytree(base / "project", tmp_path / "project", symlinks=True)
    shutil.copytree(base / "out", tmp_path / "out", symlinks=True)
    return Project(tmp_path / "project"), tmp_path / "out" / "site", before


def _assert_untouched(site: Path, before: dict[str, bytes]) -> None:
    assert snapshot(site) == before
    assert [path.name for path in site.parent.iterdir()] == ["site"]  # no half-built folder left behind


def test_bad_data_leaves_the_site_as_it_was(built: tuple[Project, Path, dict[str, bytes]]) -> None:
    project, site, before = built
    edit(project.root / "data" / "people.yaml", "name: Ana Mayor", 'name: "Ana\\x00"')
    with pytest.raises(DataError):
        build_site(project, site)
    _assert_untouched(site, before)


@pytest.mark.parametrize(
    "link",
    ["[broken](nowhere.md)", "[broken anchor](timeline.md#no-such-anchor)", "[self anchor](#no-such-anchor)"],
)
def test_a_strict_mode_warning_leaves_the_site_as_it_was(
    built: tuple[Project, Path, dict[str, bytes]], link: str
) -> None:
    project, site, before = built
    edit(project.root / "content" / "about.md", "A page without embeds.", f"A page with {link}.")
    assert build_site(project, site) == 1
    _assert_untouched(site, before)


def test_an_engine_failure_leaves_the_site_as_it_was(built: tuple[Project, Path, dict[str, bytes]]) -> None:
    project, site, before = built
    edit(project.root / "mkdocs.yml", "name: material", "name: no-such-theme")
    assert build_site(project, site) != 0
    _assert_untouched(site, before)


def test_a_successful_build_replaces_the_site(built: tuple[Project, Path, dict[str, bytes]]) -> None:
    project, site, before = built
    edit(project.root / "content" / "about.md", "A page without embeds.", "A changed page.")
    assert build_site(project, site) == 0
    after = snapshot(site)
    # The search index of each edition (pagefind/, es/pagefind/) names its chunks by their content: the changed
    # page's chunks are new files. The Spanish edition shows the English page until it has its own.
    index = ("pagefind/", "es/pagefind/")
    assert {name for name in after if not name.startswith(index)} == {
        name for name in before if not name.startswith(index)
    }
    assert [name for name in after if not name.startswith(index) and after[name] != before.get(name)] == [
        "about/index.html",
        "es/about/index.html",
    ]
    assert {name for name in after if name.startswith(index)} != {
        name for name in before if name.startswith(index)
    }


def test_the_same_input_builds_byte_identical_sites(
    built: tuple[Project, Path, dict[str, bytes]], tmp_path: Path
) -> None:
    """Built again (seconds later, into another folder): every byte the same, dated by the data."""
    project, _, before = built
    again = tmp_path / "again" / "site"
    assert build_site(project, again) == 0
    assert snapshot(again) == before
    with gzip.open(again / "sitemap.xml.gz") as sitemap:
        # No <lastmod> at all (overrides/sitemap.xml): a build date would tell crawlers every page changed.
        assert b"<lastmod>" not in sitemap.read()
    assert int.from_bytes(before["sitemap.xml.gz"][4:8], "little") == 1617235200  # 2021-04-01T00:00Z


# An MkDocs hook that holds a build once MkDocs has written the site, in a child process started as Pagefind's
# is (MkDocs runs in the builder's own process; Pagefind and Zensical in children): the child names its
# process, then waits.
HOLD_HOOK = """
import os
import sys
from pathlib import Path

from generator import engines

HOLD = (
    "import os, sys, time; from pathlib import Path; named = Path(sys.argv[1] + '.new'); "
    "named.write_text(str(os.getpid())); named.replace(sys.argv[1]); time.sleep(600)"
)


def on_post_build(config, **kwargs):
    if "HELD_ENGINE" in os.environ:
        engines.run([sys.executable, "-c", HOLD, os.environ["HELD_ENGINE"]], cwd=Path.cwd())
"""


def _ended(pid: int) -> bool:
    """The process is gone, or dead and waiting to be reaped (a zombie)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    return state in ("Z", "X")


def _wait_for(condition: Callable[[], bool], what: str) -> None:
    """Poll until ``condition`` holds; a generous bound only stops a broken test from hanging."""
    for _ in range(1200):
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"still waiting for {what}")


@contextmanager
def held_build(project: Project, site: Path, tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """``explainer build`` in a child process, held by the hook after MkDocs wrote the site: yields the
    builder and the process id of the engine it runs then; both are killed at the end whatever happened."""
    config = project.root / "mkdocs.yml"
    (project.root / "hold.py").write_text(HOLD_HOOK, encoding="utf-8")
    config.write_text(config.read_text(encoding="utf-8") + "hooks:\n  - hold.py\n", encoding="utf-8")
    marker = tmp_path / "engine.pid"
    command = [str(Path(sys.executable).with_name("explainer")), "build", "--site-dir", str(site)]
    builder = subprocess.Popen(
        command, cwd=project.root, env={**os.environ, "HELD_ENGINE": str(marker)}, stderr=subprocess.PIPE
    )
    engine = 0
    try:
        _wait_for(lambda: marker.exists() or builder.poll() is not None, "the engine to be held")
        assert builder.poll() is None, builder.communicate()[1].decode()
        engine = int(marker.read_text(encoding="ascii"))
        yield builder, engine
    finally:
        builder.kill()
        if engine and not _ended(engine):
            os.kill(engine, signal.SIGKILL)
        builder.communicate()  # after the engine ended: it holds the same stderr


def test_a_killed_build_takes_its_engine_along_and_the_next_build_cleans_up(
    built: tuple[Project, Path, dict[str, bytes]], tmp_path: Path
) -> None:
    project, site, before = built
    with held_build(project, site, tmp_path) as (builder, engine):
        os.kill(builder.pid, signal.SIGKILL)
        builder.wait()
        _wait_for(lambda: _ended(engine), f"the engine (process {engine}) to end with its parent")
    assert snapshot(site) == before
    (stale,) = (path for path in site.parent.iterdir() if path.name != "site")
    assert stale.name.startswith(f".site-new-{builder.pid}-")

    assert build_site(project, site) == 0

    assert snapshot(site) == before
    assert [path.name for path in site.parent.iterdir()] == ["site"]


def test_a_second_build_while_one_runs_is_refused(
    built: tuple[Project, Path, dict[str, bytes]], tmp_path: Path
) -> None:
    project, site, before = built
    with held_build(project, site, tmp_path), pytest.raises(OutputFolderError) as refused:
        build_site(project, site)
    assert str(refused.value) == (
        f"{site}: another explainer command is replacing a folder in {site.parent} now; "
        "expected one at a time there: run this again when that one has finished"
    )
    assert snapshot(site) == before


@pytest.mark.usefixtures("umask_022")
def test_the_site_is_readable_by_a_web_server_running_as_another_user(tmp_path: Path) -> None:
    """Folders and files take their modes from the umask, as MkDocs and Zensical make them (not 0700)."""
    project = Project(payload_project(tmp_path / "project", ()))
    site = tmp_path / "out" / "site"
    assert build_site(project, site) == 0
    paths = [site, *site.rglob("*")]
    assert {stat.S_IMODE(path.stat().st_mode) for path in paths if path.is_dir()} == {0o755}
    assert {stat.S_IMODE(path.stat().st_mode) for path in paths if path.is_file()} == {0o644}


def test_a_site_a_plain_mkdocs_build_made_may_be_replaced_by_explainer_build(tmp_path: Path) -> None:
    """The plugin marks the folder MkDocs wrote, so that the tool's own build does not refuse it."""
    project = Project(payload_project(tmp_path / "project", ()))
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    subprocess.run(mkdocs, cwd=project.root, env=engine_env(), check=True)
    site = project.root / "site"
    assert (site / MARKER).is_file()

    assert build_site(project, site) == 0

    assert sorted(path.name for path in project.root.iterdir() if path.name.startswith(".")) == []
