"""check-sources: quotes checked against small articles written for these tests (tests/fixtures/articles)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.model import Citation
from generator.provenance import (
    Difference,
    Finding,
    Normalisation,
    SavedText,
    Verdict,
    check_citation,
    first_difference,
    prints,
    read_saved,
    text_from_html,
)
from tests.conftest import FIXTURES, edit

ARTICLES = FIXTURES / "articles"
N = Normalisation


@pytest.fixture(scope="module")
def courier() -> SavedText:
    return SavedText(read_saved(ARTICLES / "courier.txt"))


@pytest.fixture(scope="module")
def gazette() -> SavedText:
    return SavedText(read_saved(ARTICLES / "gazette.html"))


def check(saved: SavedText, words: str, prefix: str | None = None, suffix: str | None = None) -> Finding:
    return check_citation(saved, "q", 0, Citation(source="s", as_printed=words, prefix=prefix, suffix=suffix))


def test_exact_words_are_found_with_their_line(courier: SavedText) -> None:
    finding = check(courier, "Not by summer. Not this year")
    assert (finding.verdict, finding.normalisations, finding.line) == (Verdict.EXACT, (), 5)


@pytest.mark.parametrize(
    ("words", "needed", "line"),
    [
        ("the council's plan", (N.QUOTES,), 7),
        ("ambitious — perhaps too ambitious", (N.DASHES,), 7),
        ("ambitious -- perhaps too ambitious", (N.DASHES,), 7),
        ("ambitious - perhaps too ambitious", (N.DASHES,), 7),
        ("ambitious—perhaps", (N.DASHES, N.WHITESPACE), 7),
        ("We will wait... and we will see", (N.ELLIPSES,), 8),
        ("not final yet", (N.WHITESPACE,), 9),
        ("council meeting\nthe mayor", (N.WHITESPACE,), None),
        ("the bridge will open when it is safe", (N.CASE,), 10),
        ('"We will wait... and we will see,"', (N.QUOTES, N.ELLIPSES), 8),
    ],
)
def test_variants_name_the_normalisations_needed(
    courier: SavedText, words: str, needed: tuple[Normalisation, ...], line: int | None
) -> None:
    if line is None:  # words the article does not have: checked against text with a line break in them
        saved = SavedText("At the council meeting  \n  the mayor spoke.")
        finding = check(saved, "council meeting the mayor")
        assert (finding.verdict, finding.normalisations, finding.line) == (Verdict.VARIANT, needed, 1)
        return
    finding = check(courier, words)
    assert (finding.verdict, finding.normalisations, finding.line) == (Verdict.VARIANT, needed, line)


def test_a_no_break_space_is_whitespace_to_normalise() -> None:
    saved = SavedText("There will be no — I repeat — no mass deportations.")
    finding = check(saved, "no — I repeat —\u00a0no mass deportations.")
    assert (finding.verdict, finding.normalisations) == (Verdict.VARIANT, (N.WHITESPACE,))


def test_missing_words_come_with_the_closest_passage_and_a_score(courier: SavedText) -> None:
    finding = check(courier, "Not by autumn. Not this year.")
    assert (finding.verdict, finding.closest, finding.score) == (
        Verdict.MISSING,
        "Not by summer. Not this year.",
        0.86,
    )


def test_repeated_words_without_context_take_the_first_and_say_how_many(courier: SavedText) -> None:
    finding = check(courier, "We will see")
    assert (finding.verdict, finding.line, finding.occurrences) == (Verdict.EXACT, 11, 2)


def test_prefix_picks_the_second_occurrence(courier: SavedText) -> None:
    finding = check(courier, "We will see", prefix="the opening date, he said: “")
    assert (finding.verdict, finding.line, finding.occurrences) == (Verdict.EXACT, 12, 2)


def test_suffix_picks_the_first_occurrence(courier: SavedText) -> None:
    finding = check(courier, "We will see", suffix=",” he said of the budget")
    assert (finding.verdict, finding.line) == (Verdict.EXACT, 11)


def test_prefix_and_suffix_are_normalised_too(courier: SavedText) -> None:
    finding = check(courier, "we will see", prefix='opening date, he said: "', suffix=',"  and walked')
    assert (finding.verdict, finding.normalisations, finding.line) == (
        Verdict.VARIANT,
        (N.QUOTES, N.WHITESPACE, N.CASE),
        12,
    )


def test_context_found_nowhere_makes_the_quote_missing(courier: SavedText) -> None:
    finding = check(courier, "We will see", prefix="the closing date, he said: “")
    assert (finding.verdict, finding.closest, finding.score) == (
        Verdict.MISSING,
        "the opening date, he said: “We will see",
        0.92,
    )


def test_html_is_read_as_the_text_readers_see() -> None:
    text = text_from_html((ARTICLES / "gazette.html").read_text(encoding="utf-8"))
    assert text.splitlines() == [
        "Mayor: 'a bridge by summer' | The Gazette",
        "Mayor: ‘a bridge by summer’",
        "By Dee Reporter",
        "At Tuesday’s council meeting the mayor set a date for the new bridge.",
        "“We will have a bridge by summer — I promise.”",
        "Councillors applauded.",
    ]


def test_html_quotes_are_checked_and_scripts_navigation_and_footers_ignored(gazette: SavedText) -> None:
    assert check(gazette, "We will have a bridge by summer — I promise.").verdict == Verdict.EXACT
    for hidden in ("a bridge by spring", "The bridge by autumn", "the bridge by winter"):
        assert check(gazette, hidden).verdict == Verdict.MISSING


# --- the command ----------------------------------------------------------------------------------------------

MEETING = "data/events/2021-03-02-council-meeting.yaml"
VISIT = "data/events/2021-03-02-site-visit.yaml"


@pytest.fixture
def project(small_project: Path) -> Path:
    """The small fixture with saved copies of its sources in saved-sources/."""
    root = small_project
    saved = root / "saved-sources"
    saved.mkdir()
    shutil.copy(ARTICLES / "gazette.html", saved / "gazette-2021-03-02.html")
    shutil.copy(ARTICLES / "courier.txt", saved / "courier-2021-03-03.txt")
    shutil.copy(ARTICLES / "diario.txt", saved / "diario-2021-03-02.txt")
    return root


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check-sources", "--root", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


def test_command_reports_each_citation_and_a_summary(project: Path) -> None:
    code, out, err = run(project)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{MEETING}:19:21: quotes[0].citations[0].as_printed: exact in saved-sources/gazette-2021-03-02.html (line 5)",
        f"{MEETING}:21:21: quotes[0].citations[1].as_printed: variant in saved-sources/courier-2021-03-03.txt "
        "(line 6), after normalising case",
        # Words printed in another language than the quote's text are checked against their source too.
        f"{MEETING}:27:21: quotes[0].citations[2].as_printed: exact in saved-sources/diario-2021-03-02.txt (line 5)",
        f"{VISIT}:20:21: quotes[0].citations[0].as_printed: exact in saved-sources/courier-2021-03-03.txt (line 5)",
        "Checked 4 citations: 3 exact, 1 variant, 0 missing, 0 unchecked (no saved copy).",
    ]


def test_command_exits_1_on_a_missing_quote(project: Path) -> None:
    edit(project / VISIT, "Not by summer.", "Not by autumn.", count=2)
    code, out, _ = run(project)
    assert code == 1
    assert out.splitlines()[-2:] == [
        f"{VISIT}:20:21: quotes[0].citations[0].as_printed: missing from saved-sources/courier-2021-03-03.txt; "
        'closest passage (similarity 0.86): "Not by summer. Not this year."',
        "Checked 4 citations: 2 exact, 1 variant, 1 missing, 0 unchecked (no saved copy).",
    ]


def test_a_closest_passage_shows_what_cannot_be_seen(project: Path) -> None:
    edit(project / VISIT, "Not by summer.", "Not by autumn.", count=2)
    edit(project / "saved-sources/courier-2021-03-03.txt", "Not by summer.", "Not by\u200b summer.")
    _, out, _ = run(project)
    assert out.splitlines()[-2] == (
        f"{VISIT}:20:21: quotes[0].citations[0].as_printed: missing from saved-sources/courier-2021-03-03.txt; "
        'closest passage (similarity 0.86): "Not by\\u200B summer. Not this year."'
    )


def test_command_reports_citations_without_a_saved_copy_and_stray_files(project: Path) -> None:
    saved = project / "saved-sources"
    (saved / "gazette-2021-03-02.html").rename(saved / "gazette.html")
    code, out, err = run(project)
    assert code == 0
    assert err.splitlines() == [
        "saved-sources/gazette.html: not named after a source id (<source-id>.txt, .html or .htm); ignored"
    ]
    assert out.splitlines()[0] == (
        f"{MEETING}:19:21: quotes[0].citations[0].as_printed: unchecked: no saved copy of the source "
        "gazette-2021-03-02 in saved-sources"
    )
    assert (
        out.splitlines()[-1]
        == "Checked 4 citations: 2 exact, 1 variant, 0 missing, 1 unchecked (no saved copy)."
    )


def test_command_takes_another_folder(project: Path) -> None:
    (project / "saved-sources").rename(project / "copies")
    code, out, _ = run(project, "--saved", "copies")
    assert code == 0
    assert "exact in copies/gazette-2021-03-02.html (line 5)" in out.splitlines()[0]


def test_command_without_the_folder_says_what_to_do(project: Path) -> None:
    shutil.rmtree(project / "saved-sources")
    code, _, err = run(project)
    assert (code, err) == (
        1,
        "Error: no folder saved-sources: save copies of the sources there, named <source-id>.txt or .html\n",
    )


def test_command_refuses_to_choose_between_two_copies_of_a_source(project: Path) -> None:
    shutil.copy(ARTICLES / "courier.txt", project / "saved-sources" / "courier-2021-03-03.html")
    code, out, err = run(project)
    assert code == 0
    assert err.splitlines() == [
        "saved-sources/courier-2021-03-03.html, saved-sources/courier-2021-03-03.txt: more than one saved copy "
        "of the source courier-2021-03-03; keep one"
    ]
    assert (
        out.splitlines()[-1]
        == "Checked 4 citations: 2 exact, 0 variant, 0 missing, 2 unchecked (no saved copy)."
    )


def test_command_explains_a_copy_that_is_not_utf8(project: Path) -> None:
    (project / "saved-sources" / "courier-2021-03-03.txt").write_bytes("caf\xe9".encode("latin-1"))
    code, _, err = run(project)
    assert (code, err) == (
        1,
        "Error: saved-sources/courier-2021-03-03.txt: not UTF-8 text (unexpected end of data); save it as UTF-8\n",
    )


def test_a_hyphen_joining_words_is_not_a_dash() -> None:
    saved = SavedText("talks on the U.S.\u2013Mexico relationship")
    assert check(saved, "U.S.-Mexico relationship").verdict is Verdict.MISSING
    assert check(
        SavedText("the U.S.\u2010Mexico relationship"), "U.S.-Mexico relationship"
    ).normalisations == (N.DASHES,)


def test_invisible_characters_are_a_normalisation_of_their_own() -> None:
    finding = check(SavedText("Not by\u00ad sum\u200bmer."), "Not by summer.")
    assert (finding.verdict, finding.normalisations) == (Verdict.VARIANT, (N.INVISIBLE,))


@pytest.mark.parametrize(
    ("printing", "words", "printed"),
    [
        ("No, repeat, no, use of military force in immigration operations. None", "None", True),
        (
            "the legal justice system of the United States",
            "the legal justice system of the United States.",
            True,
        ),
        ("Not by summer. Not this year.", "Not by summer!", False),
        ("Not by summer. Not this year.", "not by summer", True),
        ("Not by summer. Not this year.", "Not by Summer", False),
        ("We're getting really bad dudes", "We\u2019re getting", True),
        ("no \u2014 I repeat \u2014\u00a0no mass deportations", "no -- I repeat -- no mass", True),
        ("Not by summer. Not this year.", "Not by\u200b summer", False),
    ],
)
def test_a_printing_holds_words_but_for_house_style(printing: str, words: str, printed: bool) -> None:
    assert prints(printing, words) is printed


def test_the_first_difference_names_the_characters_at_it() -> None:
    assert first_difference(
        "In the U.S.-Mexico relationship today", "U.S.\u2013Mexico relationship"
    ) == Difference(passage="U.S.-Mexico relationship", before="U.S.", in_words="\u2013", in_passage="-")
    assert first_difference("We will build the wall.", "no mass deportations") is None
