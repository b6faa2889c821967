"""With several explainers: the people they share, on pages at the site's root, each person's quotes grouped by
explainer (one :class:`Context` per explainer, all holding the same people)."""

from __future__ import annotations

from collections.abc import Sequence

from generator.markup import front_matter, h, heading, markdown_page, paragraph, raw_block
from generator.model import Person
from generator.render.context import Context
from generator.render.lists import figures, latest, statement_lines, unindexed
from generator.render.people import PERSON_FIGURES_LIMIT, roles_list
from generator.sitemap import PEOPLE, person_path


def _quoted_in(contexts: Sequence[Context], person_id: str) -> list[Context]:
    return [ctx for ctx in contexts if person_id in ctx.data.statements_by_speaker]


def shared_people_index(contexts: Sequence[Context]) -> str:
    """Everyone in the registry by name, with how often and in how many explainers they are quoted."""
    registry = contexts[0]
    items = []
    for person in sorted(registry.data.people, key=lambda p: (p.name, p.id)):
        quoted = _quoted_in(contexts, person.id)
        said = sum(len(ctx.data.statements_by_speaker[person.id]) for ctx in quoted)
        count = registry.t(
            "{quotes} in {explainers}",
            quotes=registry.nt("{count} quote", "{count} quotes", said),
            explainers=registry.nt("{count} explainer", "{count} explainers", len(quoted)),
        )
        items.append(
            h(
                "li",
                h("a", person.name, href=registry.person_link(PEOPLE, person.id)),
                " (" + (count if said else registry.t("not quoted in our sources")) + ")",
            )
        )
    return markdown_page(
        [
            front_matter(
                {
                    "description": registry.t(
                        "The people in these explainers, their roles, and what they said."
                    )
                }
            ),
            heading(1, registry.t("People")),
            raw_block(h("ul", *items, class_="ex-people")),
        ]
    )


def _person_page(contexts: Sequence[Context], person: Person) -> str:
    page = person_path(person.id)
    words = contexts[0]  # every context speaks the site's language
    quoted = _quoted_in(contexts, person.id)
    titles = ", ".join(f"“{ctx.data.settings.title}”" for ctx in quoted)
    description = (
        words.t("{name}: quoted in {titles}.", name=person.name, titles=titles)
        if quoted
        else words.t("{name}: not quoted yet.", name=person.name)
    )
    blocks = [front_matter({"description": description}), heading(1, person.name, "person")]
    if person.roles:
        blocks += [heading(2, words.t("Roles")), roles_list(words, person)]
    blocks.append(heading(2, words.t("What they said")))
    if not quoted:
        blocks.append(paragraph(words.t("No quotes from this person in our sources.")))
    for ctx in quoted:
        statements = ctx.data.statements_by_speaker[person.id]
        earlier, shown = latest(statements, PERSON_FIGURES_LIMIT)
        home = ctx.link(page, "index.md")
        blocks += [
            heading(3, ctx.data.settings.title, f"in-{ctx.explainer}"),
            raw_block(
                h("p", h("a", ctx.t("The explainer: {title}", title=ctx.data.settings.title), href=home))
            ),
            raw_block(figures(ctx, page, shown, ctx.t("Quotes in {title}", title=ctx.data.settings.title))),
        ]
        if earlier:
            lines = statement_lines(ctx, page, earlier, class_="ex-earlier", speaker=False)
            blocks.append(raw_block(unindexed(h("h4", ctx.t("Earlier statements")), lines)))
    return markdown_page(blocks)


def shared_person_pages(contexts: Sequence[Context]) -> dict[str, str]:
    """Every person's page, by path: their roles, and their quotes in each explainer that quotes them."""
    return {person_path(person.id): _person_page(contexts, person) for person in contexts[0].data.people}
