"""Printings that differ show where: the differing words and marks are marked, a final period included."""

from __future__ import annotations

from bs4 import BeautifulSoup

from generator.build import Project, generate
from generator.render.printings import compared, marked_printings
from tests.conftest import ROOT
from tests.html import one, text_of

WITH_PERIOD = "Everything we do in DHS will be done legally."
WITHOUT = "Everything we do in DHS will be done legally"


def test_a_final_period_is_the_one_difference_marked() -> None:
    assert compared(WITH_PERIOD, WITHOUT) == ([(WITHOUT, False), (".", True)], [(WITHOUT, False)])
    assert marked_printings([WITH_PERIOD, WITHOUT]) == [
        f'{WITHOUT}<mark class="ex-diff">.</mark>',
        WITHOUT,
    ]


def test_changed_words_and_dashes_are_marked_whole_and_escaped() -> None:
    first, second = marked_printings(["no — I repeat — no <mass>", "no, repeat, no <mass>"])
    assert (
        first == 'no <mark class="ex-diff">— I</mark> repeat <mark class="ex-diff">—</mark> no &lt;mass&gt;'
    )
    assert second == 'no<mark class="ex-diff">,</mark> repeat<mark class="ex-diff">,</mark> no &lt;mass&gt;'


def test_with_three_printings_each_is_compared_with_the_first_that_differs() -> None:
    assert marked_printings(["a b.", "a b", "a c"]) == [
        'a b<mark class="ex-diff">.</mark>',
        "a b",
        'a <mark class="ex-diff">c</mark>',
    ]


def test_identical_printings_show_no_marks() -> None:
    assert marked_printings(["same words", "same words"]) == ["same words", "same words"]


def test_kellys_two_printings_show_the_period_one_of_them_adds() -> None:
    day = BeautifulSoup(generate(Project(ROOT))["timeline/2017-02-23.md"], "html5lib")
    printed = one(day, "#quote-kelly-legally-and-human-rights .ex-quote__printed")
    assert text_of(one(printed, ".ex-quote__printed-title")) == (
        "The sources print these words differently (differences marked)"
    )
    marks = [[mark.get_text() for mark in item.select("mark.ex-diff")] for item in printed.select("li")]
    assert marks == [["."], []]
