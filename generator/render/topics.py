"""A page per question (what everyone said on it) and an index of the questions."""

from __future__ import annotations

from generator.markup import front_matter, h, heading, paragraph, raw_block
from generator.model import Topic
from generator.render.components import quote_figure
from generator.render.context import TOPICS, Context, topic_page
from generator.render.people import people_ordered


def topics_index(ctx: Context) -> str:
    items = [
        h("li", h("a", topic.question, href=ctx.topic_link(TOPICS, topic.id)), h("p", topic.summary))
        for topic in ctx.data.topics
    ]
    return (
        "\n\n".join(
            [
                front_matter(
                    {
                        "description": "The questions this explainer answers, each with what every speaker said."
                    }
                ),
                heading(1, "Questions"),
                raw_block(h("ul", *items, class_="ex-topics")),
            ]
        )
        + "\n"
    )


def topic_detail(ctx: Context, topic: Topic) -> str:
    page = topic_page(topic.id)
    said = ctx.data.statements_by_topic.get(topic.id, ())
    blocks = [
        front_matter({"description": topic.summary}),
        heading(1, topic.question, "question"),
        paragraph(topic.summary),
    ]
    speakers = [person for person in people_ordered(ctx) if any(s.quote.speaker == person.id for s in said)]
    for person in speakers:
        blocks.append(heading(2, person.name, f"said-by-{person.id}"))
        blocks += [raw_block(quote_figure(ctx, page, s)) for s in said if s.quote.speaker == person.id]
    if not speakers:
        blocks.append(paragraph("No statement on this question in our sources."))
    silent = [
        ctx.data.person[pid].name for pid in ctx.data.settings.speakers if pid not in {p.id for p in speakers}
    ]
    if silent:
        blocks.append(paragraph("No statement in our sources from: " + ", ".join(silent) + "."))
    return "\n\n".join(blocks) + "\n"
