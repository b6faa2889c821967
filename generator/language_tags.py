"""Language tags (BCP 47): which are valid, how each is written, and a language's name for readers."""

from __future__ import annotations

import functools

import langcodes
from babel import Locale, UnknownLocaleError

LANGUAGE_TAG_EXPECTED = "a language code such as en, es or es-MX (BCP 47)"


def language_tag_problem(tag: str) -> str | None:
    """What is expected instead of ``tag``, or None when it is a valid tag written in its standard form.

    One spelling per language (``es-MX``, not ``es_MX``, ``ES-mx`` or ``spa-MX``), so that a quote's language
    compares equal to the page's whenever they are the same language.
    """
    if not langcodes.tag_is_valid(tag):
        return LANGUAGE_TAG_EXPECTED
    standard = langcodes.standardize_tag(tag)
    if standard != tag:
        return f'the language tag written "{standard}"'
    return None


@functools.lru_cache(maxsize=256)
def language_name(tag: str, in_language: str) -> str:
    """``es`` → ``Spanish`` when written in ``en``, from CLDR's names; a tag CLDR has no name for, as it is."""
    try:
        names = Locale.parse(in_language, sep="-").languages
    except (ValueError, UnknownLocaleError):
        names = Locale("en").languages
    language = langcodes.Language.get(tag)
    with_region = f"{language.language}_{language.territory}" if language.territory else None
    return names.get(with_region or "") or names.get(language.language or "") or tag
