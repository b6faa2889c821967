"""Reading a project's input: whatever is in data/ and content/ gives problems at file:line:column, never a
traceback, a hang or a crash, and nothing outside the project is read."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build import Project, generate
from generator.cli import main
from generator.errors import DataError
from generator.yamlfile import MAX_DEPTH, Position, load_yaml
from tests.conftest import SMALL, copy_project, edit

MEETING = "data/events/2021-03-02-council-meeting.yaml"
EXPLAINER = Path(sys.executable).parent / "explainer"
# A problem in another file, reported beside the one under test: one problem never hides the others.
OTHER = 'data/events/2021-03-02-council-meeting.yaml:5:8: place: no, which YAML reads as true or false; expected text in quotes ("no")'


def problems_of(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        generate(Project(root))
    return [str(problem) for problem in caught.value.problems]


def validate_command(root: Path) -> subprocess.CompletedProcess[str]:
    """``explainer validate`` in a process of its own: a crash there cannot take the tests down with it.

    Outside GitHub Actions, as an editor runs it: there the problems are also printed as ``::error`` lines.
    """
    env = {name: value for name, value in os.environ.items() if name != "GITHUB_ACTIONS"}
    return subprocess.run(
        [str(EXPLAINER), "validate", "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )


@pytest.fixture
def project(small_project: Path) -> Path:
    """The small fixture with one problem of its own, in another file than the one under test."""
    edit(small_project / MEETING, "place: Town hall", "place: no")
    return small_project


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\ufffe"])
def test_an_unprintable_character_is_reported_at_its_place(project: Path, char: str) -> None:
    edit(project / "data/topics.yaml", "Nobody has published", f"Nobody {char}has published")
    code = f"{ord(char):04X}"
    assert problems_of(project) == [
        OTHER,
        f"data/topics.yaml:7:21: (file): the unprintable character U+{code}; expected printable text (remove it, or write it as \\u{code} inside double quotes)",
    ]


def test_every_unprintable_line_is_reported_and_the_file_read_on(project: Path) -> None:
    edit(project / "data/topics.yaml", "question: What", "question: \x07What")
    edit(project / "data/topics.yaml", "summary: Nobody", "summary: \x00\x00 no")
    assert problems_of(project) == [
        OTHER,
        "data/topics.yaml:6:15: (file): the unprintable character U+0007; expected printable text (remove it, or write it as \\u0007 inside double quotes)",
        "data/topics.yaml:7:14: (file): the unprintable character U+0000; expected printable text (remove it, or write it as \\u0000 inside double quotes)",
    ]


@pytest.mark.parametrize("depth", [500, 30_000])
def test_values_nested_too_deeply_are_one_problem_not_a_crash(project: Path, depth: int) -> None:
    edit(project / "data/topics.yaml", "question: What will it cost?", "question: " + "[" * depth)
    done = validate_command(project)
    assert (done.returncode, done.stdout) == (1, "")
    path = "[0]" * (MAX_DEPTH - 3)
    assert done.stderr.splitlines() == [
        OTHER,
        f"data/topics.yaml:6:44: topics[1].question{path}: lists and mappings nested more than {MAX_DEPTH} deep; expected at most {MAX_DEPTH} levels",
        "2 problems found in the data.",
    ]


def test_a_page_that_is_not_utf8_is_reported_with_every_other_problem(project: Path) -> None:
    (project / "content/about.md").write_bytes("# About\n\nCafé \xe9t\xe9\n".encode("latin-1"))
    edit(project / "content/index.md", "{{ quote mayor-by-summer }}", "{{ quote mayor-by-winter }}")
    assert problems_of(project) == [
        "content/about.md:3:4: (file): a byte 0xe9 that is not UTF-8; expected text saved as UTF-8",
        'content/index.md:5:1: embed: the quote id "mayor-by-winter", which is not defined; expected a quote id from data/events/',
        OTHER,
    ]


def test_a_folder_or_a_fifo_where_a_file_belongs_is_reported(project: Path) -> None:
    (project / "data/people.yaml").unlink()
    (project / "data/people.yaml").mkdir()
    os.mkfifo(project / "data/events/2021-05-01-pipe.yaml")
    os.mkfifo(project / "content/pipe.png")
    os.mkfifo(project / "content/pipe.md")
    done = validate_command(project)  # a FIFO opened for reading would wait for a writer forever
    assert done.stderr.splitlines() == [
        "content/pipe.md:1:1: (file): a pipe, socket or device; expected a file",
        "content/pipe.png:1:1: (file): a pipe, socket or device; expected a file",
        OTHER,
        "data/events/2021-05-01-pipe.yaml:1:1: (file): a pipe, socket or device; expected a file",
        "data/people.yaml:1:1: (file): a folder; expected a file",
        "5 problems found in the data.",
    ]


# Run as another user when the tests run as root, whom no file permission stops.
_READ_AS_NOBODY = """
import os, sys
from pathlib import Path
from generator.build import Project, generate
from generator.errors import DataError
if os.geteuid() == 0:
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)
try:
    generate(Project(Path(sys.argv[1])))
