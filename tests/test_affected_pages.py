"""Which pages an edit of the data affects, and that the live preview, making only those again, makes the same
files as a full generation (the data exports aside: it keeps the last full generation's)."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from bench.synth import Size, dump, make_project
from generator.affected_pages import EVERY_PAGE, AffectedPages, affected_pages, hand_written_unchanged
from generator.build import Project, generate_for_preview, generate_site, load_dataset
from generator.dates import PartialDate
from generator.export import DOWNLOADS
from generator.load import ParsedFiles, load_data
from generator.outputs import Options, site_files
from generator.sitemap import (
    CONTRAST,
    PEOPLE,
    SITE_SHARE_IMAGE,
    SOURCES,
    TIMELINE,
    TOPICS,
    quote_share_image,
)
from generator.validate import CheckedFiles
from tests.conftest import ROOT, copy_project, edit

MEETING = "data/events/2021-03-02-council-meeting.yaml"
VISIT = "data/events/2021-03-02-site-visit.yaml"
VOTE = "data/events/2021-04-council-vote.yaml"
OPTIONS = Options(site_url="https://example.org/small/")
EXPORTS = frozenset(download.path for download in DOWNLOADS)
# Enough quotes per question (about 50) that most of them are on no other speaker's page; too many events for
# the timeline's picture of them all (generator.render.timeline_svg.WHOLE_PICTURE_MAX_EVENTS).
SIZE = Size("test", quotes=300, events=48, people=12, topics=6)

Event = dict[str, Any]


def _affected(root: Path, change: Callable[[Path], object]) -> AffectedPages:
    before = load_dataset(Project(root))
    change(root)
    return affected_pages(before, load_dataset(Project(root)))


def test_a_quotes_words_affect_its_pages_and_those_of_the_quotes_it_relates_to(small_project: Path) -> None:
    found = _affected(small_project, lambda root: edit(root / MEETING, "by summer", "by autumn", count=3))
    # engineer-not-by-summer contradicts mayor-by-summer: its figure shows the mayor's words.
    assert found == AffectedPages(
        quotes=frozenset({"mayor-by-summer", "engineer-not-by-summer"}),
        days=frozenset({PartialDate(2021, 3, 2)}),
        people=frozenset({"mayor", "engineer"}),
        topics=frozenset({"timetable", "cost"}),
        source_days=frozenset({PartialDate(2021, 3, 2), PartialDate(2021, 3, 3)}),
        # The timeline draws every quote on a site this small; the contrast table shows this one.
        unchanged=frozenset({"no_event", "speakers", "stances"}),
    )


def test_an_event_without_quotes_affects_its_day_and_the_people_described_by_its_date(
    small_project: Path,
) -> None:
    found = _affected(
        small_project, lambda root: edit(root / VOTE, "title: The council votes", "title: The council voted")
    )
    assert found == AffectedPages(
        quotes=frozenset(),
        days=frozenset({PartialDate(2021, 4)}),
        people=frozenset(),
        topics=frozenset(),
        source_days=frozenset(),
        unchanged=frozenset({"no_event", "speakers", "stances", "contrast"}),
    )
    moved = _affected(small_project, lambda root: edit(root / VOTE, "date: 2021-04", "date: 2021-03"))
    assert moved == EVERY_PAGE  # a day came and another went
    invited = _affected(
        small_project, lambda root: edit(root / VOTE, "sources:", "participants: [clerk]\nsources:")
    )
    # The clerk, never quoted, is described by the dates of the events she took part in.
    assert invited.people == frozenset({"clerk"})


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("data/people.yaml", "Chief Engineer", "City Engineer"),
        ("data/topics.yaml", "What will it cost?", "What will it cost the town?"),
        ("data/sources.yaml", "gazette-2021-03-02", "gazette-2021-03-02"),  # unchanged: no page affected
        ("data/explainer.yaml", "title: ", "title: The "),
        (MEETING, "id: mayor-by-summer", "id: mayor-by-june"),
        (VISIT, "date: 2021-03-02", "date: 2021-03-05"),
    ],
)
def test_anything_but_an_event_or_a_page_that_comes_or_goes_affects_every_page(
    small_project: Path, file: str, old: str, new: str
) -> None:
    def change(root: Path) -> None:
        edit(root / file, old, new)
        if "mayor-by-june" in new:  # what refers to the quote follows it
            edit(root / VISIT, "quote: mayor-by-summer", "quote: mayor-by-june")

    found = _affected(small_project, change)
    assert (found == EVERY_PAGE) is (old != new)


def test_an_event_added_or_removed_affects_every_page(small_project: Path) -> None:
    text = (small_project / VOTE).read_text(encoding="utf-8")
    assert _affected(small_project, lambda root: (root / VOTE).unlink()) == EVERY_PAGE
    assert (
        _affected(small_project, lambda root: (root / VOTE).write_text(text, encoding="utf-8")) == EVERY_PAGE
    )


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic project of 300 quotes, whose events the tests below change in a copy each."""
    return make_project(ROOT, tmp_path_factory.mktemp("synthetic") / "project", SIZE, seed=3)


