"""The contrast table: rows are questions, columns are speakers, each cell what that speaker said."""

from __future__ import annotations

from generator.dataset import grouped
from generator.markup import Html, front_matter, h, heading, markdown_page, paragraph, raw_block, time_element
from generator.render.components import source_links, stance_label, stance_on
from generator.render.context import Context
from generator.render.lists import SEARCH_EXCLUDE, latest, more_link
from generator.sitemap import CONTRAST, topic_anchor

EMPTY_CELL = "No statement in our sources"
CELL_LIMIT = 3  # the latest quotes in a cell; earlier ones are on the question's page


def contrast_table(ctx: Context, page: str, *, anchored: bool = True) -> Html:
    """The table as one element; ``anchored`` gives rows ids (only once per page)."""
    speakers = [ctx.data.person_by_id[speaker_id] for speaker_id in ctx.data.settings.speakers]
    head = h(
        "tr",
        h("th", "Question", scope="col"),
        *(
            h("th", h("a", person.name, href=ctx.person_link(page, person.id)), scope="col")
            for person in speakers
        ),
    )
    rows = []
    for topic in ctx.data.topics:
        said = ctx.data.statements_by_topic.get(topic.id, ())
        by_speaker = grouped((statement.quote.speaker, statement) for statement in said)
        cells = [h("th", h("a", topic.question, href=ctx.topic_link(page, topic.id)), scope="row")]
        for person in speakers:
            statements = by_speaker.get(person.id, ())
            if not statements:
                cells.append(h("td", h("span", EMPTY_CELL, class_="ex-empty"), data_speaker=person.name))
                continue
            earlier, shown = latest(statements, CELL_LIMIT)
            entries = []
            for statement in shown:
                sources = [citation.source for citation in statement.quote.citations]
                entries.append(
                    h(
                        "li",
                        stance_label(stance_on(statement, topic.id)),
                        " ",
                        h("q", statement.quote.text),
                        " ",
                        h(
                            "span",
                            time_element(statement.date),
                            " · ",
                            *source_links(sources, ctx),
                            " · ",
                            h("a", "in context", href=ctx.quote_link(page, statement)),
                            class_="ex-cell__meta",
                        ),
                    )
                )
            if earlier:
                entries.append(h("li", more_link(ctx, page, len(earlier), topic.id), class_="ex-cell__more"))
            cells.append(h("td", h("ul", *entries, class_="ex-cell"), data_speaker=person.name))
        rows.append(h("tr", *cells, id=topic_anchor(topic.id) if anchored else None))
    caption = (
        "Who said what, question by question. Each cell quotes the speaker exactly as a source printed it."
    )
    table = h(
        "table", h("caption", caption), h("thead", head), h("tbody", *rows), class_="ex-contrast__table"
    )
    return h(
        "div",
        table,
        class_="ex-contrast",
        role="region",
        aria_label="Who said what",
        tabindex="0",
        **SEARCH_EXCLUDE,
    )


def contrast_page(ctx: Context) -> str:
    names = [ctx.data.person_by_id[speaker].name for speaker in ctx.data.settings.speakers]
    description = f"What {', '.join(names)} said on each question, side by side, with date and source."
    return markdown_page(
        [
            front_matter({"description": description, "hide": ("toc",)}),  # the table needs the width
            heading(1, "Who said what"),
            paragraph(
                "Each row is a question, each column a speaker. A cell quotes the speaker's words exactly as a "
                "cited source printed them, with the date and a link to the quote in context."
            ),
            raw_block(contrast_table(ctx, CONTRAST)),
            paragraph(
                "Stances: "
                + ", ".join(["Affirms", "Denies", "Qualifies"])
                + " describe how a quote answers the row's question."
            ),
        ]
    )
