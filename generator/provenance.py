"""Check each citation against a saved copy of its source: exact, variant (after which normalisations) or missing.

Saved copies are plain text or HTML files in a folder (``saved-sources/`` by default, never committed), named
after the source id: ``<source-id>.txt``, ``.html`` or ``.htm``. HTML is read as text, without scripts, styles,
navigation, headers and footers. A citation's ``prefix``/``suffix`` (as in the W3C TextQuoteSelector) pick the
right occurrence of words that the source prints more than once.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from html.parser import HTMLParser
from pathlib import Path

from generator.dataset import Dataset
from generator.errors import visible
from generator.load import LoadedData
from generator.model import Citation
from generator.yamlfile import FieldPath, LoadedFile

SAVED_SUFFIXES = (".txt", ".html", ".htm")


class Verdict(StrEnum):
    EXACT = "exact"
    VARIANT = "variant"
    MISSING = "missing"
    UNCHECKED = "unchecked"


class Normalisation(StrEnum):
    """What may differ between two printings of the same words, in the order they are applied."""

    QUOTES = "quotes and apostrophes"
    DASHES = "dashes and hyphens"
    ELLIPSES = "ellipses"
    INVISIBLE = "invisible characters"
    WHITESPACE = "whitespace"
    CASE = "case"


# --- text with a map back to the original -------------------------------------------------------------------


@dataclass(frozen=True)
class Mapped:
    """Text after some normalisations, with the offset in the original text of each of its characters."""

    text: str
    origin: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Mapped:
        return cls(text, tuple(range(len(text))))

    def sub(self, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]) -> Mapped:
        """Like ``pattern.sub``; each replacement character maps to where its match began."""
        pieces: list[str] = []
        origin: list[int] = []
        last = 0
        for match in pattern.finditer(self.text):
            start, end = match.span()
            pieces.append(self.text[last:start])
            origin.extend(self.origin[last:start])
            replacement = replace(match)
            pieces.append(replacement)
            origin.extend([self.origin[start]] * len(replacement))
            last = end
        pieces.append(self.text[last:])
        origin.extend(self.origin[last:])
        return Mapped("".join(pieces), tuple(origin))

    def lower(self) -> Mapped:
        pieces = [char.lower() for char in self.text]
        origin = [at for piece, at in zip(pieces, self.origin, strict=True) for _ in piece]
        return Mapped("".join(pieces), tuple(origin))


_SINGLE_QUOTES = re.compile("[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]")
_DOUBLE_QUOTES = re.compile("[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]")
_DASH_CHARS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212-"
_HYPHENS = re.compile("[\u2010\u2011]")
# A dash sets words apart: any dash character, a doubled hyphen, or a hyphen with a space (or the end) on one
# side. A hyphen between two characters joins them, as in U.S.-Mexico: spelling, not a dash, so it stays.
_DASHES = re.compile("--+|[\u2012\u2013\u2014\u2015\u2212]|(?<!\\S)-|-(?!\\S)")
_ELLIPSES = re.compile(r"\u2026|\.[ \u00a0]?\.[ \u00a0]?\.")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"\s+")
_SPACES_BY_DASH = re.compile(f"\\s*((?:--+|[{_DASH_CHARS}]))\\s*")


def _normalise(text: Mapped, kind: Normalisation) -> Mapped:
    if kind is Normalisation.QUOTES:
        return text.sub(_SINGLE_QUOTES, lambda _: "'").sub(_DOUBLE_QUOTES, lambda _: '"')
    if kind is Normalisation.DASHES:
        return text.sub(_HYPHENS, lambda _: "-").sub(_DASHES, lambda _: "\u2014")
    if kind is Normalisation.ELLIPSES:
        return text.sub(_ELLIPSES, lambda _: "...")
    if kind is Normalisation.INVISIBLE:
        return text.sub(_INVISIBLE, lambda _: "")
    if kind is Normalisation.WHITESPACE:
        # Any run of spaces (no-break spaces and line breaks included) is one space; spacing around a dash is
        # a matter of house style, so it goes.
        return text.sub(_SPACES, lambda _: " ").sub(_SPACES_BY_DASH, lambda match: match[1])
    return text.lower()


def normalised(text: str, kinds: frozenset[Normalisation]) -> Mapped:
    """``text`` with the given normalisations applied, in their fixed order."""
    mapped = Mapped.of(text)
    for kind in Normalisation:
        if kind in kinds:
            mapped = _normalise(mapped, kind)
    return mapped


# --- reading saved copies -----------------------------------------------------------------------------------


_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "svg"})
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "td", "th"}
    | {"section", "article", "figure", "figcaption", "dd", "dt", "pre", "table", "main", "aside", "hr"}
)


class _TextExtractor(HTMLParser):
    """The text a reader of the article sees: no scripts, styles, navigation, headers or footers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def text_from_html(html: str) -> str:
    """The visible text of an HTML page, one block element per line."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = (line.strip(" \t") for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def read_saved(path: Path) -> str:
    """A saved copy's text: HTML as readers see it, plain text as it is. Raises UnicodeDecodeError if not UTF-8."""
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    return text_from_html(text) if path.suffix.lower() in {".html", ".htm"} else text