except DataError as error:
    print(error)
"""


@pytest.fixture
def open_project() -> Iterator[Path]:
    """A copy of the small fixture in a folder any user may enter (pytest's tmp_path is its owner's only)."""
    with tempfile.TemporaryDirectory() as folder:
        Path(folder).chmod(0o755)
        root = copy_project(SMALL, Path(folder) / "project")
        edit(root / MEETING, "place: Town hall", "place: no")
        for path in [root, *root.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        yield root


def test_a_file_that_may_not_be_read_is_reported(open_project: Path) -> None:
    (open_project / "data/sources.yaml").chmod(0)
    (open_project / "content/about.md").chmod(0)
    done = subprocess.run(
        [sys.executable, "-c", _READ_AS_NOBODY, str(open_project)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stderr == ""
    assert done.stdout.splitlines() == [
        "content/about.md:1:1: (file): a file that cannot be read (Permission denied); expected a readable file",
        OTHER,
        "data/sources.yaml:1:1: (file): a file that cannot be read (Permission denied); expected a readable file",
        "3 problems found in the data.",
    ]


def test_links_that_leave_the_project_are_refused_and_their_target_never_shown(
    project: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:the secret first line\n", encoding="utf-8")
    (tmp_path / "secret-folder").mkdir()
    (tmp_path / "secret-folder" / "key.txt").write_text("the secret key\n", encoding="utf-8")
    (project / "data/events/2021-05-01-passwd.yaml").symlink_to(secret)
    (project / "data/people.yaml").unlink()
    (project / "data/people.yaml").symlink_to(secret)
    (project / "content/leak.md").symlink_to(secret)
    (project / "content/leak.png").symlink_to(secret)
    (project / "content/leaked").symlink_to(tmp_path / "secret-folder")
    (project / "content/nowhere.png").symlink_to(tmp_path / "missing")
    done = validate_command(project)
    assert "secret" not in done.stdout + done.stderr
    assert done.stderr.splitlines() == [
        "content/leak.md:1:1: (file): a link to outside the project; expected a file inside the project",
        "content/leak.png:1:1: (file): a link to outside the project; expected a file inside the project",
        "content/leaked:1:1: (file): a link to outside the project; expected a file inside the project",
        "content/nowhere.png:1:1: (file): a link to nothing; expected a file inside the project",
        OTHER,
        "data/events/2021-05-01-passwd.yaml:1:1: (file): a link to outside the project; expected a file inside the project",
        "data/people.yaml:1:1: (file): a link to outside the project; expected a file inside the project",
        "7 problems found in the data.",
    ]


def test_links_inside_the_project_are_read(small_project: Path) -> None:
    topics = small_project / "data/topics.yaml"
    topics.rename(small_project / "topics.yaml")
    topics.symlink_to("../topics.yaml")
    (small_project / "content/copy.txt").symlink_to("../data/explainer.yaml")
    files = generate(Project(small_project))
    assert "topics/cost.md" in files


def test_hidden_files_and_editor_droppings_are_ignored_and_other_names_reported(project: Path) -> None:
    events = project / "data/events"
    (events / ".#2021-03-02-site-visit.yaml").symlink_to("root@host.12345:1700000000")  # Emacs' lock
    (events / ".2021-03-02-site-visit.yaml.swp").write_bytes(b"\x00vim")
    (events / "#2021-03-02-site-visit.yaml#").write_text("id: [", encoding="utf-8")
    (events / "2021-03-02-site-visit.yaml~").write_text("id: [", encoding="utf-8")
    (events / ".hidden.yaml").write_text("id: hidden\n", encoding="utf-8")
    (events / "2021-04-council-vote.yaml").rename(events / "2021-04-council-vote.YAML")
    (events / "2021-05-notes.yml").write_text("id: notes\n", encoding="utf-8")
    (project / "content/.drafts").mkdir()
    (project / "content/.drafts/draft.md").write_bytes(b"\xff")
    (project / "content/index.md~").write_bytes(b"\xff")
    expected = (
        "a name that does not end in .yaml; expected event files named ID.yaml (nothing else here is read)"
    )
    assert problems_of(project) == [
        OTHER,
        f"data/events/2021-04-council-vote.YAML:1:1: (file): {expected}",
        f"data/events/2021-05-notes.yml:1:1: (file): {expected}",
    ]


def test_new_event_refuses_a_title_yaml_cannot_hold(small_project: Path) -> None:
    for title, code in [
        ("Del\x7fchar", "007F"),
        ("Two\nlines", "000A"),
        ("Bell\x07", "0007"),
        ("x\ufffe", "FFFE"),
    ]:
        result = CliRunner().invoke(
            main, ["new-event", "--root", str(small_project), "--date", "2021-03-05", "--title", title]
        )
        assert result.exit_code == 2
        assert (
            f"Invalid value for --title: the character U+{code}; expected a short headline of printable text on one line"
            in result.output
        )
    assert not list((small_project / "data/events").glob("2021-03-05-*"))


def test_positions_of_values_and_keys() -> None:
    loaded, problems = load_yaml("a: 1\nb:\n  - x\n  - {c: d & e*}\n", "file.yaml")
    assert loaded is not None
    assert problems == []
    assert loaded.data == {"a": 1, "b": ("x", {"c": "d & e*"})}
    assert loaded.position(("b", 1, "c")) == Position(4, 9)
    assert loaded.position(("b", 1, "c"), key=True) == Position(4, 6)
    assert loaded.position(("b", 5)) == Position(3, 3)
    assert loaded.problem(("b", 0), "found", "expected").line == 3


@pytest.mark.parametrize(
    ("text", "messages"),
    [
        ("a: 1\n---\nb: 2\n", ["f.yaml:2:1: (file): a second document (after ---); expected one document per file"]),
        (
            "a: !!set {x, y}\nb: !!omap [c: 1]\n",
            [
                "f.yaml:1:4: a: the tag tag:yaml.org,2002:set; expected a plain value without a tag",
                "f.yaml:2:4: b: the tag tag:yaml.org,2002:omap; expected a plain value without a tag",
            ],
        ),
        (
            "? [a, b]\n: no\nc: 1\nc: [no]\nd: no\n",
            [
                "f.yaml:1:3: (file): a field name that is not plain text; expected a name such as title:",
                'f.yaml:4:1: c: the field "c" a second time (first on line 3); expected each field once',
                'f.yaml:5:4: d: no, which YAML reads as true or false; expected text in quotes ("no")',
            ],
        ),
        ("*x : 1\n", ["f.yaml:1:1: (file): an alias (*name) of an anchor (&name); expected each value written out in full"]),
        ("? " + "[" * 1_000_000, [
            "f.yaml:1:3: (file): a field name that is not plain text; expected a name such as title:",
            f"f.yaml:1:{MAX_DEPTH + 2}: (file): lists and mappings nested more than {MAX_DEPTH} deep; expected at most {MAX_DEPTH} levels",
        ]),
    ],
)  # fmt: skip
def test_what_the_reader_refuses(text: str, messages: list[str]) -> None:
    """Values that are not kept (under a field name that is not text or comes twice) are skipped whole, and
    nesting is bounded there too: a million [ under a refused name take no longer than any other file."""
    assert [str(problem) for problem in load_yaml(text, "f.yaml")[1]] == messages
