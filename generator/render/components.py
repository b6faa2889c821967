"""Pieces shared by several pages: a quote with its provenance, dates, stances, lists of links."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from generator.dataset import Statement
from generator.i18n import N_
from generator.markup import EMPTY, Href, Html, HtmlTemplate, fragment, h, with_attribute
from generator.model import Event, Quote, RelationType, Stance, TopicLink
from generator.quote_translations import text_language, translation_note
from generator.render.context import Context
from generator.render.corrections import correction_note
from generator.render.printings import marked_printings
from generator.render.quote_words import printed, quoted_text, text_lang
from generator.sitemap import quote_anchor

# Messages (generator/i18n.py): each is translated where it is shown.
STANCE_LABELS = {
    Stance.AFFIRMS: N_("Affirms"),
    Stance.DENIES: N_("Denies"),
    Stance.QUALIFIES: N_("Qualifies"),
}
RELATION_LABELS = {
    RelationType.CONTRADICTS: N_("Contradicts"),
    RelationType.CLARIFIES: N_("Clarifies"),
    RelationType.WALKS_BACK: N_("Walks back"),
    RelationType.REPEATS: N_("Repeats"),
}
INCOMING_RELATION_LABELS = {
    RelationType.CONTRADICTS: N_("Contradicted by"),
    RelationType.CLARIFIES: N_("Clarified by"),
    RelationType.WALKS_BACK: N_("Walked back by"),
    RelationType.REPEATS: N_("Repeated by"),
}


_STANCE = HtmlTemplate('<span class="ex-stance ex-stance--{kind}">{label}</span>')
# Search finds a quote on its day's page by any word printed there: its words, its setting, and every source's
# printing. The rest of its figure (data-pagefind-ignore) would repeat in every result. data-pagefind-title makes
# the figure a result of its own, which links to its id; copies of a quote on other pages are left out of search.
_FIGURE = HtmlTemplate(
    '<figure class="ex-quote" id="{anchor}" data-pagefind-title="{title}">{words}{details}</figure>'
)
_UNANCHORED_FIGURE = HtmlTemplate(
    '<figure class="ex-quote" data-pagefind-ignore="">{words}{details}</figure>'
)
_WORDS = HtmlTemplate('<blockquote class="ex-quote__text"><p>{words}</p></blockquote>')
_WORDS_IN = HtmlTemplate('<blockquote class="ex-quote__text" lang="{lang}"><p>{words}</p></blockquote>')
# Right under the words, before who said them: these are not the speaker's own words.
_TRANSLATION = HtmlTemplate('<p class="ex-quote__translation">{note}</p>')
_CAPTION = HtmlTemplate(
    '<figcaption class="ex-quote__caption" data-pagefind-ignore=""><a href="{person}" class="ex-speaker">{name}</a>'
    '{role} · <a href="{event}">{date}</a> · <a href="{event}">{title}</a></figcaption>'
)
_CONTEXT = HtmlTemplate('<p class="ex-quote__context">{text}</p>')
_PERMALINK = HtmlTemplate(
    '<p class="ex-quote__permalink" data-pagefind-ignore=""><a href="{link}" class="ex-permalink">{label}</a></p>'
)
_TOPIC = HtmlTemplate('<li><a href="{link}">{question}</a>{stance}</li>')
_PRINTED = HtmlTemplate(
    '<li><cite><a href="{url}">{outlet}</a></cite> <span data-pagefind-ignore="">({archived}'
    '<a href="{details}">{details_label}</a>)</span>: {words}</li>'
)
_ARCHIVED = HtmlTemplate('<a href="{url}">{label}</a>, ')
_TOPICS = HtmlTemplate(
    '<ul class="ex-quote__topics" aria-label="{label}" data-pagefind-ignore="">{items}</ul>'
)
_PRINTINGS = HtmlTemplate(
    '<div class="ex-quote__printed"><p class="ex-quote__printed-title" data-pagefind-ignore="">{heading}</p>'
    "<ul>{items}</ul></div>"
)
_RELATIONS = HtmlTemplate(
    '<ul class="ex-quote__relations" aria-label="{label}" data-pagefind-ignore="">{items}</ul>'
)
_RELATION = HtmlTemplate(
    '<li><span class="ex-relation ex-relation--{kind}">{label}</span> <a href="{link}">{speaker}: {words}</a>'
    ". {note}</li>"
)


def joined(items: Sequence[Html | str], separator: str = ", ") -> list[Html | str]:
    """``[a, ", ", b, ", ", c]``: items with separators between them."""
    result: list[Html | str] = []
    for index, item in enumerate(items):
        if index:
            result.append(separator)
        result.append(item)
    return result


def stance_label(ctx: Context, stance: Stance | None) -> Html | None:
    """The stance in words (never colour alone)."""
    if stance is None:
        return None
    return _STANCE(kind=stance.value, label=ctx.t(STANCE_LABELS[stance]))


def stance_on(statement: Statement, topic_id: str) -> Stance | None:
    return next((link.stance for link in statement.quote.topics if link.topic == topic_id), None)


def source_links(source_ids: Iterable[str], ctx: Context) -> list[Html | str]:
    """Each source's outlet, linked to the article itself: every quote is one click from its source."""
    sources = [ctx.data.source_by_id[source_id] for source_id in dict.fromkeys(source_ids)]
    links: list[Html | str] = [h("a", source.outlet, href=Href.external(source.url)) for source in sources]
    return joined(links)


