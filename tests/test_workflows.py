"""Checks on .github/: GitHub's own schemas, zizmor's audits, our deploy policy, and the workflows' `run:`
steps executed in a fresh clone, so that a broken workflow fails here and not first on GitHub.

actionlint is not used: its PyPI wrapper downloads a binary at install time, which cannot work here.
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

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOWS = GITHUB / "workflows"
DEPENDABOT = GITHUB / "dependabot.yml"
WORKFLOW_FILES = sorted(WORKFLOWS.glob("*.y*ml"))
BIN = Path(sys.executable).parent

# Set by the run-steps test for the steps it runs; see its docstring.
RUN_STEPS_ENV = "EXPLAINER_RUN_STEPS"

# The only actions each job may use, in order. The run-steps test cannot run these steps, so every one of
# them must be an action we chose and pinned.
EXPECTED_USES = {
    ("check.yml", "check"): [
        "actions/checkout",
        "actions/setup-python",
        "actions/setup-node",
        "actions/upload-artifact",
    ],
    ("deploy.yml", "build"): [
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
    ],
    ("deploy.yml", "deploy"): ["actions/deploy-pages"],
}

PINNED = re.compile(r"(?P<action>[\w.-]+/[\w.-]+)@(?P<sha>[0-9a-f]{40})")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)\s*(?P<comment>#.*)?$")
VERSION_COMMENT = re.compile(r"# v\d+\.\d+\.\d+")

# What the run-steps test knows how to run: a step with any other key needs the test extended first.
RUN_STEP_KEYS = {"name", "id", "run", "env", "shell", "working-directory", "timeout-minutes"}
UNSUPPORTED_JOB_KEYS = {"if", "container", "services", "defaults", "strategy"}
# Steps that hand the job's output on: what they upload must exist after the run steps.
UPLOADS = ("actions/upload-artifact@", "actions/upload-pages-artifact@")


def load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path}: not a YAML mapping"
    return data


def triggers(workflow: Mapping[Any, Any]) -> dict[str, Any]:
    """The `on:` block. YAML 1.1, which PyYAML speaks, reads the bare key `on` as the boolean true."""
    on = workflow["on"] if "on" in workflow else workflow[True]
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    assert isinstance(on, dict)
    return on


def jobs() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path in WORKFLOW_FILES:
        for job_id, job in load(path)["jobs"].items():
            yield path.name, job_id, job


def steps_using(workflow: str, job: str, action: str) -> list[dict[str, Any]]:
    job_steps = load(WORKFLOWS / workflow)["jobs"][job]["steps"]
    return [step for step in job_steps if str(step.get("uses", "")).startswith(action + "@")]


def tool(name: str) -> str:
    path = BIN / name
    assert path.is_file(), f"{path} is missing: install the dev requirements (./dev test)"
    return str(path)


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False, timeout=120)


# --- GitHub's schemas and zizmor ----------------------------------------------------------------------


def test_the_workflows_and_their_jobs_are_the_expected_ones() -> None:
    assert {(workflow, job) for workflow, job, _ in jobs()} == set(EXPECTED_USES)


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda path: path.name)
def test_workflow_matches_githubs_schema(path: Path) -> None:
    result = run_tool(tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_config_matches_githubs_schema() -> None:
    result = run_tool(tool("check-jsonschema"), "--builtin-schema", "vendor.dependabot", str(DEPENDABOT))
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing() -> None:
    result = run_tool(tool("zizmor"), "--offline", "--strict-collection", "--no-progress", str(GITHUB))
    assert result.returncode == 0, result.stdout + result.stderr


# --- Our policy, spelled out --------------------------------------------------------------------------


def test_every_action_is_pinned_to_a_full_commit_with_its_version_in_a_comment() -> None:
    versions: dict[str, tuple[str, str]] = {}
    for path in WORKFLOW_FILES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = USES_LINE.match(line)
            if not match:
                continue
            where = f"{path.name}:{number}"
            pinned = PINNED.fullmatch(match["ref"])
            assert pinned, f"{where}: {match['ref']} is not pinned to a 40-hex commit SHA"
            comment = match["comment"] or ""
            assert VERSION_COMMENT.fullmatch(comment), f"{where}: wants a '# vX.Y.Z' comment, has {comment!r}"
            seen = versions.setdefault(pinned["action"], (pinned["sha"], comment))
            assert seen == (pinned["sha"], comment), f"{where}: {pinned['action']} is pinned two ways"


def test_each_job_uses_only_the_expected_actions() -> None:
    for workflow, job_id, job in jobs():
        used = [PINNED.fullmatch(step["uses"]) for step in job["steps"] if "uses" in step]
        assert all(used), f"{workflow} {job_id}: an action is not pinned to a commit"
        actions = [match["action"] for match in used if match]
        assert actions == EXPECTED_USES[workflow, job_id], f"{workflow} {job_id}"


def test_permissions_are_least_privilege() -> None:
    expected = {
        ("check.yml", "check"): {"contents": "read"},
        ("deploy.yml", "build"): {"contents": "read", "pages": "read"},
        ("deploy.yml", "deploy"): {"pages": "write", "id-token": "write"},
    }
    for path in WORKFLOW_FILES:
        assert load(path)["permissions"] == {}, f"{path.name}: wants `permissions: {{}}` at the top"
    for workflow, job_id, job in jobs():
        assert job.get("permissions") == expected[workflow, job_id], f"{workflow} {job_id}"


def test_nothing_untrusted_reaches_a_script_or_a_credential() -> None:
    for path in WORKFLOW_FILES:
        on = triggers(load(path))
        assert "pull_request_target" not in on, path.name
        assert "workflow_run" not in on, path.name
    for workflow, job_id, job in jobs():
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), f"{workflow} {job_id}: expression in a script: {step}"
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, f"{workflow} {job_id}"


def test_check_runs_on_every_push_and_pull_request_with_cached_bootstrap() -> None:
    workflow = load(WORKFLOWS / "check.yml")
    assert set(triggers(workflow)) == {"push", "pull_request"}
    assert triggers(workflow)["push"] is None, "every push, on every branch"
    job = workflow["jobs"]["check"]
    runs = [step["run"].strip() for step in job["steps"] if "run" in step]
    assert runs == ["./dev validate", "./dev test", "./dev build"]
    [python] = steps_using("check.yml", "check", "actions/setup-python")
    assert python["with"] == {
        "python-version": "3.11",
        "cache": "pip",
        "cache-dependency-path": "requirements/*.txt",
    }
    [node] = steps_using("check.yml", "check", "actions/setup-node")
    assert node["with"] == {
        "node-version": "20",
        "cache": "npm",
        "cache-dependency-path": "package-lock.json",
    }
    [artifact] = steps_using("check.yml", "check", "actions/upload-artifact")
    assert artifact["with"]["path"] == "site/"
    assert artifact["with"]["if-no-files-found"] == "error"


def test_deploy_publishes_main_only_after_a_good_build() -> None:
    workflow = load(WORKFLOWS / "deploy.yml")
    assert triggers(workflow) == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert [step["run"].strip() for step in build["steps"] if "run" in step] == ["./dev build"]
    [python] = steps_using("deploy.yml", "build", "actions/setup-python")
    assert python["with"] == {"python-version": "3.11"}, "no cache for what gets published"
    [upload] = steps_using("deploy.yml", "build", "actions/upload-pages-artifact")
    assert upload["with"] == {"path": "site/"}
    # `needs` without `if: always()`: a failed build skips the deploy, and the last good site stays up.
    assert deploy["needs"] == "build"
    assert "if" not in deploy
    assert deploy["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }
    [step] = steps_using("deploy.yml", "deploy", "actions/deploy-pages")
    assert step["id"] == "deployment"


def test_dependabot_updates_each_ecosystem_weekly_in_one_group() -> None:
    updates = load(DEPENDABOT)["updates"]
    assert {(u["package-ecosystem"], u["directory"]) for u in updates} == {
        ("pip", "/requirements"),
        ("npm", "/"),
        ("github-actions", "/"),
    }
    for update in updates:
        assert update["schedule"]["interval"] == "weekly", update
        assert [group["patterns"] for group in update["groups"].values()] == [["*"]], update


# --- The workflows' own steps, run in a fresh clone ---------------------------------------------------

# The pytest selection of the `./dev test` runs inside the clone: every module is collected (so a test that
# imports a file never committed fails there), but only the golden-file tests run. The suite itself runs
# once, here; the clone has to prove that the steps bootstrap and run, not run every test again.
INNER_SELECTION = '-m "not slow" -k golden'


def fresh_clone(dest: Path) -> Path:
    """A `git clone` of this repository at its HEAD commit: committed files only, as GitHub checks out."""
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(ROOT), str(dest)], check=True)
    subprocess.run(["git", "-C", str(dest), "checkout", "--quiet", "--detach", head], check=True)
    return dest


def runner_env(
    workspace: Path, temp: Path, *layers: Mapping[str, Any], selection: str = INNER_SELECTION
) -> dict[str, str]:
    """This process's environment as a GitHub runner would see it, with the workflow's, job's and step's
    `env:` on top, without this test run's virtual environment, and with ``selection`` as the tests that a
    `./dev test` in it runs."""
    own_bin = str(Path(sys.prefix) / "bin")
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME"}}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p and p != own_bin)
    env.update(CI="true", GITHUB_ACTIONS="true", GITHUB_WORKSPACE=str(workspace), RUNNER_TEMP=str(temp))
    # The two differences from a runner, for speed alone, which change nothing a step does: pip compiles no
    # bytecode as it installs (Python compiles what it imports); the few tests selected run in this one
    # process (./dev test's two would each collect the whole suite for them).
    env["PIP_COMPILE"] = "0"  # pip install --no-compile
    env["PYTEST_XDIST_AUTO_NUM_WORKERS"] = "0"  # ./dev test's -n auto
    for name in ("GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY"):
        env[name] = str(temp / name.lower())
    # The guard against recursion: see test_workflow_run_steps_pass_in_a_fresh_clone.
    env[RUN_STEPS_ENV] = "1"
    env["PYTEST_ADDOPTS"] = (env.get("PYTEST_ADDOPTS", "") + " " + selection).strip()
    for layer in layers:
        for name, value in layer.items():
            text = str(value)
            for expression, stand_in in STEP_OUTPUT_STAND_INS.items():
                text = text.replace(expression, stand_in)
            assert "${{" not in text, f"env {name}: this test cannot evaluate {value!r}"
            env[name] = text
    return env


# Outputs of the `uses:` steps this test skips, as GitHub would give them for a fork named OWNER/explainer.
STEP_OUTPUT_STAND_INS = {"${{ steps.pages.outputs.base_url }}": "https://owner.github.io/explainer"}


def run_in(workspace: Path, command: list[str], env: Mapping[str, str], minutes: float) -> tuple[int, str]:
    """``command`` run in ``workspace`` with no input, as CI runs it; its exit code and its output."""
    result = subprocess.run(
        command,
        cwd=workspace,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
        timeout=60 * minutes,
    )
    return result.returncode, result.stdout


def ending(output: str) -> str:
    return "\n".join(output.splitlines()[-80:])


def run_job(
    workflow: Mapping[Any, Any], name: str, job: Mapping[str, Any], workspace: Path, temp: Path
) -> None:
    unsupported = UNSUPPORTED_JOB_KEYS & set(job)
    assert not unsupported, f"{name}: this test does not know how to honour {sorted(unsupported)}"
    for number, step in enumerate(job["steps"], start=1):
        if "uses" in step:
            continue
        label = f"{name} step {number} ({step.get('name', step['run'].strip())})"
        unknown = set(step) - RUN_STEP_KEYS
        assert not unknown, f"{label}: this test does not know how to honour {sorted(unknown)}"
        script = step["run"]
        assert "GITHUB_ENV" not in script, f"{label}: this test does not carry GITHUB_ENV between steps"
        assert "GITHUB_PATH" not in script, f"{label}: this test does not carry GITHUB_PATH between steps"
        shell = step.get("shell")
        assert shell in (None, "bash"), f"{label}: only bash steps can run here"
        # GitHub's own command lines for a default and for an explicit `shell: bash` step on Linux.
        command = ["bash", "-e"] if shell is None else ["bash", "--noprofile", "--norc", "-eo", "pipefail"]
        script_path = temp / f"{name.replace(' ', '-')}-step-{number}.sh"
        script_path.write_text(script, encoding="utf-8")
        env = runner_env(workspace, temp, workflow.get("env", {}), job.get("env", {}), step.get("env", {}))
        code, output = run_in(
            workspace / step.get("working-directory", "."),
            [*command, str(script_path)],
            env,
            minutes=float(step.get("timeout-minutes", 10)),
        )
        if code != 0:
            pytest.fail(f"{label} exited {code}; the end of its output:\n{ending(output)}", pytrace=False)
    # What the job then hands to upload-artifact or upload-pages-artifact must be there.
    for step in job["steps"]:
        if str(step.get("uses", "")).startswith(UPLOADS):
            uploaded = workspace / step["with"]["path"]
            assert (uploaded / "index.html").is_file(), f"{name}: nothing to upload at {uploaded}"


def run_scripts(job: Mapping[str, Any]) -> list[str]:
    return [step["run"].strip() for step in job["steps"] if "run" in step]


def test_every_jobs_scripts_are_among_the_check_jobs() -> None:
    """The fresh-clone test bootstraps a clone once, with the check job's steps, and runs the other jobs'
    steps in it after them; that stands for a fresh checkout per job only while those steps are ones the
    check job has already run from nothing."""
    checked = run_scripts(load(WORKFLOWS / "check.yml")["jobs"]["check"])
    for workflow, job_id, job in jobs():
        assert set(run_scripts(job)) <= set(checked), (
            f"{workflow} {job_id}: a step the check job does not run"
        )


def test_ci_runs_the_whole_test_command() -> None:
    """.ci/run is `./dev test` with nothing left out: no --fast, no selection, its exit code passed on."""
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    commands = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    assert commands == ["set -euo pipefail", 'cd "$(dirname "${BASH_SOURCE[0]}")/.."', "exec ./dev test"]


@pytest.mark.slow
@pytest.mark.skipif(bool(os.environ.get(RUN_STEPS_ENV)), reason="inside a run-steps run: no recursion")
def test_workflow_run_steps_pass_in_a_fresh_clone(tmp_path: Path) -> None:
    """Run check.yml's `run:` steps in order, with bash and the steps' `env:`, in a fresh clone of HEAD, so a
    step that needs something only a developer's machine has, or a file never committed, fails here; then
    the other jobs' `run:` steps (the same commands, see the test above) with their own `env:`, in that
    clone. Steps with `uses:` are skipped; the tests above pin them to the expected actions. The clone reuses
    pip's and npm's caches in $HOME, so nothing is fetched but from the package registries.

    The `./dev test` step does its whole bootstrap (the venv, `npm ci`, Chromium), ruff and mypy on the
    clone, and collects every test, but runs only INNER_SELECTION: the suite runs once, here. That also
    keeps it from running this test again, without end; EXPLAINER_RUN_STEPS=1 makes this test skip itself
    should a selection ever include it.

    Last, .ci/run, as a CI service runs it (CI=true, no input): a failing test and a selection of no tests
    must both make it exit non-zero.
    """
    workspace = fresh_clone(tmp_path / "workspace")
    temp = tmp_path / "runner-temp"
    temp.mkdir()
    ran: list[tuple[str, str]] = []
    for path in sorted(WORKFLOW_FILES, key=lambda path: path.name != "check.yml"):
        workflow = load(path)
        for job_id, job in workflow["jobs"].items():
            if run_scripts(job):
                run_job(workflow, f"{path.name} {job_id}", job, workspace, temp)
                ran.append((path.name, job_id))
    assert ran == [("check.yml", "check"), ("deploy.yml", "build")]

    ci = ["bash", str(workspace / ".ci" / "run")]
    code, output = run_in(
        workspace, ci, runner_env(workspace, temp, selection="-k no_test_is_named_this"), 10
    )
    assert code == 5, ending(output)
    assert "==> pytest ran no tests; check the selection" in output.splitlines()
    golden = sorted((workspace / "tests" / "golden").rglob("*.md"))[0]
    golden.write_text(golden.read_text(encoding="utf-8") + "A line no page has.\n", encoding="utf-8")
    code, output = run_in(workspace, ci, runner_env(workspace, temp), 10)
    assert code == 1, ending(output)
    assert "1 failed" in output.splitlines()[-1], ending(output)
