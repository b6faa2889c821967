"""Hostile strings, and a fixture project whose every rendered text field holds one of them.

``PAYLOADS`` are valid data: each must appear on the built pages literally and introduce nothing. The
``REJECTED_*`` strings are what validation refuses, with the message the tests expect.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import ROOT, SMALL, copy_project

_HOSTILE: tuple[str, ...] = (
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    '"><script>alert(document.domain)</script>',
    'Sean Spicer"><script>alert(document.domain)</script>'
    '<meta http-equiv="refresh" content="5;url=https://evil.example/">',
    "'><img src=x onerror=alert(1)>",
    "<img src=x onerror=alert(1)//",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<body onload=alert(1)>",
    "</title><script>alert(1)</script>",
    "</textarea></noscript></style></q></p></div><script>alert(1)</script>",
    "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](jav&#x09;ascript:alert(1))",
    "[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
    "<javascript:alert(1)>",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](data:image/svg+xml,<svg onload=alert(1)>)",
    "[x](vbscript:msgbox(1))",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    "text {: onclick=alert(1) }",
    "{: #evil .evil onmouseover=alert(1) }",
    "<!-- unclosed comment",
    "<div><span>unclosed tags",
    "<![CDATA[ x ]]> <?php echo 1; ?>",
    "a | b | c",
    "| col | col |\n|---|---|\n| a | b |",
    "# heading\n## another",
    "> a blockquote",
    "1. a list\n- another",
    "    four spaces: code?",
    "***\n---\n===",
    '!!! danger "Admonition"\n    body',
    "a footnote[^1]\n\n[^1]: the note",
    "*emph* _emph_ **strong** `code` ~~del~~ ==mark== ^^ins^^",
    "&amp; &lt;script&gt; &#60;b&#62; &nbsp; &",
    "\\<script\\> \\*not\\* \\\\",
    "{{ quote mayor-by-summer }} {% raw %} ${x}",
    "\u202eevil\u202c \u2067rtl\u2069 \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
    "zero\u200bwidth\u200c\u200d\ufeffjoiner\u2060",
    "line one\nline two\n\nline three\u2028four\u2029five",
    "emoji 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and \ufffd",
    "x" * 5000 + "<script>alert(1)</script>" + "y" * 5000,
)
# Last, a name and question whose heading slug would be the id of its own quote (payload N's is quote-quote-pN).
PAYLOADS = (*_HOSTILE, f"Quote quote p{len(_HOSTILE):02d}")

# A control character anywhere in text, as validation reports it for an event's title.
REJECTED_TEXT: tuple[tuple[str, str], ...] = (
    ("java\x00script:alert(1)", "U+0000 at character 5"),
    ("java\x01script", "U+0001 at character 5"),
    ("placeholder \x02wzxhzdk:0\x03", "U+0002 at character 13"),
    ("bell\x07", "U+0007 at character 5"),
    ("windows\r\nline break", "U+000D at character 8"),
    ("escape \x1b[31m", "U+001B at character 8"),
    ("delete \x7f", "U+007F at character 8"),
    ("next line \x85?", "U+0085 at character 11"),
    ("c1 \x9b", "U+009B at character 4"),
)

REJECTED_URLS: tuple[str, ...] = (
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "&#106;avascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "http://example.com/",
    "//evil.example/",
    "/relative/path",
    'https://evil.example/"onmouseover=alert(1)',
    "https://evil.example/<script>",
    "https://user:pass@evil.example/",
    "https:evil.example",
    "https://",
)


def _dump(path: Path, data: dict[str, Any]) -> None:
    path.write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000), encoding="utf-8"
    )


def _load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


def payload_project(target: Path, payloads: tuple[str, ...] = PAYLOADS) -> Path:
    """The small fixture plus, per payload, a person, source, topic and event whose every text is that payload."""
    copy_project(SMALL, target)
    for config in ("mkdocs.yml", "mkdocs.es.yml"):  # both editions (generator/editions.py)
        shutil.copy2(ROOT / config, target / config)
    shutil.copytree(ROOT / "overrides", target / "overrides")
    (target / "content" / "method.md").write_text("# How this is made\n\nBy hand.\n", encoding="utf-8")
    data = target / "data"
    people, sources, topics = (_load(data / f"{name}.yaml") for name in ("people", "sources", "topics"))
    settings = _load(data / "explainer.yaml")
    for number, payload in enumerate(payloads):
        key = f"p{number:02d}"
        people["people"].append(
            {
                "id": key,
                "name": payload,
                "roles": [{"title": payload, "organization": payload, "from": "2020"}],
            }
        )
        sources["sources"].append(
            {
                "id": key,
                "outlet": payload,
                "title": payload,
                "url": f"https://news.example/{key}?a=1&b='x'",
                "published": "2022-01-01",
                "byline": payload,
            }
        )
        topics["topics"].append({"id": key, "question": payload, "summary": payload})
        quote: dict[str, Any] = {
            "id": f"quote-{key}",
            "speaker": key,
            "text": payload,
            "context": payload,
            "topics": [{"topic": key, "stance": "affirms"}],
            "citations": [{"source": key, "as_printed": f"“{payload}” she said"}],
        }
        if number:
            quote["relations"] = [
                {"type": "contradicts", "quote": f"quote-p{number - 1:02d}", "note": payload}
            ]
        event = {
            "id": f"2022-01-01-{key}",
            "date": "2022-01-01",
            "order": number + 1,
            "title": payload,
            "place": payload,
            "summary": payload,
            "participants": [key],
            "sources": [key],
            "quotes": [quote],
        }
        _dump(data / "events" / f"2022-01-01-{key}.yaml", event)
    settings["speakers"] = [*settings["speakers"], *(f"p{n:02d}" for n in range(len(payloads)))]
    for name, content in (
        ("people", people),
        ("sources", sources),
        ("topics", topics),
        ("explainer", settings),
    ):
        _dump(data / f"{name}.yaml", content)
    return target