def _events(root: Path) -> list[tuple[Path, Event]]:
    paths = sorted((root / "data/events").glob("*.yaml"))
    return [(path, yaml.safe_load(path.read_text(encoding="utf-8"))) for path in paths]


def _with_quotes(root: Path, index: int) -> tuple[Path, Event]:
    """The ``index``-th event that has quotes (negative: from the last)."""
    return [(path, event) for path, event in _events(root) if event.get("quotes")][index]


def _words(root: Path, index: int = 3) -> None:
    """The words of the first quote of the ``index``-th event that has quotes."""
    path, event = _with_quotes(root, index)
    _edit_words(event["quotes"][0])
    dump(path, event)


def _edit_words(quote: Any) -> None:
    """``quote``'s words, and every printing of them, edited alike (each citation must hold the words)."""
    old, quote["text"] = quote["text"], "edited " + quote["text"]
    for citation in quote["citations"]:
        citation["as_printed"] = citation["as_printed"].replace(old, quote["text"])


def _latest_words(root: Path) -> None:
    """The words of a quote among the latest on its questions: the contrast table shows it."""
    _words(root, -1)


def _speaker(root: Path) -> None:
    path, event = _with_quotes(root, -2)
    quotes = event["quotes"]
    quotes[-1]["speaker"] = next(q["speaker"] for q in quotes if q["speaker"] != quotes[-1]["speaker"])
    dump(path, event)


def _stance_and_question(root: Path) -> None:
    path, event = _with_quotes(root, 10)
    quote = event["quotes"][0]
    quote["topics"] = [{"topic": "topic-005", "stance": "denies"}]
    dump(path, event)


def _relation(root: Path) -> None:
    path, event = _with_quotes(root, -1)
    earlier = _with_quotes(root, 0)[1]["quotes"][0]["id"]
    event["quotes"][0]["relations"] = [{"type": "repeats", "quote": earlier, "note": "Said again."}]
    dump(path, event)


def _no_relations(root: Path) -> None:
    for path, event in _events(root):
        if any(quote.get("relations") for quote in event.get("quotes", ())):
            for quote in event["quotes"]:
                quote.pop("relations", None)
            dump(path, event)
            return


def _another_day(root: Path) -> None:
    """An event of a day with others moved to another day that has events: no day comes or goes."""
    events = _events(root)
    days = Counter(event["date"] for _, event in events)
    path, event = next((path, event) for path, event in events if days[event["date"]] > 1)
    event["date"] = next(other["date"] for _, other in events if other["date"] != event["date"])
    event["order"] = 99
    event.pop("time", None)
    dump(path, event)


def _embedded_words(root: Path) -> None:
    """The words of a quote the front page shows."""
    path, event = next((path, event) for path, event in _events(root) if _quote(event, "quote-00002"))
    _edit_words(_quote(event, "quote-00002"))
    dump(path, event)


def _quote(event: Event, quote_id: str) -> Any:
    return next((quote for quote in event.get("quotes", ()) if quote["id"] == quote_id), None)


def _embedded_day(root: Path) -> None:
    """The title of the first event, on the day the front page shows."""
    path, event = _events(root)[0]
    event["title"] = "Edited " + event["title"]
    dump(path, event)


def _participants_and_title(root: Path) -> None:
    path, event = _events(root)[7]
    event["participants"] = ["person-0000"]
    event["title"] = "Edited " + event["title"]
    dump(path, event)


EDITS = [
    _words,
    _latest_words,
    _speaker,
    _stance_and_question,
    _relation,
    _no_relations,
    _another_day,
    _participants_and_title,
    _embedded_words,
    _embedded_day,
]


