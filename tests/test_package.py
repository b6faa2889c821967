"""The generator as an outside project gets it: a wheel, installed with the hash-locked requirements into a
fresh virtual environment (no system packages, no checkout on the path), builds this repository's explainer
from a copy, and starts a new project with ``explainer init`` whose README commands succeed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator import __version__
from tests.conftest import ROOT, copy_project

pytestmark = pytest.mark.slow

# What the wheel is built from, as a git checkout has it: the package and the files pyproject.toml names
# (generator/assets/theme is a link to overrides/, which the wheel holds as files).
SOURCE = ("pyproject.toml", "README.md", "CHANGELOG.md", "generator", "overrides")


def run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The wheel, and a virtual environment holding it and requirements/site.txt (nothing else)."""
    work = tmp_path_factory.mktemp("package")
    source = work / "source"
    source.mkdir()
    for name in SOURCE:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, source / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(ROOT / name, source / name)
    assert (source / "generator" / "assets" / "theme").is_symlink()
    env = {key: value for key, value in os.environ.items() if key not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    wheels = work / "dist"
    built = run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            ".",
            "-w",
            str(wheels),
        ],
        source,
        env,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("*.whl")
    venv = work / "venv"
    subprocess.run(["python3", "-m", "venv", "--without-pip", str(venv)], check=True, env=env)
    # This pip installs into the new environment, which needs none of its own, and compiles nothing ahead
    # (Python compiles what it imports). The folder is left to pytest, which deletes its older temporary ones.
    python = str(venv / "bin" / "python")
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-compile"]
    requirements = run([*pip, "--require-hashes", "-r", str(ROOT / "requirements" / "site.txt")], work, env)
    assert requirements.returncode == 0, requirements.stderr
    package = run([*pip, "--no-deps", str(wheel)], work, env)
    assert package.returncode == 0, package.stderr
    return wheel, venv


def venv_env(venv: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    return {**env, "PATH": f"{venv / 'bin'}:/usr/bin:/bin"}


def test_the_wheel_holds_every_asset_the_starter_the_theme_the_catalogs_and_the_plugin(
    installed: tuple[Path, Path],
) -> None:
    wheel, _ = installed
    assert wheel.name == f"explainer_generator-{__version__}-py3-none-any.whl"
    names = set(zipfile.ZipFile(wheel).namelist())
    assets = {
        f"generator/{path.relative_to(ROOT / 'generator').as_posix()}"
        for folder in ("assets", "starter", "locale")
        for path in (ROOT / "generator" / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert assets <= names
    assert "generator/assets/theme/main.html" in names
    assert "generator/starter/github/workflows/deploy.yml" in names
    assert "generator/locale/es/LC_MESSAGES/explainer.po" in names
    (entry_points,) = [name for name in names if name.endswith("entry_points.txt")]
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "explainer = generator.cli:main" in text
    assert "explainer = generator.mkdocs_plugin:ExplainerPlugin" in text


def test_this_explainer_builds_from_the_installed_package(
    installed: tuple[Path, Path], tmp_path: Path
) -> None:
    _, venv = installed
    project = tmp_path / "explainer"
    project.mkdir()
    copy_project(ROOT, project)  # each edition's config, data/, content/ and overrides/
    shutil.copy2(ROOT / "package.json", project / "package.json")
    # The editor at /admin/ copies Decap's bundle from the project's npm packages (./dev installs them).
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    env = venv_env(venv)
    where = run(
        [str(venv / "bin" / "python"), "-c", "import generator; print(generator.__file__)"], project, env
    )
    assert Path(where.stdout.strip()).is_relative_to(venv / "lib"), where.stdout
    built = run([str(venv / "bin" / "explainer"), "build"], project, env)
    assert built.returncode == 0, built.stderr
    assert built.stdout == "Built the site into site/.\n"
    page = BeautifulSoup((project / "site" / "index.html").read_text(encoding="utf-8"), "html5lib")
    assert page.select('meta[http-equiv="Content-Security-Policy"]')
    assert (project / "site" / "admin" / "decap-cms.js").is_file()
    assert (project / "site" / "assets" / "explainer.css").is_file()


def readme_commands(readme: Path) -> list[str]:
    """The commands of the README's shell block, without their comments."""
    (block,) = re.findall(r"```sh\n(.*?)```", readme.read_text(encoding="utf-8"), flags=re.DOTALL)
    return [line.split(" #")[0].strip() for line in block.splitlines() if line.strip()]


def test_a_new_project_builds_with_its_own_readme_commands(
    installed: tuple[Path, Path], tmp_path: Path
) -> None:
    _, venv = installed
    env = venv_env(venv)
    made = run([str(venv / "bin" / "explainer"), "init", str(tmp_path / "x")], tmp_path, env)
    assert made.returncode == 0, made.stderr
    project = tmp_path / "x"
    # What `npm ci` installs from the project's package-lock.json: the same pinned Pagefind as ./dev's.
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    commands = readme_commands(project / "README.md")
    assert commands == ["explainer build", "explainer validate && explainer build"]
    for command in commands:
        done = run(["bash", "-c", command], project, env)
        assert done.returncode == 0, done.stderr
    assert (project / "site" / "index.html").is_file()
    page = BeautifulSoup((project / "site" / "index.html").read_text(encoding="utf-8"), "html5lib")
    # The generator's theme, which the new project does not copy: the security policy, the meta tags.
    assert page.select('meta[http-equiv="Content-Security-Policy"]')
    assert page.select('meta[property="og:title"]')
    refused = run([str(venv / "bin" / "explainer"), "build", "--strict-content"], project, env)
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[-1] == "19 problems found in the data."
