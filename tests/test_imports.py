"""The import contract of generator/: no module imports, directly or through others, one that imports it.

Checked from the source (the import statements, wherever they stand), module by module and package by
package: render/ and export/ may share the site map, but neither may depend on the other both ways.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping, Set
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "generator"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path, known: Set[str]) -> set[str]:
    """The modules of ``known`` that the file at ``path`` imports (``from p import m`` counts m if a module)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            submodules = {f"{node.module}.{alias.name}" for alias in node.names}
            found |= (submodules & known) or {node.module}
    return found & known


def graph(unit: dict[str, str]) -> dict[str, set[str]]:
    """Who imports whom among the units (modules, or packages) that ``unit`` maps each module to."""
    edges: dict[str, set[str]] = {name: set() for name in unit.values()}
    for name, path in modules().items():
        edges[unit[name]] |= {unit[target] for target in imports(path, unit.keys())} - {unit[name]}
    return edges


def cycles(edges: Mapping[str, Set[str]]) -> Iterator[list[str]]:
    """Each import cycle, once, as the path that closes it (found by depth-first search)."""
    done: set[str] = set()

    def visit(node: str, trail: list[str]) -> Iterator[list[str]]:
        if node in trail:
            yield [*trail[trail.index(node) :], node]
            return
        if node in done:
            return
        for target in sorted(edges[node]):
            yield from visit(target, [*trail, node])
        done.add(node)

    for start in sorted(edges):
        yield from visit(start, [])


def test_no_module_of_the_generator_is_in_an_import_cycle() -> None:
    assert list(cycles(graph({name: name for name in modules()}))) == []


def test_no_package_of_the_generator_is_in_an_import_cycle() -> None:
    """Each subpackage counts as one: render/ and export/ must not import each other both ways."""
    packages = {name: ".".join(name.split(".")[:2]) for name in modules()}
    assert list(cycles(graph(packages))) == []


def test_every_import_of_the_generator_is_absolute() -> None:
    """The graph above reads absolute imports only: a relative one would hide its edge from the check."""
    relative = [
        f"{name}:{node.lineno}"
        for name, path in modules().items()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.level
    ]
    assert relative == []


def test_the_check_finds_a_cycle() -> None:
    assert list(cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}})) == [["a", "b", "c", "a"]]
    assert list(cycles({"a": {"b"}, "b": set()})) == []


def test_render_and_export_both_find_pages_in_the_site_map() -> None:
    packages = graph({name: ".".join(name.split(".")[:2]) for name in modules()})
    assert "generator.sitemap" in packages["generator.render"] & packages["generator.export"]
    assert "generator.render" not in packages["generator.export"]