@pytest.mark.parametrize("change", EDITS, ids=[change.__name__.strip("_") for change in EDITS])
def test_the_preview_makes_only_the_affected_pages_and_the_same_files_as_a_full_generation(
    synthetic: Path, tmp_path: Path, change: Callable[[Path], None]
) -> None:
    root = copy_project(synthetic, tmp_path / "project")
    project, parsed, checked = Project(root), ParsedFiles(), CheckedFiles()
    last = generate_for_preview(project, OPTIONS, parsed, checked, None)
    change(root)
    made = generate_for_preview(project, OPTIONS, parsed, checked, last)
    count = made.made.count()
    # The pages of single items, the quotes' among them (stamped from their shell after the build).
    assert count is not None and 0 < count < (len(last.site.pages) + len(last.site.stamps)) // 10
    full = generate_site(project, OPTIONS)
    assert list(made.site.pages) == list(full.pages)
    differ = [path for path in full.pages if made.site.pages[path] != full.pages[path]]
    # The exports are the last full generation's.
    assert set(differ) <= EXPORTS
    assert all(made.site.pages[path] == last.site.pages[path] for path in EXPORTS & made.site.pages.keys())
    assert made.site.images == full.images
    assert made.site.stamps == full.stamps


def test_a_question_page_shows_the_words_of_an_old_quote_that_one_of_its_latest_relates_to(
    synthetic: Path, tmp_path: Path
) -> None:
    root = copy_project(synthetic, tmp_path / "project")
    _relation(root)  # the latest quote relates to the first one
    project, parsed, checked = Project(root), ParsedFiles(), CheckedFiles()
    last = generate_for_preview(project, OPTIONS, parsed, checked, None)
    _words(root, 0)
    made = generate_for_preview(project, OPTIONS, parsed, checked, last)
    latest = _with_quotes(root, -1)[1]["quotes"][0]
    assert made.made.topics is not None
    assert {link["topic"] for link in latest["topics"]} <= made.made.topics
    full = generate_site(project, OPTIONS)
    assert all(made.site.pages[path] == full.pages[path] for path in full.pages.keys() - EXPORTS)


def test_a_quote_long_before_the_latest_on_its_question_is_on_no_other_speakers_page(
    synthetic: Path, tmp_path: Path
) -> None:
    before = load_dataset(Project(synthetic))
    # A quote with many quotes after it on its question: each speaker's page shows the latest few by others.
    said = next(statements for statements in before.statements_by_topic.values() if len(statements) > 30)
    root = copy_project(synthetic, tmp_path / "project")
    path, event = next((path, event) for path, event in _events(root) if event["id"] == said[0].event.id)
    quote = next(quote for quote in event["quotes"] if quote["id"] == said[0].quote.id)
    quote["context"] = "Edited."
    dump(path, event)
    found = affected_pages(before, load_dataset(Project(root)))
    assert found.people is not None and found.topics is not None
    speakers = {s.quote.speaker for topic in found.topics for s in before.statements_by_topic[topic]}
    assert found.people < speakers


def test_other_hand_written_pages_or_options_make_every_page(small_project: Path) -> None:
    project, parsed, checked = Project(small_project), ParsedFiles(), CheckedFiles()
    last = generate_for_preview(project, OPTIONS, parsed, checked, None)
    edit(small_project / MEETING, "by summer", "by autumn", count=3)
    assert generate_for_preview(project, OPTIONS, parsed, checked, last).made != EVERY_PAGE
    other = Options(site_url="https://example.org/other/")
    assert generate_for_preview(project, other, parsed, checked, last).made == EVERY_PAGE
    (small_project / "content/more.md").write_text("# More\n", encoding="utf-8")
    assert generate_for_preview(project, OPTIONS, parsed, checked, last).made == EVERY_PAGE


def test_the_pages_of_the_whole_site_that_show_no_changed_data_are_not_made_again(
    synthetic: Path, tmp_path: Path
) -> None:
    root = copy_project(synthetic, tmp_path / "project")
    project = Project(root)
    before = load_dataset(project)
    _words(root, 10)  # a quote on none of the front page's days, related to none it shows
    after = load_dataset(project)
    only = affected_pages(before, after)
    assert only.unchanged == {"no_event", "titles", "speakers", "stances", "contrast"}
    content = project.read_content().pages
    made = site_files(load_data(root, "data"), after, content, "content", replace(OPTIONS, only=only))
    assert not {TIMELINE, PEOPLE, SOURCES} & made.pages.keys()
    assert TOPICS in made.pages and CONTRAST not in made.pages
    # The front page shows the questions at a glance, four quotes and a day, none of which changed.
    assert not {"index.md", "method.md"} & made.pages.keys()
    assert made.images == {}
    _embedded_words(root)
    only = affected_pages(after, load_dataset(project))
    made = site_files(
        load_data(root, "data"), load_dataset(project), content, "content", replace(OPTIONS, only=only)
    )
    # The quote's picture, and those of the other quotes said at its event; the site's picture as it was.
    assert "index.md" in made.pages and quote_share_image("quote-00002") in made.images
    assert SITE_SHARE_IMAGE not in made.images


