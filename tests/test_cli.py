"""The command line as editors and CI meet it: exit codes, messages, GitHub annotations, an untouched site/."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import github_annotation, main
from generator.errors import Problem
from generator.output_folder import MARKER, MARKER_TEXT
from tests.conftest import ROOT, copy_project, edit

EVENT = "data/events/2021-03-02-site-visit.yaml"


def test_valid_data_exits_0(small_project: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--root", str(small_project)])
    assert (result.exit_code, result.stdout) == (
        0,
        "The data is valid: 20 pages and 14 other files would be written.\n",
    )


def test_invalid_data_exits_1_with_every_problem_on_stderr(small_project: Path) -> None:
    edit(small_project / EVENT, "speaker: engineer", "speaker: enginer")
    edit(small_project / EVENT, "order: 2", "order: 0")
    result = CliRunner(env={"GITHUB_ACTIONS": "false"}).invoke(
        main, ["validate", "--root", str(small_project)]
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{EVENT}:4:8: order: the number 0; expected a whole number from 1 up",
        f'{EVENT}:11:14: quotes[0].speaker: the person id "enginer", which is not defined; '
        'expected a person id from data/people.yaml (did you mean "engineer"?)',
        "2 problems found in the data.",
    ]


def test_inside_github_actions_each_problem_is_also_an_annotation(small_project: Path) -> None:
    edit(small_project / EVENT, "order: 2", "order: 0")
    result = CliRunner(env={"GITHUB_ACTIONS": "true"}).invoke(
        main, ["validate", "--root", str(small_project)]
    )
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"::error file={EVENT},line=4,col=8::order: the number 0; expected a whole number from 1 up"
    ]


def test_annotation_escapes_what_could_end_the_command_or_forge_another() -> None:
    problem = Problem(
        "data/events/a,b:c%.yaml", 2, 3, "title", '"50% done\r\n::error file=x.yaml::forged"', "text"
    )
    assert github_annotation(problem) == (
        "::error file=data/events/a%2Cb%3Ac%25.yaml,line=2,col=3::"
        'title: "50%25 done\\u000D\\u000A::error file=x.yaml::forged"; expected text'
    )


def test_a_line_break_written_in_the_data_cannot_start_a_line_of_output(small_project: Path) -> None:
    """A quoted field name may hold any character; the message keeps it on its line, escaped."""
    edit(small_project / EVENT, "summary:", '"sumary\\n::error file=x::forged\\u2028":')
    result = CliRunner(env={"GITHUB_ACTIONS": "true"}).invoke(
        main, ["validate", "--root", str(small_project)]
    )
    assert result.exit_code == 1
    assert all(line.startswith(("data/", "2 problems")) for line in result.stderr.splitlines())
    assert [line.split("::")[0] for line in result.stdout.splitlines()] == ["", ""]
    assert result.stdout.splitlines()[1] == (
        f"::error file={EVENT},line=6,col=1::sumary\\u000A::error file=x::forged\\u2028: "
        'an unknown field "sumary\\u000A::error file=x::forged\\u2028"; expected one of id, date, time, '
        "order, title, place, summary, participants, sources, quotes"
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()
    }


def test_a_build_on_invalid_data_exits_1_and_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    root = copy_project(ROOT, tmp_path / "project")
    site = root / "site"
    (site / "timeline").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>The last good site</title>\n", encoding="utf-8")
    (site / "timeline" / "index.html").write_bytes(b"<p>\xe2\x80\x9cno mass deportations\xe2\x80\x9d</p>\n")
    (site / MARKER).write_text(MARKER_TEXT, encoding="utf-8")  # an earlier build made it
    before = snapshot(site)
    edit(root / "data/events/2017-02-23-kelly-mexico-city.yaml", "speaker: kelly", "speaker: kely")

    result = CliRunner().invoke(main, ["build", "--root", str(root)])

    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "1 problem found in the data."
    assert snapshot(site) == before
    assert sorted(path.name for path in root.iterdir()) == [
        "content",
        "data",
        "mkdocs.es.yml",
        "mkdocs.yml",
        "overrides",
        "site",
    ]


def test_a_build_reports_exactly_what_validate_reports(small_project: Path) -> None:
    """A misspelt embed in content/ and a bad speaker in data/: both commands list both, the same way."""
    edit(small_project / "content/index.md", "{{ quote mayor-by-summer }}", "{{ quote mayor-by-sumer }}")
    edit(small_project / EVENT, "speaker: engineer", "speaker: enginer")
    runner = CliRunner(env={"GITHUB_ACTIONS": "false"})

    validated = runner.invoke(main, ["validate", "--root", str(small_project)])
    built = runner.invoke(main, ["build", "--root", str(small_project)])

    assert (built.exit_code, built.stdout, built.stderr) == (validated.exit_code, "", validated.stderr)
    assert validated.exit_code == 1
    assert validated.stderr.splitlines() == [
        'content/index.md:5:1: embed: the quote id "mayor-by-sumer", which is not defined; '
        "expected a quote id from data/events/",
        f'{EVENT}:11:14: quotes[0].speaker: the person id "enginer", which is not defined; '
        'expected a person id from data/people.yaml (did you mean "engineer"?)',
        "2 problems found in the data.",
    ]
    assert sorted(path.name for path in small_project.iterdir()) == ["content", "data", "mkdocs.yml"]


BILINGUAL_VOTE = "data/events/2021-04-council-vote.yaml"
NO_SPANISH_TITLE = (
    f"{BILINGUAL_VOTE}:3:8: title: no es text; expected its es text beside the en one ({{en: …, es: …}})"
)


def test_a_missing_translation_is_a_warning_and_the_data_is_valid(tmp_path: Path) -> None:
    project = copy_project(ROOT / "tests/fixtures/bilingual", tmp_path / "project")
    result = CliRunner(env={"GITHUB_ACTIONS": "true"}).invoke(main, ["validate", "--root", str(project)])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"warning: {NO_SPANISH_TITLE}",
        "1 text has no translation (warnings; --strict-translations refuses them).",
    ]
    assert result.stdout.splitlines() == [
        f"::warning file={BILINGUAL_VOTE},line=3,col=8::title: no es text; expected its es text beside the en one "
        "({en: …, es: …})",
        "The data is valid: 20 pages and 14 other files would be written.",
    ]


def test_strict_translations_refuse_a_missing_one_with_every_other_problem(tmp_path: Path) -> None:
    project = copy_project(ROOT / "tests/fixtures/bilingual", tmp_path / "project")
    edit(project / EVENT, "order: 2", "order: 0")
    for command in ("validate", "build"):
        result = CliRunner(env={"GITHUB_ACTIONS": "false"}).invoke(
            main, [command, "--root", str(project), "--strict-translations"]
        )
        assert (result.exit_code, result.stdout) == (1, "")
        assert result.stderr.splitlines() == [
            f"{EVENT}:4:8: order: the number 0; expected a whole number from 1 up",
            NO_SPANISH_TITLE,
            "2 problems found in the data.",
        ]
    assert not (project / "site").exists()


def test_each_explainer_of_a_site_is_checked_for_its_translations(tmp_path: Path) -> None:
    project = copy_project(ROOT / "tests/fixtures/two-explainers", tmp_path / "project")
    edit(project / "data/explainers/bridge/explainer.yaml", "speakers:", "languages: [en, es]\nspeakers:")
    result = CliRunner(env={"GITHUB_ACTIONS": "false"}).invoke(main, ["validate", "--root", str(project)])
    assert result.exit_code == 0
    assert (
        "warning: data/explainers/bridge/events/2021-03-02-council-meeting.yaml:4:8: title: no es text; expected "
        "its es text beside the en one ({en: …, es: …})"
    ) in result.stderr.splitlines()
    assert "data/explainers/school/" not in result.stderr  # in one language: nothing to translate


def test_a_shared_persons_missing_translation_is_reported_once_on_a_site_of_several(tmp_path: Path) -> None:
    project = copy_project(ROOT / "tests/fixtures/two-explainers", tmp_path / "project")
    for slug in ("bridge", "school"):
        edit(
            project / f"data/explainers/{slug}/explainer.yaml", "speakers:", "languages: [en, es]\nspeakers:"
        )
    result = CliRunner(env={"GITHUB_ACTIONS": "false"}).invoke(main, ["validate", "--root", str(project)])
    assert result.exit_code == 0
    warning = (
        "warning: data/people.yaml:5:16: people[0].roles[0].title: no es text; expected its es text beside the "
        "en one ({en: …, es: …})"
    )
    assert result.stderr.splitlines().count(warning) == 1


def test_the_sites_own_texts_are_checked_for_their_translations(tmp_path: Path) -> None:
    project = copy_project(ROOT / "tests/fixtures/two-explainers", tmp_path / "project")
    edit(
        project / "data/site.yaml",
        "title: River Town explained",
        "languages: [en, es]\ntitle: {en: River Town explained, es: River Town explicado}",
    )
    result = CliRunner(env={"GITHUB_ACTIONS": "false"}).invoke(main, ["validate", "--root", str(project)])
    assert result.exit_code == 0
    assert [line for line in result.stderr.splitlines() if line.startswith("warning:")] == [
        "warning: data/site.yaml:3:10: summary: no es text; expected its es text beside the en one ({en: …, es: …})"
    ]
