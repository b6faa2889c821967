"""Short summaries that open person and topic pages: who said what at a glance, and a person's record."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from generator.dataset import Statement, grouped
from generator.markup import Html, h, time_element
from generator.model import Person, Stance, Topic
from generator.render.components import counted, joined, stance_label, stance_on
from generator.render.context import Context
from generator.render.lists import SEARCH_EXCLUDE
from generator.sitemap import CONTRAST, topic_anchor


def topic_at_a_glance(ctx: Context, page: str, topic: Topic, said: Sequence[Statement]) -> Html:
    """One line per speaker with the stances of their quotes, in words, and a link to the table row."""
    items = []
    by_speaker = grouped((statement.quote.speaker, statement) for statement in said)
    for person in _speakers_in_order(ctx, said):
        theirs = by_speaker[person.id]
        tally = Counter(stance for s in theirs if (stance := stance_on(s, topic.id)) is not None)
        stances = [
            h("span", stance_label(stance), f" ×{tally[stance]}" if tally[stance] > 1 else None)
            for stance in Stance
            if tally[stance]
        ]
        items.append(
            h(
                "li",
                h("a", person.name, href=ctx.link(page, page, f"speaker-{person.id}")),
                f" ({counted(len(theirs), 'quote')})",
                ": " if stances else None,
                *joined(stances, " "),
            )
        )
    row = ctx.link(page, CONTRAST, topic_anchor(topic.id))
    return h(
        "div",
        h("p", "At a glance", class_="ex-glance__title"),
        h("ul", *items),
        h("p", h("a", "This question in the contrast table", href=row)),
        class_="ex-glance",
        **SEARCH_EXCLUDE,  # a summary of quotes the page has in full
        role="note",
        aria_label="At a glance",
    )


def _speakers_in_order(ctx: Context, said: Sequence[Statement]) -> list[Person]:
    """Contrast-table speakers first, in their order, then others in the order they spoke."""
    ids = list(dict.fromkeys(s.quote.speaker for s in said))
    first = [pid for pid in ctx.data.settings.speakers if pid in ids]
    return [ctx.data.person_by_id[pid] for pid in first + [pid for pid in ids if pid not in first]]


def person_record(ctx: Context, page: str, person: Person, said: Sequence[Statement]) -> Html | None:
    """``6 quotes on 4 questions, 22 February 2017 to 23 February 2017.``, with the questions linked."""
    if not said:
        return None
    topics = list(dict.fromkeys(link.topic for s in said for link in s.quote.topics))
    first, last = said[0].date, said[-1].date
    span: list[Html | str] = (
        [time_element(first)] if first == last else [time_element(first), " to ", time_element(last)]
    )
    links = [h("a", ctx.data.topic_by_id[tid].question, href=ctx.topic_link(page, tid)) for tid in topics]
    return h(
        "p",
        f"{counted(len(said), 'quote')} in our sources on {counted(len(topics), 'question')}, ",
        *span,
        ": ",
        *joined(links, "; "),
        ". Each quote shows the role held on the day it was said.",
        class_="ex-record",
        **SEARCH_EXCLUDE,  # the questions are indexed on their own pages
    )


def person_description(person: Person, said: Sequence[Statement]) -> str:
    """The page's description for search and social previews, from the data."""
    role = person.roles[-1].title if person.roles else None
    who = f"{person.name} ({role})" if role else person.name
    if not said:
        return f"{who}: no quotes in our sources for this explainer."
    return f"What {who} is quoted saying in this explainer: {counted(len(said), 'quote')}, each with its sources."