def saved_copies(folder: Path, source_ids: Sequence[str], shown: Path) -> tuple[dict[str, Path], list[str]]:
    """Each source id's saved copy in ``folder``, and problems (named as in ``shown``, the folder as the user
    wrote it): a source with two copies, files that match no source."""
    found: dict[str, list[Path]] = {}
    unmatched: list[str] = []
    known = set(source_ids)
    files = sorted(folder.iterdir()) if folder.is_dir() else []
    for path in files:
        if path.is_file() and path.suffix.lower() in SAVED_SUFFIXES and path.stem in known:
            found.setdefault(path.stem, []).append(path)
        elif path.is_file() and not path.name.startswith("."):
            unmatched.append(
                f"{shown / path.name}: not named after a source id (<source-id>.txt, .html or .htm); ignored"
            )
    problems = [
        f"{', '.join(str(shown / path.name) for path in paths)}: more than one saved copy of the source {source_id}; keep one"
        for source_id, paths in sorted(found.items())
        if len(paths) > 1
    ]
    return {
        source_id: paths[0] for source_id, paths in found.items() if len(paths) == 1
    }, problems + unmatched


# --- finding the words ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """What a saved copy says about one citation."""

    quote_id: str
    citation_index: int
    citation: Citation
    verdict: Verdict
    normalisations: tuple[Normalisation, ...] = ()
    line: int | None = None  # where the words were found, in the saved copy's text
    occurrences: int = 0  # how many times the words occur (before prefix/suffix pick one)
    closest: str | None = None  # for a missing citation: the most similar passage
    score: float | None = None  # and how similar it is, from 0 to 1


@dataclass(frozen=True)
class _Match:
    start: int
    occurrences: int


class SavedText:
    """A saved copy's text, with its normalised forms computed once each."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._forms: dict[frozenset[Normalisation], Mapped] = {}

    def form(self, kinds: frozenset[Normalisation]) -> Mapped:
        if kinds not in self._forms:
            self._forms[kinds] = normalised(self.text, kinds)
        return self._forms[kinds]

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def find(self, citation: Citation, kinds: frozenset[Normalisation]) -> _Match | None:
        """The occurrence of the words (in their prefix/suffix context, when given) under ``kinds``."""
        haystack = self.form(kinds)
        words = normalised(citation.as_printed, kinds).text
        starts = list(_occurrences(haystack.text, words))
        fitting = [
            start
            for start in starts
            if _fits(haystack.text, start, len(words), citation.prefix, citation.suffix, kinds)
        ]
        if not fitting:
            return None
        return _Match(haystack.origin[fitting[0]], len(starts))


def _occurrences(text: str, words: str) -> Iterator[int]:
    start = text.find(words)
    while start >= 0 and words:
        yield start
        start = text.find(words, start + 1)


def _fits(
    text: str,
    start: int,
    length: int,
    prefix: str | None,
    suffix: str | None,
    kinds: frozenset[Normalisation],
) -> bool:
    """Whether the text around an occurrence matches the citation's prefix and suffix (spaces at the join aside)."""
    if prefix is not None:
        before = normalised(prefix, kinds).text.rstrip()
        if not text[:start].rstrip().endswith(before):
            return False
    if suffix is not None:
        after = normalised(suffix, kinds).text.lstrip()
        if not text[start + length :].lstrip().startswith(after):
            return False
    return True


ALL = frozenset(Normalisation)


def check_citation(saved: SavedText, quote_id: str, index: int, citation: Citation) -> Finding:
    """Exact, variant (with the fewest normalisations needed) or missing (with the closest passage)."""
    exact = saved.find(citation, frozenset())
    if exact:
        return Finding(
            quote_id, index, citation, Verdict.EXACT, (), saved.line_of(exact.start), exact.occurrences
        )
    if saved.find(citation, ALL) is None:
        closest, score = closest_passage(saved, citation)
        return Finding(quote_id, index, citation, Verdict.MISSING, closest=closest, score=score)
    needed = set(ALL)
    for kind in Normalisation:
        if saved.find(citation, frozenset(needed - {kind})) is not None:
            needed.discard(kind)
    match = saved.find(citation, frozenset(needed))
    assert match is not None  # found with ALL, and each step kept it found
    used = tuple(kind for kind in Normalisation if kind in needed)
    return Finding(
        quote_id, index, citation, Verdict.VARIANT, used, saved.line_of(match.start), match.occurrences
    )


