"""``explainer build`` reads and validates the data once before it runs the engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import build, engines
from generator.build import Project, build_site
from generator.load import LoadedData, ParsedFiles, load_data
from tests.conftest import SMALL, copy_project


def test_a_build_loads_the_data_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loads: list[Path] = []

    def counted_load(root: Path, data_dir: str, parsed: ParsedFiles | None = None) -> LoadedData:
        loads.append(root)
        return load_data(root, data_dir, parsed=parsed)

    monkeypatch.setattr(build, "load_data", counted_load)
    # The engine is another process, which loads the data for itself; here only this process's loads count.
    monkeypatch.setattr(engines, "run", lambda command, cwd, source_date_epoch=None: 0)
    project = Project(copy_project(SMALL, tmp_path / "project"))
    assert build_site(project, tmp_path / "site") == 0
    assert loads == [project.root]
