"""A minimal Hugo site on the same data, so the benchmark can put Hugo's figures beside the explainer's.

The site has what a reader of the explainer's pages needs at the least: the contrast table (each question's
latest 3 quotes per speaker), one page per day, per person and per question, each quote with its words, date
and source link. The data goes into Hugo's ``data/`` folder as one JSON file per event, as the explainer keeps
one YAML file per event, and Hugo's templates render it (html/template escapes every value): editing one quote
is editing one data file under ``hugo server`` too. Hugo comes from Debian's package ``hugo``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import yaml

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CONFIG = """\
baseURL = "http://127.0.0.1/"
title = "Hugo on the benchmark's data"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
"""

# One quote, written out where it is used rather than as a partial: Hugo calls partials slowly, and the
# comparison is meant to be with Hugo at its best.
_QUOTE = """\
<figure id="{{ .id }}"><blockquote><p>{{ .text }}</p></blockquote>
<figcaption><a href="/people/{{ .speaker }}/">{{ .name }}</a>,
<time datetime="{{ .date }}">{{ .date }}</time>, <a href="{{ .url }}">{{ .outlet }}</a></figcaption></figure>
"""

# Every quote filed once per build under each list it belongs to ("day/DATE", "person/ID", "topic/ID",
# "cell/TOPIC/PERSON"), keyed by date and id so that each list reads in date order: each page then reads its
# list, as the explainer's generator groups the quotes once instead of searching all of them for each page.
# (Scratch.Add on a list copies it each time; SetInMap does not.)
_QUOTES_BY = """\
{{ $by := newScratch }}
{{ range $id, $event := site.Data.events }}{{ range $event.quotes }}{{ $key := printf "%s %s" .date .id }}
{{ $by.SetInMap (printf "day/%s" .date) $key . }}{{ $by.SetInMap (printf "person/%s" .speaker) $key . }}
{{ $quote := . }}{{ range .topics }}{{ $by.SetInMap (printf "topic/%s" .) $key $quote }}
{{ $by.SetInMap (printf "cell/%s/%s" . $quote.speaker) $key $quote }}{{ end }}
{{ end }}{{ end }}
{{ return $by }}
"""

_HEAD = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>'
_TAIL = "</body></html>\n"
_BY = '{{ $by := partialCached "quotes-by.html" "all" }}'

LAYOUTS = {
    "partials/quotes-by.html": _QUOTES_BY,
    "index.html": _HEAD
    + _BY
    + """<h1>{{ site.Title }}</h1><table><thead><tr><th>Question</th>
{{ range site.Data.explainer.speakers }}<th>{{ index site.Data.people . }}</th>{{ end }}</tr></thead><tbody>
{{ range $topic, $question := site.Data.topics }}
<tr><th><a href="{{ printf "/topics/%s/" $topic | relURL }}">{{ $question }}</a></th>
{{ range $speaker := site.Data.explainer.speakers }}<td>{{ with $by.GetSortedMapValues (printf "cell/%s/%s" $topic $speaker) }}
{{ range last 3 . }}"""
    + _QUOTE
    + """{{ end }}{{ end }}</td>{{ end }}</tr>
{{ end }}</tbody></table>"""
    + _TAIL,
    "_default/list.html": _HEAD
    + "<h1>{{ .Title }}</h1><ul>{{ range .Pages }}"
    + '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>'
    + _TAIL,
    **{
        f"{section}/single.html": _HEAD
        + _BY
        + f"""<h1>{{{{ .Title }}}}</h1>
{{{{ range $by.GetSortedMapValues (printf "{key}/%s" .Params.{key}) }}}}"""
        + _QUOTE
        + "{{ end }}"
        + _TAIL
        for section, key in (("timeline", "day"), ("people", "person"), ("topics", "topic"))
    },
}


def _read(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def _write_json(path: Path, value: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written in place, not through a temporary file: a temporary name in data/ would be read by hugo server.
    path.write_text(json.dumps(value, ensure_ascii=False, sort_keys=True), encoding="utf-8")


def _page(path: Path, front_matter: dict[str, str]) -> None:
    """A content page with only JSON front matter, which Hugo reads as any front matter."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(front_matter, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


def hugo_event(
    event: dict[str, Any], people: dict[str, str], sources: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """One event of the explainer's data as the Hugo site's data file holds it: its quotes, each with what a
    page shows of it (its speaker's name, its first source)."""
    day = event["date"].isoformat() if isinstance(event["date"], dt.date) else str(event["date"])
    quotes = []
    for quote in event.get("quotes") or []:
        source = sources[quote["citations"][0]["source"]]
        quotes.append(
            {
                "id": quote["id"],
                "speaker": quote["speaker"],
                "name": people[quote["speaker"]],
                "text": quote["text"],
                "date": day,
                "topics": [link["topic"] for link in quote.get("topics") or []],
                "outlet": source["outlet"],
                "url": source["url"],
            }
        )
    return {"id": event["id"], "date": day, "title": event["title"], "quotes": quotes}


def write_site(data_dir: Path, target: Path) -> Path:
    """A Hugo site in ``target`` (which must not exist) made from the explainer's ``data_dir``."""
    target.mkdir(parents=True)
    (target / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    for name, text in LAYOUTS.items():
        path = target / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    explainer = _read(data_dir / "explainer.yaml")
    people = {person["id"]: person["name"] for person in _read(data_dir / "people.yaml")["people"]}
    topics = {topic["id"]: topic["question"] for topic in _read(data_dir / "topics.yaml")["topics"]}
    sources = {source["id"]: source for source in _read(data_dir / "sources.yaml")["sources"]}
    _write_json(target / "data" / "explainer.json", {"speakers": explainer["speakers"]})
    _write_json(target / "data" / "people.json", people)
    _write_json(target / "data" / "topics.json", topics)
    days = set()
    for path in sorted((data_dir / "events").glob("*.yaml")):
        event = hugo_event(_read(path), people, sources)
        days.add(event["date"])
        _write_json(target / "data" / "events" / f"{path.stem}.json", event)
    content = target / "content"
    for day in sorted(days):
        _page(content / "timeline" / f"{day}.md", {"title": day, "day": day})
    for person, name in sorted(people.items()):
        _page(content / "people" / f"{person}.md", {"title": name, "person": person})
    for topic, question in sorted(topics.items()):
        _page(content / "topics" / f"{topic}.md", {"title": question, "topic": topic})
    return target


def hugo_command() -> str:
    """The ``hugo`` program; raises RuntimeError saying how to install it when it is missing."""
    found = shutil.which("hugo")
    if found is None:
        raise RuntimeError("hugo is not installed: apt-get install hugo (./dev bench installs it)")
    return found


def build(site: Path) -> float:
    """One ``hugo`` build of ``site`` into a fresh public/, in seconds; fails if Hugo does."""
    public = site / "public"
    if public.exists():
        shutil.rmtree(public)  # made by the previous build of this benchmark's own site
    command = [hugo_command(), "--quiet", "--source", str(site), "--destination", str(public)]
    start = time.perf_counter()
    subprocess.run(command, check=True, env={**os.environ, "HUGO_CACHEDIR": str(site / ".cache")})
    return time.perf_counter() - start
