"""A new event file for an editor: a commented template whose placeholders validation names until filled."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

from generator.dates import PartialDate
from generator.errors import Problem
from generator.yamlfile import LoadedFile, unprintable

PLACEHOLDER = "FILL IN"
_MAX_SLUG = 50


def slugify(title: str) -> str:
    """``Kelly meets Peña Nieto`` → ``kelly-meets-pena-nieto`` (ASCII letters, digits and hyphens)."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > _MAX_SLUG:
            break
        slug = longer
    return slug or "event"


def title_problem(title: str) -> str | None:
    """Why ``title`` cannot head a new event: empty, or holding a character YAML refuses or a line break."""
    if not title:
        return "empty text; expected a short headline"
    refused = unprintable(title) or next(
        (char for char in title if unicodedata.category(char) in _BREAKS), None
    )
    if refused is not None:
        return f"the character U+{ord(refused):04X}; expected a short headline of printable text on one line"
    return None


# Control characters (line breaks among them), and the line and paragraph separators.
_BREAKS = frozenset({"Cc", "Zl", "Zp"})


def template() -> str:
    """The commented event template, as editors copy it (``generator/assets/event-template.yaml``)."""
    return files("generator").joinpath("assets/event-template.yaml").read_text(encoding="utf-8")


def event_template(event_id: str, date: PartialDate, title: str, order: int | None) -> str:
    """The template with id, date, title and order filled in; ``title`` becomes a double-quoted YAML string."""
    filled = {
        "id": event_id,
        "date": date.iso(),
        "title": json.dumps(title, ensure_ascii=False),
        "order": str(order) if order is not None else None,
    }
    lines = []
    for line in template().splitlines(keepends=True):
        name = line.partition(":")[0]
        if name in filled:
            value = filled[name]
            if value is None:
                continue
            line = f"{name}: {value}\n"
        lines.append(line)
    return "".join(lines)


def new_event(events_dir: Path, date: PartialDate, title: str) -> Path:
    """Create ``events_dir/<date>-<slug>.yaml`` (``-2``, ``-3``… when taken) and return its path."""
    base = f"{date.iso()}-{slugify(title)}"
    taken = {path.stem for path in events_dir.glob("*.y*ml")}
    event_id = base
    suffix = 2
    while event_id in taken:
        event_id = f"{base}-{suffix}"
        suffix += 1
    same_day = sum(1 for name in taken if name.startswith(f"{date.iso()}-"))
    order = same_day + 1 if date.precision == "day" else None
    path = events_dir / f"{event_id}.yaml"
    events_dir.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:
        file.write(event_template(event_id, date, title, order))
    return path


def placeholder_problems(file: LoadedFile) -> Iterator[Problem]:
    """Every value still holding the template's placeholder text."""
    for path, text in file.strings():
        if text.lstrip().startswith(PLACEHOLDER):
            found = f'the template\'s placeholder "{text.strip()}"'
            yield file.problem(path, found, "your own value in its place")
