"""A page per person (roles over time, every quote in order, what others said on the same questions) and an index."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from itertools import islice

from generator.dataset import Statement
from generator.markup import Html, front_matter, h, heading, markdown_page, paragraph, raw_block
from generator.model import Person
from generator.render.context import Context
from generator.render.glance import person_description, person_record, role_at_the_time
from generator.render.lists import (
    figures,
    latest,
    line_list,
    more_link,
    statement_line,
    statement_lines,
    unindexed,
)
from generator.sitemap import PEOPLE, person_path


def roles_list(ctx: Context, person: Person) -> str:
    """The offices a person held, each with its dates."""
    items = []
    for role in person.roles:
        span = (
            ctx.pieces("{first} to {last}", first=ctx.time(role.start), last=ctx.time(role.end))
            if role.end
            else ctx.pieces("since {date}", date=ctx.time(role.start))
        )
        office = f"{role.title}, {role.organization}" if role.organization else role.title
        items.append(h("li", office, " (", *span, ")"))
    return raw_block(h("ul", *items, class_="ex-roles"))


def people_ordered(ctx: Context) -> list[Person]:
    """Contrast-table speakers first, in their configured order, then everyone else by name."""
    speakers = ctx.data.settings.speakers
    others = sorted((p for p in ctx.data.people if p.id not in speakers), key=lambda p: (p.name, p.id))
    return [ctx.data.person_by_id[pid] for pid in speakers] + others


def people_index(ctx: Context) -> str:
    items = []
    for person in people_ordered(ctx):
        said = ctx.data.statements_by_speaker.get(person.id, ())
        role = role_at_the_time(ctx, person, said)
        items.append(
            h(
                "li",
                h("a", person.name, href=ctx.person_link(PEOPLE, person.id)),
                f", {role}" if role else None,
                " ("
                + (
                    ctx.nt("{count} quote", "{count} quotes", len(said))
                    if said
                    else ctx.t("not quoted in our sources")
                )
                + ")",
            )
        )
    return markdown_page(
        [
            front_matter(
                {
                    "description": ctx.t(
                        "The people in this explainer, their roles, and everything they are quoted saying."
                    )
                }
            ),
            heading(1, ctx.t("People")),
            raw_block(h("ul", *items, class_="ex-people")),
        ]
    )


PERSON_FIGURES_LIMIT = 5  # the latest quotes shown in full; earlier ones get a line each
OTHERS_LIMIT = 3  # per question, the latest quotes by others; the rest are on the question's page


def person_detail(ctx: Context, person: Person, others_lines: dict[tuple[str, str], Html]) -> str:
    page = person_path(person.id)
    statements = ctx.data.statements_by_speaker.get(person.id, ())
    record = person_record(ctx, page, person, statements)
    blocks = [
        front_matter({"description": person_description(ctx, person, statements)}),
        heading(1, person.name, "person"),
        *([raw_block(record)] if record is not None else []),
    ]
    if person.roles:
        blocks += [heading(2, ctx.t("Roles")), roles_list(ctx, person)]
    blocks.append(heading(2, ctx.t("What they said")))
    earlier, shown = latest(statements, PERSON_FIGURES_LIMIT)
    if shown:
        blocks.append(raw_block(figures(ctx, page, shown)))
    else:
        blocks.append(paragraph(ctx.t("No quotes from this person in our sources.")))
    if earlier:
        lines = statement_lines(ctx, page, earlier, class_="ex-earlier", speaker=False)
        blocks.append(raw_block(unindexed(h("h3", ctx.t("Earlier statements")), lines)))
    blocks += _others(ctx, page, person, statements, others_lines)
    return markdown_page(blocks)


def _latest_by_others(said: Sequence[Statement], person_id: str, limit: int) -> list[Statement]:
    """The last ``limit`` statements not by ``person_id``, in order, found from the end (the lists are long)."""
    by_others = (statement for statement in reversed(said) if statement.quote.speaker != person_id)
    return list(islice(by_others, limit))[::-1]


def person_pages(ctx: Context, only: Collection[str] | None = None) -> dict[str, str]:
    """Every person's page (``only``: those of these ids), by path."""
    # The latest quotes on a question appear among "what others said" on most speakers' pages, and read the
    # same on each (every person page sits in the same folder, and none of them links to itself there):
    # each such line is written once per build.
    others_lines: dict[tuple[str, str], Html] = {}
    return {
        person_path(person.id): person_detail(ctx, person, others_lines)
        for person in ctx.data.people
        if only is None or person.id in only
    }


def _others(
    ctx: Context,
    page: str,
    person: Person,
    statements: Sequence[Statement],
    written: dict[tuple[str, str], Html],
) -> list[str]:
    """What others said on the questions this person spoke to: the latest few per question.

    ``written`` keeps the lines already written for other person pages, by quote and question.
    """
    topic_ids = list(dict.fromkeys(link.topic for statement in statements for link in statement.quote.topics))
    groups: list[Html] = []
    mine = Counter(link.topic for statement in statements for link in statement.quote.topics)
    for topic_id in topic_ids:
        said = ctx.data.statements_by_topic.get(topic_id, ())
        shown = _latest_by_others(said, person.id, OTHERS_LIMIT)
        if not shown:
            continue
        hidden = len(said) - mine[topic_id] - len(shown)
        more = h("li", more_link(ctx, page, hidden, topic_id)) if hidden else None
        lines = []
        for statement in shown:
            key = (statement.quote.id, topic_id)
            if key not in written:
                written[key] = statement_line(ctx, page, statement, topic_id=topic_id)
            lines.append(written[key])
        entries = line_list([*lines, more], class_="ex-others")
        question = ctx.data.topic_by_id[topic_id].question
        groups += [h("h3", h("a", question, href=ctx.topic_link(page, topic_id))), entries]
    if not groups:
        return []
    return [heading(2, ctx.t("What others said on the same questions")), raw_block(unindexed(*groups))]