def quote_figure(ctx: Context, page: str, statement: Statement, *, anchored: bool = True) -> Html:
    """A quote as readers see it everywhere: words, speaker and role, date, event, every source's version."""
    quote, event = statement.quote, statement.event
    person = ctx.data.person_by_id[quote.speaker]
    role = person.role_on(statement.date)
    event_link = ctx.event_link(page, event)
    caption = _CAPTION(
        person=ctx.person_link(page, person.id),
        name=person.name,
        role=f", {role.title}" if role else "",
        event=event_link,
        date=ctx.time(event.date),
        title=event.title,
    )
    # The link to share is the quote's own page, which a link preview shows as this quote (not its whole day).
    link_here = ctx.quote_page_link(page, quote.id) if anchored else ctx.quote_link(page, statement)
    label = ctx.t("Link to this quote") if anchored else ctx.t("This quote in context")
    note = correction_note(ctx, page, "quotes", quote.id)
    details = fragment(
        caption,
        _CONTEXT(text=quote.context) if quote.context else None,
        with_attribute(note, "data-pagefind-ignore", "") if note is not None else None,
        _topics(ctx, page, quote.topics),
        _printed(ctx, page, statement),
        _relations(ctx, page, statement),
        _PERMALINK(link=link_here, label=label),
    )
    words = _words(ctx, quote)
    if anchored:
        title = f"{person.name}: “{quote.text}”"
        return _FIGURE(anchor=quote_anchor(quote.id), title=title, words=words, details=details)
    return _UNANCHORED_FIGURE(words=words, details=details)


def _words(ctx: Context, quote: Quote) -> Html:
    """The quote's words as a block quotation, in their language, and what translation they are, if one."""
    lang = text_lang(ctx, quote)
    words = _WORDS(words=quote.text) if lang is None else _WORDS_IN(words=quote.text, lang=lang)
    note = translation_note(ctx.data, quote, ctx.words)
    return fragment(words, _TRANSLATION(note=note[0].upper() + note[1:])) if note else words


def _topics(ctx: Context, page: str, links: Sequence[TopicLink]) -> Html:
    items = []
    for link in links:
        topic = ctx.data.topic_by_id[link.topic]
        label = stance_label(ctx, link.stance)
        stance = fragment(" ", label) if label is not None else EMPTY
        items.append(_TOPIC(link=ctx.topic_link(page, topic.id), question=topic.question, stance=stance))
    return _TOPICS(label=ctx.t("Questions this quote answers"), items=fragment(*items))