def test_the_contrast_table_is_made_again_when_it_shows_an_edited_quote(
    synthetic: Path, tmp_path: Path
) -> None:
    root = copy_project(synthetic, tmp_path / "project")
    before = load_dataset(Project(root))
    _latest_words(root)
    assert affected_pages(before, load_dataset(Project(root))).unchanged == {
        "no_event",
        "titles",
        "speakers",
        "stances",
    }


def test_a_hand_written_page_is_kept_while_each_of_its_embeds_shows_what_it_showed(
    synthetic: Path, tmp_path: Path
) -> None:
    root = copy_project(synthetic, tmp_path / "project")
    before = load_dataset(Project(root))
    _words(root, 10)
    after = load_dataset(Project(root))
    only = affected_pages(before, after)
    edited = _with_quotes(root, 10)[1]
    day = before.statement_by_id[edited["quotes"][0]["id"]].date.iso()
    kept = [
        [("byline", []), ("questions", []), ("contrast-table", []), ("quote", ["quote-00002"])],
        [("timeline-day", [before.days[0][0].iso()]), ("side-by-side", ["quote-00000", "quote-00001"])],
        [],
    ]
    made = [
        [("quote", [edited["quotes"][0]["id"]])],
        [("timeline-day", [day])],
        [("an-embed-to-come", [])],
    ]
    assert all(hand_written_unchanged(only, embeds, after) for embeds in kept)
    assert not any(hand_written_unchanged(only, embeds, after) for embeds in made)
    assert not hand_written_unchanged(EVERY_PAGE, [], after)
    _latest_words(root)
    shown = affected_pages(after, load_dataset(Project(root)))
    assert not hand_written_unchanged(shown, [("contrast-table", [])], load_dataset(Project(root)))


def _random_edit(root: Path, rng: random.Random) -> str:
    """One edit of a random quote or event that keeps the data valid; its name."""
    events = _events(root)
    quoted = [(path, event) for path, event in events if event.get("quotes")]
    index = rng.randrange(len(quoted))
    path, event = quoted[index]
    quote = rng.choice(event["quotes"])
    kind = rng.choice(
        ["words", "speaker", "questions", "relation", "no relation", "title", "participants", "day"]
    )
    if kind == "words":
        old, quote["text"] = quote["text"], f"edited{rng.randrange(1000)} {quote['text']}"
        for citation in quote["citations"]:
            citation["as_printed"] = citation["as_printed"].replace(old, quote["text"])
    elif kind == "speaker":
        quote["speaker"] = rng.choice([other["speaker"] for other in event["quotes"]])
    elif kind == "questions":
        topics = rng.sample(range(SIZE.topics), rng.randint(1, 2))
        quote["topics"] = [
            {"topic": f"topic-{topic:03d}"} | {"stance": rng.choice(["affirms", "denies", "qualifies"])}
            for topic in topics
        ]
    elif kind == "relation" and index > 0:
        earlier = rng.choice(quoted[rng.randrange(index)][1]["quotes"])["id"]
        quote["relations"] = [
            {"type": rng.choice(["repeats", "contradicts"]), "quote": earlier, "note": "Again."}
        ]
    elif kind == "no relation":
        quote.pop("relations", None)
    elif kind == "title":
        event["title"] = f"Edited {event['title']}"
    elif kind == "participants":
        event["participants"] = sorted({other["speaker"] for other in event["quotes"]})
    elif kind == "day":
        days = Counter(other["date"] for _, other in events)
        if days[event["date"]] > 1:  # no day comes or goes
            event["date"] = rng.choice(
                [other["date"] for _, other in events if other["date"] != event["date"]]
            )
            event["order"] = 90 + rng.randrange(9)
            event.pop("time", None)
    dump(path, event)
    return f"{kind} in {path.name}"


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_after_each_of_a_run_of_random_edits_the_preview_makes_what_a_full_generation_makes(
    synthetic: Path, tmp_path: Path, seed: int
) -> None:
    """Whatever the edit, the pages the preview keeps or makes again are a full generation's, step after step."""
    root = copy_project(synthetic, tmp_path / "project")
    project, parsed, checked = Project(root), ParsedFiles(), CheckedFiles()
    rng = random.Random(seed)
    last = generate_for_preview(project, OPTIONS, parsed, checked, None)
    for _ in range(8):
        edit_made = _random_edit(root, rng)
        last = generate_for_preview(project, OPTIONS, parsed, checked, last)
        full = generate_site(project, OPTIONS)
        differ = [path for path in full.pages if last.site.pages[path] != full.pages[path]]
        assert list(last.site.pages) == list(full.pages), edit_made
        assert set(differ) <= EXPORTS, f"after {edit_made}: {differ}"
        assert last.site.images == full.images, edit_made
        assert last.site.stamps == full.stamps, edit_made
