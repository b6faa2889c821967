"""The files of ``/admin/``: the page with its own Content-Security-Policy, the config, our script and style,
and Decap CMS's bundle, copied from the pinned npm package (never committed, never from a CDN).

The editor is part of a site when mkdocs.yml asks for it, under the explainer plugin's options::

    plugins:
      - explainer:
          admin:
            repo: owner/name        # the GitHub repository that pull requests go to (required)
            branch: main            # the branch they are made against
            local_port: 8081        # where ./dev admin runs Decap's local server, on 127.0.0.1
            auth_url: https://…     # the OAuth service signing editors in to GitHub (Decap's base_url)
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from generator import siteconfig
from generator.admin.config import AdminSettings, config_text, decap_config
from generator.errors import DataError, Problem
from generator.languages import declared_languages
from generator.load import SETTINGS_FILE, load_file
from generator.markup import html_escaped
from generator.siteconfig import found_value, setting_problem
from generator.urls import check_external_url

ADMIN_DIR = "admin"
NODE_MODULES_DIR = "node_modules"
# The npm packages of the generator's own checkout (package-lock.json beside generator/), which a project
# without its own uses: tests build copies of this repository's project elsewhere. An installed generator has
# none there; its projects install Decap beside their mkdocs.yml.
NODE_MODULES = Path(__file__).resolve().parents[2] / NODE_MODULES_DIR
DECAP_DIST = "decap-cms/dist"
# The bundle, its chunks (loaded next to it), their WebAssembly and the licences of what they contain.
_BUNDLE = re.compile(r"decap-cms\.js|\d+\.decap-cms\.js|[0-9a-f]+\.wasm|decap-cms\.js\.LICENSE\.txt")
_OUR_FILES = ("admin.js", "admin.css")
_OPTIONS = ("plugins", "explainer", "admin")

_REPO = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}")
_BRANCH = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,99}")


@dataclass(frozen=True)
class AdminFiles:
    """The editor's files by path in the site: ``texts`` to write, ``copies`` to copy from where they are."""

    texts: Mapping[str, str]
    copies: Mapping[str, Path]


def content_security_policy(settings: AdminSettings) -> str:
    """The admin page's own policy: Decap evaluates code and injects styles (so ``'unsafe-eval'`` and
    ``style-src 'unsafe-inline'``, here only); it talks to GitHub's API or to the local server, nothing else."""
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            f"connect-src 'self' https://api.github.com http://127.0.0.1:{settings.local_port}",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def index_page(settings: AdminSettings) -> str:
    template = files("generator").joinpath("assets/admin/index.html").read_text(encoding="utf-8")
    return string.Template(template).substitute(policy=html_escaped(content_security_policy(settings)))


def bundle_files(node_modules: Path = NODE_MODULES) -> dict[str, Path]:
    """Decap's files by their path in the site; raises DataError when npm has not installed them."""
    dist = node_modules / DECAP_DIST
    found = sorted(path for path in dist.glob("*") if _BUNDLE.fullmatch(path.name)) if dist.is_dir() else []
    if not any(path.name == "decap-cms.js" for path in found):
        where = f"{dist}/decap-cms.js"
        expected = "Decap CMS's bundle, installed by `npm ci` from package-lock.json (./dev build runs it)"
        raise DataError([Problem(where, 1, 1, "(file)", "no such file", expected)])
    return {f"{ADMIN_DIR}/{path.name}": path for path in found}


def node_modules_for(project_root: Path, package: str) -> Path:
    """Where the project's npm ``package`` (a path under node_modules) is: in its own ``node_modules`` (``npm
    ci`` beside its mkdocs.yml), else in the generator checkout's when it is there, else its own (which a
    missing package's message then names)."""
    own = (project_root / NODE_MODULES_DIR).absolute()  # Pagefind runs from inside the site folder
    if not (own / package).exists() and (NODE_MODULES / package).exists():
        return NODE_MODULES
    return own


