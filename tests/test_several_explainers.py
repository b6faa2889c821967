"""Several explainers on one site, sharing people and sources: the two-explainer fixture, loaded, checked,
generated (golden files) and built with MkDocs strict.

Run with ``UPDATE_GOLDEN=1`` to rewrite the golden files after an intended change, then review the diff.
"""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup
from click.testing import CliRunner

from generator.build import Project, build_site, generate, write_exports
from generator.cli import main
from generator.errors import DataError
from generator.explainers import has_several, load_site, validate_site
from generator.export import DOWNLOADS, schema_path
from generator.sitemap import SCRIPT, STYLESHEET
from tests.conftest import SEVERAL, SMALL, assert_golden_file_list, copy_project, edit, golden_paths
from tests.html import broken_links, one, parse, text_of

GOLDEN = Path(__file__).resolve().parent / "golden" / "two-explainers"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    """Everything generated, less the stylesheet and the script (the single-explainer golden test has them)."""
    generated = generate(Project(SEVERAL))
    return {path: text for path, text in generated.items() if path not in (STYLESHEET, SCRIPT)}


@pytest.fixture
def several(tmp_path: Path) -> Path:
    return copy_project(SEVERAL, tmp_path / "project")


def _problems(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        generate(Project(root))
    return [str(problem) for problem in caught.value.problems]


def test_a_project_with_data_explainers_is_a_site_of_several_and_one_without_is_not() -> None:
    assert has_several(SEVERAL)
    assert not has_several(SMALL)


def test_each_explainer_has_its_own_events_and_questions_and_the_shared_people() -> None:
    site = validate_site(load_site(SEVERAL))
    assert [item.slug for item in site.explainers] == ["bridge", "school"]
    bridge, school = (item.data for item in site.explainers)
    assert [topic.id for topic in bridge.topics] == ["timetable"]
    assert [topic.id for topic in school.topics] == ["school-open"]
    assert [event.id for event in school.events] == ["2021-05-10-school-meeting"]
    assert bridge.people == school.people
    assert bridge.sources == school.sources


def test_generated_file_list_matches_golden(pages: dict[str, str]) -> None:
    assert_golden_file_list(pages, GOLDEN)


@pytest.mark.parametrize("path", golden_paths(GOLDEN))
def test_page_matches_golden(pages: dict[str, str], path: str) -> None:
    assert pages[path] == (GOLDEN / path).read_text(encoding="utf-8")


def test_the_hub_lists_each_explainer_with_its_summary_and_last_update(pages: dict[str, str]) -> None:
    hub = BeautifulSoup(pages["index.md"], "html5lib")
    items = one(hub, "ul.ex-explainers").select("li")
    assert [one(item, "a")["href"] for item in items] == ["bridge/", "school/"]
    assert [text_of(one(item, "a")) for item in items] == ["Bridge or no bridge?", "Will the school close?"]
    school = items[1].select("p")
    assert text_of(school[0]) == "The mayor and the head teacher on the future of River Town School."
    assert one(school[1], "time")["datetime"] == "2021-05-12"


def test_the_shared_person_page_shows_their_quotes_in_each_explainer(pages: dict[str, str]) -> None:
    mayor = pages["people/mayor.md"]
    assert "### Bridge or no bridge? { #in-bridge }" in mayor
    assert "### Will the school close? { #in-school }" in mayor
    assert mayor.index("{ #in-bridge }") < mayor.index('href="../../bridge/quotes/mayor-by-summer/"')
    assert mayor.index("{ #in-school }") < mayor.index('href="../../school/quotes/mayor-school-stays/"')
    assert "{ #in-school }" not in pages["people/engineer.md"]


def test_each_contrast_table_has_only_its_own_questions(pages: dict[str, str]) -> None:
    assert "Will the bridge open by summer?" in pages["bridge/contrast.md"]
    assert "Will the school stay open?" not in pages["bridge/contrast.md"]
    assert "Will the school stay open?" in pages["school/contrast.md"]
    assert "Will the bridge open by summer?" not in pages["school/contrast.md"]


def test_feeds_and_downloads_exist_per_explainer_and_for_the_site(pages: dict[str, str]) -> None:
    for folder in ("", "bridge/", "school/"):
        for name in ("feed.xml", "data/quotes.csv", "data/events.csv", "data/citations.csv", "data.md"):
            assert folder + name in pages
    quotes = pages["data/quotes.csv"]
    assert "https://example.org/explainer/bridge/timeline/2021-03-02/#quote-mayor-by-summer" in quotes
    assert "https://example.org/explainer/school/timeline/2021-05-10/#quote-mayor-school-stays" in quotes
    assert "mayor-school-stays" not in pages["bridge/feed.xml"]
    assert "<id>https://example.org/explainer/school/</id>" in pages["school/feed.xml"]


def test_the_sites_json_document_has_every_explainers_records_each_naming_its_explainer(
    pages: dict[str, str],
) -> None:
    document = json.loads(pages["data/explainer.json"])
    jsonschema.Draft202012Validator(json.loads(pages[schema_path("explainer")])).validate(document)
    assert document["format"] == "explainer-site/1"
    assert document["site"]["title"] == "River Town explained"
    assert [entry["slug"] for entry in document["explainers"]] == ["bridge", "school"]
    quotes = {quote["id"]: quote["explainer"] for quote in document["quotes"]}
    assert quotes["mayor-by-summer"] == "bridge"
    assert quotes["mayor-school-stays"] == "school"
    assert {topic["id"]: topic["explainer"] for topic in document["topics"]} == {
        "timetable": "bridge",
        "school-open": "school",
    }
    registry = validate_site(load_site(SEVERAL)).registry
    assert [person["id"] for person in document["people"]] == [person.id for person in registry.people]


def test_the_sites_timeline_has_every_explainers_events_grouped_by_explainer(pages: dict[str, str]) -> None:
    timeline = json.loads(pages["data/timelinejs.json"])
    assert timeline["title"]["text"]["headline"] == "River Town explained"
    slides = {slide["unique_id"]: slide for slide in timeline["events"]}
    assert slides["2021-05-10-school-meeting"]["group"] == "Will the school close?"
    assert slides["2021-03-02-site-visit"]["group"] == "Bridge or no bridge?"
    link = "https://example.org/explainer/school/timeline/2021-05-10/#event-2021-05-10-school-meeting"
    assert link in slides["2021-05-10-school-meeting"]["text"]["text"]


def test_the_sites_data_page_links_every_download_as_one_explainers_does(pages: dict[str, str]) -> None:
    links = [str(a["href"]) for a in one(BeautifulSoup(pages["data.md"], "html5lib"), "ul.ex-downloads")("a")]
    assert links == [
        "../feed.xml" if download.path == "feed.xml" else download.path.removeprefix("data/")
        for download in DOWNLOADS
    ]
    assert all(download.path in pages for download in DOWNLOADS)


def test_each_explainers_data_set_lists_only_the_people_and_sources_it_cites(pages: dict[str, str]) -> None:
    school = json.loads(pages["school/data/explainer.json"])
    assert [person["id"] for person in school["people"]] == ["mayor", "teacher"]
    assert [source["id"] for source in school["sources"]] == ["gazette-2021-05-10"]
    bridge = json.loads(pages["bridge/data/explainer.json"])
    assert [person["id"] for person in bridge["people"]] == ["mayor", "engineer"]
    assert [source["id"] for source in bridge["sources"]] == ["gazette-2021-03-02", "courier-2021-03-03"]


def test_each_explainers_article_cites_only_its_own_sources(pages: dict[str, str]) -> None:
    front = yaml.safe_load(pages["school/index.md"].split("---\n")[1])
    article = json.loads(front["structured_data"])
    assert [cited["@id"] for cited in article["citation"]] == ["https://gazette.example/2021/05/10/school"]


def test_the_sites_sources_and_data_pages_describe_the_site_not_one_explainer(pages: dict[str, str]) -> None:
    def description(path: str) -> str:
        front = yaml.safe_load(pages[path].split("---\n")[1])
        return html.unescape(str(front["description"]))

    assert description("sources.md") == (
        "Every published source the explainers on this site quote, and what each one printed."
    )
    assert description("sources/2021-05-10.md") == (
        "The sources published on 10 May 2021 that the explainers on this site quote."
    )
    assert description("data.md") == (
        "The data of every explainer on this site as JSON, CSV, JSON Schema, Atom and TimelineJS."
    )
    assert (
        description("bridge/data.md")
        == "The explainer's data as JSON, CSV, JSON Schema, Atom and TimelineJS."
    )


def test_export_writes_each_explainers_downloads_and_the_sites(tmp_path: Path) -> None:
    out = tmp_path / "out"
    count = write_exports(Project(SEVERAL), out)
    assert count == len(
        [path for path in out.rglob("*") if path.is_file() and path.name != ".explainer-output"]
    )
    assert (out / "school" / "data" / "explainer.json").is_file()
    assert (out / "feed.xml").is_file()


def test_a_quote_id_used_by_two_explainers_is_reported_at_both_places(several: Path) -> None:
    edit(
        several / "data/explainers/school/events/2021-05-10-school-meeting.yaml",
        "id: teacher-next-year",
        "id: mayor-by-summer",
    )
    assert _problems(several) == [
        "data/explainers/school/events/2021-05-10-school-meeting.yaml:18:9: quotes[1].id: the quote id "
        '"mayor-by-summer" again (first at data/explainers/bridge/events/2021-03-02-council-meeting.yaml:10:9); '
        "expected an id used only once in the whole site (by one explainer)"
    ]


def test_an_event_id_used_by_two_explainers_is_reported_at_both_places(several: Path) -> None:
    bridge = several / "data/explainers/bridge/events"
    shutil.copy(
        bridge / "2021-03-02-site-visit.yaml",
        several / "data/explainers/school/events/2021-03-02-site-visit.yaml",
    )
    problems = _problems(several)
    assert (
        "data/explainers/school/events/2021-03-02-site-visit.yaml:1:5: id: the event id "
        '"2021-03-02-site-visit" again (first at data/explainers/bridge/events/2021-03-02-site-visit.yaml:1:5); '
        "expected an id used only once in the whole site (by one explainer)"
    ) in problems


def test_an_explainers_file_beside_the_explainers_folder_is_refused(several: Path) -> None:
    shutil.copy(several / "data/explainers/school/topics.yaml", several / "data/topics.yaml")
    assert _problems(several) == [
        "data/topics.yaml:1:1: (file): an explainer's topics.yaml beside explainers/; expected only people.yaml, "
        "sources.yaml and site.yaml beside explainers/ (each explainer's own files go in data/explainers/<slug>/)"
    ]


def test_an_explainer_folder_must_be_named_as_an_id_and_not_as_a_shared_folder(several: Path) -> None:
    (several / "data/explainers/school").rename(several / "data/explainers/People")
    shutil.copytree(several / "data/explainers/bridge", several / "data/explainers/sources")
    problems = _problems(several)
    assert problems[:2] == [
        'data/explainers/People:1:1: (file): the folder name "People"; expected a folder named as an id: '
        "lowercase letters, digits and hyphens",
        'data/explainers/sources:1:1: (file): the folder name "sources"; expected a name other than admin, '
        "assets, data, people, search, sources (the site keeps those at its root)",
    ]


def test_the_sites_settings_are_checked(several: Path) -> None:
    edit(several / "data/site.yaml", "title: River Town explained\n", "")
    assert _problems(several) == [
        'data/site.yaml:1:1: title: no "title" field; expected a "title:" field (the site\'s title, over the list '
        "of its explainers)"
    ]


def test_a_problem_in_the_shared_people_is_reported_once(several: Path) -> None:
    edit(several / "data/people.yaml", "name: Ben Engineer", "name: ''")
    assert len(_problems(several)) == 1


@pytest.mark.slow
def test_the_site_builds_with_mkdocs_strict(several_site: Path) -> None:
    hub = parse(several_site / "index.html")
    titles = [text_of(link) for link in hub.select("ul.ex-explainers > li > a")]
    assert titles == ["Bridge or no bridge?", "Will the school close?"]
    mayor = parse(several_site / "people" / "mayor" / "index.html")
    assert [text_of(title).removesuffix(" ¶") for title in mayor.select("h3#in-bridge, h3#in-school")] == [
        "Bridge or no bridge?",
        "Will the school close?",
    ]
    said = [text_of(words) for words in mayor.select("section.ex-quotes blockquote")]
    assert len(said) == 2 and "a bridge by summer" in said[0] and "The school stays open" in said[1]
    for slug, own, other in (
        ("bridge", "Will the bridge open by summer?", "Will the school stay open?"),
        ("school", "Will the school stay open?", "Will the bridge open by summer?"),
    ):
        table = text_of(one(parse(several_site / slug / "contrast" / "index.html"), "table"))
        assert own in table and other not in table


def test_validate_names_every_page_of_the_site(several: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--root", str(several)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("The data is valid: ")


def test_new_event_goes_into_the_named_explainers_events(several: Path) -> None:
    arguments = ["new-event", "--root", str(several), "--date", "2021-05-20", "--title", "Budget vote"]
    result = CliRunner().invoke(main, [*arguments, "--explainer", "school"])
    assert result.exit_code == 0, result.output
    assert (several / "data/explainers/school/events/2021-05-20-budget-vote.yaml").is_file()
    unnamed = CliRunner().invoke(main, arguments)
    assert unnamed.exit_code == 2
    assert "Invalid value for --explainer: a site of several explainers names the explainer" in unnamed.output
    unknown = CliRunner().invoke(main, [*arguments, "--explainer", "../school"])
    assert unknown.exit_code == 2
    expected = 'Invalid value for --explainer: "../school"; expected a folder of data/explainers/ holding explainer.yaml'
    assert expected in unknown.output


def test_new_event_in_a_project_of_one_explainer_takes_no_explainer(small_project: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "new-event",
            "--root",
            str(small_project),
            "--date",
            "2021-05-20",
            "--title",
            "X",
            "--explainer",
            "a",
        ],
    )
    assert result.exit_code == 2
    assert "Invalid value for --explainer: a project of one explainer has no --explainer" in result.output


def test_strict_content_finds_example_text_in_an_explainers_own_files(several: Path) -> None:
    edit(several / "data/explainers/school/explainer.yaml", "title: Will", "title: 'EXAMPLE: Will")
    edit(several / "data/explainers/school/explainer.yaml", "close?", "close?'")
    result = CliRunner().invoke(main, ["validate", "--strict-content", "--root", str(several)])
    assert result.exit_code == 1
    assert result.output.startswith("data/explainers/school/explainer.yaml:1:8: title: ")


def test_check_sources_checks_every_explainers_quotes(several: Path) -> None:
    (several / "saved-sources").mkdir()
    (several / "saved-sources" / "gazette-2021-05-10.txt").write_text(
        "The mayor said: The school stays open, whatever the budget says.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["check-sources", "--root", str(several)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "data/explainers/bridge/events/2021-03-02-council-meeting.yaml:18:21: quotes[0].citations[0].as_printed: "
        "unchecked: no saved copy of the source gazette-2021-03-02 in saved-sources",
        "data/explainers/bridge/events/2021-03-02-site-visit.yaml:18:21: quotes[0].citations[0].as_printed: "
        "unchecked: no saved copy of the source courier-2021-03-03 in saved-sources",
        "data/explainers/school/events/2021-05-10-school-meeting.yaml:17:21: quotes[0].citations[0].as_printed: "
        "exact in saved-sources/gazette-2021-05-10.txt (line 1)",
        "data/explainers/school/events/2021-05-10-school-meeting.yaml:26:21: quotes[1].citations[0].as_printed: "
        "missing from saved-sources/gazette-2021-05-10.txt; closest passage (similarity 0.39): "
        '"The mayor said: The school stays ope"',
        "Checked 4 citations: 1 exact, 0 variant, 1 missing, 2 unchecked (no saved copy).",
    ]


@pytest.mark.slow
def test_every_internal_link_of_the_site_resolves(several_site: Path) -> None:
    assert broken_links(several_site, "/explainer/") == []


@pytest.mark.slow
def test_the_site_builds_with_zensical_too(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build_site(Project(SEVERAL), site, engine="zensical", work_dir=tmp_path / "work") == 0
    assert broken_links(site, "/explainer/") == []
    titles = [text_of(link) for link in parse(site / "index.html").select("ul.ex-explainers > li > a")]
    assert titles == ["Bridge or no bridge?", "Will the school close?"]


def test_the_form_editor_is_refused_on_a_site_of_several_explainers(several: Path) -> None:
    config = several / "mkdocs.yml"
    edit(config, "  - explainer\n", "  - explainer:\n      admin:\n        repo: example/explainer\n")
    with pytest.raises(DataError) as caught:
        Project(several).admin_files()
    assert [str(problem) for problem in caught.value.problems] == [
        "mkdocs.yml:19:7: plugins.explainer.admin: the form editor on a site of several explainers "
        "(data/explainers/); expected no admin: setting (the editor at /admin/ edits a project of one explainer)"
    ]


def test_a_page_of_the_whole_site_embeds_nothing(several: Path) -> None:
    (several / "content/about.md").write_text("# About\n\n{{ contrast-table }}\n", encoding="utf-8")
    assert _problems(several) == [
        'content/about.md:3:1: embed: "{{ contrast-table }}"; expected no embed on a page of the whole site '
        "(an explainer's pages, in its own folder, embed its data)"
    ]


def test_a_site_without_its_settings_or_without_an_explainer_is_refused(several: Path) -> None:
    (several / "data/site.yaml").unlink()
    for folder in ("bridge", "school"):
        shutil.rmtree(several / "data/explainers" / folder)
    assert _problems(several) == [
        "data/explainers:1:1: (file): no explainer; expected a folder per explainer, such as "
        "explainers/my-story/ holding its explainer.yaml",
        "data/site.yaml:1:1: (file): no such file; expected this file to exist",
    ]


def test_the_sites_title_in_several_languages_is_read_in_its_main_one(several: Path) -> None:
    edit(
        several / "data/site.yaml",
        "title: River Town explained",
        "languages: [en, es]\ntitle: {en: River Town explained, es: River Town explicado}",
    )
    hub = generate(Project(several))["index.md"]
    assert "# River Town explained" in hub
    assert "explicado" not in hub


def test_a_sites_text_in_a_language_it_does_not_declare_is_refused(several: Path) -> None:
    edit(
        several / "data/site.yaml",
        "title: River Town explained",
        "title: {en: River Town explained, es: River Town explicado}",
    )
    assert _problems(several) == [
        'data/site.yaml:1:35: title.es: a text in "es", which is not one of the site\'s languages; expected one '
        'of en (its "languages:" in data/site.yaml)'
    ]
