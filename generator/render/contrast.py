"""The contrast table: rows are questions, columns are speakers, each cell what that speaker said."""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Sequence

from generator.dataset import Statement
from generator.i18n import N_
from generator.markup import (
    Html,
    fragment,
    front_matter,
    h,
    heading,
    markdown_page,
    paragraph,
    raw_block,
)
from generator.model import Stance
from generator.render.components import source_links, stance_label, stance_on
from generator.render.context import Context
from generator.render.lists import SEARCH_EXCLUDE, more_link
from generator.render.quote_words import quoted_text
from generator.sitemap import CONTRAST, topic_anchor

EMPTY_CELL = N_("No statement in our sources")
CELL_LIMIT = 3  # the latest quotes in a cell; earlier ones are on the question's page
CAPTION = N_("Each speaker's words on each question, exactly as a cited source printed them")
STANCE_MEANINGS = {
    Stance.AFFIRMS: N_("answers yes"),
    Stance.DENIES: N_("answers no"),
    Stance.QUALIFIES: N_("answers with a condition or a limit"),
}


def stance_legend(ctx: Context) -> Html:
    """What each stance badge means, to read before the table (a quote without a badge takes no side)."""
    items = [h("li", stance_label(ctx, stance), " ", ctx.t(STANCE_MEANINGS[stance])) for stance in Stance]
    return h(
        "div",
        h("p", ctx.t("How each quote answers its row's question:"), class_="ex-legend__title"),
        h("ul", *items),
        class_="ex-legend",
        **SEARCH_EXCLUDE,
    )


def _answers_first(statements: Sequence[Statement], topic_id: str) -> list[Statement]:
    """A cell's quotes with those that take a stance on its question first, each group in date order: the
    quote that answers the question opens the cell, not a preamble said before it."""
    return sorted(statements, key=lambda statement: stance_on(statement, topic_id) is None)


def latest_by_speaker(
    said: Sequence[Statement], speakers: Sequence[str]
) -> tuple[Counter[str], dict[str, deque[Statement]]]:
    """How many of ``said`` (a question's quotes) each of ``speakers`` (ids) said, and their latest
    :data:`CELL_LIMIT`, in order, which a cell of the table shows: one pass, nothing kept of the other quotes."""
    counts: Counter[str] = Counter()
    latest_said: dict[str, deque[Statement]] = {speaker: deque(maxlen=CELL_LIMIT) for speaker in speakers}
    for statement in said:
        theirs = latest_said.get(statement.quote.speaker)
        if theirs is not None:
            theirs.append(statement)
            counts[statement.quote.speaker] += 1
    return counts, latest_said


def contrast_table(ctx: Context, page: str, *, anchored: bool = True) -> Html:
    """The stance legend, then the table in its scrolling region; ``anchored`` gives rows ids (once per page)."""
    speakers = [ctx.data.person_by_id[speaker_id] for speaker_id in ctx.data.settings.speakers]
    head = h(
        "tr",
        h("th", ctx.t("Question"), scope="col"),
        *(
            h("th", h("a", person.name, href=ctx.person_link(page, person.id)), scope="col")
            for person in speakers
        ),
    )
    rows = []
    empty_cell = ctx.t(EMPTY_CELL)
    for topic in ctx.data.topics:
        said = ctx.data.statements_by_topic.get(topic.id, ())
        counts, latest_said = latest_by_speaker(said, ctx.data.settings.speakers)
        cells = [h("th", h("a", topic.question, href=ctx.topic_link(page, topic.id)), scope="row")]
        for person in speakers:
            shown = latest_said[person.id]
            if not shown:
                cells.append(h("td", h("span", empty_cell, class_="ex-empty"), data_speaker=person.name))
                continue
            earlier = counts[person.id] - len(shown)
            entries = []
            for statement in _answers_first(shown, topic.id):
                sources = [citation.source for citation in statement.quote.citations]
                entries.append(
                    h(
                        "li",
                        stance_label(ctx, stance_on(statement, topic.id)),
                        " ",
                        quoted_text(ctx, statement.quote),
                        " ",
                        h(
                            "span",
                            ctx.time(statement.date),
                            " · ",
                            *source_links(sources, ctx),
                            " · ",
                            h("a", ctx.t("in context"), href=ctx.quote_link(page, statement)),
                            class_="ex-cell__meta",
                        ),
                    )
                )
            if earlier:
                entries.append(h("li", more_link(ctx, page, earlier, topic.id), class_="ex-cell__more"))
            cells.append(h("td", h("ul", *entries, class_="ex-cell"), data_speaker=person.name))
        rows.append(h("tr", *cells, id=topic_anchor(topic.id) if anchored else None))
    table = h(
        "table",
        h("caption", ctx.t(CAPTION)),
        h("thead", head),
        h("tbody", *rows),
        class_="ex-contrast__table",
    )
    region = h(
        "div",
        table,
        class_="ex-contrast",
        role="region",
        aria_label=ctx.t("Who said what"),
        tabindex="0",
        **SEARCH_EXCLUDE,
    )
    return fragment(stance_legend(ctx), region)


def contrast_page(ctx: Context) -> str:
    names = [ctx.data.person_by_id[speaker].name for speaker in ctx.data.settings.speakers]
    description = ctx.t(
        "What {speakers} said on each question, side by side, with date and source.",
        speakers=", ".join(names),
    )
    return markdown_page(
        [
            front_matter({"description": description, "hide": ("toc",)}),  # the table needs the width
            heading(1, ctx.t("Who said what")),
            # The table's caption says what it holds; this says how to read it, once.
            paragraph(
                ctx.t(
                    "Every quote gives its date, its sources and a link to it in context, where each source's "
                    "printing is shown."
                )
            ),
            raw_block(contrast_table(ctx, CONTRAST)),
        ]
    )
