"""The JSON Schemas editors' YAML tools use: generated from the models, committed, accepting the real data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from generator.cli import main
from generator.schema import SCHEMAS, schema_texts
from tests.bad_input import CASES, Case, apply
from tests.conftest import ROOT, SMALL, copy_project


class _Yaml12Loader(yaml.SafeLoader):
    """Reads dates as text, as YAML 1.2 (and the YAML language server in editors) does."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def schema_name(relative: str) -> str:
    """The schema that describes a data file, as mapped in .vscode/settings.json."""
    return (
        "event.schema.json" if relative.startswith("data/events/") else Path(relative).stem + ".schema.json"
    )


def schema_errors(root: Path, relative: str) -> list[str]:
    validator = Draft202012Validator(json.loads((ROOT / "schemas" / schema_name(relative)).read_text()))
    data = yaml.load((root / relative).read_text(encoding="utf-8"), Loader=_Yaml12Loader)
    return [error.message for error in validator.iter_errors(data)]


def data_files(root: Path) -> list[str]:
    return sorted(path.relative_to(root).as_posix() for path in (root / "data").rglob("*.yaml"))


def test_the_committed_schemas_are_the_generated_ones() -> None:
    committed = {path.name: path.read_text(encoding="utf-8") for path in (ROOT / "schemas").glob("*.json")}
    assert committed == schema_texts(), "run: ./dev explainer schema --out schemas"


def test_the_command_writes_one_schema_per_kind_of_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["schema", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    written = {path.name: path.read_text(encoding="utf-8") for path in (tmp_path / "out").iterdir()}
    assert written == schema_texts()
    assert sorted(written) == sorted(SCHEMAS)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_each_schema_is_valid_json_schema(name: str) -> None:
    Draft202012Validator.check_schema(json.loads(schema_texts()[name]))


def test_vs_code_maps_every_data_file_to_its_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping: dict[str, Any] = settings["yaml.schemas"]
    expected = {f"./schemas/{name}": files for name, (_, _, files) in SCHEMAS.items()}
    assert mapping == expected


@pytest.mark.parametrize("root", [ROOT, SMALL], ids=["real-data", "small-fixture"])
def test_the_schemas_accept_the_data(root: Path) -> None:
    files = data_files(root)
    assert len(files) >= 7
    assert {relative: schema_errors(root, relative) for relative in files} == {
        relative: [] for relative in files
    }


STRUCTURAL = [case for case in CASES if case.structural]


def test_the_corpus_has_structural_cases() -> None:
    assert len(STRUCTURAL) >= 15


@pytest.mark.parametrize("case", STRUCTURAL, ids=lambda case: case.name)
def test_the_schemas_reject_the_corpus_structural_cases(case: Case, tmp_path: Path) -> None:
    root = copy_project(SMALL, tmp_path / "project")
    apply(root, case.edits)
    edited = sorted({relative for relative, _, _ in case.edits})
    assert [relative for relative in edited if schema_errors(root, relative)] == edited
