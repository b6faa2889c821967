"""A new event file for an editor: a commented template whose placeholders validation names until filled."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.dates import PartialDate
from generator.errors import Problem
from generator.yamlfile import FieldPath, LoadedFile

PLACEHOLDER = "FILL IN"
_MAX_SLUG = 50

_TEMPLATE = """\
# A new event. Replace every "{placeholder}: …" value with your own words or ids, then run ./dev validate.
# Lines starting with # are notes for you; they are never published. The README's "For editors" explains
# every field. Keep text in "double quotes"; ids are lowercase letters, digits and hyphens.

# The id is the file's name without .yaml: leave it as it is.
id: {id}
# YYYY-MM-DD, or YYYY-MM / YYYY when only the month or the year is known.
date: {date}
# The event's place within its day: 1 = first. Or give the local time with its UTC offset instead:
# time: "15:10-06:00"
{order}title: {title}
place: "{placeholder}: where it happened (or delete this line)"
summary: "{placeholder}: what happened, in your own words (never copied from an article)"
# Person ids from data/people.yaml, separated by commas.
participants: ["{placeholder}: a person id"]
# Source ids from data/sources.yaml that report the event.
sources: ["{placeholder}: a source id"]

# What was said. Copy the block from "- id:" for each further quote; delete "quotes:" and the block if
# nobody was quoted.
quotes:
  - id: "{placeholder}: a short id for the quote, such as kelly-no-mass-deportations"
    speaker: "{placeholder}: the speaker's person id"
    # The words shown on the site: they must occur exactly in one of the citations below.
    text: "{placeholder}: the quoted words"
    context: "{placeholder}: in your own words, the setting of the quote (or delete this line)"
    # Topic ids from data/topics.yaml; stance (optional): affirms, denies or qualifies.
    topics:
      - topic: "{placeholder}: a topic id"
    # One entry per source that printed the words, copied exactly as printed (quotes and dashes included).
    citations:
      - source: "{placeholder}: a source id"
        as_printed: "{placeholder}: the words exactly as this source printed them"
"""


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


def event_template(event_id: str, date: PartialDate, title: str, order: int | None) -> str:
    """The text of a new event file; ``title`` is written as a double-quoted YAML string."""
    return _TEMPLATE.format(
        id=event_id,
        date=date.iso(),
        order=f"order: {order}\n" if order is not None else "",
        title=json.dumps(title, ensure_ascii=False),
        placeholder=PLACEHOLDER,
    )


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
    for path, text in _strings(file.data, ()):
        if text.lstrip().startswith(PLACEHOLDER):
            found = f'the template\'s placeholder "{text.strip()}"'
            yield file.problem(path, found, "your own value in its place")


def _strings(value: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))
