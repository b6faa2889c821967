"""Build time of the site with MkDocs and with Zensical, on the real data and on synthetic data.

    .venv/bin/python bench/engines_compare.py                 # the real explainer
    .venv/bin/python bench/engines_compare.py --quotes 1000   # a made-up explainer with 1,000 quotes

Each engine builds through ``generator.build.build_site`` (strict, atomic replace), as ``./dev build`` does,
into temporary folders: MkDocs cold; Zensical cold (empty work folder) and again with its cache. Prints one
line per build with wall-clock and CPU seconds (the engines' own log goes to stderr: add ``2>/dev/null``).

The synthetic data is valid (it passes the same validation) and shaped like the real data: quotes in events
over many days, each on two topics, cited by two sources that print the words differently.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path

import yaml

from generator.build import Project, build_site, load_dataset
from generator.engines import EngineName

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = 8
SPEAKERS = 5
TOPICS = 12
QUOTES_PER_EVENT = 4


def write_yaml(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def people() -> dict[str, object]:
    return {
        "people": [
            {
                "id": f"person-{n}",
                "name": f"Person Number{n}",
                "roles": [{"title": f"Official {n}", "organization": "Agency", "from": "2016-01-01"}],
            }
            for n in range(PEOPLE)
        ]
    }


def sources() -> dict[str, object]:
    return {
        "sources": [
            {
                "id": f"source-{n}",
                "outlet": f"Outlet {n}",
                "title": f"Report {n}",
                "url": f"https://outlet{n}.example/report",
                "published": "2018-01-01",
            }
            for n in range(2)
        ]
    }


def topics() -> dict[str, object]:
    return {
        "topics": [
            {"id": f"topic-{n}", "question": f"Question number {n}?", "summary": f"Summary of question {n}."}
            for n in range(TOPICS)
        ]
    }


def quote(number: int) -> dict[str, object]:
    """One quote, cited by both sources; the second prints it with a variant around the same words."""
    text = f"statement number {number} on the record"
    return {
        "id": f"quote-{number}",
        "speaker": f"person-{number % PEOPLE}",
        "text": text,
        "context": f"Context of statement {number}.",
        "topics": [
            {"topic": f"topic-{number % TOPICS}", "stance": ("affirms", "denies", "qualifies")[number % 3]},
            {"topic": f"topic-{(number * 7 + 1) % TOPICS}"},
        ],
        "citations": [
            {"source": "source-0", "as_printed": f"“This is {text}.”"},
            {"source": "source-1", "as_printed": f"this is — {text}"},
        ],
    }


def event(number: int, quotes: range) -> dict[str, object]:
    day = (number // 3) % 28 + 1
    month = (number // 84) % 12 + 1
    return {
        "id": f"event-{number}",
        "date": f"2017-{month:02d}-{day:02d}",
        "order": number % 3 + 1,
        "title": f"Event number {number}",
        "place": "Capital",
        "summary": f"What happened at event {number}.",
        "participants": sorted({f"person-{n % PEOPLE}" for n in quotes}),
        "sources": ["source-0", "source-1"],
        "quotes": [quote(n) for n in quotes],
    }


def make_project(target: Path, quotes: int) -> Project:
    """A project with the real config, theme overrides and hand-written page layout, and synthetic data."""
    target.mkdir(parents=True)
    for config in ("mkdocs.yml", "mkdocs.es.yml"):  # both editions, as the real site (docs/editions.md)
        shutil.copy2(ROOT / config, target / config)
    shutil.copytree(ROOT / "overrides", target / "overrides")
    content = target / "content"
    content.mkdir()
    (content / "index.md").write_text(
        "# Synthetic explainer\n\n{{ quote quote-0 }}\n\n{{ contrast-table }}\n", encoding="utf-8"
    )
    (content / "method.md").write_text(
        "# How this is made\n\nSynthetic data for benchmarks.\n", encoding="utf-8"
    )
    data = target / "data"
    speakers = [f"person-{n}" for n in range(SPEAKERS)]
    write_yaml(data / "explainer.yaml", {"title": "Synthetic", "summary": "Made up.", "speakers": speakers})
    write_yaml(data / "people.yaml", people())
    write_yaml(data / "sources.yaml", sources())
    write_yaml(data / "topics.yaml", topics())
    for number, start in enumerate(range(0, quotes, QUOTES_PER_EVENT)):
        block = range(start, min(start + QUOTES_PER_EVENT, quotes))
        write_yaml(data / "events" / f"event-{number}.yaml", event(number, block))
    project = Project(target)
    load_dataset(project)  # fail here, not inside a timing, if the synthetic data is invalid
    return project


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the engine runs as a child)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed_build(project: Project, site: Path, engine: EngineName, work: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one build. On a shared machine the CPU time is the steadier number."""
    start, cpu = time.perf_counter(), cpu_seconds()
    code = build_site(project, site, engine=engine, work_dir=work)
    elapsed, used = time.perf_counter() - start, cpu_seconds() - cpu
    if code != 0:
        raise SystemExit(f"{engine} build failed with exit code {code}")
    return elapsed, used


def measure(project: Project, scratch: Path, label: str) -> None:
    work = scratch / "work"
    rows = [
        ("mkdocs", "cold", timed_build(project, scratch / "site-mkdocs", "mkdocs", work)),
        ("zensical", "cold", timed_build(project, scratch / "site-zensical", "zensical", work)),
        ("zensical", "cached", timed_build(project, scratch / "site-zensical", "zensical", work)),
    ]
    pages = sum(1 for _ in (scratch / "site-mkdocs").rglob("index.html"))
    for engine, mode, (wall, cpu) in rows:
        print(f"{label}: {engine:8} {mode:6} {wall:6.2f} s wall {cpu:6.2f} s CPU  ({pages} pages)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=0, help="synthetic quotes (default: the real data)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="engines-bench-") as folder:
        scratch = Path(folder)
        if args.quotes:
            project = make_project(scratch / "project", args.quotes)
            label = f"{args.quotes} synthetic quotes"
        else:
            project = Project(ROOT)
            label = "real data"
        measure(project, scratch, label)


if __name__ == "__main__":
    main()
