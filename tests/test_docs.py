"""The project's documents stay true: their links lead somewhere, the commands they name exist, and the
benchmark's tables are generated from its results, never pasted."""

from __future__ import annotations

import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import click
import markdown
import pytest

from bench.report import BEGIN, END, README, RESULTS, ReportError, generated_section, rewrite
from generator.cli import main as explainer
from generator.siteconfig import load_config
from tests.conftest import ROOT

DOCUMENTS = sorted(
    [
        ROOT / "README.md",
        ROOT / "CONTRIBUTING.md",
        ROOT / "SECURITY.md",
        README,
        *(ROOT / "docs").glob("*.md"),
    ]
)
IDS = [path.relative_to(ROOT).as_posix() for path in DOCUMENTS]
# The ./dev tasks that hand their arguments to an explainer command of the same name.
EXPLAINER_TASKS = {"build", "serve", "validate", "new-event"}


class _Links(HTMLParser):
    """Every link and image address in a rendered document, and the ids GitHub gives its headings."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.anchors: set[str] = set()
        self._heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("href", "src"):
            if values.get(name):
                self.targets.append(str(values[name]))
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = []

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._heading is not None and re.fullmatch(r"h[1-6]", tag):
            # GitHub's heading ids: lower case, punctuation dropped, spaces as hyphens.
            self.anchors.add(re.sub(r"[^\w\- ]", "", "".join(self._heading).lower()).replace(" ", "-"))
            self._heading = None


def _links(path: Path) -> _Links:
    parser = _Links()
    parser.feed(markdown.markdown(path.read_text(encoding="utf-8"), extensions=["tables", "fenced_code"]))
    return parser


@pytest.mark.parametrize("document", DOCUMENTS, ids=IDS)
def test_every_relative_link_leads_to_a_file_and_heading(document: Path) -> None:
    broken = []
    for target in _links(document).targets:
        if re.match(r"[a-z]+:", target):
            continue
        address, _, anchor = target.partition("#")
        linked = (document.parent / address).resolve() if address else document
        missing = not linked.is_relative_to(ROOT) or not linked.exists()
        if missing or (anchor and linked.suffix == ".md" and anchor not in _links(linked).anchors):
            broken.append(target)
    assert broken == []


def _dev_tasks() -> set[str]:
    """The tasks ``./dev help`` lists, and ``help`` itself."""
    listed = subprocess.run(
        ["bash", str(ROOT / "dev"), "help"], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    return {"help", *re.findall(r"^\s*\./dev ([a-z][a-z-]*)", listed, flags=re.MULTILINE)}


def _commands(text: str) -> list[tuple[str, str, list[str]]]:
    """Each ``./dev TASK …`` and ``explainer COMMAND …`` written as code in ``text`` (in backticks, at the
    start of a line of a code block, or as ``.venv/bin/explainer``), with the options written after it."""
    found = []
    pattern = r"(?:^[ \t]*|`|bin/)(\./dev explainer|\./dev|explainer) ([a-z][a-z-]*)([^`|#\n]*)"
    for runner, name, rest in re.findall(pattern, text, flags=re.MULTILINE):
        kind = "dev" if runner == "./dev" else "explainer"
        found.append((kind, name, re.findall(r"(?<!\S)(--[a-z][a-z-]*)", rest)))
    return found


@pytest.mark.parametrize("document", DOCUMENTS, ids=IDS)
def test_every_command_named_exists_with_its_options(document: Path) -> None:
    tasks = _dev_tasks()
    assert isinstance(explainer, click.Group)
    commands = explainer.commands
    unknown = []
    for kind, name, options in _commands(document.read_text(encoding="utf-8")):
        if kind == "dev" and name not in tasks:
            unknown.append(f"./dev {name}")
        if (kind == "explainer" or name in EXPLAINER_TASKS) and name in commands:
            known = {option for param in commands[name].params for option in param.opts}
            unknown += [f"{name} {option}" for option in options if option not in known]
        elif kind == "explainer":
            unknown.append(f"explainer {name}")
    assert unknown == []


def test_the_readme_is_a_front_door() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 150


def test_the_documents_are_not_part_of_the_site() -> None:
    """MkDocs reads content/ only: docs/ and the Markdown beside the code never become pages."""
    assert load_config(ROOT / "mkdocs.yml")["docs_dir"] == "content"


def test_the_benchmark_tables_are_those_made_from_the_latest_results() -> None:
    readme = README.read_text(encoding="utf-8")
    section = generated_section(json.loads(RESULTS.read_text(encoding="utf-8")))
    assert rewrite(readme, section) == readme, "run: .venv/bin/python -m bench.report"


def test_the_report_replaces_only_what_is_between_the_markers() -> None:
    before = f"# Title\n\n{BEGIN}\nold tables\n{END}\n\nAfter.\n"
    assert rewrite(before, "new tables") == f"# Title\n\n{BEGIN}\n\nnew tables\n\n{END}\n\nAfter.\n"
    with pytest.raises(ReportError):
        rewrite("# Title\n\nno markers\n", "new tables")


def test_results_with_other_fields_than_the_benchmark_makes_are_refused() -> None:
    report = json.loads(RESULTS.read_text(encoding="utf-8"))
    report["results"][0]["retired_figure"] = 1
    with pytest.raises(ReportError, match=r"results\[0\] has the fields"):
        generated_section(report)
