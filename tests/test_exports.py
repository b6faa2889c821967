"""The data exports, each checked with a real reader of its format: jsonschema, csv, feedparser, pyld."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import feedparser
import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from pyld import jsonld

from bench.synth import Size, write_data
from generator.build import Project, load_dataset
from generator.cli import main
from generator.dataset import Dataset
from generator.export import DOWNLOADS, export_files, export_paths, schema_path
from generator.export.address import SiteAddress
from generator.export.csv_export import (
    CitationRow,
    EventRow,
    QuoteRow,
    Row,
    citation_values,
    event_values,
    quote_values,
    read_csv,
    to_csv,
)
from generator.export.feed import FEED_CORRECTIONS, FEED_EVENTS
from generator.export.json_export import document_json, load_document
from generator.export.jsonld import day_graph, explainer_article
from generator.export.records import Document, document_values, to_dataset
from generator.export.timelinejs import timeline
from generator.markup import front_matter_line, with_front_matter_line
from generator.model import Correction
from generator.output_folder import MARKER
from generator.sitemap import CORRECTIONS, correction_anchor, event_location
from tests.conftest import FIXTURES, ROOT

SITE = SiteAddress("https://example.org/small/")
PROJECTS = {"small fixture": FIXTURES / "small", "real explainer": ROOT}


@pytest.fixture(scope="module", params=sorted(PROJECTS))
def data(request: pytest.FixtureRequest) -> Dataset:
    return load_dataset(Project(PROJECTS[request.param]))


@pytest.fixture(scope="module")
def files(data: Dataset) -> dict[str, str]:
    return export_files(data, SITE)


def test_exports_are_deterministic(data: Dataset, files: dict[str, str]) -> None:
    assert export_files(data, SITE) == files
    assert sorted(files) == sorted(download.path for download in DOWNLOADS)


def test_the_paths_of_the_exports_are_known_beforehand(data: Dataset, files: dict[str, str]) -> None:
    assert sorted(export_paths(SITE)) == sorted(files)
    assert sorted(export_paths(None)) == sorted(export_files(data, None))


# JSON


def test_json_downloads_are_compact_sorted_and_end_with_a_newline(files: dict[str, str]) -> None:
    json_files = [path for path in files if path.endswith(".json")]
    assert len(json_files) == 6
    for path in json_files:
        text = files[path]
        canonical = json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        assert text == canonical + "\n", path


def test_document_validates_against_its_schema(files: dict[str, str]) -> None:
    schema = json.loads(files[schema_path("explainer")])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(json.loads(files["data/explainer.json"]))


def test_schema_rejects_a_quote_without_text(files: dict[str, str]) -> None:
    schema = json.loads(files[schema_path("explainer")])
    document = json.loads(files["data/explainer.json"])
    del document["quotes"][0]["text"]
    with pytest.raises(jsonschema.ValidationError) as caught:
        jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)
    assert caught.value.message == "'text' is a required property"


def with_citation_context(data: Dataset) -> Dataset:
    """The data with a prefix and a suffix on the first citation, which neither fixture has."""
    index, event = next((i, event) for i, event in enumerate(data.events) if event.quotes)
    quote = event.quotes[0]
    citation = quote.citations[0].model_copy(update={"prefix": "before “", "suffix": "” after"})
    quote = quote.model_copy(update={"citations": (citation, *quote.citations[1:])})
    event = event.model_copy(update={"quotes": (quote, *event.quotes[1:])})
    events = (*data.events[:index], event, *data.events[index + 1 :])
    return Dataset(data.settings, data.people, data.sources, data.topics, events, data.corrections)


def test_document_values_validate_as_a_document_of_the_same_dataset(data: Dataset) -> None:
    for dataset in (data, with_citation_context(data)):
        values = document_values(dataset)
        document = Document.model_validate_json(json.dumps(values))
        assert document.model_dump(mode="json", by_alias=True) == values
        assert to_dataset(document) == dataset
    assert document_values(with_citation_context(data))["citations"][0]["prefix"] == "before “"


def test_round_trip_gives_the_same_dataset(data: Dataset, files: dict[str, str]) -> None:
    loaded = load_document(files["data/explainer.json"])
    assert loaded == data
    assert loaded.statements == data.statements
    assert document_json(loaded) == files["data/explainer.json"]


def test_document_is_normalised(data: Dataset, files: dict[str, str]) -> None:
    document = json.loads(files["data/explainer.json"])
    assert sorted(document) == [
        "citations",
        "corrections",
        "events",
        "explainer",
        "format",
        "people",
        "quotes",
        "relations",
        "sources",
        "topics",
        "translations",
    ]
    assert [event["id"] for event in document["events"]] == [event.id for event in data.events]
    assert all("quotes" not in event for event in document["events"])
    assert [quote["id"] for quote in document["quotes"]] == [s.quote.id for s in data.statements]
    assert len(document["citations"]) == sum(len(s.quote.citations) for s in data.statements)
    assert [correction["id"] for correction in document["corrections"]] == [c.id for c in data.corrections]


def test_real_document_keeps_both_printings_of_kelly() -> None:
    document = json.loads(export_files(load_dataset(Project(ROOT)), SITE)["data/explainer.json"])
    printed = {
        c["source"]: c["as_printed"]
        for c in document["citations"]
        if c["quote"] == "kelly-no-mass-deportations"
    }
    assert printed == {
        "theblaze-2017-02-23-no-mass-deportations": "Let me be very, very clear: There will be no — I repeat —\u00a0no mass deportations.",
        "abc-2017-02-23-kelly-no-mass-deportations": "no, repeat, no mass deportations",
    }
    relation = next(r for r in document["relations"] if r["quote"] == "kelly-no-mass-deportations")
    assert (relation["type"], relation["other"]) == ("contradicts", "trump-military-operation")


def test_loading_rejects_an_unknown_field(files: dict[str, str]) -> None:
    document = json.loads(files["data/explainer.json"])
    document["quotes"][0]["speker"] = "x"
    with pytest.raises(ValueError, match="Extra inputs are not permitted"):
        load_document(json.dumps(document))


def test_loading_refuses_records_that_would_be_lost(files: dict[str, str]) -> None:
    document = json.loads(files["data/explainer.json"])
    document["quotes"][0]["event"] = "no-such-event"
    with pytest.raises(ValueError) as caught:
        load_document(json.dumps(document))
    assert str(caught.value) == f"quotes: {document['quotes'][0]['id']} is at unknown event no-such-event"


# CSV

TABLES: list[tuple[str, type[Row]]] = [("quotes", QuoteRow), ("events", EventRow), ("citations", CitationRow)]


def test_csv_tables_read_back_into_the_same_records(data: Dataset, files: dict[str, str]) -> None:
    assert read_csv(QuoteRow, files["data/quotes.csv"]) == [
        QuoteRow(**row) for row in quote_values(data, SITE)
    ]
    assert read_csv(EventRow, files["data/events.csv"]) == [
        EventRow(**row) for row in event_values(data, SITE)
    ]
    assert read_csv(CitationRow, files["data/citations.csv"]) == [
        CitationRow(**row) for row in citation_values(data)
    ]


def test_csv_values_have_exactly_the_columns_of_their_model(data: Dataset) -> None:
    tables: list[tuple[type[Row], list[dict[str, str]]]] = [
        (QuoteRow, quote_values(data, SITE)),
        (EventRow, event_values(data, SITE)),
        (CitationRow, citation_values(data)),
    ]
    for model, rows in tables:
        assert rows
        assert all(list(row) == list(model.model_fields) for row in rows), model.__name__


@pytest.mark.parametrize(("name", "model"), TABLES)
def test_csv_rows_validate_against_their_schema(files: dict[str, str], name: str, model: type[Row]) -> None:
    validator = jsonschema.Draft202012Validator(json.loads(files[schema_path(name)]))
    rows = read_csv(model, files[f"data/{name}.csv"])
    assert rows
    for row in rows:
        validator.validate(row.model_dump())


def test_csv_quote_row_of_kelly() -> None:
    data = load_dataset(Project(ROOT))
    row = next(r for r in quote_values(data, SITE) if r["id"] == "kelly-no-mass-deportations")
    assert row == {
        "id": "kelly-no-mass-deportations",
        "event": "2017-02-23-kelly-mexico-city",
        "date": "2017-02-23",
        "speaker": "kelly",
        "speaker_name": "John Kelly",
        "speaker_role": "Secretary of Homeland Security",
        "text": "no mass deportations",
        "language": "en",
        "context": row["context"],
        "topics": "mass-deportations:denies",
        "url": "https://example.org/small/timeline/2017-02-23/#quote-kelly-no-mass-deportations",
    }


def test_csv_header_mismatch_is_refused() -> None:
    with pytest.raises(ValueError) as caught:
        read_csv(CitationRow, "quote,source\nq,s\n")
    assert str(caught.value) == (
        "columns ['quote', 'source']; expected ['quote', 'source', 'outlet', 'source_url', 'as_printed', "
        "'language', 'translated_by', 'translated_from', 'original']"
    )


class OneColumn(Row):
    only: str


def test_a_one_column_table_reads_back() -> None:
    rows = [OneColumn(only="a"), OneColumn(only='b, "c"\nd')]
    text = to_csv(OneColumn, [row.model_dump() for row in rows])
    assert text == '"only"\n"a"\n"b, ""c""\nd"\n'
    assert read_csv(OneColumn, text) == rows


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t"])
def test_a_name_a_spreadsheet_would_run_is_written_as_text(start: str) -> None:
    """OWASP's defence against CSV injection: such a cell begins with a single quote."""
    data = load_dataset(Project(FIXTURES / "small"))
    name = f'{start}HYPERLINK("https://evil.example/","Click")'
    people = tuple(person.model_copy(update={"name": name}) for person in data.people)
    named = Dataset(data.settings, people, data.sources, data.topics, data.events, data.corrections)
    rows = list(csv.DictReader(io.StringIO(export_files(named, SITE)["data/quotes.csv"], newline="")))
    assert rows
    assert all(row["speaker_name"] == "'" + name for row in rows)


