"""The bad-input corpus: broken copies of the small fixture, each with the exact messages it must produce.

Each case is a list of edits to ``tests/fixtures/small``: ``(file, old, new)`` replaces the first ``old`` with
``new``; ``old=None`` writes ``new`` as the whole file; ``new=None`` deletes the file. Cases marked
``structural`` break only what the JSON Schema describes, so ``test_schema.py`` checks it rejects them too.
To add a case: copy a line, change the edit, run ``pytest tests/test_bad_input.py`` and read the diff.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

EVENT = "data/events/2021-03-02-site-visit.yaml"
MEETING = "data/events/2021-03-02-council-meeting.yaml"
VOTE = "data/events/2021-04-council-vote.yaml"
PEOPLE = "data/people.yaml"
SOURCES = "data/sources.yaml"
TOPICS = "data/topics.yaml"
SETTINGS = "data/explainer.yaml"
INDEX = "content/index.md"

Edit = tuple[str, str | None, str | bytes | None]

# How a message about a citation without its quote's text ends: what may differ between the two.
QUOTED_WORDS = (
    " in them, exactly or but for quote marks, dashes, spacing, the case of its first letter, and punctuation at"
    " its ends that this citation leaves out"
)


@dataclass(frozen=True)
class Case:
    name: str
    edits: list[Edit]
    messages: list[str]
    structural: bool = False


def apply(root: Path, edits: list[Edit]) -> None:
    """Apply a case's edits to the project copied into ``root``."""
    for relative, old, new in edits:
        path = root / relative
        if new is None:
            path.unlink()
            continue
        replacement = new.encode("utf-8") if isinstance(new, str) else new
        if old is None:
            path.write_bytes(replacement)
            continue
        raw = path.read_bytes()
        assert old.encode("utf-8") in raw, f"{old!r} not in {relative}"
        path.write_bytes(raw.replace(old.encode("utf-8"), replacement, 1))


