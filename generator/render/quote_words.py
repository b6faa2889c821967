"""A quote's words as HTML wherever a page shows them: a ``lang`` attribute where their language is not the
page's (WCAG 3.1.2), and a translation marked as one, never as the speaker's own words."""

from __future__ import annotations

from generator.markup import Html, HtmlTemplate, fragment
from generator.model import Citation, Quote
from generator.quote_translations import citation_note, printed_language, text_language, translation_note
from generator.render.context import Context

_Q = HtmlTemplate("<q>{words}</q>")
_Q_IN = HtmlTemplate('<q lang="{lang}">{words}</q>')
_NOTE = HtmlTemplate(' <span class="ex-translated">({note})</span>')


def words_in(ctx: Context, words: Html | str, language: str) -> Html:
    """``<q>`` around words in ``language``, with ``lang`` when that is not the page's."""
    if language == ctx.language:
        return _Q(words=words)
    return _Q_IN(words=words, lang=language)


def text_lang(ctx: Context, quote: Quote) -> str | None:
    """The ``lang`` attribute of an element holding the quote's text: None in the page's language."""
    language = text_language(ctx.data, quote)
    return None if language == ctx.language else language


def quoted_text(ctx: Context, quote: Quote) -> Html:
    """The quote's text in ``<q>``, followed by what translation it is, if it is one: `` (ABC News's
    translation from Spanish)``."""
    words = words_in(ctx, quote.text, text_language(ctx.data, quote))
    note = translation_note(ctx.data, quote, ctx.words)
    return fragment(words, _NOTE(note=note)) if note else words


def printed(ctx: Context, quote: Quote, citation: Citation, words: Html | None = None) -> Html:
    """A source's printing in ``<q>`` (``words``: the printing with its differences marked), then what
    translation it is and the original words, where the data has them."""
    language = printed_language(ctx.data, quote, citation)
    shown = words_in(ctx, citation.as_printed if words is None else words, language)
    note = citation_note(ctx.data, citation, ctx.words)
    if note is None:
        return shown
    translation = citation.translation
    if translation is not None and translation.original is not None:
        original = words_in(ctx, translation.original, translation.original_language)
        with_original = fragment(
            *ctx.pieces("{note}; original words: {original}", note=note, original=original)
        )
        return fragment(shown, _NOTE(note=with_original))
    return fragment(shown, _NOTE(note=note))
