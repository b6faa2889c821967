"""Checks on when events happened: a time or an order only on a known day, and a clear order within each day."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from generator.dates import PartialDate
from generator.errors import Problem
from generator.model import Event
from generator.yamlfile import LoadedFile


def check_chronology(events: Sequence[tuple[LoadedFile, Event]]) -> Iterator[Problem]:
    """Every problem with the events' ``time`` and ``order`` fields, file by file."""
    by_day: defaultdict[PartialDate, list[tuple[LoadedFile, Event]]] = defaultdict(list)
    for file, event in events:
        if event.date.precision == "day":
            by_day[event.date].append((file, event))
        else:
            yield from _needs_a_day(file, event)
    for day in sorted(by_day):
        yield from _check_day(day, by_day[day])


def _needs_a_day(file: LoadedFile, event: Event) -> Iterator[Problem]:
    """A time or an order says when within a day, which a date known only to the month or year lacks."""
    for name, value in (("time", event.time), ("order", event.order)):
        if value is not None:
            found = f'"{name}: {value}" on a date known only to the {event.date.precision} ({event.date})'
            yield file.problem((name,), found, f'a full date (YYYY-MM-DD), or no "{name}" field')


def _check_day(day: PartialDate, events: list[tuple[LoadedFile, Event]]) -> Iterator[Problem]:
    """On a day with several events, each needs an ``order`` (or a ``time``), and no order twice."""
    if len(events) < 2:
        return
    first: dict[int, LoadedFile] = {}
    ordered = sorted(events, key=lambda pair: pair[0].path)
    for file, event in ordered:
        if event.order is None and event.time is None:
            others = [
                f'"{other.id}" ({other_file.path})' for other_file, other in ordered if other_file is not file
            ]
            shown = others if len(others) <= 3 else [*others[:2], f"{len(others) - 2} more"]
            noun = "the event" if len(others) == 1 else "the events"
            found = f"neither an order nor a time, on {day}, when {noun} {_and(shown)} also happened"
            yield file.problem(("date",), found, 'an "order:" field (1 = first event of the day)')
        elif event.order is not None and event.order in first:
            other = first[event.order]
            at = other.position(("order",))
            found = f"the order {event.order} again on {day} (first at {other.path}:{at.line}:{at.column})"
            yield file.problem(("order",), found, "a different order for each event of the day")
        elif event.order is not None:
            first[event.order] = file


def _and(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
