"""Output folders: never the project or a folder this tool did not make, one writer at a time, no moment
without a complete folder, stale staging folders removed, modes from the umask."""

from __future__ import annotations

import fcntl
import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import output_folder
from generator.cli import main
from generator.output_folder import MARKER, OutputFolderError, replace_folder, write_folder

# Each command that replaces a folder, and the option that names it (--root is the current folder).
COMMANDS = [("build", "--site-dir"), ("export", "--out"), ("generate", "--out")]
OWN = "expected a folder of its own for the output, which is replaced as a whole"


@pytest.fixture
def project(small_project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The small fixture project, as the current folder."""
    monkeypatch.chdir(small_project)
    return small_project


def tree(folder: Path) -> dict[str, bytes | str]:
    """Every file's bytes and every link's target under ``folder``, by relative path."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[relative] = path.readlink().as_posix()
        elif path.is_file():
            found[relative] = path.read_bytes()
        else:
            found[relative + "/"] = b""
    return found


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _foreign(root: Path) -> str:
    (root / "notes").mkdir()
    (root / "notes" / "todo.txt").write_text("mine\n", encoding="utf-8")
    return "notes"


def _file(root: Path) -> str:
    (root / "notes.txt").write_text("mine\n", encoding="utf-8")
    return "notes.txt"


def _symlink(root: Path) -> str:
    """A link to a folder this tool made (elsewhere): still refused, and neither end is touched."""
    made = root.parent / "elsewhere"
    made.mkdir()
    (made / MARKER).write_text("", encoding="utf-8")
    (made / "page.html").write_text("<p>kept</p>\n", encoding="utf-8")
    (root / "published").symlink_to(made)
    return "published"


REFUSED: dict[str, tuple[Callable[[Path], str], str]] = {
    "the project folder": (lambda root: ".", "it is or holds the project's mkdocs.yml; " + OWN),
    "the folder holding the project": (lambda root: "..", "it is or holds the project's mkdocs.yml; " + OWN),
    "data": (lambda root: "data", "it is or holds the project's data/; " + OWN),
    "content": (lambda root: "content", "it is or holds the project's content/; " + OWN),
    "inside data": (lambda root: "data/events", "it lies inside the project's data/; " + OWN),
    "inside content": (lambda root: "content/site", "it lies inside the project's content/; " + OWN),
    "the config file": (lambda root: "mkdocs.yml", "a file; expected a folder"),
    "a file": (_file, "a file; expected a folder"),
    "a foreign folder": (
        _foreign,
        f"a folder with files in it but no {MARKER} file (this tool did not make it); "
        "expected a new or empty folder, or one this tool made",
    ),
    "a symbolic link": (
        _symlink,
        "a symbolic link; expected a folder (a link is left alone, and so is what it points to)",
    ),
}


@pytest.mark.parametrize(("command", "option"), COMMANDS)
@pytest.mark.parametrize("case", REFUSED)
def test_a_folder_that_is_not_the_tools_own_is_refused_and_left_alone(
    project: Path, command: str, option: str, case: str
) -> None:
    make, reason = REFUSED[case]
    given = make(project)
    before = tree(project.parent)

    code, stdout, stderr = run(command, option, given)

    assert (code, stdout, stderr) == (1, "", f"Error: {option} {given}: {reason}\n")
    assert tree(project.parent) == before


@pytest.mark.parametrize(("command", "option"), [("export", "--out"), ("generate", "--out")])
def test_a_folder_this_tool_made_is_replaced_as_a_whole(project: Path, command: str, option: str) -> None:
    assert run(command, option, "out")[0] == 0
    first = tree(project / "out")
    (project / "out" / "left-over.txt").write_text("from an earlier run\n", encoding="utf-8")

    assert run(command, option, "out")[0] == 0

    assert tree(project / "out") == first
    assert first[MARKER] == output_folder.MARKER_TEXT.encode()
    assert sorted(path.name for path in project.iterdir()) == ["content", "data", "mkdocs.yml", "out"]


def test_an_empty_folder_may_be_written(project: Path) -> None:
    (project / "out").mkdir()
    assert run("export", "--out", "out") == (0, "Wrote 10 files to out.\n", "")
    assert (project / "out" / MARKER).is_file()


@pytest.mark.usefixtures("umask_022")
def test_folders_and_files_take_their_modes_from_the_umask(project: Path) -> None:
    """A web server running as another user can read the output (mkdtemp would make it 0700)."""
    assert run("export", "--out", "out")[0] == 0
    out = project / "out"
    assert {stat.S_IMODE(path.stat().st_mode) for path in [out, *out.rglob("*")] if path.is_dir()} == {0o755}
    assert {stat.S_IMODE(path.stat().st_mode) for path in out.rglob("*") if path.is_file()} == {0o644}


def test_stale_staging_folders_of_this_tool_are_removed_by_the_next_run(project: Path) -> None:
    """A killed run leaves its staging folder (marked, with its process id); a folder without the marker stays."""
    stale = project / ".out-new-4194304-0badf00d"
    stale.mkdir()
    (stale / MARKER).write_text(output_folder.MARKER_TEXT, encoding="utf-8")
    (stale / "index.html").write_text("<p>half built</p>\n", encoding="utf-8")
    foreign = project / ".out-new-notes"
    foreign.mkdir()
    (foreign / "todo.txt").write_text("mine\n", encoding="utf-8")

    assert run("export", "--out", "out")[0] == 0

    assert sorted(path.name for path in project.iterdir() if path.name.startswith(".")) == [".out-new-notes"]
    assert tree(foreign) == {"todo.txt": b"mine\n"}


def test_a_second_command_writing_beside_a_running_one_is_refused(project: Path) -> None:
    """While one command holds the parent folder (here: this test), another is refused at once."""
    descriptor = os.open(project, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        before = tree(project)
        code, stdout, stderr = run("export", "--out", "out")
    finally:
        os.close(descriptor)
    assert (code, stdout) == (1, "")
    assert stderr == (
        f"Error: --out out: another explainer command is replacing a folder in {project} now; "
        "expected one at a time there: run this again when that one has finished\n"
    )
    assert tree(project) == before
    assert run("export", "--out", "out")[0] == 0  # the lock went with the first command


def test_overlapping_replacements_in_one_folder_do_not_mix(tmp_path: Path) -> None:
    target = tmp_path / "site"

    def fill(staging: Path) -> int:
        (staging / "a.txt").write_text("first\n", encoding="utf-8")
        with pytest.raises(OutputFolderError) as refused:
            write_folder(target, {"b.txt": "second\n"}, copies={}, inputs={})
        assert refused.value.path == target
        return 0

    assert replace_folder(target, fill, inputs={}) == 0
    assert tree(target) == {MARKER: output_folder.MARKER_TEXT.encode(), "a.txt": b"first\n"}
    assert [path.name for path in tmp_path.iterdir()] == ["site"]


def test_a_failed_fill_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "site"
    write_folder(target, {"a.txt": "old\n"}, copies={}, inputs={})
    before = tree(target)

    def fill(staging: Path) -> int:
        (staging / "a.txt").write_text("half\n", encoding="utf-8")
        return 1

    assert replace_folder(target, fill, inputs={}) == 1
    assert tree(target) == before
    assert [path.name for path in tmp_path.iterdir()] == ["site"]


def test_there_is_no_moment_without_a_complete_folder(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """At every rename and removal the replacement makes, the target holds the old or the new files, whole."""
    target = project / "out"
    assert run("export", "--out", "out")[0] == 0
    (project / "out" / "left-over.txt").write_text("from an earlier run\n", encoding="utf-8")
    old = tree(target)
    seen: list[dict[str, bytes | str]] = []

    def spy(function: Callable[..., object]) -> Callable[..., object]:
        def recorded(*args: object, **kwargs: object) -> object:
            seen.append(tree(target) if target.is_dir() else {})
            return function(*args, **kwargs)

        return recorded

    monkeypatch.setattr(shutil, "rmtree", spy(shutil.rmtree))
    monkeypatch.setattr(os, "rename", spy(os.rename))
    monkeypatch.setattr(os, "replace", spy(os.replace))
    monkeypatch.setattr(Path, "rename", spy(Path.rename))
    monkeypatch.setattr(Path, "replace", spy(Path.replace))

    assert run("export", "--out", "out")[0] == 0

    new = tree(target)
    assert new == {path: data for path, data in old.items() if path != "left-over.txt"}
    assert seen
    assert all(state in (old, new) for state in seen)


def test_where_names_cannot_be_exchanged_the_folder_is_still_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "site"
    write_folder(target, {"a.txt": "old\n"}, copies={}, inputs={})
    monkeypatch.setattr(output_folder, "_exchange", lambda first, second: False)

    write_folder(target, {"b.txt": "new\n"}, copies={}, inputs={})

    assert tree(target) == {MARKER: output_folder.MARKER_TEXT.encode(), "b.txt": b"new\n"}
    assert [path.name for path in tmp_path.iterdir()] == ["site"]


def test_zensicals_work_folder_is_not_a_site_folder(project: Path) -> None:
    code, stdout, stderr = run("build", "--engine", "zensical", "--site-dir", "build/site")
    assert (code, stdout) == (1, "")
    assert stderr == (
        "Error: --site-dir build/site: it lies inside the project's build/ (the Zensical work folder); "
        + OWN
        + "\n"
    )


def test_a_foreign_docs_folder_in_zensicals_work_folder_is_named_when_refused(project: Path) -> None:
    (project / "build" / "docs").mkdir(parents=True)
    (project / "build" / "docs" / "draft.md").write_text("# Mine\n", encoding="utf-8")
    before = tree(project)

    code, stdout, stderr = run("build", "--engine", "zensical")

    assert (code, stdout) == (1, "")
    assert stderr == (
        f"Error: {project.resolve() / 'build' / 'docs'}: a folder with files in it but no {MARKER} file "
        "(this tool did not make it); expected a new or empty folder, or one this tool made\n"
    )
    assert tree(project) == before


@pytest.mark.parametrize(("command", "option"), COMMANDS)
def test_a_folder_the_system_will_not_make_is_an_error_not_a_traceback(
    project: Path, command: str, option: str
) -> None:
    given = _file(project) + "/site"
    before = tree(project)

    code, stdout, stderr = run(command, option, given)

    assert (code, stdout) == (1, "")
    assert stderr == (
        f"Error: {option} {given}: it could not be written (File exists: {project / 'notes.txt'}); "
        "expected a folder this user can make and replace\n"
    )
    assert tree(project) == before