def test_a_cell_that_begins_with_a_quote_or_a_formula_reads_back_as_it_was() -> None:
    values = ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'quoted", "plain", "", "a=b"]
    text = to_csv(OneColumn, [{"only": value} for value in values])
    assert text.splitlines()[1:6] == ['"\'=1+1"', '"\'+1"', '"\'-1"', '"\'@SUM(A1)"', '"\'\tx"']
    assert '\n"\'\rx"\n"\'\'quoted"\n"plain"\n""\n"a=b"\n' in text
    assert read_csv(OneColumn, text) == [OneColumn(only=value) for value in values]


@given(
    st.lists(st.text(), min_size=len(CitationRow.model_fields), max_size=len(CitationRow.model_fields)).map(
        tuple
    )
)
def test_any_text_survives_a_csv_round_trip(values: tuple[str, ...]) -> None:
    row = CitationRow(**dict(zip(CitationRow.model_fields, values, strict=True)))
    assert read_csv(CitationRow, to_csv(CitationRow, [row.model_dump()])) == [row]


# Atom


def test_feed_parses_with_entries_newest_first(data: Dataset, files: dict[str, str]) -> None:
    parsed = feedparser.parse(files["feed.xml"])
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == data.settings.title
    by_kind = {
        kind: [entry.id for entry in parsed.entries if entry.tags[0].term == kind]
        for kind in ("event", "correction")
    }
    assert by_kind["event"] == [
        f"https://example.org/small/timeline/{event.date.iso()}/#event-{event.id}"
        for event in reversed(data.events)
    ]
    newest = sorted(data.corrections, key=lambda correction: correction.date, reverse=True)
    assert by_kind["correction"] == [
        f"https://example.org/small/corrections/#correction-{correction.id}" for correction in newest
    ]
    assert [entry.link for entry in parsed.entries] == [entry.id for entry in parsed.entries]
    titles = [event.title for event in reversed(data.events)]
    assert [entry.title for entry in parsed.entries if entry.tags[0].term == "event"] == titles
    assert parsed.feed.updated == max(entry.updated for entry in parsed.entries)