def closest_passage(saved: SavedText, citation: Citation) -> tuple[str, float]:
    """The passage of the saved copy most like the words (with their context), and its similarity (0–1)."""
    target = "".join(part or "" for part in (citation.prefix, citation.as_printed, citation.suffix))
    start, end, score = closest_span(saved, target)
    return " ".join(saved.text[start:end].split()), score


def closest_span(saved: SavedText, target: str) -> tuple[int, int, float]:
    """Where in the saved text the passage most like ``target`` begins and ends, and its similarity (0–1)."""
    words = normalised(target, ALL).text
    haystack = saved.form(ALL)
    size = len(words)
    if not haystack.text or not size:
        return 0, 0, 0.0
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(words)

    def score(start: int, length: int) -> float:
        matcher.set_seq1(haystack.text[start : start + length])
        return matcher.ratio()

    step = max(1, size // 4)
    last = max(0, len(haystack.text) - size)
    best = max(range(0, last + step, step), key=lambda start: (score(min(start, last), size), -start))
    best = min(best, last)
    # Refine around the best window, one character at a time, and let its length vary a little.
    spread = range(max(0, best - step), min(last, best + step) + 1)
    lengths = sorted({max(1, size + delta) for delta in (-size // 5, -size // 10, 0, size // 10, size // 5)})
    candidates = [(start, length) for start in spread for length in lengths]
    start, length = max(candidates, key=lambda pair: (score(*pair), -pair[0], -pair[1]))
    end = min(len(haystack.origin), start + length) - 1
    return haystack.origin[start], haystack.origin[end] + 1, round(score(start, length), 2)


def check_sources(data: Dataset, copies: dict[str, str]) -> list[Finding]:
    """Every citation in the data, checked against its source's saved copy (source id → text) where there is one."""
    texts = {source_id: SavedText(text) for source_id, text in copies.items()}
    return [
        check_citation(texts[citation.source], statement.quote.id, index, citation)
        if citation.source in texts
        else Finding(statement.quote.id, index, citation, Verdict.UNCHECKED)
        for statement in data.statements
        for index, citation in enumerate(statement.quote.citations)
    ]


def summary(findings: Sequence[Finding]) -> str:
    """``Checked 12 citations: 8 exact, 2 variant, 1 missing, 1 unchecked (no saved copy).``"""
    counts = Counter(finding.verdict for finding in findings)
    noun = "citation" if len(findings) == 1 else "citations"
    return (
        f"Checked {len(findings)} {noun}: {counts[Verdict.EXACT]} exact, {counts[Verdict.VARIANT]} variant, "
        f"{counts[Verdict.MISSING]} missing, {counts[Verdict.UNCHECKED]} unchecked (no saved copy)."
    )


# --- reporting ------------------------------------------------------------------------------------------------


def _finding_report(finding: Finding, copy: Path | None, folder: Path) -> str:
    where = f"line {finding.line}" if finding.line else ""
    if finding.occurrences > 1:
        anchored = finding.citation.prefix is not None or finding.citation.suffix is not None
        where += (
            f"; the words occur {finding.occurrences} times, prefix/suffix pick this one"
            if anchored
            else f"; the words occur {finding.occurrences} times: add a prefix or suffix to say which"
        )
    if finding.verdict is Verdict.EXACT:
        return f"exact in {copy} ({where})"
    if finding.verdict is Verdict.VARIANT:
        used = ", ".join(finding.normalisations)
        return f"variant in {copy} ({where}), after normalising {used}"
    if finding.verdict is Verdict.MISSING:
        return f'missing from {copy}; closest passage (similarity {finding.score:.2f}): "{finding.closest}"'
    return f"unchecked: no saved copy of the source {finding.citation.source} in {folder}"


def report_lines(
    loaded: LoadedData, findings: Sequence[Finding], copies: dict[str, Path], folder: Path
) -> list[str]:
    """One line per citation, ``file:line:column: field: verdict ...``, as editors see validation errors."""
    quotes: dict[str, tuple[LoadedFile, FieldPath]] = {}
    for file in loaded.events:
        items = file.data.get("quotes") if isinstance(file.data, dict) else None
        for index, item in enumerate(items or ()):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                quotes.setdefault(item["id"], (file, ("quotes", index)))
    lines = []
    for finding in findings:
        file, at = quotes[finding.quote_id]
        path: FieldPath = (*at, "citations", finding.citation_index, "as_printed")
        problem = file.problem(path, "", "")
        description = _finding_report(finding, copies.get(finding.citation.source), folder)
        lines.append(
            visible(f"{problem.path}:{problem.line}:{problem.column}: {problem.field}: {description}")
        )
    return lines


# --- a quote's text in each of its citations -----------------------------------------------------------------

QUOTED_WORDS = frozenset(
    {Normalisation.QUOTES, Normalisation.DASHES, Normalisation.ELLIPSES, Normalisation.WHITESPACE}
)
"""What may differ between a quote's text and a citation's ``as_printed``: house style, never a character of a
word (so not a hyphen, an invisible character or the case of a letter inside the words)."""

# Below this similarity the closest passage of a printing is not like the words at all: showing it would mislead.
_CLOSE = 0.7
# Beyond these lengths the search for the closest passage costs too much for a message.
_MAX_COMPARED_WORDS = 600
_MAX_COMPARED_PRINTING = 6_000


def prints(printing: str, words: str) -> bool:
    """Whether ``printing`` holds ``words``: exactly, or but for :data:`QUOTED_WORDS`, the case of their first
    letter, and punctuation at their two ends that the printing leaves out, or prints where the words have
    none (the words may end at "None" where a source prints "None,"; not at "summer!" where it prints "summer.")."""
    if words in printing:
        return True
    printed = normalised(printing, QUOTED_WORDS).text
    head, core, tail = _edges(normalised(words, QUOTED_WORDS).text)
    if not core:
        return False
    for candidate in {core, core[0].upper() + core[1:], core[0].lower() + core[1:]}:
        for start in _occurrences(printed, candidate):
            before, after = _punctuation_around(printed, start, start + len(candidate))
            if (not before or before.endswith(head)) and (not after or after.startswith(tail)):
                return True
    return False


def _is_edge(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def _word_bounds(text: str) -> tuple[int, int]:
    """Where the words of ``text`` begin and end, without the punctuation and spaces at its two ends."""
    start, end = 0, len(text)
    while start < end and _is_edge(text[start]):
        start += 1
    while end > start and _is_edge(text[end - 1]):
        end -= 1
    return start, end


def _edges(text: str) -> tuple[str, str, str]:
    """``text`` as the punctuation at its start, the words, and the punctuation at its end."""
    start, end = _word_bounds(text)
    return text[:start].strip(), text[start:end], text[end:].strip()


def _punctuation_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The punctuation just before ``start`` and just after ``end`` in ``text``."""
    before, after = start, end
    while before > 0 and unicodedata.category(text[before - 1]).startswith("P"):
        before -= 1
    while after < len(text) and unicodedata.category(text[after]).startswith("P"):
        after += 1
    return text[before:start], text[end:after]


@dataclass(frozen=True)
class Difference:
    """Where words first differ from the passage of a printing most like them."""

    passage: str  # the closest passage, as printed
    before: str  # the words just before the first difference (empty at their start)
    in_words: str | None  # the words' character there; None where the words end
    in_passage: str | None  # the passage's character there; None where the passage ends


def first_difference(printing: str, words: str) -> Difference | None:
    """The passage of ``printing`` most like ``words`` and where the two first differ (but for
    :data:`QUOTED_WORDS` and the case of the first letter); None when no passage is like them."""
    if len(words) > _MAX_COMPARED_WORDS or len(printing) > _MAX_COMPARED_PRINTING:
        return None
    start, end, score = closest_span(SavedText(printing), words)
    if score < _CLOSE:
        return None
    passage = printing[start:end]
    text = normalised(words, QUOTED_WORDS)
    printed = normalised(passage, QUOTED_WORDS)
    first_letter = _word_bounds(text.text)[0]
    at = next(
        (
            index
            for index, (mine, theirs) in enumerate(zip(text.text, printed.text, strict=False))
            if mine != theirs and not (index == first_letter and mine.lower() == theirs.lower())
        ),
        min(len(text.text), len(printed.text)),
    )
    where = text.origin[at] if at < len(text.text) else len(words)
    return Difference(
        passage=passage,
        before=words[:where],
        in_words=words[where] if at < len(text.text) else None,
        in_passage=passage[printed.origin[at]] if at < len(printed.text) else None,
    )
