"""The pages of sources: one per date of publication, so that no page grows with the months' sources."""

from __future__ import annotations

from pathlib import Path

from generator.build import Project, generate
from tests.conftest import edit


def _source_pages(project: Path) -> dict[str, str]:
    return {path: text for path, text in generate(Project(project)).items() if path.startswith("sources/")}


def test_each_day_of_publication_has_a_page_with_only_its_sources(small_project: Path) -> None:
    pages = _source_pages(small_project)
    assert sorted(pages) == ["sources/2021-03-02.md", "sources/2021-03-03.md"]
    assert "{ #source-gazette-2021-03-02 }" in pages["sources/2021-03-02.md"]
    assert "#source-courier-2021-03-03" not in pages["sources/2021-03-02.md"]
    assert "{ #source-courier-2021-03-03 }" in pages["sources/2021-03-03.md"]
    assert "# Sources&#58; 3 March 2021\n" in pages["sources/2021-03-03.md"]


def test_a_source_dated_only_to_its_month_is_on_that_month_s_page(small_project: Path) -> None:
    edit(small_project / "data" / "sources.yaml", "published: 2021-03-03", "published: 2021-03")
    pages = _source_pages(small_project)
    assert sorted(pages) == ["sources/2021-03-02.md", "sources/2021-03.md"]
    month = pages["sources/2021-03.md"]
    assert 'description: "The sources published in March 2021 that this explainer quotes."' in month
    assert "# Sources&#58; March 2021\n" in month
    assert "{ #source-courier-2021-03-03 }" in month