def test_feed_interleaves_events_and_corrections_by_date() -> None:
    data = load_dataset(Project(FIXTURES / "small"))
    parsed = feedparser.parse(export_files(data, SITE)["feed.xml"])
    assert [(entry.tags[0].term, entry.id.rsplit("#", 1)[1]) for entry in parsed.entries] == [
        ("event", "event-2021-04-council-vote"),
        ("correction", "correction-2021-03-10-engineer-wording"),
        ("correction", "correction-2021-03-05-visit-time"),
        ("event", "event-2021-03-02-site-visit"),
        ("event", "event-2021-03-02-council-meeting"),
    ]
    engineer = next(entry for entry in parsed.entries if entry.id.endswith("engineer-wording"))
    assert engineer.title == f"Correction: {data.corrections[0].changed}"
    assert engineer.summary == data.corrections[0].reason


def test_real_feed_entry_for_kelly() -> None:
    parsed = feedparser.parse(export_files(load_dataset(Project(ROOT)), SITE)["feed.xml"])
    entry = next(e for e in parsed.entries if e.id.endswith("#event-2017-02-23-kelly-mexico-city"))
    assert entry.updated == "2017-02-23T00:00:00Z"
    assert entry.tags[0].term == "event"
    assert parsed.feed.updated == "2017-02-23T00:00:00Z"


