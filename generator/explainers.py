"""Several explainers on one site, sharing one registry of people and sources: their folders, and their checks.

A project whose data folder holds ``explainers/`` is a site of several explainers::

    data/site.yaml                 the site's title and summary (its front page, the hub, and its feed)
    data/people.yaml               shared by every explainer
    data/sources.yaml              shared by every explainer
    data/explainers/<slug>/        one explainer: explainer.yaml, topics.yaml, events/, corrections.yaml
    content/<slug>/                its hand-written pages (index.md is its home)

A project without ``explainers/`` is one explainer, laid out as ever (:func:`generator.load.load_data`). Each
explainer is validated as a project of one would be, with the shared files; then ids of events, quotes,
questions and corrections must be unique across the site, since pages and exports name them alone.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from generator.dataset import Dataset
from generator.errors import DataError, Problem
from generator.languages import declared_languages, in_language, site_language_problems
from generator.load import (
    CORRECTIONS_FILE,
    EVENTS_DIR,
    SETTINGS_FILE,
    TOPICS_FILE,
    LoadedData,
    load_data,
    load_file,
)
from generator.model import ID_PATTERN, SiteSettings
from generator.reading import is_ignored
from generator.validate import validate, validate_file
from generator.yamlfile import FieldPath, LoadedFile

EXPLAINERS_DIR = "explainers"
SITE_FILE = "site.yaml"
# Folders and pages the site keeps at its root (generator.sitemap.SHARED_FOLDERS, the data downloads, the
# editor): no explainer may take their address.
RESERVED_SLUGS = frozenset({"admin", "assets", "data", "people", "search", "sources"})


@dataclass(frozen=True)
class LoadedExplainer:
    slug: str
    loaded: LoadedData


@dataclass(frozen=True)
class LoadedSite:
    """Every data file of a site of several explainers, as read."""

    settings: LoadedFile | None
    explainers: tuple[LoadedExplainer, ...]
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Explainer:
    """One explainer of a site: its slug (its folder's name, its address on the site) and its data, which
    holds the shared people and sources."""

    slug: str
    data: Dataset


@dataclass(frozen=True)
class Site:
    """A validated site of several explainers, in the order of their slugs."""

    settings: SiteSettings
    explainers: tuple[Explainer, ...]

    @property
    def registry(self) -> Dataset:
        """The shared people and sources (every explainer's data holds the same)."""
        return self.explainers[0].data


def has_several(root: Path, data_dir: str = "data") -> bool:
    """Whether the project is a site of several explainers (its data folder holds ``explainers/``)."""
    return (root / data_dir / EXPLAINERS_DIR).is_dir()


def load_site(root: Path, data_dir: str = "data") -> LoadedSite:
    """Read a site of several explainers under ``root/data_dir`` (paths in problems relative to ``root``)."""
    problems: list[Problem] = []
    settings, found = load_file(root, f"{data_dir}/{SITE_FILE}")
    problems += found
    shared = (
        "only people.yaml, sources.yaml and site.yaml beside explainers/ (each explainer's own files go in "
        f"{data_dir}/{EXPLAINERS_DIR}/<slug>/)"
    )
    for name in (SETTINGS_FILE, TOPICS_FILE, CORRECTIONS_FILE, EVENTS_DIR):
        if os.path.lexists(root / data_dir / name):
            found_here = f"an explainer's {name} beside {EXPLAINERS_DIR}/"
            problems.append(Problem(f"{data_dir}/{name}", 1, 1, "(file)", found_here, shared))
    folder = f"{data_dir}/{EXPLAINERS_DIR}"
    slugs: list[str] = []
    for entry in sorted((root / folder).iterdir(), key=lambda path: path.name):
        if is_ignored(entry.name):
            continue
        problem = _slug_problem(entry, folder)
        if problem is not None:
            problems.append(problem)
        else:
            slugs.append(entry.name)
    refused = any(problem.path.startswith(f"{folder}/") for problem in problems)
    if not slugs and not refused:  # a folder refused by name already says what is wrong
        expected = "a folder per explainer, such as explainers/my-story/ holding its explainer.yaml"
        problems.append(Problem(folder, 1, 1, "(file)", "no explainer", expected))
    explainers = tuple(LoadedExplainer(slug, load_data(root, f"{folder}/{slug}", data_dir)) for slug in slugs)
    return LoadedSite(settings, explainers, tuple(problems))


def _slug_problem(entry: Path, folder: str) -> Problem | None:
    where = f"{folder}/{entry.name}"
    if not entry.is_dir():
        return Problem(where, 1, 1, "(file)", "a file", "a folder per explainer (nothing else here is read)")
    if not re.match(ID_PATTERN, entry.name):
        expected = "a folder named as an id: lowercase letters, digits and hyphens"
        return Problem(where, 1, 1, "(file)", f'the folder name "{entry.name}"', expected)
    if entry.name in RESERVED_SLUGS:
        expected = f"a name other than {', '.join(sorted(RESERVED_SLUGS))} (the site keeps those at its root)"
        return Problem(where, 1, 1, "(file)", f'the folder name "{entry.name}"', expected)
    return None


def validate_site(loaded: LoadedSite) -> Site:
    """The validated site, or DataError with every problem of every explainer and of the site as a whole."""
    problems = list(loaded.problems)
    settings = None
    if loaded.settings is not None:
        problems += site_language_problems(loaded.settings)
        languages = declared_languages(loaded.settings)
        # The site is published in its main language, as each explainer is.
        in_main = in_language(loaded.settings, SiteSettings, languages[0], languages)
        settings, found = validate_file(in_main, SiteSettings)
        problems += found
    explainers: list[Explainer] = []
    for explainer in loaded.explainers:
        try:
            explainers.append(Explainer(explainer.slug, validate(explainer.loaded)))
        except DataError as error:
            # The shared files' problems come once per explainer: DataError keeps one of each.
            problems += error.problems
    problems += _check_ids_across(loaded.explainers)
    if problems or settings is None:
        raise DataError(problems)
    return Site(settings, tuple(explainers))


# The ids that pages and exports name without their explainer: where each kind is, in which file.
def _ids(loaded: LoadedData) -> Iterator[tuple[str, LoadedFile, FieldPath, str]]:
    """``(kind, file, path to the id, id)`` for every event, quote, question and correction, as written."""
    for file in loaded.events:
        data = file.data
        if not isinstance(data, dict):
            continue
        if isinstance(data.get("id"), str):
            yield "event", file, ("id",), data["id"]
        quotes = data.get("quotes")
        for index, quote in enumerate(quotes if isinstance(quotes, tuple) else ()):
            if isinstance(quote, dict) and isinstance(quote.get("id"), str):
                yield "quote", file, ("quotes", index, "id"), quote["id"]
    for key, kind, file_or_none in (
        ("topics", "question", loaded.topics),
        ("corrections", "correction", loaded.corrections),
    ):
        data = file_or_none.data if file_or_none is not None else None
        items = data.get(key) if isinstance(data, dict) else None
        for index, item in enumerate(items if isinstance(items, tuple) else ()):
            if file_or_none is not None and isinstance(item, dict) and isinstance(item.get("id"), str):
                yield kind, file_or_none, (key, index, "id"), item["id"]


def _check_ids_across(explainers: Sequence[LoadedExplainer]) -> Iterator[Problem]:
    """Each id of an event, quote, question or correction is used by one explainer only (within one, the
    explainer's own checks find a repeat)."""
    first: dict[tuple[str, str], tuple[str, LoadedFile, FieldPath]] = {}
    for explainer in explainers:
        for kind, file, path, item_id in _ids(explainer.loaded):
            seen = first.setdefault((kind, item_id), (explainer.slug, file, path))
            if seen[0] == explainer.slug:
                continue
            at = seen[1].position(seen[2])
            found = f'the {kind} id "{item_id}" again (first at {seen[1].path}:{at.line}:{at.column})'
            yield file.problem(path, found, "an id used only once in the whole site (by one explainer)")


def cited_only(data: Dataset) -> Dataset:
    """An explainer's data with only the people and sources it names (its speakers, participants, quotes'
    speakers; its events', citations' and corrections' sources), and their translations: what its own data
    set and structured data describe, where the shared files hold every explainer's."""
    people = set(data.settings.speakers)
    sources = {source for correction in data.corrections for source in correction.sources}
    for event in data.events:
        people.update(event.participants)
        sources.update(event.sources)
        for quote in event.quotes:
            people.add(quote.speaker)
            sources.update(citation.source for citation in quote.citations)
    return replace(
        data,
        people=tuple(person for person in data.people if person.id in people),
        sources=tuple(source for source in data.sources if source.id in sources),
        translations=tuple(
            translation
            for translation in data.translations
            if translation.record != "people" or translation.id in people
        ),
    )
