"""Short summaries that open person and topic pages: who said what at a glance, and a person's record."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence

from generator.dataset import Statement
from generator.markup import Html, fragment, h
from generator.model import Person, Stance, Topic
from generator.render.components import joined, stance_label, stance_on
from generator.render.context import Context
from generator.render.lists import SEARCH_EXCLUDE
from generator.sitemap import CONTRAST, topic_anchor


def topic_at_a_glance(
    ctx: Context, page: str, topic: Topic, by_speaker: Mapping[str, Sequence[Statement]]
) -> Html:
    """One line per speaker with the stances of their quotes (``by_speaker``: the question's, by speaker in the
    order they first spoke to it), in words, and a link to the table row."""
    items = []
    for person in _speakers_in_order(ctx, by_speaker):
        theirs = by_speaker[person.id]
        tally = Counter(stance for s in theirs if (stance := stance_on(s, topic.id)) is not None)
        stances = [
            h("span", stance_label(ctx, stance), f" ×{tally[stance]}" if tally[stance] > 1 else None)
            for stance in Stance
            if tally[stance]
        ]
        items.append(
            h(
                "li",
                h("a", person.name, href=ctx.link(page, page, f"speaker-{person.id}")),
                " (" + ctx.nt("{count} quote", "{count} quotes", len(theirs)) + ")",
                ": " if stances else None,
                *joined(stances, " "),
            )
        )
    row = ctx.link(page, CONTRAST, topic_anchor(topic.id))
    return h(
        "div",
        h("p", ctx.t("At a glance"), class_="ex-glance__title"),
        h("ul", *items),
        h("p", h("a", ctx.t("This question in the table of who said what"), href=row)),
        class_="ex-glance",
        **SEARCH_EXCLUDE,  # a summary of quotes the page has in full
        role="note",
        aria_label=ctx.t("At a glance"),
    )


def _speakers_in_order(ctx: Context, spoke: Collection[str]) -> list[Person]:
    """Contrast-table speakers first, in their order, then others in the order they spoke (``spoke``: ids in
    that order)."""
    first = [pid for pid in ctx.data.settings.speakers if pid in spoke]
    return [ctx.data.person_by_id[pid] for pid in first + [pid for pid in spoke if pid not in first]]


def person_record(ctx: Context, page: str, person: Person, said: Sequence[Statement]) -> Html | None:
    """``6 quotes on 4 questions, 22 February 2017 to 23 February 2017.``, with the questions linked."""
    if not said:
        return None
    topics = list(dict.fromkeys(link.topic for s in said for link in s.quote.topics))
    first, last = said[0].date, said[-1].date
    span = (
        ctx.time(first)
        if first == last
        else fragment(*ctx.pieces("{first} to {last}", first=ctx.time(first), last=ctx.time(last)))
    )
    links = [h("a", ctx.data.topic_by_id[tid].question, href=ctx.topic_link(page, tid)) for tid in topics]
    quotes = ctx.nt("{count} quote", "{count} quotes", len(said))
    questions = ctx.nt("{count} question", "{count} questions", len(topics))
    return h(
        "p",
        # Translators: “6 quotes in our sources on 4 questions, 22 February 2017 to 23 February 2017: A; B.”
        *ctx.pieces(
            "{quotes} in our sources on {questions}, {span}: {questions_linked}.",
            quotes=quotes,
            questions=questions,
            span=span,
            questions_linked=fragment(*joined(links, "; ")),
        ),
        " ",
        ctx.t("Each quote shows the role held on the day it was said."),
        class_="ex-record",
        **SEARCH_EXCLUDE,  # the questions are indexed on their own pages
    )


def role_at_the_time(ctx: Context, person: Person, said: Sequence[Statement]) -> str | None:
    """The post ``person`` held during the explainer's events, for where no date is shown beside the name.

    The role on the dates of their quotes (``said``); for someone not quoted, on the dates of the events they
    took part in, or else of every event. Several posts read ``A, then B``. Never simply the latest role:
    a post taken after the events would name them wrongly.
    """
    data = ctx.data
    dates = [statement.date for statement in said]
    dates = dates or [event.date for event in data.events if person.id in event.participants]
    dates = dates or [event.date for event in data.events]
    # Each date once (in order): a person quoted thousands of times speaks on a few hundred days.
    on_dates = dict.fromkeys(dates)
    titles = dict.fromkeys(role.title for date in on_dates if (role := person.role_on(date)) is not None)
    # Translators: between the posts a person held, in order: “Governor, then Secretary of State”.
    then = ctx.t(", then ")
    return then.join(titles) if titles else None


def person_description(ctx: Context, person: Person, said: Sequence[Statement]) -> str:
    """The page's description for search and social previews, from the data."""
    role = role_at_the_time(ctx, person, said)
    who = f"{person.name} ({role})" if role else person.name
    if not said:
        return ctx.t("{who}: no quotes in our sources for this explainer.", who=who)
    quotes = ctx.nt("{count} quote", "{count} quotes", len(said))
    return ctx.t(
        "What {who} is quoted saying in this explainer: {quotes}, each with its sources.",
        who=who,
        quotes=quotes,
    )


GLANCE_SPEAKERS = 8
"""Speakers named under each question at a glance; the rest are counted and linked to the question's page,
so that the front page stays small however many people speak (it passed 1 MB at 30,000 quotes)."""


def questions_at_a_glance(ctx: Context, page: str) -> Html:
    """Every question, linked to its page, with who spoke to it (the first :data:`GLANCE_SPEAKERS`) and their
    stances in words: who said what, without repeating the quotes (each question's page and the table have
    them)."""
    items = []
    for topic in ctx.data.topics:
        said = ctx.data.statements_by_topic.get(topic.id, ())
        speakers = _speakers_in_order(ctx, dict.fromkeys(statement.quote.speaker for statement in said))
        # The stances of the speakers named, in one pass over the question's quotes.
        taken: dict[str, set[Stance | None]] = {person.id: set() for person in speakers[:GLANCE_SPEAKERS]}
        for statement in said:
            if (theirs := taken.get(statement.quote.speaker)) is not None:
                theirs.add(stance_on(statement, topic.id))
        who: list[Html] = []
        for person in speakers[:GLANCE_SPEAKERS]:
            labels = (
                fragment(" ", stance_label(ctx, stance)) for stance in Stance if stance in taken[person.id]
            )
            who.append(h("li", person.name, *labels))
        if len(speakers) > GLANCE_SPEAKERS:
            others = ctx.nt("and {count} other", "and {count} others", len(speakers) - GLANCE_SPEAKERS)
            who.append(h("li", h("a", others, href=ctx.topic_link(page, topic.id))))
        items.append(
            h(
                "li",
                h("a", topic.question, href=ctx.topic_link(page, topic.id)),
                h("ul", *who, class_="ex-questions__who")
                if who
                else h("p", ctx.t("No statement in our sources.")),
            )
        )
    # Kept out of search in a div: Material's search parser mistakes the inner lists for the excluded one.
    return h("div", h("ul", *items, class_="ex-questions"), **SEARCH_EXCLUDE)
