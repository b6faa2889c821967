"""The events in Knight Lab TimelineJS3's JSON format, for newsrooms that embed our timeline.

TimelineJS renders its ``headline`` and ``text`` fields as HTML, so every string is escaped: the body is built
as an element tree through :mod:`generator.markup`, headlines with :func:`generator.markup.html_escaped`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.dataset import Dataset
from generator.export.address import SiteAddress
from generator.i18n import Translator, translator
from generator.markup import Href, HtmlTemplate, h, html_escaped, raw_block
from generator.model import Event, SiteSettings
from generator.quote_translations import text_language, translation_note
from generator.sitemap import event_location

Slide = dict[str, Any]


def start_date(words: Translator, event: Event) -> dict[str, str]:
    """TimelineJS date fields, as far as the date (and the reported local time) is known."""
    date = event.date
    fields = {"year": str(date.year)}
    if date.month:
        fields["month"] = str(date.month)
    if date.day:
        fields["day"] = str(date.day)
        if event.time:
            fields["hour"] = str(event.time.hour)
            fields["minute"] = str(event.time.minute)
    display = words.date(date) + (f", {event.time.iso()}" if event.time and date.day else "")
    fields["display_date"] = html_escaped(display)
    return fields


_QUOTE = HtmlTemplate("<blockquote><p>{words}</p><p>{speaker}</p></blockquote>")
_QUOTE_IN = HtmlTemplate('<blockquote><p lang="{lang}">{words}</p><p>{speaker}</p></blockquote>')


def body(words: Translator, data: Dataset, site: SiteAddress | None, event: Event) -> str:
    """The slide text: what happened, the quotes with their speakers, and a link back to the published timeline."""
    parts = [h("p", event.summary)]
    for quote in event.quotes:
        speaker = f"— {data.person_by_id[quote.speaker].name}"
        note = translation_note(data, quote, words)
        if note:
            speaker += f" ({note})"
        quoted, language = f"“{quote.text}”", text_language(data, quote)
        if language == words.language:
            parts.append(_QUOTE(words=quoted, speaker=speaker))
        else:
            parts.append(_QUOTE_IN(words=quoted, speaker=speaker, lang=language))
    if site and site.root.startswith("https://"):
        link = Href.external(site.page(*event_location(event)))
        parts.append(h("p", h("a", words.t("Sources and every quote as printed"), href=link)))
    return "".join(raw_block(part) for part in parts)


def slide(words: Translator, data: Dataset, site: SiteAddress | None, event: Event) -> Slide:
    return {
        "unique_id": event.id,
        "start_date": start_date(words, event),
        "text": {"headline": html_escaped(event.title), "text": body(words, data, site, event)},
    }


def timeline(data: Dataset, site: SiteAddress | None, language: str = "en") -> dict[str, Any]:
    """``data/timelinejs.json``: a title slide and one slide per event, in order; dates and links in
    ``language``'s words."""
    words = translator(language)
    events = [slide(words, data, site, event) for event in data.events]
    return _document(words, data.settings.title, data.settings.summary, events)


def site_timeline(
    settings: SiteSettings, explainers: Sequence[tuple[Dataset, SiteAddress | None]], language: str = "en"
) -> dict[str, Any]:
    """The whole site's ``data/timelinejs.json``: the site's title slide, then every explainer's slides, each
    in the TimelineJS ``group`` of its explainer's title (TimelineJS shows a group per row and sorts the
    slides by date itself); each slide links to its explainer's timeline."""
    words = translator(language)
    events = [
        {**slide(words, data, at, event), "group": html_escaped(data.settings.title)}
        for data, at in explainers
        for event in data.events
    ]
    return _document(words, settings.title, settings.summary, events)


def _document(words: Translator, title: str, summary: str, events: list[Slide]) -> dict[str, Any]:
    return {
        "title": {"text": {"headline": html_escaped(title), "text": html_escaped(summary)}},
        "events": events,
        # TimelineJS's own option of that name (its interface's language); also the slides' language.
        "language": words.language,
    }