def _printed(ctx: Context, page: str, statement: Statement) -> Html:
    """Each cited source with the words exactly as it printed them, so transcription variants are visible;
    printings in the language of the quote's text are compared, those in another shown as they are."""
    quote = statement.quote
    citations = quote.citations
    language = text_language(ctx.data, quote)
    compared = [index for index, citation in enumerate(citations) if citation.holds_text(language)]
    differ = len({citations[index].as_printed for index in compared}) > 1
    heading = (
        ctx.t("The sources print these words differently (differences marked)")
        if differ
        else ctx.t("As printed")
    )
    printings = marked_printings([citations[index].as_printed for index in compared])
    marked = dict(zip(compared, printings, strict=True))
    items = []
    for index, citation in enumerate(citations):
        source = ctx.data.source_by_id[citation.source]
        # Where the original may have moved, the archived copy is one click away too.
        archived = (
            _ARCHIVED(url=Href.external(source.archive_url), label=ctx.t("archived copy"))
            if source.archive_url
            else EMPTY
        )
        items.append(
            _PRINTED(
                url=Href.external(source.url),
                outlet=source.outlet,
                archived=archived,
                details=ctx.source_link(page, source.id),
                details_label=ctx.t("details"),
                words=printed(ctx, quote, citation, marked.get(index)),
            )
        )
    return _PRINTINGS(heading=heading, items=fragment(*items))


def _relations(ctx: Context, page: str, statement: Statement) -> Html | None:
    """The quote's relations to others: those it makes, then those others make to it."""
    related = [
        (RELATION_LABELS[relation.type], ctx.data.statement_by_id[relation.quote], relation)
        for relation in statement.quote.relations
    ] + [
        (INCOMING_RELATION_LABELS[incoming.relation.type], incoming.statement, incoming.relation)
        for incoming in ctx.data.incoming_relations.get(statement.quote.id, ())
    ]
    if not related:
        return None
    items = [
        _RELATION(
            kind=relation.type.value,
            label=ctx.t(label),
            link=ctx.quote_link(page, other),
            speaker=ctx.data.person_by_id[other.quote.speaker].name,
            words=quoted_text(ctx, other.quote),
            note=relation.note,
        )
        for label, other, relation in related
    ]
    return _RELATIONS(label=ctx.t("How this quote relates to others"), items=fragment(*items))


_COMPACT_FIGURE = HtmlTemplate(
    '<figure class="ex-quote ex-quote--compact" data-pagefind-ignore="">{words}'
    '<figcaption class="ex-quote__caption" data-pagefind-ignore=""><a href="{person}" class="ex-speaker">{name}</a>'
    '{role} <span class="ex-quote__when">{when} · {sources} · '
    '<a href="{link}" class="ex-permalink">{full}</a></span>{note}</figcaption></figure>'
)


def compact_quote(ctx: Context, page: str, statement: Statement) -> Html:
    """A quote for prose: words, speaker and the role that day, when, its sources, and a link to the full quote
    (its setting, every source's printing and its relations stay on the day's page)."""
    quote = statement.quote
    person = ctx.data.person_by_id[quote.speaker]
    role = person.role_on(statement.date)
    return _COMPACT_FIGURE(
        words=_words(ctx, quote),
        person=ctx.person_link(page, person.id),
        name=person.name,
        role=f", {role.title}" if role else "",
        when=fragment(*when_in_day(ctx, statement.event)),
        sources=fragment(*source_links((c.source for c in quote.citations), ctx)),
        link=ctx.quote_link(page, statement),
        full=ctx.t("Full quote and sources"),
        note=correction_note(ctx, page, "quotes", quote.id) or EMPTY,
    )


def when_in_day(ctx: Context, event: Event) -> list[Html | str]:
    """``23 February 2017, 15:10-06:00``, or ``23 February 2017, event 1 of 4 that day``: the time if known,
    else the event's place in its day (only the order is certain when no time was published)."""
    said: list[Html | str] = [ctx.time(event.date)]
    if event.time is not None:
        return [*said, ", ", h("time", event.time.iso(), datetime=event.time.iso())]
    day = next((events for date, events in ctx.data.days if date == event.date), ())
    if event.date.precision == "day" and len(day) > 1:
        said += [
            ", ",
            # Translators: where no time of day is known, the event's place among its day's events.
            ctx.t("event {number} of {count} that day", number=day.index(event) + 1, count=len(day)),
        ]
    return said
