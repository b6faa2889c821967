"""Shared fixtures: the project's own files, a small fixture dataset, and one real build of the site."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from generator.build import Project, build_site
from tests.hosting import local_page, serve

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SMALL = FIXTURES / "small"
SEVERAL = FIXTURES / "two-explainers"  # a site of two explainers sharing people and sources


# Fixtures that build the real site or start the browser. ./dev test --fast runs the tests not marked slow,
# so a test that uses one of these must be marked slow; collection stops and names it otherwise.
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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    unmarked = sorted(
        item.nodeid
        for item in items
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) and item.get_closest_marker("slow") is None
    )
    if unmarked:
        raise pytest.UsageError(
            "these tests build the real site or drive the browser but are not marked slow "
            f"(@pytest.mark.slow): {', '.join(unmarked)}"
        )


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
    """A fresh page whose requests may only go to 127.0.0.1; anything else is aborted and recorded in
    ``page.outside_requests`` (and fails the test at the end)."""
    with local_page(browser) as tab:
        yield tab
