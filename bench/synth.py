"""Synthetic but valid explainer data at a given size, the same for the same seed.

The shape follows the real data: people with roles, sources, topics, one file per event, quotes cited by one or
two sources (the second printing the words slightly differently), a stance on most topic links, and relations
to earlier quotes. Dates run through one year, as a year-long tracker of one policy would.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

START = dt.date(2017, 1, 1)
DAYS = 365
STANCES = ("affirms", "denies", "qualifies", None)
RELATIONS = ("contradicts", "clarifies", "walks-back", "repeats")
WORDS = [
    "border",
    "enforcement",
    "removals",
    "policy",
    "agents",
    "memo",
    "court",
    "order",
    "families",
    "workers",
    "employers",
    "visas",
    "cities",
    "states",
    "federal",
    "local",
    "budget",
    "wall",
    "treaty",
    "trade",
    "talks",
    "neighbours",
    "partners",
    "law",
    "rights",
    "process",
    "hearing",
    "detention",
    "release",
    "priorities",
    "crimes",
    "records",
    "officers",
    "tomorrow",
    "today",
    "weeks",
    "months",
    "plan",
    "review",
    "numbers",
    "schools",
    "hospitals",
    "churches",
    "farms",
    "factories",
    "ports",
    "airports",
    "checks",
    "permits",
    "asylum",
    "refugees",
    "judges",
    "appeals",
    "funding",
    "promise",
    "pledge",
    "warning",
    "statement",
    "answer",
    "question",
    "reporters",
    "public",
    "congress",
    "senate",
    "governors",
]
FIRST_NAMES = [
    "Ana",
    "Ben",
    "Carla",
    "Dev",
    "Elena",
    "Farid",
    "Grace",
    "Hugo",
    "Ines",
    "Jon",
    "Kira",
    "Luis",
    "Maya",
    "Nils",
    "Omar",
    "Pia",
    "Rosa",
    "Sam",
    "Tara",
    "Ugo",
]
LAST_NAMES = [
    "Abbott",
    "Baptiste",
    "Castro",
    "Duarte",
    "Ellison",
    "Fischer",
    "Garza",
    "Huang",
    "Ibarra",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Moreno",
    "Novak",
    "Okafor",
    "Petrov",
    "Quintero",
    "Romero",
    "Sato",
    "Torres",
]
OUTLETS = [
    "Daily Ledger",
    "Evening Courier",
    "Capital Wire",
    "Border Gazette",
    "Morning Post",
    "Metro Tribune",
    "Harbor Times",
    "Plains Herald",
]


@dataclass(frozen=True)
class Size:
    """One data set size; ``real`` means the project's own data, unchanged."""

    name: str
    quotes: int
    events: int
    people: int
    topics: int
    real: bool = False

    @property
    def key(self) -> str:
        """The size's short name on the command line: ``real``, or the number of quotes."""
        return "real" if self.real else str(self.quotes)

    @property
    def sources(self) -> int:
        return max(2, self.events // 2)


SIZES = (
    Size("real", 0, 0, 0, 0, real=True),
    Size("100 quotes", 100, 20, 10, 5),
    Size("1,000 quotes", 1_000, 200, 50, 20),
    Size("10,000 quotes", 10_000, 2_000, 300, 50),
    Size("30,000 quotes", 30_000, 6_000, 600, 80),
)


def _words(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def _sentence(rng: random.Random, low: int, high: int) -> str:
    text = _words(rng, low, high)
    return text[0].upper() + text[1:] + "."


def _people(rng: random.Random, size: Size) -> list[dict[str, Any]]:
    people = []
    for index in range(size.people):
        name = f"{FIRST_NAMES[index % len(FIRST_NAMES)]} {LAST_NAMES[(index // len(FIRST_NAMES)) % len(LAST_NAMES)]}"
        role = {"title": f"Official for {rng.choice(WORDS)}", "organization": "Department of Examples"}
        people.append(
            {"id": f"person-{index:04d}", "name": f"{name} {index}", "roles": [{**role, "from": START}]}
        )
    return people


def _topics(rng: random.Random, size: Size) -> list[dict[str, Any]]:
    return [
        {
            "id": f"topic-{index:03d}",
            "question": f"What happens to {rng.choice(WORDS)} and {rng.choice(WORDS)} under question {index}?",
            "summary": _sentence(rng, 20, 40),
        }
        for index in range(size.topics)
    ]


def _event_dates(rng: random.Random, size: Size) -> list[dt.date]:
    return sorted(START + dt.timedelta(days=rng.randrange(DAYS)) for _ in range(size.events))


def _sources(rng: random.Random, size: Size, dates: list[dt.date]) -> list[dict[str, Any]]:
    """Two events per source, published on the first one's day."""
    return [
        {
            "id": f"source-{index:05d}",
            "outlet": OUTLETS[index % len(OUTLETS)],
            "title": _sentence(rng, 5, 10),
            "url": f"https://news.example.org/{dates[min(2 * index, len(dates) - 1)].isoformat()}/story-{index}",
            "published": dates[min(2 * index, len(dates) - 1)],
        }
        for index in range(size.sources)
    ]


def _quote(
    rng: random.Random, size: Size, number: int, sources: list[str], earlier: list[str]
) -> dict[str, Any]:
    """A quote: mostly from the contrast table's speakers, cited by one or two of its event's sources."""
    speaker = rng.randrange(5) if rng.random() < 0.5 else rng.randrange(size.people)
    text = _words(rng, 8, 20)
    cited = sources[: rng.randint(1, len(sources))]
    citations = [{"source": cited[0], "as_printed": f"{_sentence(rng, 2, 6)} {text}, {_words(rng, 2, 6)}."}]
    if len(cited) > 1:
        citations.append({"source": cited[1], "as_printed": f"{text} — {_words(rng, 2, 5)}"})
    topics = rng.sample(range(size.topics), rng.randint(1, min(2, size.topics)))
    quote: dict[str, Any] = {
        "id": f"quote-{number:05d}",
        "speaker": f"person-{speaker:04d}",
        "text": text,
        "context": _sentence(rng, 15, 35),
        "topics": [_topic_link(rng, topic) for topic in topics],
        "citations": citations,
    }
    if earlier and rng.random() < 0.1:
        note = _sentence(rng, 10, 20)
        quote["relations"] = [
            {"type": rng.choice(RELATIONS), "quote": rng.choice(earlier[-50:]), "note": note}
        ]
    return quote


def _topic_link(rng: random.Random, topic: int) -> dict[str, Any]:
    stance = rng.choice(STANCES)
    return {"topic": f"topic-{topic:03d}"} | ({"stance": stance} if stance else {})


def _events(rng: random.Random, size: Size, dates: list[dt.date]) -> list[dict[str, Any]]:
    """Events in date order; quotes spread over them, numbered in the order they are said."""
    counts = [size.quotes // size.events] * size.events
    for index in rng.sample(range(size.events), size.quotes % size.events):
        counts[index] += 1
    events: list[dict[str, Any]] = []
    earlier: list[str] = []
    order = 0
    for index, (date, count) in enumerate(zip(dates, counts, strict=True)):
        order = order + 1 if index and dates[index - 1] == date else 1
        sources = [f"source-{min(index // 2, size.sources - 1):05d}"]
        if index // 2 + 1 < size.sources:
            sources.append(f"source-{index // 2 + 1:05d}")
        quotes = []
        for _ in range(count):
            quotes.append(_quote(rng, size, len(earlier), sources, earlier))
            earlier.append(quotes[-1]["id"])
        participants = sorted({quote["speaker"] for quote in quotes})
        events.append(
            {
                "id": f"{date.isoformat()}-event-{index:05d}",
                "date": date,
                "order": order,
                "title": _sentence(rng, 4, 9).rstrip("."),
                "place": f"{rng.choice(WORDS).title()} Hall",
                "summary": _sentence(rng, 25, 50),
                "participants": participants,
                "sources": sources,
                "quotes": quotes,
            }
        )
    return events


class _Dumper(yaml.CSafeDumper):
    """Writes every value out in full: the project's loader rejects YAML aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(path: Path, value: Any) -> None:
    text = yaml.dump(value, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)
    path.write_text(text, encoding="utf-8")


def write_data(data_dir: Path, size: Size, seed: int) -> None:
    """Write a complete data/ folder for ``size``; the same seed gives the same files."""
    rng = random.Random(seed)
    events_dir = data_dir / "events"
    events_dir.mkdir(parents=True)
    people, topics = _people(rng, size), _topics(rng, size)
    dates = _event_dates(rng, size)
    speakers = [person["id"] for person in people[:5]]
    dump(
        data_dir / "explainer.yaml",
        {
            "title": f"A synthetic explainer: {size.name}",
            "summary": _sentence(rng, 10, 20),
            "speakers": speakers,
        },
    )
    dump(data_dir / "people.yaml", {"people": people})
    dump(data_dir / "topics.yaml", {"topics": topics})
    dump(data_dir / "sources.yaml", {"sources": _sources(rng, size, dates)})
    for event in _events(rng, size, dates):
        dump(events_dir / f"{event['id']}.yaml", event)


_QUOTE_EMBED = re.compile(r"\{\{\s*(quote|side-by-side)((?:\s+[^\s{}]+)+)\s*\}\}")
_DAY_EMBED = re.compile(r"\{\{\s*timeline-day\s+[^\s{}]+\s*\}\}")


def adapt_content(text: str, quote_ids: list[str], day: str) -> str:
    """The real home page's embeds pointed at synthetic ids, so the same narrative builds on synthetic data."""
    numbered = iter(quote_ids)
    text = _QUOTE_EMBED.sub(
        lambda match: f"{{{{ {match[1]} {' '.join(next(numbered) for _ in match[2].split())} }}}}", text
    )
    return _DAY_EMBED.sub(f"{{{{ timeline-day {day} }}}}", text)


# The explainer plugin's list of editions in mkdocs.yml: the key and the entries indented under it.
_EDITIONS = re.compile(r"^( +)editions:\n(?:\1 +- .*\n)+", re.MULTILINE)


def make_project(real_root: Path, target: Path, size: Size, seed: int) -> Path:
    """A full project in ``target``: the real mkdocs.yml, overrides and content, and data for ``size``."""
    target.mkdir(parents=True, exist_ok=True)
    for config in ("mkdocs.yml", "mkdocs.es.yml"):  # both editions, as the real site (docs/editions.md)
        shutil.copy2(real_root / config, target / config)
    for folder in ("content", "overrides"):
        shutil.copytree(real_root / folder, target / folder)
    if size.real:
        shutil.copytree(real_root / "data", target / "data")
        return target
    # Synthetic data is in one language, as the Hugo site made from it: one edition, the main one.
    main_config = target / "mkdocs.yml"
    main_config.write_text(_EDITIONS.sub("", main_config.read_text(encoding="utf-8")), encoding="utf-8")
    (target / "mkdocs.es.yml").unlink()
    shutil.rmtree(target / "content" / "es")
    write_data(target / "data", size, seed)
    first_event = min((target / "data" / "events").glob("*.yaml"))
    day = first_event.name[:10]
    quote_ids = [f"quote-{number:05d}" for number in range(size.quotes)]
    for page in sorted((target / "content").rglob("*.md")):
        page.write_text(adapt_content(page.read_text(encoding="utf-8"), quote_ids, day), encoding="utf-8")
    return target
