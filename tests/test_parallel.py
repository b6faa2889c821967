"""Work shared with forked processes: the same results in the same order, and every failure raised here.

Where a test needs a fork, it runs a scenario of ``tests/parallel_scenarios.py`` in a fresh interpreter: this
process may already run other threads (the browser tests' web server), and then nothing forks.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from bench.synth import SIZES, make_project
from generator.build import Project, load_dataset
from generator.parallel import Task, available_cpus, run_all, shares
from generator.render.context import Context
from generator.render.site import PARALLEL_FROM_QUOTES, _halfway, default_processes
from generator.render.timeline import timeline_day_pages
from tests.conftest import FIXTURES, ROOT

HUNDRED = next(size for size in SIZES if size.quotes == 100)


def scenario(name: str) -> dict[str, Any]:
    """Run one scenario in a fresh interpreter; what it returned or raised. It must have been able to fork."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.parallel_scenarios", name],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    outcome: dict[str, Any] = json.loads(done.stdout)
    assert outcome.pop("could_fork") is True
    return outcome


def _pid() -> int:
    return os.getpid()


def test_shares_put_the_heaviest_task_first_each_on_the_lightest_process() -> None:
    assert shares([3.0, 1.0, 2.0, 2.0], 2) == [[0, 1], [2, 3]]
    assert shares([1.0, 1.0, 1.0], 2) == [[0, 2], [1]]
    assert shares([5.0], 3) == [[0]]


def test_the_heaviest_share_comes_first_to_stay_in_this_process() -> None:
    assert shares([2.0, 1.5, 1.0], 2) == [[1, 2], [0]]


def test_what_a_child_spends_sending_its_results_back_gives_this_process_more() -> None:
    # Three each would end at 3 here and at 4.5 in the child: four here end at 4, two there at 3.
    assert shares([1.0] * 6, 2, [0.5] * 6) == [[0, 2, 3, 5], [1, 4]]
    # When sending costs little, the split by weight alone finishes as soon: it is kept.
    assert shares([1.0] * 6, 2, [0.01] * 6) == [[0, 2, 4], [1, 3, 5]]


def test_results_come_back_in_task_order_from_every_process() -> None:
    assert scenario("order") == {"returned": [n * n for n in range(7)]}


def test_children_run_their_share_in_other_processes() -> None:
    returned = scenario("pids")["returned"]
    assert returned["pids"].count(returned["parent"]) == 2
    assert len(set(returned["pids"])) == 2


def test_one_process_runs_everything_here() -> None:
    assert run_all([Task(str(n), 1.0, _pid) for n in range(3)], 1) == [os.getpid()] * 3


def test_a_process_with_other_threads_does_not_fork() -> None:
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert run_all([Task(str(n), 1.0, _pid) for n in range(3)], 2) == [os.getpid()] * 3
    finally:
        release.set()
        thread.join()


def test_a_childs_exception_is_raised_here_with_its_traceback_as_a_note() -> None:
    outcome = scenario("child-exception")
    assert (outcome["raised"], outcome["message"]) == ("ValueError", "no such quote: quote-x")
    [note] = outcome["notes"]
    assert note.startswith("(in a forked process)\nTraceback (most recent call last):\n")
    assert 'raise ValueError("no such quote: quote-x")' in note


def test_a_data_error_keeps_its_problems_across_processes() -> None:
    outcome = scenario("data-error")
    assert outcome["raised"] == "DataError"
    assert outcome["problems"] == ["data/people.yaml:3:5: name: an empty name; expected a name"]


def test_an_exception_that_does_not_pickle_arrives_as_its_text() -> None:
    outcome = scenario("exception-not-pickled")
    assert outcome["raised"] == "RuntimeError"
    assert outcome["message"].startswith("(in a forked process)\nTraceback (most recent call last):\n")
    assert outcome["message"].endswith("_NotRebuiltError: 7: cannot be rebuilt from its message\n")


def test_a_result_that_does_not_pickle_is_raised_as_that_error() -> None:
    outcome = scenario("result-not-pickled")
    assert outcome["raised"] in {"AttributeError", "PicklingError", "TypeError"}
    assert "pickle" in outcome["message"]


@pytest.mark.parametrize(("name", "ending"), [("exit-three", "exit code 3"), ("killed", "signal SIGKILL")])
def test_a_child_that_dies_is_reported(name: str, ending: str) -> None:
    outcome = scenario(name)
    assert outcome["raised"] == "WorkerError"
    assert outcome["message"] == f"a forked process ended ({ending}) before sending its results"


def test_when_this_process_fails_first_the_child_is_stopped() -> None:
    assert scenario("parent-fails-first") == {
        "returned": {"raised": "this process failed", "child_gone": True}
    }


def test_when_no_process_can_be_forked_every_task_runs_here() -> None:
    returned = scenario("fork-fails")["returned"]
    assert returned["pids"] == [returned["parent"]] * 4


def test_the_site_is_the_same_byte_for_byte_on_one_process_or_three() -> None:
    assert scenario("same-site") == {"returned": {"fixture": True, "hundred quotes": True}}


def test_small_explainers_render_in_one_process_large_ones_on_every_cpu(tmp_path: Path) -> None:
    assert default_processes(load_dataset(Project(FIXTURES / "small"))) == 1
    data = load_dataset(Project(make_project(ROOT, tmp_path / "project", HUNDRED, seed=2017)))
    assert len(data.statements) >= PARALLEL_FROM_QUOTES
    assert default_processes(data) == available_cpus()


def test_the_days_split_in_halves_of_about_as_many_quotes_and_render_as_the_whole(tmp_path: Path) -> None:
    data = load_dataset(Project(make_project(ROOT, tmp_path / "project", HUNDRED, seed=2017)))
    middle = _halfway(data)
    said = [sum(len(event.quotes) for event in events) for _, events in data.days]
    assert sum(said[:middle]) >= len(data.statements) / 2 > sum(said[: middle - 1])
    ctx = Context(data)
    halves = timeline_day_pages(ctx, 0, middle) | timeline_day_pages(ctx, middle)
    assert list(halves.items()) == list(timeline_day_pages(ctx).items())