def test_without_a_site_address_there_is_no_feed(data: Dataset) -> None:
    assert "feed.xml" not in export_files(data, None)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """Synthetic data with more events and corrections than the feed carries (corrections on event days)."""
    root = tmp_path_factory.mktemp("many")
    write_data(root / "data", Size("feed", quotes=240, events=3 * FEED_EVENTS, people=8, topics=4), seed=5)
    data = load_dataset(Project(root))
    corrections = tuple(
        Correction.model_validate(
            {
                "id": f"correction-{number:02d}",
                "date": event.date.iso(),
                "changed": f"Change {number}.",
                "reason": f"Reason {number}.",
                "events": (event.id,),
            }
        )
        for number, event in enumerate(data.events[:: len(data.events) // (FEED_CORRECTIONS + 5)])
    )
    return Dataset(data.settings, data.people, data.sources, data.topics, data.events, corrections)


def test_feed_holds_the_newest_events_and_corrections_up_to_their_limits(many: Dataset) -> None:
    assert len(many.events) > FEED_EVENTS
    assert len(many.corrections) > FEED_CORRECTIONS
    parsed = feedparser.parse(export_files(many, SITE)["feed.xml"])
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    # Newest first: by date; on one day, its corrections, then its events in reverse timeline order.
    events = [
        (e.date.start, 0, position, SITE.page(*event_location(e))) for position, e in enumerate(many.events)
    ]
    corrections = [
        (c.date.start, 1, position, SITE.page(CORRECTIONS, correction_anchor(c.id)))
        for position, c in enumerate(many.corrections)
    ]
    newest_events = sorted(events, reverse=True)[:FEED_EVENTS]
    newest_corrections = sorted(corrections, reverse=True)[:FEED_CORRECTIONS]
    expected = [entry[-1] for entry in sorted(newest_events + newest_corrections, reverse=True)]
    assert [entry.id for entry in parsed.entries] == expected
    kinds = [entry.tags[0].term for entry in parsed.entries]
    assert (kinds.count("event"), kinds.count("correction")) == (FEED_EVENTS, FEED_CORRECTIONS)
    assert newest_events[0][-1] == SITE.page(*event_location(many.events[-1]))
    assert parsed.feed.updated_parsed == max(entry.updated_parsed for entry in parsed.entries)


# TimelineJS


def test_timelinejs_has_a_slide_per_event_in_order(data: Dataset, files: dict[str, str]) -> None:
    document = json.loads(files["data/timelinejs.json"])
    assert document["title"]["text"]["headline"]
    assert [slide["unique_id"] for slide in document["events"]] == [event.id for event in data.events]
    for slide, event in zip(document["events"], data.events, strict=True):
        assert slide["start_date"]["year"] == str(event.date.year)
        assert set(slide["text"]) == {"headline", "text"}


def test_timelinejs_escapes_html(data: Dataset) -> None:
    hostile = "<img src=x onerror=alert(1)> & “more”"
    event = data.events[0].model_copy(update={"title": hostile, "summary": hostile})
    changed = Dataset(data.settings, data.people, data.sources, data.topics, (event, *data.events[1:]))
    slide = timeline(changed, SITE)["events"][0]
    assert slide["text"]["headline"] == "&lt;img src=x onerror=alert(1)&gt; &amp; “more”"
    assert slide["text"]["text"].startswith("<p>&lt;img src=x onerror=alert(1)&gt; &amp; “more”</p>")


# JSON-LD

# pyld must fetch https://schema.org to expand; this machine has no internet, so the loader serves the
# vocabulary mapping that schema.org's own context starts with (every term is a schema.org IRI).
SCHEMA_ORG_CONTEXT = {"@context": {"@vocab": "http://schema.org/"}}
S = "http://schema.org/"


def load_document_offline(url: str, options: object = None) -> dict[str, Any]:
    assert url.rstrip("/") == "https://schema.org", url
    return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_ORG_CONTEXT}


def expand(document: dict[str, Any]) -> list[dict[str, Any]]:
    expanded: list[dict[str, Any]] = jsonld.expand(document, {"documentLoader": load_document_offline})
    return expanded


def values(node: dict[str, Any], prop: str) -> list[Any]:
    return [item.get("@value", item.get("@id")) for item in node.get(S + prop, [])]


def test_timeline_json_ld_expands_to_events_and_quotations(data: Dataset) -> None:
    """What each quotation says, with its references resolved within its own page's graph."""
    quotations: list[tuple[dict[str, Any], dict[str, dict[str, Any]]]] = []
    events: list[dict[str, Any]] = []
    for _, day_events in data.days:
        nodes = expand(day_graph(data, SITE, day_events))
        on_page = {node["@id"]: node for node in nodes}
        quotations += [(n, on_page) for n in nodes if n["@type"] == [S + "Quotation"]]
        events += [n for n in nodes if n["@type"] == [S + "Event"]]
    day = "timeline/{}.md".format
    assert [n["@id"] for n in events] == [SITE.page(day(e.date.iso()), f"event-{e.id}") for e in data.events]
    assert [values(n, "text")[0] for n, _ in quotations] == [s.quote.text for s in data.statements]
    for (node, on_page), statement in zip(quotations, data.statements, strict=True):
        [creator] = [on_page[i] for i in values(node, "creator")]
        assert creator["@type"] == [S + "Person"]
        assert values(creator, "name") == [data.person_by_id[statement.quote.speaker].name]
        event = statement.event
        assert values(node, "recordedAt") == [SITE.page(day(event.date.iso()), f"event-{event.id}")]
        assert on_page[values(node, "recordedAt")[0]]["@type"] == [S + "Event"]
        articles = [on_page[i] for i in values(node, "isBasedOn")]
        assert {a["@type"][0] for a in articles} == {S + "NewsArticle"}
        based_on = {values(article, "url")[0] for article in articles}
        assert based_on == {data.source_by_id[c.source].url for c in statement.quote.citations}
        assert values(node, "dateCreated")[0].startswith(statement.date.iso())


def references_in(value: Any) -> list[dict[str, Any]]:
    """Every object with an ``@id`` nested anywhere inside ``value``."""
    if isinstance(value, list):
        return [found for item in value for found in references_in(item)]
    if isinstance(value, dict):
        own = [value] if "@id" in value else []
        return own + [found for item in value.values() for found in references_in(item)]
    return []


def test_json_ld_describes_people_and_articles_once_per_page_and_refers_to_them_by_id(data: Dataset) -> None:
    repeated = 0
    for _, events in data.days:
        graph = day_graph(data, SITE, events)["@graph"]
        ids = [node["@id"] for node in graph]
        assert len(ids) == len(set(ids)), "a node described twice on one page"
        nested = [found for node in graph for item in node.values() for found in references_in(item)]
        assert all(set(reference) == {"@id"} for reference in nested), "a nested node described in full"
        referenced = [reference["@id"] for reference in nested]
        assert set(referenced) <= set(ids), "a reference to a node not on the page"
        repeated += len(referenced) - len(set(referenced))
        statements = [data.statement_by_id[quote.id] for event in events for quote in event.quotes]
        people = {pid for event in events for pid in event.participants} | {
            statement.quote.speaker for statement in statements
        }
        cited = {
            data.source_by_id[c.source].url for statement in statements for c in statement.quote.citations
        }
        by_type = {
            kind: [node["@id"] for node in graph if node["@type"] == kind]
            for kind in ("Person", "NewsArticle")
        }
        assert by_type["Person"] == sorted(SITE.page(f"people/{pid}.md") for pid in people)
        assert by_type["NewsArticle"] == sorted(cited)
        events_on_page = {SITE.page(*event_location(event)) for event in events}
        assert set(referenced) - events_on_page == set(by_type["Person"]) | set(by_type["NewsArticle"])
    assert repeated, "no page refers to one node twice, so the fixture does not show the point"


def test_home_json_ld_expands_to_a_news_article(data: Dataset) -> None:
    [node] = expand(explainer_article(data, SITE))
    assert node["@type"] == [S + "NewsArticle"]
    assert values(node, "headline") == [data.settings.title]
    assert len(node[S + "citation"]) == len(data.sources)


@given(
    st.recursive(
        st.text(),
        # Keys are short property names; a long one is refused (see test_markup_properties.py).
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=80), inner, max_size=3),
    )
)
def test_front_matter_value_stays_on_one_line_and_reads_back(value: Any) -> None:
    line = front_matter_line("structured_data", {"x": value, "y": "</script>\n---\n"})
    page = with_front_matter_line("# Title\n", line)
    front, body = page.removeprefix("---\n").split("\n---\n", 1)
    assert body == "\n# Title\n"
    [(key, text)] = yaml.safe_load(front).items()
    assert key == "structured_data" and "</script>" not in text
    assert json.loads(text) == {"x": value, "y": "</script>\n---\n"}


def test_front_matter_joins_existing_front_matter() -> None:
    line = front_matter_line("structured_data", {"a": 1})
    page = with_front_matter_line('---\ndescription: "d"\n---\n\n# T\n', line)
    assert page == '---\nstructured_data: "{\\"a\\": 1}"\ndescription: "d"\n---\n\n# T\n'


# CLI


def test_cli_export_writes_every_file(tmp_path: Path) -> None:
    out = tmp_path / "export"
    result = CliRunner().invoke(main, ["export", "--root", str(FIXTURES / "small"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {len(DOWNLOADS)} files to {out}.\n"
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == sorted([MARKER, *(download.path for download in DOWNLOADS)])
    data = load_dataset(Project(FIXTURES / "small"))
    assert load_document((out / "data/explainer.json").read_text(encoding="utf-8")) == data
