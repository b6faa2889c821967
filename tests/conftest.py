"""Shared fixtures: the project's own files, a small fixture dataset, and one real build of the site."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from hypothesis import settings
from playwright.sync_api import Browser, Page, sync_playwright

from generator.build import Project, build_site
from tests.hosting import local_page, serve

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SMALL = FIXTURES / "small"
SEVERAL = FIXTURES / "two-explainers"  # a site of two explainers sharing people and sources

# Hypothesis's default limit on one example's time (200 ms) is a timed assertion, which a busy machine fails:
# none here. Speed is measured by ./dev bench.
settings.register_profile("explainer", deadline=None)
settings.load_profile("explainer")


# Fixtures that build the real site or start the browser. ./dev test --fast runs the tests not marked slow,
# so a test that uses one of these must be marked slow; it fails, naming the mark it lacks, otherwise.
SLOW_FIXTURES = frozenset(
    {
        "real_site",
        "zensical_site",
        "several_site",
        "site_server",
        "pages_host",
        "several_host",
        "browser",
        "page",
    }
)
# Set on such a test: why it fails. (Not a usage error that stops collection: under ./dev test's two
# processes, a worker stopped that way ends the run without saying why.)
UNMARKED_SLOW = pytest.StashKey[str]()

# The files that take longest, in ./dev test's order: under its two processes (pytest-xdist, each taking the
# next tests as it is free), these start first, then the other files with slow tests, then the rest, so that
# neither process is left alone with a long test at the end. A run in one process keeps the usual order.
LONGEST_FILES = ("test_workflows.py", "test_search.py", "test_payloads.py", "test_accessibility.py")


def _start_order(items: list[pytest.Item]) -> None:
    with_slow = {item.path for item in items if item.get_closest_marker("slow") is not None}

    def rank(item: pytest.Item) -> int:
        name = item.path.name
        if name in LONGEST_FILES:
            return LONGEST_FILES.index(name)
        return len(LONGEST_FILES) + (item.path not in with_slow)

    # A stable sort on the file alone keeps each file's tests together and in their order.
    items.sort(key=rank)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if "PYTEST_XDIST_WORKER" in os.environ:
        _start_order(items)
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) and item.get_closest_marker("slow") is None:
            item.stash[UNMARKED_SLOW] = (
                "this test builds the real site or drives the browser but is not marked slow (@pytest.mark.slow)"
            )


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before the test's fixtures: an unmarked slow test fails without building or starting anything."""
    if UNMARKED_SLOW in item.stash:
        pytest.fail(item.stash[UNMARKED_SLOW], pytrace=False)


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The real explainer built once with MkDocs (strict), into a temporary folder."""
    site = tmp_path_factory.mktemp("real") / "site"
    assert build_site(Project(ROOT), site) == 0
    yield site
    shutil.rmtree(site, ignore_errors=True)


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The real explainer built once with Zensical (strict), work folder and site in temporary folders."""
    base = tmp_path_factory.mktemp("zensical")
    site = base / "site"
    assert build_site(Project(ROOT), site, engine="zensical", work_dir=base / "work") == 0
    yield site
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def several_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The two-explainer fixture built once with MkDocs (strict), into a temporary folder."""
    site = tmp_path_factory.mktemp("several") / "site"
    assert build_site(Project(SEVERAL), site) == 0
    yield site
    shutil.rmtree(site, ignore_errors=True)


def copy_project(source: Path, target: Path) -> Path:
    """A throwaway copy of a project (configs, data, content, theme overrides) that a test may change; the
    target folder is made if it does not exist."""
    target.mkdir(parents=True, exist_ok=True)
    configs = sorted(
        path.name for path in source.glob("mkdocs*.yml")
    )  # each edition's (generator/editions.py)
    for name in (*configs, "data", "content", "overrides"):
        path = source / name
        if path.is_dir():
            shutil.copytree(path, target / name)
        elif path.exists():
            shutil.copy2(path, target / name)
    return target


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    """A throwaway copy of the small fixture project, at tmp_path/project."""
    return copy_project(SMALL, tmp_path / "project")


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace the first ``count`` occurrences of ``old`` in a UTF-8 file, as an editor would; the file must
    hold at least that many, so that a test cannot go on without the change it meant to make."""
    text = path.read_text(encoding="utf-8")
    found = text.count(old)
    assert found >= count, f"{old!r} is in {path} {found} time(s); expected at least {count}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def golden_paths(folder: Path) -> list[str]:
    """The golden files under ``folder``, as sorted paths relative to it."""
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.*"))


def assert_golden_file_list(files: Mapping[str, str], folder: Path) -> None:
    """The generated files are the golden ones under ``folder``; with ``UPDATE_GOLDEN=1`` they are written
    there first (the old ones removed), to review in the diff."""
    if os.environ.get("UPDATE_GOLDEN") == "1":
        for old in folder.rglob("*.*"):
            old.unlink()
        for path, text in files.items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    assert sorted(files) == golden_paths(folder)


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The usual umask (group and others may read) while the test runs, whatever the runner's is."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture(scope="session")
def site_server(real_site: Path) -> Iterator[str]:
    """The real site served on 127.0.0.1; yields its base URL (ending in /)."""
    with serve(real_site) as url:
        yield url


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Anything not on this machine goes to a proxy that is a closed port, so no request leaves it; the local
    # servers (127.0.0.1) are reached directly, as Chromium never sends loopback through a proxy.
    "--proxy-server=http://127.0.0.1:9",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright (./dev test installs it)."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page whose requests may only go to 127.0.0.1; anything else is never answered (see
    ``CHROMIUM_ARGS``) and is recorded in ``page.outside_requests`` (and fails the test at the end)."""
    with local_page(browser) as tab:
        yield tab
