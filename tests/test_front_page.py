"""The front page's pieces, generated from copies of the small fixture: compact embeds, byline and dates, and
people named by the role they held at the time of the explainer's events."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bench.synth import SIZES, make_project
from generator.build import Project, generate, load_dataset
from generator.errors import DataError
from generator.outputs import Options
from generator.render.glance import GLANCE_SPEAKERS
from tests.conftest import ROOT, edit


def _pages(project: Path) -> Mapping[str, str]:
    return generate(Project(project), Options(site_url="https://example.org/small/"))


def _problems(project: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        generate(Project(project))
    return [str(problem) for problem in caught.value.problems]


def _description(page: str) -> str:
    line = next(line for line in page.splitlines() if line.startswith("description: "))
    return str(json.loads(line.removeprefix("description: ")))


def _with_a_later_role(project: Path) -> None:
    """The mayor becomes governor years after the fixture's events (2021): the latest role, but not hers then."""
    edit(
        project / "data/people.yaml",
        "        to: 2024-12-31\n",
        "        to: 2024-12-31\n      - title: Governor\n        from: 2025-01-01\n",
    )


def test_the_people_list_names_the_role_held_at_the_time_not_the_latest(small_project: Path) -> None:
    _with_a_later_role(small_project)
    people = BeautifulSoup(_pages(small_project)["people/index.md"], "html.parser")
    lines = [item.get_text() for item in people.select("ul.ex-people > li")]
    assert lines == [
        "Ana Mayor, Mayor (1 quote)",
        "Ben Engineer, Chief Engineer (1 quote)",
        "Cy Clerk (not quoted in our sources)",
    ]


def test_a_persons_description_names_the_role_held_at_the_time(small_project: Path) -> None:
    _with_a_later_role(small_project)
    pages = _pages(small_project)
    assert _description(pages["people/mayor.md"]) == (
        "What Ana Mayor (Mayor) is quoted saying in this explainer: 1 quote, each with its sources."
    )


def test_someone_not_quoted_is_named_by_the_role_held_at_the_events_they_took_part_in(
    small_project: Path,
) -> None:
    edit(
        small_project / "data/people.yaml",
        "    name: Cy Clerk\n",
        "    name: Cy Clerk\n    roles:\n      - title: Clerk\n        from: 2018-01-01\n        to: 2021-06-30\n"
        "      - title: Town Manager\n        from: 2021-07-01\n",
    )
    pages = _pages(small_project)
    assert "Cy Clerk</a>, Clerk (not quoted in our sources)" in pages["people/index.md"]
    assert _description(pages["people/clerk.md"]) == (
        "Cy Clerk (Clerk): no quotes in our sources for this explainer."
    )


def test_byline_and_dates_are_shown_and_given_to_search_engines(small_project: Path) -> None:
    home = _pages(small_project)["index.md"]
    byline = BeautifulSoup(home, "html.parser").select_one("p.ex-byline")
    assert byline is not None
    assert byline.get_text() == (
        "By Dee Editor and River Town Newsroom · Published 4 March 2021 · Updated 10 March 2021"
    )
    line = next(line for line in home.splitlines() if line.startswith("structured_data: "))
    article = json.loads(json.loads(line.removeprefix("structured_data: ")))
    assert article["datePublished"] == "2021-03-04"
    assert article["dateModified"] == "2021-03-10"  # the newest correction's date: not the clock
    assert article["author"] == [
        {"@type": "Person", "name": "Dee Editor"},
        {"@type": "Organization", "name": "River Town Newsroom", "url": "https://newsroom.example/"},
    ]


def test_an_updated_date_in_explainer_yaml_wins_over_the_corrections(small_project: Path) -> None:
    edit(
        small_project / "data/explainer.yaml",
        "published: 2021-03-04\n",
        "published: 2021-03-04\nupdated: 2021-05\n",
    )
    home = _pages(small_project)["index.md"]
    assert 'Updated <time datetime="2021-05">May 2021</time>' in home
    assert '\\"dateModified\\": \\"2021-05\\"' in home


def test_an_update_before_publication_is_refused(small_project: Path) -> None:
    edit(
        small_project / "data/explainer.yaml",
        "published: 2021-03-04\n",
        "published: 2021-03-04\nupdated: 2021-03-01\n",
    )
    assert _problems(small_project) == [
        "data/explainer.yaml:10:10: updated: an update (2021-03-01) before the publication (2021-03-04); "
        "expected a date on or after the published date"
    ]


def test_without_authors_or_dates_the_byline_gives_what_the_data_has(small_project: Path) -> None:
    settings = small_project / "data/explainer.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").split("authors:")[0], encoding="utf-8")
    home = _pages(small_project)["index.md"]
    assert '<p class="ex-byline" data-pagefind-ignore="">Updated <time datetime="2021-03-10">' in home
    assert 'datePublished\\": \\"2021-03-04' not in home
    assert "author" not in home
    (small_project / "data/corrections.yaml").write_text("corrections: []\n", encoding="utf-8")
    home = _pages(small_project)["index.md"]
    assert "ex-byline" not in home
    assert "dateModified" not in home