def admin_files(
    settings: AdminSettings,
    *,
    data_dir: str,
    content_dir: str,
    node_modules: Path = NODE_MODULES,
    languages: Sequence[str] = ("en",),
) -> AdminFiles:
    """Every file of ``/admin/``, the form asking for each text in our own words in ``languages``."""
    ours = {
        f"{ADMIN_DIR}/{name}": files("generator").joinpath(f"assets/admin/{name}").read_text(encoding="utf-8")
        for name in _OUR_FILES
    }
    config = decap_config(settings, data_dir=data_dir, content_dir=content_dir, languages=languages)
    texts = {
        f"{ADMIN_DIR}/index.html": index_page(settings),
        f"{ADMIN_DIR}/config.yml": config_text(config),
        **ours,
    }
    return AdminFiles(texts=dict(sorted(texts.items())), copies=bundle_files(node_modules))


def project_admin_files(
    config_file: Path, *, data_dir: str, content_dir: str, content: Iterable[str], several: bool = False
) -> AdminFiles | None:
    """The editor's files for the project configured by ``config_file``; None when it asks for no editor.

    ``content`` lists the hand-written files (relative to ``content_dir``): none may be where the editor goes,
    since the engine would keep one of the two. Raises DataError naming the setting when the options are
    wrong or the project is a site of ``several`` explainers (the editor's collections are one explainer's
    folders), each hand-written file under admin/, or Decap's bundle when it is missing.
    """
    settings = read_settings(config_file)
    if settings is None:
        return None
    if several:
        found = f"the form editor on a site of several explainers ({data_dir}/explainers/)"
        expected = "no admin: setting (the editor at /admin/ edits a project of one explainer)"
        raise DataError([setting_problem(config_file, _OPTIONS, found, expected)])
    taken = sorted(path for path in content if path.split("/")[0] == ADMIN_DIR)
    if taken:
        expected = (
            f"no hand-written file under {ADMIN_DIR}/ while {config_file.name} asks for the editor there"
        )
        found = f"a file under {ADMIN_DIR}/, where the editor's files go"
        raise DataError(Problem(f"{content_dir}/{path}", 1, 1, "(file)", found, expected) for path in taken)
    return admin_files(
        settings,
        data_dir=data_dir,
        content_dir=content_dir,
        node_modules=node_modules_for(config_file.parent, DECAP_DIST),
        languages=declared_languages(load_file(config_file.parent, f"{data_dir}/{SETTINGS_FILE}")[0]),
    )


def read_settings(config_file: Path) -> AdminSettings | None:
    """``plugins: explainer: admin:`` from mkdocs.yml (``!ENV`` resolved), checked; None if absent."""
    explainer = siteconfig.plugin_options(siteconfig.load_config(config_file), "explainer")
    options = explainer.get("admin") if isinstance(explainer, dict) else None
    if options is None:
        return None
    problems: list[Problem] = []

    def problem(keys: tuple[str, ...], found: str, expected: str) -> None:
        problems.append(setting_problem(config_file, (*_OPTIONS, *keys), found, expected))

    if not isinstance(options, dict):
        problem((), found_value(options), "a mapping of settings (repo, branch…)")
        raise DataError(problems)
    for name in sorted(set(options) - {"repo", "branch", "local_port", "auth_url"}):
        problem((str(name),), f"an unknown setting {name!r}", "one of repo, branch, local_port, auth_url")
    repo, branch = options.get("repo"), options.get("branch", "main")
    port, auth_url = options.get("local_port", AdminSettings.local_port), options.get("auth_url")
    if not (isinstance(repo, str) and _REPO.fullmatch(repo)):
        problem(("repo",), found_value(repo), "a GitHub repository written owner/name")
    if not (isinstance(branch, str) and _BRANCH.fullmatch(branch)):
        problem(("branch",), found_value(branch), "a branch name (letters, digits, . _ / -)")
    if not (isinstance(port, int) and not isinstance(port, bool) and 1024 <= port <= 65535):
        problem(("local_port",), found_value(port), "a port number from 1024 to 65535")
    if auth_url is not None and (not isinstance(auth_url, str) or check_external_url(auth_url)):
        problem(("auth_url",), found_value(auth_url), "an https:// address")
    if problems:
        raise DataError(problems)
    return AdminSettings(repo=str(repo), branch=branch, local_port=port, auth_url=auth_url)
