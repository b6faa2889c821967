"""A site's editions, one per language: the main one at the site's root, each other in a folder named by its
language (``/es/``), every page mirrored there at the same path under it.

mkdocs.yml lists them under the explainer plugin's ``editions`` option, the main one first::

    plugins:
      - explainer:
          editions:
            - {language: en, locale: en_US}
            - {language: es, locale: es_MX, config: mkdocs.es.yml}

Each other edition is a second MkDocs build of its own config file, which INHERITs mkdocs.yml and changes
what is said in its language (``theme.language``, ``site_name``, the nav). Its hand-written pages are those of
``content/<language>/``; a page not written there yet is the main edition's. A project without ``editions``
is one edition, as it always was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from babel import Locale, UnknownLocaleError

from generator import siteconfig
from generator.errors import DataError, Problem
from generator.reading import Content
from generator.siteconfig import found_value, setting_problem

OPTION = ("plugins", "explainer", "editions")
_LANGUAGE = re.compile(r"[a-z]{2,3}")
_LOCALE = re.compile(r"[a-z]{2,3}_[A-Z]{2}")
_Item = TypeVar("_Item")


@dataclass(frozen=True)
class Edition:
    """One language of the site: ``language`` is the pages' ``<html lang>`` and the theme's language,
    ``locale`` the Open Graph locale (``language_TERRITORY``), ``config_file`` what it is built from, relative
    to the project, and ``folder`` where it lives in the site (empty for the main edition, else ``es/``)."""

    language: str
    locale: str
    config_file: str
    folder: str

    @property
    def main(self) -> bool:
        return not self.folder

    @property
    def name(self) -> str:
        """The language's name in itself, as a switch to it shows it: "English", "Español"."""
        name = Locale.parse(self.language).get_display_name(self.language) or self.language
        return name[:1].upper() + name[1:]

    def template_values(self) -> dict[str, str | bool]:
        """What the theme's templates read of the edition being built (``extra.explainer_edition``)."""
        return {"language": self.language, "locale": self.locale, "main": self.main}


def read_editions(config_file: Path) -> tuple[Edition, ...]:
    """The editions mkdocs.yml lists, main first; none when it lists none (a one-language site).

    Raises DataError naming the setting, with its line and column, for every entry that is wrong.
    """
    options = siteconfig.plugin_options(siteconfig.load_config(config_file), "explainer")
    entries = options.get("editions") if isinstance(options, dict) else None
    if entries is None:
        return ()
    return parse_editions(entries, config_file)


def parse_editions(entries: object, config_file: Path) -> tuple[Edition, ...]:
    """The ``editions`` option as read from ``config_file`` (see :func:`read_editions`)."""
    problems: list[Problem] = []

    def problem(keys: tuple[str | int, ...], found: str, expected: str) -> None:
        problems.append(setting_problem(config_file, (*OPTION, *keys), found, expected))

    if not isinstance(entries, list) or not entries:
        problem((), found_value(entries), "a list of the site's languages, the main one first")
        raise DataError(problems)
    editions: list[Edition] = []
    seen: set[object] = set()
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            problem(
                (index,), found_value(entry), "a mapping with language, locale and (but for the first) config"
            )
            continue
        language = entry.get("language")
        if isinstance(language, str) and language in seen:
            problem((index, "language"), f'"{language}" again', "each language once")
        seen.add(language)
        edition = _edition(entry, index, config_file, problem)
        if edition is not None:
            editions.append(edition)
    if problems:
        raise DataError(problems)
    return tuple(editions)


def _edition(
    entry: Mapping[str, Any],
    index: int,
    config_file: Path,
    problem: Callable[[tuple[str | int, ...], str, str], None],
) -> Edition | None:
    """Entry ``index`` of the list as an Edition; None when it is wrong (``problem`` has been told why, each
    setting by its keys from the list)."""
    known = {"language", "locale"} | ({"config"} if index else set())
    for name in sorted(set(entry) - known):
        problem((index, str(name)), f"an unknown setting {name!r}", f"one of {', '.join(sorted(known))}")
    language, locale = entry.get("language"), entry.get("locale")
    wrong = False
    if not (isinstance(language, str) and _LANGUAGE.fullmatch(language) and _known_language(language)):
        problem(
            (index, "language"), found_value(language), "a language code of two or three small letters, as es"
        )
        wrong = True
    if not (isinstance(locale, str) and _LOCALE.fullmatch(locale)):
        problem((index, "locale"), found_value(locale), "a locale written language_TERRITORY, as es_MX")
        wrong = True
    elif not wrong and not locale.startswith(f"{language}_"):
        problem((index, "locale"), f'"{locale}"', f"a locale of the language {language}, as {language}_XX")
        wrong = True
    if not index:
        return None if wrong else Edition(str(language), str(locale), config_file.name, "")
    config = entry.get("config")
    if not (isinstance(config, str) and config.endswith((".yml", ".yaml")) and "/" not in config):
        problem(
            (index, "config"),
            found_value(config),
            "the name of a config file beside this one, as mkdocs.es.yml",
        )
        wrong = True
    elif not (config_file.parent / config).is_file():
        problem((index, "config"), f'"{config}", which does not exist', "a config file beside this one")
        wrong = True
    return None if wrong else Edition(str(language), str(locale), str(config), f"{language}/")


def _known_language(code: str) -> bool:
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return False
    return True


def edition_content(content: Content, editions: Sequence[Edition], language: str | None) -> Content:
    """The hand-written pages and files of one edition (``language``; None: the main one).

    The main edition's are the content folder's less the other editions' folders. Another edition's are its
    own folder's, at the same paths as the main ones they translate, and the main edition's for what it does
    not have yet.
    """
    folders = tuple(edition.folder for edition in editions if not edition.main)
    edition = next((edition for edition in editions if edition.language == language), None)
    folder = edition.folder if edition is not None and not edition.main else None

    def of_edition(items: Mapping[str, _Item]) -> dict[str, _Item]:
        found = {path: item for path, item in items.items() if not path.startswith(folders)}
        if folder is not None:
            found |= {path[len(folder) :]: item for path, item in items.items() if path.startswith(folder)}
        return dict(sorted(found.items()))

    return Content(of_edition(content.pages), of_edition(content.files), content.problems)
