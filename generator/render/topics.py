"""A page per question (what everyone said on it) and an index of the questions."""

from __future__ import annotations

from collections.abc import Collection

from generator.dataset import grouped
from generator.markup import Html, front_matter, h, heading, markdown_page, paragraph, raw_block
from generator.model import Topic
from generator.render.context import Context
from generator.render.glance import topic_at_a_glance
from generator.render.lists import figures, latest, statement_lines, unindexed
from generator.render.people import people_ordered
from generator.sitemap import TOPICS, topic_path


def topics_index(ctx: Context) -> str:
    items = [
        h("li", h("a", topic.question, href=ctx.topic_link(TOPICS, topic.id)), h("p", topic.summary))
        for topic in ctx.data.topics
    ]
    return markdown_page(
        [
            front_matter(
                {
                    "description": ctx.t(
                        "The questions this explainer answers, each with what every speaker said."
                    )
                }
            ),
            heading(1, ctx.t("Questions")),
            raw_block(h("ul", *items, class_="ex-topics")),
        ]
    )


# The latest quotes on the question shown in full; all of them are listed by speaker.
QUESTION_FIGURES_LIMIT = 10


def topic_detail(ctx: Context, topic: Topic) -> str:
    page = topic_path(topic.id)
    said = ctx.data.statements_by_topic.get(topic.id, ())
    blocks = [
        front_matter({"description": topic.summary}),
        heading(1, topic.question, "question"),
        paragraph(topic.summary),
    ]
    by_speaker = grouped((statement.quote.speaker, statement) for statement in said)
    speakers = [person for person in people_ordered(ctx) if person.id in by_speaker]
    if said:
        blocks.append(raw_block(topic_at_a_glance(ctx, page, topic, by_speaker)))
        _, shown = latest(said, QUESTION_FIGURES_LIMIT)
        groups: list[Html] = []
        for person in speakers:
            said_by = by_speaker[person.id]
            anchor = f"speaker-{person.id}"
            lines = statement_lines(ctx, page, said_by, class_="ex-earlier", speaker=False, anchor=anchor)
            groups += [h("h3", h("a", person.name, href=ctx.person_link(page, person.id))), lines]
        blocks += [
            heading(2, ctx.t("Latest statements")),
            raw_block(figures(ctx, page, shown)),
            heading(2, ctx.t("Everything said on this question, by speaker")),
            raw_block(unindexed(*groups)),
        ]
    if not speakers:
        blocks.append(paragraph(ctx.t("No statement on this question in our sources.")))
    silent = [ctx.data.person_by_id[pid].name for pid in ctx.data.settings.speakers if pid not in by_speaker]
    if silent:
        blocks.append(paragraph(ctx.t("No statement in our sources from: {names}.", names=", ".join(silent))))
    return markdown_page(blocks)


def topic_pages(ctx: Context, only: Collection[str] | None = None) -> dict[str, str]:
    """Every question's page (``only``: those of these ids), by path."""
    return {
        topic_path(topic.id): topic_detail(ctx, topic)
        for topic in ctx.data.topics
        if only is None or topic.id in only
    }