def test_side_by_side_sets_compact_quotes_next_to_each_other(small_project: Path) -> None:
    edit(
        small_project / "content/index.md",
        "{{ quote mayor-by-summer }}",
        "{{ side-by-side mayor-by-summer engineer-not-by-summer }}",
    )
    home = BeautifulSoup(_pages(small_project)["index.md"], "html.parser")
    pair = home.select_one("div.ex-side-by-side")
    assert pair is not None
    captions = [figure.figcaption.get_text() for figure in pair.select("figure.ex-quote--compact")]  # type: ignore[union-attr]
    assert captions == [
        "Ana Mayor, Mayor 2 March 2021, event 1 of 2 that day · The Gazette, The Courier, El Diario · Full quote "
        "and sources",
        "Ben Engineer, Chief Engineer 2 March 2021, 16:30+01:00 · The Courier · Full quote and sources"
        'Corrected on 10 March 2021: The engineer\'s quote now reads "Not by summer. Not this year." instead of '
        '"Not by the summer."',
    ]
    links = [a["href"] for a in pair.select("a.ex-permalink")]
    assert links == [
        "timeline/2021-03-02/#quote-mayor-by-summer",
        "timeline/2021-03-02/#quote-engineer-not-by-summer",
    ]


def test_a_page_shows_each_quote_card_once(small_project: Path) -> None:
    home = BeautifulSoup(_pages(small_project)["index.md"], "html.parser")
    # The quote embedded in the prose is not repeated by the day embedded below it, nor by the table.
    assert [figure.blockquote.get_text() for figure in home.select("figure")] == ["a bridge by summer"]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "The table:",
            "{{ quote mayor-by-summer }}",
            'content/index.md:7:1: embed: the quote "mayor-by-summer", already embedded on line 5; '
            "expected each quote embedded once on a page",
        ),
        (
            "The table:",
            "{{ side-by-side engineer-not-by-summer mayor-by-summer }}",
            'content/index.md:7:1: embed: the quote "mayor-by-summer", already embedded on line 5; '
            "expected each quote embedded once on a page",
        ),
        (
            "{{ quote mayor-by-summer }}",
            "{{ side-by-side mayor-by-summer mayor-by-summer }}",
            "content/index.md:5:1: embed: the quotes mayor-by-summer mayor-by-summer, one of them twice; "
            "expected each quote once",
        ),
        (
            "{{ quote mayor-by-summer }}",
            "{{ side-by-side mayor-by-summer }}",
            'content/index.md:5:1: embed: "side-by-side" with the arguments mayor-by-summer; expected an embed on '
            "a line of its own: {{ quote ID }}, {{ side-by-side ID ID }}, {{ byline }}, {{ questions }}, "
            "{{ contrast-table }} or {{ timeline-day YYYY-MM-DD }}",
        ),
        (
            "{{ quote mayor-by-summer }}",
            "{{ side-by-side mayor-by-summer mayor-by-autumn }}",
            'content/index.md:5:1: embed: the quote id "mayor-by-autumn", which is not defined; '
            "expected a quote id from data/events/",
        ),
        (
            "{{ contrast-table }}",
            "{{ byline now }}",
            'content/index.md:9:1: embed: "byline" with the arguments now; expected an embed on a line of its own: '
            "{{ quote ID }}, {{ side-by-side ID ID }}, {{ byline }}, {{ questions }}, {{ contrast-table }} or "
            "{{ timeline-day YYYY-MM-DD }}",
        ),
    ],
)
def test_embed_problems_are_named(small_project: Path, old: str, new: str, expected: str) -> None:
    edit(small_project / "content/index.md", old, new)
    assert _problems(small_project) == [expected]


def test_questions_at_a_glance_name_a_few_speakers_and_count_the_others(tmp_path: Path) -> None:
    """At scale the front page's questions would list every speaker of every question (1.4 MB at 30,000
    quotes): each names the first few and links the others on the question's page."""
    project = make_project(ROOT, tmp_path / "project", SIZES[2], seed=1)  # 1,000 quotes, 50 people
    data = load_dataset(Project(project))
    questions = BeautifulSoup(_pages(project)["index.md"], "html.parser").select("ul.ex-questions > li")
    assert len(questions) == len(data.topics)
    counted = 0
    for topic, item in zip(data.topics, questions, strict=True):
        speakers = {s.quote.speaker for s in data.statements_by_topic.get(topic.id, ())}
        names = item.select("ul.ex-questions__who > li")
        if len(speakers) <= GLANCE_SPEAKERS:
            assert len(names) == len(speakers)
            continue
        counted += 1
        *named, others = names
        assert len(named) == GLANCE_SPEAKERS
        assert others.get_text() == f"and {len(speakers) - GLANCE_SPEAKERS} others"
        assert others.a is not None and others.a["href"] == f"topics/{topic.id}/"
    assert counted > 0
