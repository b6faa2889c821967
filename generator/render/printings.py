"""Where the sources' printings of a quote differ, so that a reader sees the difference, not only that one exists."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from generator.markup import Html, fragment, h

# Words and each other mark are compared as units, so that a final period or a changed dash is one difference
# and a word is marked whole. Space is left out of the comparison: it is only where units part.
_UNIT = re.compile(r"\w+|[^\w\s]")

Runs = list[tuple[str, bool]]


def _runs(text: str, spans: Sequence[tuple[int, int]]) -> Runs:
    """``text`` as consecutive runs, each with whether it lies in one of ``spans`` (in order, apart)."""
    result: Runs = []
    at = 0
    for start, end in spans:
        if at < start:
            result.append((text[at:start], False))
        result.append((text[start:end], True))
        at = end
    if at < len(text):
        result.append((text[at:], False))
    return result


def compared(first: str, second: str) -> tuple[Runs, Runs]:
    """Both printings as runs of text, each run with whether it differs from the other printing: one
    comparison serves both."""
    units = [list(_UNIT.finditer(first)), list(_UNIT.finditer(second))]
    matcher = difflib.SequenceMatcher(
        None, [unit[0] for unit in units[0]], [unit[0] for unit in units[1]], autojunk=False
    )
    spans: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])
    for tag, *bounds in matcher.get_opcodes():
        if tag == "equal":
            continue
        for side, (start, end) in enumerate((bounds[0:2], bounds[2:4])):
            if start < end:  # a run only the other printing has leaves nothing on this side to mark
                spans[side].append((units[side][start].start(), units[side][end - 1].end()))
    return _runs(first, spans[0]), _runs(second, spans[1])


def marked_printings(printings: Sequence[str]) -> list[Html]:
    """Each printing as HTML with what differs marked (``mark``), against the first printing in the list that
    differs from it: with two printings, each shows what the other lacks; identical printings show no marks."""
    found: dict[tuple[str, str], Runs] = {}
    marked = []
    for printed in printings:
        other = next((candidate for candidate in printings if candidate != printed), None)
        if other is None:  # most quotes: one printing, or all alike
            marked.append(fragment(printed))
            continue
        if (printed, other) not in found:
            found[printed, other], found[other, printed] = compared(printed, other)
        runs = found[printed, other]
        marked.append(
            fragment(*(h("mark", text, class_="ex-diff") if differs else text for text, differs in runs))
        )
    return marked
