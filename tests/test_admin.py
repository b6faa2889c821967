"""The editor at /admin/: its config made from the models (and agreeing with the JSON Schemas), its settings
read from mkdocs.yml with clear errors, its page's own policy, and its files in the built docs.

Run with ``UPDATE_GOLDEN=1`` to rewrite tests/golden/admin/config.yml after an intended change, then review the
diff.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.admin.config import AdminSettings, config_text, decap_config
from generator.admin.fields import PARTIAL_DATE_WIDGET, REFERENCES, RELATION_WIDGETS, form_fields
from generator.admin.files import (
    NODE_MODULES,
    admin_files,
    bundle_files,
    content_security_policy,
    read_settings,
)
from generator.build import Project, write_docs
from generator.errors import DataError
from generator.schema import SCHEMAS, schema_for
from tests.conftest import FIXTURES, ROOT, copy_project

GOLDEN = Path(__file__).resolve().parent / "golden" / "admin" / "config.yml"
SETTINGS = AdminSettings(repo="example/explainer")


def config() -> dict[str, Any]:
    return decap_config(SETTINGS, data_dir="data", content_dir="content")


def test_the_config_matches_golden() -> None:
    text = config_text(config())
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_the_config_is_the_same_every_time() -> None:
    assert config_text(config()) == config_text(config())


# --- the form agrees with the JSON Schemas ------------------------------------------------------------------


def collection_fields() -> dict[str, list[dict[str, Any]]]:
    """The fields of each schema's collection, by schema name."""
    found: dict[str, list[dict[str, Any]]] = {}
    for collection in config()["collections"]:
        for entry in collection.get("files", [collection]):
            path = entry.get("file") or f"{entry['folder']}/*.yaml"
            name = next(name for name, (_, _, files) in SCHEMAS.items() if files == path)
            found[name] = entry["fields"]
    return found


