"""Every page of the site, as text: the generated pages and the hand-written ones with embeds resolved."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib.resources import files

from generator.dataset import Dataset
from generator.errors import DataError, Problem
from generator.export import document_files, export_paths, table_files
from generator.export.address import SiteAddress
from generator.export.jsonld import structured_data, with_structured_data
from generator.parallel import Task, available_cpus, run_all
from generator.render.context import (
    CONTRAST,
    CORRECTIONS,
    PEOPLE,
    SOURCES,
    STYLESHEET,
    TIMELINE,
    TOPICS,
    Context,
    topic_page,
)
from generator.render.contrast import contrast_page
from generator.render.corrections import corrections_page
from generator.render.downloads import DATA_PAGE, data_page
from generator.render.embeds import resolve_embeds
from generator.render.people import people_index, person_pages
from generator.render.sources import source_month_pages, sources_page
from generator.render.timeline import timeline_day_pages, timeline_page
from generator.render.topics import topic_detail, topics_index
from generator.urls import LinkStyle

STRUCTURED_DATA = "structured data"
HAND_WRITTEN = "hand-written pages"
_HIDES = "no hand-written page where a generated page goes"

# Each piece's CPU time in seconds at 10,000 quotes on one process, and the megabytes it makes, which a child
# pickles and sends back through the pipe (`./dev bench` measures both: its "pieces" table). Only their ratios
# matter: they share the pieces out so that the processes finish together. The heaviest come in halves.
WEIGHTS: dict[str, tuple[float, float]] = {
    "index pages": (0.06, 0.8),
    "timeline days, first half": (0.28, 11.7),
    "timeline days, second half": (0.28, 11.7),
    "sources by month": (0.19, 7.8),
    "people": (0.29, 13.4),
    "questions": (0.31, 6.3),
    "data exports: document, TimelineJS, feed": (0.28, 13.2),
    "data exports: CSV tables": (0.23, 10.2),
    STRUCTURED_DATA: (0.23, 10.0),
    HAND_WRITTEN: (0.04, 0.5),
}

# What a child spends sending back each MB it made: pickling it and writing it to the pipe, while this process
# reads and unpickles it (timed with timestamps from both processes at 10,000 quotes, 2 CPUs).
SENDING_SECONDS_PER_MB = 0.004

# From about this many quotes a second process pays for its fork (bench/, 2 CPUs: at 100 quotes the generator
# takes 0.036 s on two processes against 0.042 s on one; at the real 16 quotes, 0.015 s against 0.013 s).
PARALLEL_FROM_QUOTES = 100


# What a task makes: files by path, and the problems it found in the hand-written pages' embeds.
Part = tuple[dict[str, str], tuple[Problem, ...]]


def _task(name: str, run: Callable[[], Part]) -> Task[Part]:
    seconds, megabytes = WEIGHTS[name]
    return Task(name, seconds, run, megabytes * SENDING_SECONDS_PER_MB)


def _without_problems(make: Callable[[], dict[str, str]]) -> Callable[[], Part]:
    return lambda: (make(), ())


def _halfway(data: Dataset) -> int:
    """The index in ``data.days`` that splits the days' quotes (most of a day page's cost) about in half."""
    total = len(data.statements)
    said = 0
    for index, (_, events) in enumerate(data.days):
        said += sum(len(event.quotes) for event in events)
        if 2 * said >= total:
            return index + 1
    return len(data.days)


def default_processes(data: Dataset) -> int:
    """How many processes render ``data``: one for a small explainer, otherwise one per available CPU."""
    return 1 if len(data.statements) < PARALLEL_FROM_QUOTES else available_cpus()


def render_tasks(
    data: Dataset,
    content: Mapping[str, str],
    *,
    content_dir: str = "content",
    directory_urls: bool = True,
    site_url: str | None = None,
    link_style: LinkStyle = "built",
) -> list[Task[Part]]:
    """The independent pieces :func:`render_site` shares out among processes, named as in :data:`WEIGHTS`,
    each some files by path; "structured data" gives, instead, the front-matter line of each page that has one,
    and "hand-written pages" the content with its embeds resolved (and the problems with them). The benchmark
    runs them one by one to measure them."""
    ctx = Context(data, directory_urls=directory_urls, link_style=link_style)
    site = SiteAddress(site_url, directory_urls) if site_url else None
    middle = _halfway(data)

    def index_pages() -> dict[str, str]:
        return {
            CONTRAST: contrast_page(ctx),
            TIMELINE: timeline_page(ctx),
            SOURCES: sources_page(ctx),
            PEOPLE: people_index(ctx),
            TOPICS: topics_index(ctx),
            CORRECTIONS: corrections_page(ctx),
            DATA_PAGE: data_page(ctx, export_paths(site)),
        }

    def question_pages() -> dict[str, str]:
        return {topic_page(topic.id): topic_detail(ctx, topic) for topic in data.topics}

    def structured_data_lines() -> dict[str, str]:
        return structured_data(data, site) if site else {}

    def hand_written() -> Part:
        resolved: dict[str, str] = {}
        problems: list[Problem] = []
        for path, text in sorted(content.items()):
            resolved[path], found = resolve_embeds(ctx, path, f"{content_dir}/{path}", text)
            problems += found
        return resolved, tuple(problems)

    makers: dict[str, Callable[[], dict[str, str]]] = {
        "index pages": index_pages,
        "timeline days, first half": lambda: timeline_day_pages(ctx, 0, middle),
        "timeline days, second half": lambda: timeline_day_pages(ctx, middle),
        "sources by month": lambda: source_month_pages(ctx),
        "people": lambda: person_pages(ctx),
        "questions": question_pages,
        "data exports: document, TimelineJS, feed": lambda: document_files(data, site),
        "data exports: CSV tables": lambda: table_files(data, site),
        STRUCTURED_DATA: structured_data_lines,
    }
    tasks = [_task(name, _without_problems(make)) for name, make in makers.items()]
    return [*tasks, _task(HAND_WRITTEN, hand_written)]


def stylesheet() -> str:
    return files("generator").joinpath("assets/explainer.css").read_text(encoding="utf-8")


def render_site(
    data: Dataset,
    content: Mapping[str, str],
    *,
    content_dir: str = "content",
    directory_urls: bool = True,
    site_url: str | None = None,
    link_style: LinkStyle = "built",
    processes: int | None = None,
) -> dict[str, str]:
    """All files by path: hand-written ``content`` (path → Markdown) with embeds resolved, generated pages,
    and the data exports (their links and structured data need ``site_url``, the published address).

    Raises DataError naming every unknown embed, or a hand-written page that would hide a generated one.
    """
    tasks = render_tasks(
        data,
        content,
        content_dir=content_dir,
        directory_urls=directory_urls,
        site_url=site_url,
        link_style=link_style,
    )
    made = run_all(tasks, default_processes(data) if processes is None else processes)
    parts = {task.name: part for task, part in zip(tasks, made, strict=True)}
    lines, _ = parts.pop(STRUCTURED_DATA)
    resolved, embedded = parts.pop(HAND_WRITTEN)
    pages = {path: text for part, _ in parts.values() for path, text in part.items()}
    hiding = {f"{content_dir}/{path}": path for path in sorted(content) if path in pages}
    problems = [Problem(shown, 1, 1, "(file)", f"a page at {path}", _HIDES) for shown, path in hiding.items()]
    # A page that would hide a generated one is reported as that alone, not for its embeds too.
    problems += [problem for problem in embedded if problem.path not in hiding]
    if problems:
        raise DataError(problems)
    everything = with_structured_data(pages | resolved | {STYLESHEET: stylesheet()}, lines)
    return dict(sorted(everything.items()))