CASES = [
    # --- YAML traps: what PyYAML would silently misread ---
    Case(
        "duplicate-key",
        [(MEETING, "place: Town hall", "place: Town hall\nplace: Guildhall")],
        [
            'data/events/2021-03-02-council-meeting.yaml:6:1: place: the field "place" a second time (first on line 5); expected each field once'
        ],
    ),
    Case(
        "boolean-on",
        [(MEETING, "place: Town hall", "place: on")],
        [
            'data/events/2021-03-02-council-meeting.yaml:5:8: place: on, which YAML reads as true or false; expected text in quotes ("on")'
        ],
    ),
    Case(
        "boolean-yes-in-a-list",
        [(MEETING, "participants: [mayor, clerk]", "participants: [mayor, yes]")],
        [
            'data/events/2021-03-02-council-meeting.yaml:7:23: participants[1]: yes, which YAML reads as true or false; expected text in quotes ("yes")'
        ],
    ),
    Case(
        "octal-number",
        [(MEETING, "place: Town hall", "place: 012")],
        [
            'data/events/2021-03-02-council-meeting.yaml:5:8: place: 012, which YAML reads as a number; expected text in quotes ("012")'
        ],
    ),
    Case(
        "sexagesimal-number",
        [(MEETING, "place: Town hall", "place: 1:20")],
        [
            'data/events/2021-03-02-council-meeting.yaml:5:8: place: 1:20, which YAML reads as a number; expected text in quotes ("1:20")'
        ],
    ),
    Case(
        "time-without-quotes",
        [(EVENT, 'time: "16:30+01:00"', "time: 16:30")],
        [
            'data/events/2021-03-02-site-visit.yaml:3:7: time: 16:30, which YAML reads as a number; expected text in quotes ("16:30")'
        ],
    ),
    Case(
        "date-in-a-text-field",
        [(MEETING, "place: Town hall", "place: 2021-03-02")],
        [
            'data/events/2021-03-02-council-meeting.yaml:5:8: place: the date 2021-03-02; expected text in quotes ("2021-03-02")'
        ],
    ),
    Case(
        "date-and-time-in-a-text-field",
        [(MEETING, "place: Town hall", "place: 2021-03-02 10:00:00")],
        [
            'data/events/2021-03-02-council-meeting.yaml:5:8: place: 2021-03-02 10:00:00, which YAML reads as a date and time; expected text in quotes ("2021-03-02 10:00:00")'
        ],
    ),
    Case(
        "number-in-a-text-field",
        [(MEETING, "title: The mayor promises a bridge", "title: 1984")],
        [
            'data/events/2021-03-02-council-meeting.yaml:4:8: title: the number 1984; expected text in quotes ("1984")'
        ],
        structural=True,
    ),
    Case(
        "alias",
        [(PEOPLE, "name: Ben Engineer", "name: &n Ben Engineer"), (PEOPLE, "name: Cy Clerk", "name: *n")],
        [
            "data/people.yaml:15:11: people[2].name: an alias (*name) of an anchor (&name); expected each value written out in full"
        ],
    ),
    Case(
        "tag",
        [(MEETING, "place: Town hall", "place: !!binary aGVsbG8=")],
        [
            "data/events/2021-03-02-council-meeting.yaml:5:8: place: a value of type binary; expected text, a number, a list or a mapping"
        ],
    ),
    Case(
        "tab-in-indentation",
        [(PEOPLE, "  - id: clerk", "\t- id: clerk")],
        ["data/people.yaml:14:1: (file): a tab in the indentation; expected spaces"],
    ),
    Case(
        "byte-order-mark",
        [(TOPICS, "topics:", "\ufefftopics:")],
        ["data/topics.yaml:1:1: (file): a byte-order mark; expected UTF-8 without a byte-order mark"],
    ),
    Case(
        "invalid-utf-8",
        [(TOPICS, "Nobody has", b"Nobody \xff has")],
        ["data/topics.yaml:7:21: (file): a byte 0xff that is not UTF-8; expected text saved as UTF-8"],
    ),
    Case(
        "file-too-large",
        [(VOTE, "sources:", "place: " + "x" * 1_100_000 + "\nsources:")],
        [
            "data/events/2021-04-council-vote.yaml:1:1: (file): a file of 1,100,191 bytes; expected at most 1,048,576 bytes"
        ],
    ),
    Case(
        "unbalanced-quotes",
        [(MEETING, "title: The mayor", 'title: "The mayor')],
        [
            'data/events/2021-03-02-council-meeting.yaml:4:8: title: text in quotes (") that is not closed on its line (it runs on to line 19); expected a closing " at the end of the text, and none inside it'
        ],
    ),
    Case(
        "missing-colon",
        [(MEETING, "place: Town hall", "place Town hall")],
        [
            'data/events/2021-03-02-council-meeting.yaml:5:1: (file): a line without a colon after its field name ("place Town hall"); expected a field name, a colon and a space (name: value), or more indentation if it continues a value'
        ],
    ),
    Case(
        "straight-quote-inside-quoted-text",
        [(EVENT, 'text: "Not by summer. Not this year."', 'text: "Not by "summer". Not this year."')],
        [
            'data/events/2021-03-02-site-visit.yaml:12:19: quotes[0].text: a straight quote (") inside text in double quotes, which ends the text there; expected curly quotes (“ ”) inside the text, or the straight one written \\"'
        ],
    ),
    Case(
        "straight-apostrophe-inside-single-quotes",
        [(MEETING, "title: The mayor promises a bridge", "title: 'The mayor's bridge'")],
        [
            "data/events/2021-03-02-council-meeting.yaml:4:18: title: a straight apostrophe (') inside text in single quotes, which ends the text there; expected a curly apostrophe (’) inside the text, or the straight one written ''"
        ],
    ),
    Case(
        "colon-inside-text-not-in-quotes",
        [(MEETING, "place: Town hall", "place: Town hall: room 2")],
        [
            'data/events/2021-03-02-council-meeting.yaml:5:17: place: a colon and a space inside text that is not in quotes; expected the text in double quotes ("…")'
        ],
    ),
    Case(
        "list-not-closed",
        [(MEETING, "participants: [mayor, clerk]", "participants: [mayor, clerk")],
        [
            "data/events/2021-03-02-council-meeting.yaml:7:15: participants: a list or mapping opened with [ that is not closed on its line; expected items separated by commas and a closing ]"
        ],
    ),
    Case(
        "backslash-in-double-quotes",
        [(EVENT, 'text: "Not by summer. Not this year."', 'text: "Not by summer\\q Not this year."')],
        [
            "data/events/2021-03-02-site-visit.yaml:12:25: quotes[0].text: a backslash (\\) inside text in double quotes that starts no known escape; expected two backslashes (\\\\) for one, or the text in single quotes"
        ],
    ),
    Case(
        "field-indented-more-than-the-one-above",
        [(MEETING, "place: Town hall", "  place: Town hall")],
        [
            "data/events/2021-03-02-council-meeting.yaml:5:3: (file): a field indented more than the field above it; expected each field of a mapping at the same indentation"
        ],
    ),
    # --- structure: types, required and unknown fields ---
    Case(
        "missing-field",
        [(VOTE, "title: The council votes on funding\n", "")],
        [
            'data/events/2021-04-council-vote.yaml:1:1: title: no "title" field; expected a "title:" field (a short headline in our own words)'
        ],
        structural=True,
    ),
    Case(
        "unknown-field-in-an-event",
        [(MEETING, "place:", "plase:")],
        [
            'data/events/2021-03-02-council-meeting.yaml:5:1: plase: an unknown field "plase"; expected one of id, date, time, order, title, place, summary, participants, sources, quotes (did you mean "place"?)'
        ],
        structural=True,
    ),
    Case(
        "unknown-field-in-a-quote",
        [(MEETING, "context:", "contxt:")],
        [
            'data/events/2021-03-02-council-meeting.yaml:13:5: quotes[0].contxt: an unknown field "contxt"; expected one of id, speaker, text, language, context, topics, citations, relations (did you mean "context"?)'
        ],
        structural=True,
    ),
    Case(
        "unknown-field-in-a-topic-link",
        [(EVENT, "stance: denies", "stnace: denies")],
        [
            'data/events/2021-03-02-site-visit.yaml:15:9: quotes[0].topics[0].stnace: an unknown field "stnace"; expected one of topic, stance (did you mean "stance"?)'
        ],
        structural=True,
    ),
    Case(
        "unknown-field-in-a-role",
        [(PEOPLE, "organization:", "organisation:")],
        [
            'data/people.yaml:6:9: people[0].roles[0].organisation: an unknown field "organisation"; expected one of title, organization, from, to (did you mean "organization"?)'
        ],
        structural=True,
    ),
    Case(
        "unknown-field-in-a-source",
        [(SOURCES, "byline:", "by_line:")],
        [
            'data/sources.yaml:7:5: sources[0].by_line: an unknown field "by_line"; expected one of id, outlet, title, url, published, byline, archive_url, accessed (did you mean "byline"?)'
        ],
        structural=True,
    ),
    Case(
        "unknown-field-in-settings",
        [(SETTINGS, "speakers:", "subtitle: Bridges\nspeakers:")],
        [
            'data/explainer.yaml:3:1: subtitle: an unknown field "subtitle"; expected one of title, summary, speakers, authors, published, updated, languages (did you mean "title"?)'
        ],
        structural=True,
    ),
    Case(
        "unknown-field-in-a-list-file",
        [(TOPICS, None, "topic:\n  - id: cost\n")],
        [
            'data/topics.yaml:1:1: topic: an unknown field "topic"; expected only the field "topics:" holding a list'
        ],
        structural=True,
    ),
    Case(
        "order-not-a-number",
        [(MEETING, "order: 1", "order: first")],
        ['data/events/2021-03-02-council-meeting.yaml:3:8: order: "first"; expected a whole number'],
        structural=True,
    ),
    Case(
        "order-zero",
        [(MEETING, "order: 1", "order: 0")],
        [
            "data/events/2021-03-02-council-meeting.yaml:3:8: order: the number 0; expected a whole number from 1 up"
        ],
        structural=True,
    ),
    Case(
        "text-instead-of-a-list",
        [(VOTE, "sources: [gazette-2021-03-02]", "sources: gazette-2021-03-02")],
        ['data/events/2021-04-council-vote.yaml:5:10: sources: "gazette-2021-03-02"; expected a list'],
        structural=True,
    ),
    Case(
        "empty-list",
        [(VOTE, "sources: [gazette-2021-03-02]", "sources: []")],
        ["data/events/2021-04-council-vote.yaml:5:10: sources: a list; expected at least one item"],
        structural=True,
    ),
    Case(
        "empty-text",
        [(MEETING, "place: Town hall", 'place: ""')],
        [
            "data/events/2021-03-02-council-meeting.yaml:5:8: place: empty text; expected text that is not empty"
        ],
        structural=True,
    ),
    Case(
        "blank-text",
        [(MEETING, "place: Town hall", 'place: "   "')],
        [
            'data/events/2021-03-02-council-meeting.yaml:5:8: place: "   "; expected text that is not only spaces'
        ],
    ),
    Case(
        "control-character",
        [(MEETING, "place: Town hall", 'place: "Town\\u0007hall"')],
        [
            'data/events/2021-03-02-council-meeting.yaml:5:8: place: "Town\\u0007hall"; expected text without control characters or noncharacters (found U+0007 at character 5)'
        ],
    ),
    Case(
        "noncharacter",
        [(EVENT, "title: The engineer visits the site", 'title: "The engineer\\uFFFE visits the site"')],
        [
            'data/events/2021-03-02-site-visit.yaml:5:8: title: "The engineer\\uFFFE visits the site"; expected text without control characters or noncharacters (found U+FFFE at character 13)'
        ],
    ),
    Case(
        "invisible-character-in-a-quote",
        [(EVENT, 'text: "Not by summer. Not this year."', 'text: "Not by\\u200B summer. Not this year."')],
        [
            'data/events/2021-03-02-site-visit.yaml:20:21: quotes[0].citations[0].as_printed: words without the quote\'s text: the closest passage, "Not by summer. Not this year.", has " " U+0020 SPACE where the text has "\\u200B" U+200B ZERO WIDTH SPACE, after "Not by"; expected the quote\'s text "Not by\\u200B summer. Not this year."'
            + QUOTED_WORDS
        ],
    ),
    Case(
        "letters-composed-otherwise-than-printed",
        [
            (EVENT, 'text: "Not by summer. Not this year."', 'text: "Not by summer. Not this y\\u00E9ar."'),
            (
                EVENT,
                'as_printed: "Not by summer. Not this year."',
                'as_printed: "Not by summer. Not this ye\\u0301ar."',
            ),
        ],
        [
            'data/events/2021-03-02-site-visit.yaml:20:21: quotes[0].citations[0].as_printed: words without the quote\'s text: the closest passage, "Not by summer. Not this ye\\u0301ar.", has "e" where the text has "\u00e9" U+00E9 LATIN SMALL LETTER E WITH ACUTE, after "\u2026y summer. Not this y"; expected the quote\'s text "Not by summer. Not this y\u00e9ar."'
            + QUOTED_WORDS
        ],
    ),
    Case(
        "hyphen-where-the-text-has-an-en-dash",
        [
            (
                EVENT,
                'text: "Not by summer. Not this year."',
                'text: "Not by summer. Not this mid\u2013year."',
            ),
            (
                EVENT,
                'as_printed: "Not by summer. Not this year."',
                'as_printed: "Not by summer. Not this mid-year."',
            ),
        ],
        [
            'data/events/2021-03-02-site-visit.yaml:20:21: quotes[0].citations[0].as_printed: words without the quote\'s text: the closest passage, "Not by summer. Not this mid-year.", has "-" U+002D HYPHEN-MINUS where the text has "\u2013" U+2013 EN DASH, after "\u2026summer. Not this mid"; expected the quote\'s text "Not by summer. Not this mid\u2013year."'
            + QUOTED_WORDS
        ],
    ),
    Case(
        "citation-of-other-words",
        [
            (
                MEETING,
                'as_printed: "we will have a bridge by summer, I promise"',
                'as_printed: "The figure is not final yet."',
            )
        ],
        [
            "data/events/2021-03-02-council-meeting.yaml:21:21: quotes[0].citations[1].as_printed: words without the quote's text, nor a passage like it; expected the quote's text \"a bridge by summer\""
            + QUOTED_WORDS
        ],
    ),
    Case(
        "citation-of-a-source-the-event-does-not-list",
        [(EVENT, "sources: [courier-2021-03-03]", "sources: [gazette-2021-03-02]")],
        [
            'data/events/2021-03-02-site-visit.yaml:19:17: quotes[0].citations[0].source: the source "courier-2021-03-03", which the event\'s "sources:" does not list; expected a source of the event: add "courier-2021-03-03" to its "sources:"'
        ],
    ),
    Case(
        "unknown-stance",
        [(MEETING, "stance: affirms", "stance: affirm")],
        [
            'data/events/2021-03-02-council-meeting.yaml:16:17: quotes[0].topics[0].stance: "affirm"; expected one of affirms, denies, qualifies (did you mean "affirms"?)'
        ],
        structural=True,
    ),
    Case(
        "unknown-relation-type",
        [(EVENT, "type: contradicts", "type: contradict")],
        [
            'data/events/2021-03-02-site-visit.yaml:22:15: quotes[0].relations[0].type: "contradict"; expected one of contradicts, clarifies, walks-back, repeats (did you mean "contradicts"?)'
        ],
        structural=True,
    ),
    Case(
        "id-with-capitals",
        # A correction's id: nothing refers to it, so the one problem stands alone.
        [("data/corrections.yaml", "id: 2021-03-10-engineer-wording", "id: 2021-03-10-Engineer-Wording")],
        [
            'data/corrections.yaml:2:9: corrections[0].id: "2021-03-10-Engineer-Wording"; expected an id of lowercase letters, digits and hyphens, such as kelly-mexico-city'
        ],
        structural=True,
    ),
    Case(
        "empty-settings-file",
        [(SETTINGS, None, "")],
        ["data/explainer.yaml:1:1: (file): nothing; expected a mapping of fields"],
        structural=True,
    ),
    Case(
        "missing-file",
        [(SETTINGS, None, None)],
        ["data/explainer.yaml:1:1: (file): no such file; expected this file to exist"],
    ),
    Case(
        "template-placeholder",
        [(MEETING, "place: Town hall", 'place: "FILL IN: where it happened"')],
        [
            'data/events/2021-03-02-council-meeting.yaml:5:8: place: the template\'s placeholder "FILL IN: where it happened"; expected your own value in its place'
        ],
    ),
    # --- dates and times ---
    Case(
        "date-that-does-not-exist",
        [(VOTE, "date: 2021-04", "date: 2021-02-30")],
        [
            'data/events/2021-04-council-vote.yaml:2:7: date: "2021-02-30"; expected a day that exists in February 2021'
        ],
    ),
    Case(
        "date-in-year-zero",
        [(VOTE, "date: 2021-04", 'date: "0000-01-01"')],
        [
            'data/events/2021-04-council-vote.yaml:2:7: date: "0000-01-01"; expected a year from 0001 to 2105 (what the built files\' timestamps can hold)'
        ],
    ),
    Case(
        "date-after-2105",
        [(VOTE, "date: 2021-04", "date: 2107-01-01")],
        [
            "data/events/2021-04-council-vote.yaml:2:7: date: the date 2107-01-01; expected a year from 0001 to 2105 (what the built files' timestamps can hold)"
        ],
    ),
    Case(
        "published-in-year-zero",
        [(SOURCES, "published: 2021-03-03", "published: 0000-02-23")],
        [
            'data/sources.yaml:12:16: sources[1].published: "0000-02-23"; expected a year from 0001 to 2105 (what the built files\' timestamps can hold)'
        ],
    ),
    Case(
        "month-out-of-range",
        [(PEOPLE, "from: 2019-05", "from: 2019-13")],
        ['data/people.yaml:13:15: people[1].roles[0].from: "2019-13"; expected a month from 01 to 12'],
    ),
    Case(
        "date-in-another-format",
        [(SOURCES, "published: 2021-03-03", "published: 03/03/2021")],
        [
            'data/sources.yaml:12:16: sources[1].published: "03/03/2021"; expected a date written YYYY-MM-DD, YYYY-MM or YYYY'
        ],
        structural=True,
    ),
    Case(
        "time-without-offset",
        [(EVENT, 'time: "16:30+01:00"', 'time: "16:30"')],
        [
            'data/events/2021-03-02-site-visit.yaml:3:7: time: "16:30"; expected a time with its UTC offset, written "HH:MM+HH:MM", "HH:MM-HH:MM" or "HH:MMZ"'
        ],
        structural=True,
    ),
    Case(
        "time-out-of-range",
        [(EVENT, 'time: "16:30+01:00"', 'time: "24:30+01:00"')],
        [
            'data/events/2021-03-02-site-visit.yaml:3:7: time: "24:30+01:00"; expected a time from 00:00 to 23:59'
        ],
    ),
    Case(
        "order-on-a-month",
        [(VOTE, "date: 2021-04", "date: 2021-04\norder: 1")],
        [
            'data/events/2021-04-council-vote.yaml:3:8: order: "order: 1" on a date known only to the month (2021-04); expected a full date (YYYY-MM-DD), or no "order" field'
        ],
    ),
    Case(
        "same-order-twice-on-a-day",
        [(EVENT, "order: 2", "order: 1")],
        [
            "data/events/2021-03-02-site-visit.yaml:4:8: order: the order 1 again on 2021-03-02 (first at data/events/2021-03-02-council-meeting.yaml:3:8); expected a different order for each event of the day"
        ],
    ),
    Case(
        "no-order-on-a-shared-day",
        [(MEETING, "order: 1\n", "")],
        [
            'data/events/2021-03-02-council-meeting.yaml:2:7: date: neither an order nor a time, on 2021-03-02, when the event "2021-03-02-site-visit" (data/events/2021-03-02-site-visit.yaml) also happened; expected an "order:" field (1 = first event of the day)'
        ],
    ),
    Case(
        "role-ends-before-it-starts",
        [(PEOPLE, "to: 2024-12-31", "to: 2019-12-31")],
        [
            "data/people.yaml:8:13: people[0].roles[0].to: an end (2019-12-31) before the start (2020-01-01); expected a date on or after the role's start"
        ],
    ),
    # --- addresses ---
    Case(
        "http-url",
        [(SOURCES, "url: https://gazette", "url: http://gazette")],
        [
            'data/sources.yaml:5:10: sources[0].url: "http://gazette.example/2021/03/02/bridge"; expected an https:// address without spaces or control characters'
        ],
        structural=True,
    ),
    Case(
        "javascript-url",
        [
            (
                SOURCES,
                "archive_url: https://archive.example/courier-bridge",
                "archive_url: javascript:alert(1)",
            )
        ],
        [
            'data/sources.yaml:13:18: sources[1].archive_url: "javascript:alert(1)"; expected an https:// address without spaces or control characters'
        ],
        structural=True,
    ),
    Case(
        "url-with-a-password",
        [(SOURCES, "url: https://courier.example", "url: https://user:secret@courier.example")],
        [
            'data/sources.yaml:11:10: sources[1].url: "https://user:secret@courier.example/bridge?id=7&lang=en"; expected an https:// address with a host name and no user name or password'
        ],
    ),
    # --- references and ids across files ---
    Case(
        "unknown-participant",
        [(MEETING, "participants: [mayor, clerk]", "participants: [mayor, clark]")],
        [
            'data/events/2021-03-02-council-meeting.yaml:7:23: participants[1]: the person id "clark", which is not defined; expected a person id from data/people.yaml (did you mean "clerk"?)'
        ],
    ),
    Case(
        "unknown-event-source",
        [(VOTE, "sources: [gazette-2021-03-02]", "sources: [gazette-2021-03-20]")],
        [
            'data/events/2021-04-council-vote.yaml:5:11: sources[0]: the source id "gazette-2021-03-20", which is not defined; expected a source id from data/sources.yaml (did you mean "gazette-2021-03-02"?)'
        ],
    ),
    Case(
        "unknown-topic",
        [(EVENT, "topic: cost", "topic: costs")],
        [
            'data/events/2021-03-02-site-visit.yaml:16:16: quotes[0].topics[1].topic: the topic id "costs", which is not defined; expected a topic id from data/topics.yaml (did you mean "cost"?)'
        ],
    ),
    Case(
        "unknown-related-quote",
        [(EVENT, "quote: mayor-by-summer", "quote: mayor-by-autumn")],
        [
            'data/events/2021-03-02-site-visit.yaml:23:16: quotes[0].relations[0].quote: the quote id "mayor-by-autumn", which is not defined; expected a quote id from an event\'s quotes (did you mean "mayor-by-summer"?)'
        ],
    ),
    Case(
        "unknown-speaker-in-settings",
        [(SETTINGS, "speakers: [mayor, engineer]", "speakers: [mayor, engineers]")],
        [
            'data/explainer.yaml:3:19: speakers[1]: the person id "engineers", which is not defined; expected a person id from data/people.yaml (did you mean "engineer"?)'
        ],
    ),
    Case(
        "unknown-cited-source",
        [(EVENT, "- source: courier-2021-03-03", "- source: courier")],
        [
            'data/events/2021-03-02-site-visit.yaml:19:17: quotes[0].citations[0].source: the source id "courier", which is not defined; expected a source id from data/sources.yaml'
        ],
    ),
    Case(
        "duplicate-person-id",
        [(PEOPLE, "  - id: clerk\n", "  - id: clerk\n    name: Cy Clerk\n  - id: clerk\n")],
        [
            'data/people.yaml:16:9: people[3].id: the id "clerk" again (first at data/people.yaml:14:9); expected an id used only once'
        ],
    ),
    Case(
        "duplicate-topic-id",
        [
            (
                TOPICS,
                "  - id: cost",
                "  - id: timetable\n    question: When?\n    summary: Twice.\n  - id: cost",
            )
        ],
        [
            'data/topics.yaml:5:9: topics[1].id: the id "timetable" again (first at data/topics.yaml:2:9); expected an id used only once'
        ],
    ),
    Case(
        "event-id-not-the-file-name",
        [(VOTE, "id: 2021-04-council-vote", "id: 2021-04-council-votes")],
        [
            'data/events/2021-04-council-vote.yaml:1:5: id: the id "2021-04-council-votes" in a file named 2021-04-council-vote.yaml; expected the file to be named 2021-04-council-votes.yaml, or the id "2021-04-council-vote"'
        ],
    ),
    Case(
        "same-source-cited-twice",
        [(MEETING, "- source: courier-2021-03-03", "- source: gazette-2021-03-02")],
        [
            'data/events/2021-03-02-council-meeting.yaml:20:17: quotes[0].citations[1].source: a second citation of the source "gazette-2021-03-02"; expected one citation per source'
        ],
    ),
    Case(
        "relation-to-itself",
        [(EVENT, "quote: mayor-by-summer", "quote: engineer-not-by-summer")],
        [
            'data/events/2021-03-02-site-visit.yaml:23:16: quotes[0].relations[0].quote: a relation from the quote "engineer-not-by-summer" to itself; expected the id of another quote'
        ],
    ),
    Case(
        "quote-text-ends-otherwise-than-printed",
        [(EVENT, 'text: "Not by summer. Not this year."', 'text: "Not by summer!"')],
        [
            'data/events/2021-03-02-site-visit.yaml:20:21: quotes[0].citations[0].as_printed: words without the quote\'s text: the closest passage, "Not by summer.", has "." U+002E FULL STOP where the text has "!" U+0021 EXCLAMATION MARK, after "Not by summer"; expected the quote\'s text "Not by summer!"'
            + QUOTED_WORDS
        ],
    ),
    # --- languages and translations (issue 21) ---
    Case(
        "language-not-a-language-tag",
        [
            (
                EVENT,
                "  - id: engineer-not-by-summer\n",
                "  - id: engineer-not-by-summer\n    language: english\n",
            )
        ],
        [
            'data/events/2021-03-02-site-visit.yaml:11:15: quotes[0].language: "english"; expected a language code such as en, es or es-MX (BCP 47)'
        ],
        structural=True,
    ),
    Case(
        "language-tag-not-in-its-standard-form",
        [
            (
                EVENT,
                "  - id: engineer-not-by-summer\n",
                "  - id: engineer-not-by-summer\n    language: es-mx\n",
            )
        ],
        [
            'data/events/2021-03-02-site-visit.yaml:11:15: quotes[0].language: "es-mx"; expected the language tag written "es-MX"'
        ],
    ),
    Case(
        "translation-without-from",
        [(MEETING, "          from: es\n", "")],
        [
            'data/events/2021-03-02-council-meeting.yaml:23:11: quotes[0].citations[1].translation.from: no "from" field; expected a "from:" field (the language the words were spoken in: a BCP 47 tag such as es for Spanish)'
        ],
        structural=True,
    ),
    Case(
        "translation-from-not-a-language-tag",
        [(MEETING, "          from: es\n", "          from: sp\n")],
        [
            'data/events/2021-03-02-council-meeting.yaml:24:17: quotes[0].citations[1].translation.from: "sp"; expected a language code such as en, es or es-MX (BCP 47)'
        ],
    ),
    Case(
        "translation-by-someone-else",
        [(MEETING, "          by: outlet\n", "          by: reuters\n")],
        [
            'data/events/2021-03-02-council-meeting.yaml:23:15: quotes[0].citations[1].translation.by: "reuters"; expected one of outlet, us'
        ],
        structural=True,
    ),
    Case(
        "original-identical-to-the-translation",
        [
            (
                MEETING,
                'original: "Tendremos un puente para el verano, lo prometo."',
                "original: We will have a bridge by summer, I promise.",
            )
        ],
        [
            'data/events/2021-03-02-council-meeting.yaml:25:21: quotes[0].citations[1].translation.original: the same words as the translation in as_printed; expected the words as spoken, in the language translated from (es), or no "original:"'
        ],
    ),
    Case(
        "original-with-a-translation-by-us",
        [(MEETING, "          by: outlet\n", "          by: us\n")],
        [
            'data/events/2021-03-02-council-meeting.yaml:25:21: quotes[0].citations[1].translation.original: original words with a translation by us; expected no "original:" with a translation by us: as_printed holds the words we translated'
        ],
    ),
    Case(
        "text-in-no-citation-of-its-language",
        [
            (
                EVENT,
                'as_printed: "Not by summer. Not this year."',
                'as_printed: "Not by summer. Not this year."\n        language: de',
            )
        ],
        [
            'data/events/2021-03-02-site-visit.yaml:12:11: quotes[0].text: text that no citation prints in the quote\'s language (en); expected a citation whose as_printed holds the text, or "translation: {by: us, from: …}" on the citation whose words the text translates (a quote in another language says so in its "language:")'
        ],
    ),
    # --- embeds in content/ ---
    Case(
        "unknown-embed-kind",
        [(INDEX, "{{ contrast-table }}", "{{ contrast-tables }}")],
        [
            'content/index.md:9:1: embed: an embed of kind "contrast-tables"; expected one of quote, side-by-side, byline, questions, contrast-table, timeline-day'
        ],
    ),
    Case(
        "embed-of-a-day-without-events",
        [(INDEX, "{{ timeline-day 2021-03-02 }}", "{{ timeline-day 2021-03-03 }}")],
        [
            'content/index.md:13:1: embed: the day "2021-03-03", which has no events; expected a day with events: 2021-03-02, 2021-04'
        ],
    ),
    Case(
        "embed-without-its-id",
        [(INDEX, "{{ quote mayor-by-summer }}", "{{ quote }}")],
        [
            'content/index.md:5:1: embed: "quote" with no argument; expected an embed on a line of its own: {{ quote ID }}, {{ side-by-side ID ID }}, {{ byline }}, {{ questions }}, {{ contrast-table }} or {{ timeline-day YYYY-MM-DD }}'
        ],
    ),
    Case(
        "embed-not-closed",
        [(INDEX, "{{ quote mayor-by-summer }}", "{{ quote mayor-by-summer")],
        [
            'content/index.md:5:1: embed: "{{ quote mayor-by-summer"; expected an embed on a line of its own: {{ quote ID }}, {{ side-by-side ID ID }}, {{ byline }}, {{ questions }}, {{ contrast-table }} or {{ timeline-day YYYY-MM-DD }}'
        ],
    ),
    Case(
        "hand-written-page-over-a-generated-one",
        [("content/timeline.md", None, "# Mine\n")],
        [
            "content/timeline.md:1:1: (file): a page at timeline.md; expected no hand-written page where a generated page goes"
        ],
    ),
    # --- texts in several languages (generator/languages.py) ---
    Case(
        "a-text-in-an-undeclared-language",
        [(MEETING, "place: Town hall", "place: {en: Town hall, fr: Hôtel de ville}")],
        [
            f'{MEETING}:5:24: place.fr: a text in "fr", which is not one of the explainer\'s languages; expected one of en (its "languages:" in data/explainer.yaml)'
        ],
    ),
    Case(
        "texts-without-the-main-language",
        [
            (SETTINGS, "published:", "languages: [en, es]\npublished:"),
            (MEETING, "place: Town hall", "place: {es: Ayuntamiento}"),
        ],
        [
            f"{MEETING}:5:8: place: no en text; expected its text in en, the main language (the first of the explainer's languages)"
        ],
    ),
    Case(
        "a-blank-translation",
        [
            (SETTINGS, "published:", "languages: [en, es]\npublished:"),
            (MEETING, "place: Town hall", 'place:\n  en: Town hall\n  es: " "'),
        ],
        [f'{MEETING}:7:7: place: " "; expected text that is not only spaces'],
    ),
    Case(
        "a-language-that-is-not-a-code",
        [(SETTINGS, "published:", "languages: [English]\npublished:")],
        [
            f'{SETTINGS}:9:13: languages[0]: "English"; expected a language code such as en, es or es-MX (BCP 47)'
        ],
        structural=True,
    ),
    Case(
        "a-language-twice",
        [(SETTINGS, "published:", "languages: [en, es, en]\npublished:")],
        [f'{SETTINGS}:9:21: languages[2]: the language "en" a second time; expected each language once'],
    ),
]