def walk(schema: Mapping[str, Any], definitions: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in schema:
        schema = definitions[schema["$ref"].removeprefix("#/$defs/")]
    return schema


def agreement(
    schema: Mapping[str, Any], fields: list[dict[str, Any]], definitions: Mapping[str, Any], where: str
) -> Iterator[str]:
    """Every way a form's fields differ from an object schema: names, order, required-ness, help, choices, limits."""
    schema = walk(schema, definitions)
    properties = schema["properties"]
    if [field["name"] for field in fields] != list(properties):
        yield f"{where}: fields {[field['name'] for field in fields]}, schema {list(properties)}"
        return
    required = set(schema.get("required", ()))
    for field in fields:
        name, prop = field["name"], properties[field["name"]]
        at = f"{where}.{name}"
        if field.get("required", True) != (name in required):
            yield f"{at}: required {field.get('required', True)}"
        if field.get("hint") != prop.get("description"):
            yield f"{at}: hint {field.get('hint')!r}, description {prop.get('description')!r}"
        options = [option for option in prop.get("anyOf", [prop]) if option != {"type": "null"}]
        shape = walk(options[0], definitions) if len(options) == 1 else prop
        if "enum" in shape and field.get("options") != shape["enum"]:
            yield f"{at}: options {field.get('options')}, enum {shape['enum']}"
        if "minItems" in shape and field.get("min") != shape["minItems"]:
            yield f"{at}: min {field.get('min')}, minItems {shape['minItems']}"
        if "minimum" in shape and field.get("min") != shape["minimum"]:
            yield f"{at}: min {field.get('min')}, minimum {shape['minimum']}"
        if field.get("widget") == "string" and "pattern" in shape and field["pattern"][0] != shape["pattern"]:
            yield f"{at}: pattern {field['pattern'][0]}, schema {shape['pattern']}"
        if field.get("widget") == "list" and "fields" in field:  # not a list of plain values
            yield from agreement(shape["items"], field["fields"], definitions, at)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_each_collection_asks_for_what_its_schema_describes(name: str) -> None:
    schema = schema_for(name)
    fields = collection_fields()[name]
    assert list(agreement(schema, fields, schema.get("$defs", {}), name)) == []


def test_every_kind_of_file_has_a_collection() -> None:
    assert sorted(collection_fields()) == sorted(SCHEMAS)


def test_every_field_that_names_an_id_of_another_kind_is_picked_from_a_list() -> None:
    """What the schemas describe as another kind's ids (their help says so) are the relation fields."""

    def described(schema: Mapping[str, Any], path: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        schema = walk(schema, schema_definitions)
        for name, prop in schema.get("properties", {}).items():
            at = (*path, name)
            text = prop.get("description", "")
            if name != "id" and re.search(r"\bids?\b", text, re.IGNORECASE):
                yield (*at, "*") if prop.get("type") == "array" else at
            items = prop.get("items")
            if items is not None:
                yield from described(items, (*at, "*"))

    for name in sorted(SCHEMAS):
        schema = schema_for(name)
        schema_definitions = schema.get("$defs", {})
        assert sorted(described(schema, ())) == sorted(REFERENCES.get(name, {})), name
    assert set(REFERENCES) == {"explainer.schema.json", "event.schema.json", "corrections.schema.json"}


def relation_fields(fields: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for field in fields:
        if field.get("widget") == "relation":
            yield field
        yield from relation_fields(field.get("fields", []))


def test_every_relation_points_at_a_collection_that_holds_its_ids() -> None:
    names = {collection["name"]: collection for collection in config()["collections"]}
    relations = [field for fields in collection_fields().values() for field in relation_fields(fields)]
    assert len(relations) == 10
    for field in relations:
        collection = names[field["collection"]]
        if "file" in field:
            (entry,) = collection["files"]
            assert field["file"] == entry["name"]
            assert field["value_field"] == f"{entry['name']}.*.id"
        else:
            assert field["value_field"] in ("id", "quotes.*.id")


def test_dates_use_the_partial_date_widget_and_nothing_else_does() -> None:
    def dates(fields: list[dict[str, Any]], path: str) -> Iterator[str]:
        for field in fields:
            if field.get("widget") == PARTIAL_DATE_WIDGET:
                yield f"{path}{field['name']}"
            yield from dates(field.get("fields", []), f"{path}{field['name']}.")

    found = sorted(name for fields in collection_fields().values() for name in dates(fields, ""))
    assert found == [
        "corrections.date",
        "date",
        "people.roles.from",
        "people.roles.to",
        "published",
        "sources.accessed",
        "sources.published",
        "updated",
    ]


def test_a_schema_the_form_cannot_show_is_an_error() -> None:
    schema = {"type": "object", "properties": {"tags": {"type": "array", "items": {"type": "string"}}}}
    with pytest.raises(ValueError, match=r"^tags: a list of values that are not ids of another kind$"):
        form_fields(schema, {})


def test_relations_name_kinds_the_references_use() -> None:
    kinds = {kind for paths in REFERENCES.values() for kind in paths.values()}
    assert kinds == set(RELATION_WIDGETS)


# --- settings from mkdocs.yml -------------------------------------------------------------------------------


def write_config(tmp_path: Path, admin: str) -> Path:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: Test\nplugins:\n  - search\n  - explainer:\n      admin:\n{admin}", "utf-8"
    )
    return config


def test_the_real_settings_are_read_with_their_defaults() -> None:
    settings = read_settings(ROOT / "mkdocs.yml")
    assert settings is not None
    assert (settings.branch, settings.local_port, settings.auth_url) == ("main", 8081, None)


def test_no_admin_setting_means_no_editor() -> None:
    assert read_settings(FIXTURES / "small" / "mkdocs.yml") is None


def test_settings_are_read_with_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXPLAINER_TEST_REPO", "someone/their-explainer")
    config = write_config(
        tmp_path, "        repo: !ENV [EXPLAINER_TEST_REPO, x/y]\n        local_port: 9000\n"
    )
    assert read_settings(config) == AdminSettings(repo="someone/their-explainer", local_port=9000)


def test_wrong_settings_are_each_reported_at_their_place(tmp_path: Path) -> None:
    admin = (
        "        repo: not a repo\n"
        "        branch: main\n"
        "        local_port: 80\n"
        "        auth_url: http://auth.example.org\n"
        "        colour: blue\n"
    )
    with pytest.raises(DataError) as raised:
        read_settings(write_config(tmp_path, admin))
    assert str(raised.value).splitlines() == [
        "mkdocs.yml:6:9: plugins.explainer.admin.repo: str 'not a repo'; expected a GitHub repository written owner/name",
        "mkdocs.yml:8:9: plugins.explainer.admin.local_port: int 80; expected a port number from 1024 to 65535",
        "mkdocs.yml:9:9: plugins.explainer.admin.auth_url: str 'http://auth.example.org'; expected an https:// address",
        "mkdocs.yml:10:9: plugins.explainer.admin.colour: an unknown setting 'colour'; expected one of repo, branch, local_port, auth_url",
        "4 problems found in the data.",
    ]


def test_a_missing_repo_is_reported(tmp_path: Path) -> None:
    with pytest.raises(DataError) as raised:
        read_settings(write_config(tmp_path, "        branch: main\n"))
    assert str(raised.value).splitlines()[0] == (
        "mkdocs.yml:5:7: plugins.explainer.admin.repo: nothing; expected a GitHub repository written owner/name"
    )


def test_a_missing_bundle_is_reported(tmp_path: Path) -> None:
    with pytest.raises(DataError) as raised:
        bundle_files(tmp_path)
    where = f"{tmp_path}/decap-cms/dist/decap-cms.js"
    assert str(raised.value).splitlines()[0] == (
        f"{where}:1:1: (file): no such file; expected Decap CMS's bundle, installed by `npm ci` from "
        "package-lock.json (./dev build runs it)"
    )


# --- the page and its files ---------------------------------------------------------------------------------


def test_the_page_loads_only_its_own_files_under_its_own_policy() -> None:
    made = admin_files(AdminSettings(repo="o/n", local_port=9123), data_dir="data", content_dir="content")
    page = BeautifulSoup(made.texts["admin/index.html"], "html5lib")
    (policy,) = page.select('meta[http-equiv="Content-Security-Policy"]')
    assert policy["content"] == content_security_policy(AdminSettings(repo="o/n", local_port=9123))
    directives = dict(part.split(" ", 1) for part in str(policy["content"]).split("; "))
    assert directives["script-src"] == "'self' 'unsafe-eval'"
    assert directives["connect-src"] == "'self' https://api.github.com http://127.0.0.1:9123"
    assert directives["default-src"] == "'none'"
    assert [script.get("src") for script in page.select("script")] == ["decap-cms.js", "admin.js"]
    assert all(not script.string for script in page.select("script"))
    # No icon to fetch: browsers would ask for /favicon.ico, which the site does not have.
    assert [link["href"] for link in page.select("link")] == ["config.yml", "admin.css", "data:,"]
    assert sorted(made.texts) == ["admin/admin.css", "admin/admin.js", "admin/config.yml", "admin/index.html"]
    assert "admin/decap-cms.js" in made.copies
    assert all(path.is_relative_to(NODE_MODULES) for path in made.copies.values())


def test_the_config_file_is_the_config() -> None:
    made = admin_files(SETTINGS, data_dir="data", content_dir="content")
    assert yaml.safe_load(made.texts["admin/config.yml"]) == config()


def test_hand_written_files_where_the_editor_goes_are_each_reported(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    project = copy_project(ROOT, tmp_path / "project")
    (project / "content" / "admin").mkdir()
    (project / "content" / "admin" / "index.md").write_text("# Mine\n", encoding="utf-8")
    (project / "content" / "admin" / "config.yml").write_text("backend: {}\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        Project(project).admin_files()
    expected = "expected no hand-written file under admin/ while mkdocs.yml asks for the editor there"
    assert str(raised.value).splitlines() == [
        f"content/admin/config.yml:1:1: (file): a file under admin/, where the editor's files go; {expected}",
        f"content/admin/index.md:1:1: (file): a file under admin/, where the editor's files go; {expected}",
        "2 problems found in the data.",
    ]


def test_generated_docs_hold_the_editor_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)  # set on GitHub Actions; mkdocs.yml reads it
    (tmp_path / "project").mkdir()
    project = copy_project(ROOT, tmp_path / "project")
    write_docs(Project(project), tmp_path / "docs")
    assert (tmp_path / "docs" / "admin" / "decap-cms.js").is_file()
    bilingual = decap_config(SETTINGS, data_dir="data", content_dir="content", languages=("en", "es"))
    assert (tmp_path / "docs" / "admin" / "config.yml").read_text(encoding="utf-8") == config_text(bilingual)
    write_docs(Project(FIXTURES / "small"), tmp_path / "small")
    assert not (tmp_path / "small" / "admin").exists()


@pytest.mark.slow
def test_a_build_with_wrong_settings_fails_with_the_message_and_writes_no_site(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    project = copy_project(ROOT, tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("branch: main", "branch: -x"), "utf-8")
    line = config.read_text(encoding="utf-8").splitlines().index("        branch: -x") + 1
    explainer = Path(sys.executable).parent / "explainer"
    result = subprocess.run(
        [explainer, "build", "--root", str(project)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert f"mkdocs.yml:{line}:9: plugins.explainer.admin.branch: str '-x'; expected a branch name" in output
    assert "Traceback" not in output
    assert not (project / "site").exists()


def test_in_several_languages_a_text_in_our_own_words_has_a_box_for_each() -> None:
    bilingual = decap_config(SETTINGS, data_dir="data", content_dir="content", languages=("en", "es"))
    events = bilingual["collections"][0]
    title = next(field for field in events["fields"] if field["name"] == "title")
    assert title == {
        "name": "title",
        "label": "Title",
        "hint": "A short headline in our own words.",
        "widget": "object",
        "fields": [
            {
                "name": "en",
                "label": "Title: en",
                "widget": "string",
                "pattern": [r"\S", "Text that is not only spaces."],
            },
            {
                "name": "es",
                "label": "Title: es",
                "required": False,
                "widget": "string",
                "pattern": [r"\S", "Text that is not only spaces."],
            },
        ],
    }
    assert events["summary"] == "{{date}}: {{title.en}}"
    quotes = next(field for field in events["fields"] if field["name"] == "quotes")
    topics = next(field for field in quotes["fields"] if field["name"] == "topics")
    assert topics["fields"][0]["display_fields"] == ["topics.*.question.en"]
    speaker = next(field for field in quotes["fields"] if field["name"] == "speaker")
    assert speaker["display_fields"] == ["people.*.name"]  # a name is not translated
