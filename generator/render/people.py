"""A page per person (roles over time, every quote in order, what others said on the same questions) and an index."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.markup import front_matter, h, heading, paragraph, raw_block
from generator.model import Person
from generator.render.components import quote_figure, time_element
from generator.render.context import PEOPLE, Context, person_page


def _roles(person: Person) -> str:
    items = []
    for role in person.roles:
        span: list[ET.Element | str] = (
            [time_element(role.start), " to ", time_element(role.end)]
            if role.end
            else ["since ", time_element(role.start)]
        )
        office = f"{role.title}, {role.organization}" if role.organization else role.title
        items.append(h("li", office, " (", *span, ")"))
    return raw_block(h("ul", *items, class_="ex-roles"))


def people_ordered(ctx: Context) -> list[Person]:
    """Contrast-table speakers first, in their configured order, then everyone else by name."""
    speakers = ctx.data.settings.speakers
    others = sorted((p for p in ctx.data.people if p.id not in speakers), key=lambda p: (p.name, p.id))
    return [ctx.data.person[pid] for pid in speakers] + others


def people_index(ctx: Context) -> str:
    items = []
    for person in people_ordered(ctx):
        count = len(ctx.data.statements_by_speaker.get(person.id, ()))
        said = f"{count} quote" + ("" if count == 1 else "s")
        latest = person.roles[-1].title if person.roles else None
        items.append(
            h(
                "li",
                h("a", person.name, href=ctx.person_link(PEOPLE, person.id)),
                f", {latest}" if latest else None,
                f" ({said})",
            )
        )
    return (
        "\n\n".join(
            [
                front_matter(
                    {
                        "description": "The people in this explainer, their roles, and everything they are quoted saying."
                    }
                ),
                heading(1, "People"),
                raw_block(h("ul", *items, class_="ex-people")),
            ]
        )
        + "\n"
    )


def person_detail(ctx: Context, person: Person) -> str:
    page = person_page(person.id)
    statements = ctx.data.statements_by_speaker.get(person.id, ())
    blocks = [
        front_matter(
            {"description": f"Everything {person.name} is quoted saying in this explainer, with sources."}
        ),
        heading(1, person.name, "person"),
    ]
    if person.roles:
        blocks += [heading(2, "Roles"), _roles(person)]
    blocks.append(heading(2, "What they said"))
    if statements:
        blocks += [raw_block(quote_figure(ctx, page, statement)) for statement in statements]
    else:
        blocks.append(paragraph("No quotes from this person in our sources."))
    topic_ids = list(dict.fromkeys(link.topic for statement in statements for link in statement.quote.topics))
    others_blocks = []
    for topic_id in topic_ids:
        others = [s for s in ctx.data.statements_by_topic.get(topic_id, ()) if s.quote.speaker != person.id]
        if not others:
            continue
        topic = ctx.data.topic[topic_id]
        entries = [
            h(
                "li",
                h("a", ctx.data.person[s.quote.speaker].name, href=ctx.person_link(page, s.quote.speaker)),
                ": ",
                h("a", h("q", s.quote.text), href=ctx.quote_link(page, s)),
                " (",
                time_element(s.date),
                ")",
            )
            for s in others
        ]
        others_blocks += [
            heading(3, topic.question, f"others-on-{topic.id}"),
            raw_block(h("ul", *entries, class_="ex-others")),
        ]
    if others_blocks:
        blocks += [heading(2, "What others said on the same questions"), *others_blocks]
    return "\n\n".join(blocks) + "\n"