SEVERAL = [
    Case(
        "several-problems-in-one-file-sorted-by-line",
        [
            (MEETING, "stance: affirms", "stance: affirm"),
            (MEETING, "place: Town hall", "place: on"),
            (MEETING, "order: 1", "order: first"),
            (MEETING, "- source: courier-2021-03-03", "- source: courier-2021-03-30"),
        ],
        [
            'data/events/2021-03-02-council-meeting.yaml:3:8: order: "first"; expected a whole number',
            'data/events/2021-03-02-council-meeting.yaml:5:8: place: on, which YAML reads as true or false; expected text in quotes ("on")',
            'data/events/2021-03-02-council-meeting.yaml:16:17: quotes[0].topics[0].stance: "affirm"; expected one of affirms, denies, qualifies (did you mean "affirms"?)',
            'data/events/2021-03-02-council-meeting.yaml:20:17: quotes[0].citations[1].source: the source id "courier-2021-03-30", which is not defined; expected a source id from data/sources.yaml (did you mean "courier-2021-03-03"?)',
        ],
    ),
    Case(
        "data-and-embed-problems-together",
        [
            (EVENT, "speaker: engineer", "speaker: enginer"),
            (MEETING, "place: Town hall", "place: no"),
            (INDEX, "{{ timeline-day 2021-03-02 }}", "{{ timeline-day 2021-03-01 }}"),
        ],
        [
            'content/index.md:13:1: embed: the day "2021-03-01", which has no events; expected a day with events: 2021-03-02, 2021-04',
            'data/events/2021-03-02-council-meeting.yaml:5:8: place: no, which YAML reads as true or false; expected text in quotes ("no")',
            'data/events/2021-03-02-site-visit.yaml:11:14: quotes[0].speaker: the person id "enginer", which is not defined; expected a person id from data/people.yaml (did you mean "engineer"?)',
        ],
    ),
    Case(
        "a-file-that-cannot-be-read-hides-no-other-problem",
        [
            (MEETING, "place: Town hall", "place Town hall"),
            (EVENT, "topic: cost", "topic: costs"),
            (SOURCES, "url: https://gazette", "url: http://gazette"),
            (INDEX, "{{ contrast-table }}", "{{ contrast-tables }}"),
        ],
        [
            'content/index.md:9:1: embed: an embed of kind "contrast-tables"; expected one of quote, side-by-side, byline, questions, contrast-table, timeline-day',
            'data/events/2021-03-02-council-meeting.yaml:5:1: (file): a line without a colon after its field name ("place Town hall"); expected a field name, a colon and a space (name: value), or more indentation if it continues a value',
            'data/events/2021-03-02-site-visit.yaml:16:16: quotes[0].topics[1].topic: the topic id "costs", which is not defined; expected a topic id from data/topics.yaml (did you mean "cost"?)',
            'data/sources.yaml:5:10: sources[0].url: "http://gazette.example/2021/03/02/bridge"; expected an https:// address without spaces or control characters',
        ],
    ),
    Case(
        "a-problem-in-every-kind-of-file",
        [
            (SETTINGS, "speakers: [mayor, engineer]", "speakers: [mayor, engineer, mayor-2]"),
            (PEOPLE, "name: Cy Clerk", "name: yes"),
            (SOURCES, "published: 2021-03-03", "published: 2021-03-32"),
            (TOPICS, "question: What will it cost?", "question: What will it cost?\n    questoin: Really?"),
            (VOTE, "sources: [gazette-2021-03-02]", "sources: [gazette-2021-03-02, gazette-2021-03-02]"),
            (
                "content/about.md",
                "A page without embeds.",
                "{{ quote engineer-not-by-summer }}\n{{ quote x }}",
            ),
        ],
        [
            'content/about.md:4:1: embed: the quote id "x", which is not defined; expected a quote id from data/events/',
            'data/events/2021-04-council-vote.yaml:5:31: sources[1]: the source id "gazette-2021-03-02" a second time; expected each id once in this list',
            'data/explainer.yaml:3:29: speakers[2]: the person id "mayor-2", which is not defined; expected a person id from data/people.yaml (did you mean "mayor"?)',
            'data/people.yaml:15:11: people[2].name: yes, which YAML reads as true or false; expected text in quotes ("yes")',
            'data/sources.yaml:12:16: sources[1].published: "2021-03-32"; expected a day that exists in March 2021',
            'data/topics.yaml:7:5: topics[1].questoin: an unknown field "questoin"; expected one of id, question, summary (did you mean "question"?)',
        ],
    ),
]
