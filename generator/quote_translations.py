"""What readers are told about the language of a quote's words: which language they are in, and whether they
are a translation (by whom, from which language), so that a translation is never shown as the speaker's own
words. Every page, picture and export that shows a quote's words asks here."""

from __future__ import annotations

from generator.dataset import Dataset
from generator.i18n import Translator
from generator.language_tags import language_name
from generator.model import Citation, Quote, QuoteTranslation, TranslatedBy


def text_language(data: Dataset, quote: Quote) -> str:
    """The language of the quote's text: its own ``language``, or the explainer's main language."""
    return quote.language or data.settings.main_language


def printed_language(data: Dataset, quote: Quote, citation: Citation) -> str:
    """The language of a citation's ``as_printed``."""
    return citation.printed_language(text_language(data, quote))


def text_translations(data: Dataset, quote: Quote) -> tuple[tuple[Citation, QuoteTranslation], ...]:
    """The translations the quote's text is: each outlet's that printed it as its translation, and ours."""
    language = text_language(data, quote)
    return tuple(
        (citation, citation.translation)
        for citation in quote.citations
        if citation.translation is not None and (citation.translated_by_us or citation.holds_text(language))
    )


def _translation_note(
    data: Dataset, citation: Citation, translation: QuoteTranslation, words: Translator
) -> str:
    language = language_name(translation.original_language, words.language)
    if translation.by is TranslatedBy.US:
        return words.t("our translation from {language}", language=language)
    outlet = data.source_by_id[citation.source].outlet
    return words.t("{outlet}'s translation from {language}", outlet=outlet, language=language)


def translation_note(data: Dataset, quote: Quote, words: Translator) -> str | None:
    """``ABC News's translation from Spanish``, ``our translation from Spanish`` (several joined with ``;``):
    what the quote's text is, in ``words``' language; None when no source says it is a translation."""
    notes = [
        _translation_note(data, citation, translation, words)
        for citation, translation in text_translations(data, quote)
    ]
    return "; ".join(dict.fromkeys(notes)) or None


def citation_note(data: Dataset, citation: Citation, words: Translator) -> str | None:
    """What one source's printing is: ``ABC News's translation from Spanish``; for the words we translated,
    ``the original, in Spanish, of our translation``; None when the source does not say it translated."""
    translation = citation.translation
    if translation is None:
        return None
    if translation.by is TranslatedBy.US:
        language = language_name(translation.original_language, words.language)
        return words.t("the original, in {language}, of our translation", language=language)
    return _translation_note(data, citation, translation, words)


def with_note(words: str, note: str | None) -> str:
    """``words (ABC News's translation from Spanish)`` for plain text (a description, a picture, a feed)."""
    return f"{words} ({note})" if note else words
