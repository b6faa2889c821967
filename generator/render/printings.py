"""Where the sources' printings of a quote differ, so that a reader sees the difference, not only that one exists."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from generator.markup import Html, fragment, h

# Words, runs of space and each other character are compared as units: a final period or a changed dash is
# one difference, and a word is marked whole.
_UNIT = re.compile(r"\w+|\s+|[^\w\s]")


def runs(printed: str, other: str) -> list[tuple[str, bool]]:
    """``printed`` as consecutive runs of text, each with whether it differs from ``other``."""
    mine, theirs = _UNIT.findall(printed), _UNIT.findall(other)
    matcher = difflib.SequenceMatcher(None, mine, theirs, autojunk=False)
    result: list[tuple[str, bool]] = []
    for tag, start, end, _, _ in matcher.get_opcodes():
        if start < end:  # a run only the other printing has leaves nothing in this one to mark
            result.append(("".join(mine[start:end]), tag != "equal"))
    return result


def marked_printings(printings: Sequence[str]) -> list[Html]:
    """Each printing as HTML with what differs marked (``mark``), against the first printing in the list that
    differs from it: with two printings, each shows what the other lacks; identical printings show no marks."""
    marked = []
    for printed in printings:
        other = next((candidate for candidate in printings if candidate != printed), printed)
        pieces = [
            h("mark", text, class_="ex-diff") if differs else text for text, differs in runs(printed, other)
        ]
        marked.append(fragment(*pieces))
    return marked
