"""The words readers see around the data, in the site's language: gettext catalogs read with Babel.

Each language has one catalog, ``generator/locale/LANG/LC_MESSAGES/explainer.po``, read as it is when a build
first asks for that language: no compiled ``.mo`` in git and no compile step, so a translator's edit to a
``.po`` file shows in the next build. English is a catalog like any other (its messages are their own
translations), so its wording can change without touching code. docs/translating.md has the workflow.

Renderers never call this module directly: they ask their :class:`~generator.render.context.Context`
(``ctx.t``, ``ctx.nt``, ``ctx.date``), which holds the :class:`Translator` of the site's language.
"""

from __future__ import annotations

import functools
import gettext
import io
import string
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from types import MappingProxyType

from babel import Locale
from babel.dates import DateTimePattern, parse_pattern
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from generator.dates import PartialDate
from generator.markup import Html

DOMAIN = "explainer"
LANGUAGES = ("en", "es")
# The calls `pybabel extract` and the catalog tests look for (docs/translating.md): ctx.t(message),
# ctx.pieces(message), ctx.nt(singular, plural, n), and N_(message) for a message named in a table and
# translated where it is shown.
KEYWORDS: Mapping[str, tuple[int, ...] | None] = MappingProxyType(
    {"t": None, "pieces": None, "nt": (1, 2), "N_": None}
)


def N_(message: str) -> str:  # noqa: N802 (gettext's own name for the marker)
    """Mark ``message`` for the catalog where it is defined; it is translated where it is shown."""
    return message


# Date patterns (Unicode CLDR, as babel.dates reads them) are messages too, so each language writes its own.
# Translators: CLDR date patterns (day, month, year, day with its weekday); text in 'quotes' is kept.
_DAY = N_("d MMMM y")
_MONTH = N_("MMMM y")
_YEAR = N_("y")
_WEEKDAY = N_("EEEE d MMMM y")


@dataclass(frozen=True)
class Translator:
    """One language's messages and date patterns."""

    language: str
    messages: gettext.GNUTranslations
    locale: Locale
    patterns: Mapping[str, DateTimePattern]

    def t(self, message: str, **values: str | int) -> str:
        """``message`` in this language, its ``{name}`` fields filled from ``values``."""
        text = self.messages.gettext(message)
        return text.format(**values) if values else text

    def pieces(self, message: str, **values: Html | str) -> list[Html | str]:
        """``message`` in this language as text and markup, each ``{name}`` field replaced by ``values[name]``
        (markup such as a link or a date stays markup; the text is escaped where it is written)."""
        result: list[Html | str] = []
        for text, name, _, _ in string.Formatter().parse(self.messages.gettext(message)):
            if text:
                result.append(text)
            if name is not None:
                result.append(values[name])
        return result

    def nt(self, singular: str, plural: str, count: int, **values: str | int) -> str:
        """The form for ``count`` (``1 quote``, ``2 quotes``); ``{count}`` and ``values`` fill its fields."""
        return self.messages.ngettext(singular, plural, count).format(count=count, **values)

    def date(self, date: PartialDate) -> str:
        """``23 February 2017``, ``February 2017`` or ``2017``, at the date's precision."""
        pattern = _DAY if date.day else _MONTH if date.month else _YEAR
        return self.patterns[pattern].apply(date.start, self.locale)

    def day(self, date: PartialDate) -> str:
        """A date with its weekday, as a sentence names it: ``Thursday 23 February 2017`` (Spanish ``jueves 23
        de febrero de 2017``); a month or a year as :meth:`date` writes it."""
        return self.patterns[_WEEKDAY].apply(date.start, self.locale) if date.day else self.date(date)

    def day_title(self, date: PartialDate) -> str:
        """:meth:`day` as a heading or a link's title starts, with a capital in every language."""
        text = self.day(date)
        return text[:1].upper() + text[1:]


def catalog_path(language: str) -> str:
    """Where a language's catalog is, inside the package."""
    return f"locale/{language}/LC_MESSAGES/{DOMAIN}.po"


@functools.lru_cache(maxsize=len(LANGUAGES))
def translator(language: str) -> Translator:
    """The translator for ``language`` (one of :data:`LANGUAGES`), read from its catalog once per process."""
    if language not in LANGUAGES:
        raise ValueError(f"no catalog for the language {language!r}; there are {', '.join(LANGUAGES)}")
    text = files("generator").joinpath(catalog_path(language)).read_bytes()
    catalog = read_po(io.BytesIO(text), locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    messages = gettext.GNUTranslations(compiled)
    patterns = {key: parse_pattern(messages.gettext(key)) for key in (_DAY, _MONTH, _YEAR, _WEEKDAY)}
    return Translator(language, messages, Locale.parse(language), MappingProxyType(patterns))


def theme_words(language: str, site_name: str) -> dict[str, str]:
    """The words of the theme's own templates (overrides/: the footer, the 404 page, the feed's link) in
    ``language``. Templates cannot read a catalog, so each engine's config hands these to them as
    ``extra.explainer_words``."""
    words = translator(language)
    return {
        "corrections": words.t("Corrections"),
        "made_with": words.t("Made with"),
        "feed_title": words.t("{title}: events", title=site_name),
        "not_found_title": words.t("Page not found"),
        "not_found_text": words.t(
            "There is no page at this address. The link may be mistyped, or the page may have moved."
        ),
        "not_found_pages": words.t("These pages may help:"),
        "not_found_search": words.t("You can also use the search at the top of the page."),
    }
