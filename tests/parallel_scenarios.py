"""What tests/test_parallel.py checks of forked work, each scenario run in a fresh interpreter.

pytest's own process runs other threads once the browser tests have started their web server, and from such a
process ``run_all`` rightly refuses to fork. ``python -m tests.parallel_scenarios NAME`` runs one scenario in a
process of one thread and prints its outcome as JSON: what it returned, or the exception it raised.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.errors import DataError, Problem
from generator.parallel import Task, can_fork, run_all

ROOT = Path(__file__).resolve().parent.parent


def _pid() -> int:
    return os.getpid()


def _heavy_here_then(task: Callable[[], object]) -> list[Task[object]]:
    """A heavy task, which stays in this process, and ``task``, which goes to the child."""
    return [Task("heavy", 2.0, _pid), Task("light", 1.0, task)]


def order() -> object:
    return run_all([Task(f"square {n}", 1.0, functools.partial(pow, n, 2)) for n in range(7)], 3)


def pids() -> object:
    return {"parent": os.getpid(), "pids": run_all([Task(f"pid {n}", 1.0, _pid) for n in range(4)], 2)}


def _fail() -> int:
    raise ValueError("no such quote: quote-x")


def child_exception() -> object:
    return run_all(_heavy_here_then(_fail), 2)


def _data_error() -> int:
    raise DataError([Problem("data/people.yaml", 3, 5, "name", "an empty name", "a name")])


def data_error() -> object:
    return run_all(_heavy_here_then(_data_error), 2)


class _NotRebuiltError(Exception):
    def __init__(self, code: int, reason: str) -> None:
        super().__init__(f"{code}: {reason}")


def _raise_not_rebuilt() -> int:
    raise _NotRebuiltError(7, "cannot be rebuilt from its message")


def exception_not_pickled() -> object:
    return run_all(_heavy_here_then(_raise_not_rebuilt), 2)


def result_not_pickled() -> object:
    return run_all(_heavy_here_then(lambda: lambda: None), 2)


def _exit_three() -> int:
    os._exit(3)


def exit_three() -> object:
    return run_all(_heavy_here_then(_exit_three), 2)


def _killed() -> int:
    os.kill(os.getpid(), signal.SIGKILL)
    return 0


def killed() -> object:
    return run_all(_heavy_here_then(_killed), 2)


def parent_fails_first() -> object:
    """This process fails while the child still works: the child is stopped and waited for, not left behind."""
    with tempfile.TemporaryDirectory() as folder:
        pid_file = Path(folder) / "child.pid"

        def wait_forever() -> int:
            pid_file.write_text(str(os.getpid()))
            while True:
                time.sleep(60)

        def fail_once_the_child_runs() -> int:
            while not pid_file.exists() or not pid_file.read_text():
                time.sleep(0.01)
            raise ValueError("this process failed")

        try:
            run_all([Task("here", 2.0, fail_once_the_child_runs), Task("there", 1.0, wait_forever)], 2)
        except ValueError as error:
            child = int(pid_file.read_text())
            try:
                os.kill(child, 0)
            except ProcessLookupError:
                return {"raised": str(error), "child_gone": True}
            return {"raised": str(error), "child_gone": False}
    return {"raised": None}


def fork_fails() -> object:
    """No process can be forked (a limit on processes or memory): every task runs here all the same."""

    def refuse() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    os.fork = refuse
    return {"parent": os.getpid(), "pids": run_all([Task(f"pid {n}", 1.0, _pid) for n in range(4)], 3)}


def same_site() -> object:
    """The fixture and 100 synthetic quotes, generated on one process and on three: the same files, in order."""
    from bench.synth import SIZES, make_project
    from generator.build import Project, generate

    hundred = next(size for size in SIZES if size.quotes == 100)
    with tempfile.TemporaryDirectory() as folder:
        roots = {
            "fixture": ROOT / "tests" / "fixtures" / "small",
            "hundred quotes": make_project(ROOT, Path(folder) / "project", hundred, seed=2017),
        }
        same = {}
        for name, root in roots.items():
            one = generate(Project(root), processes=1)
            three = generate(Project(root), processes=3)
            same[name] = list(one) == list(three) and one == three
    return same


SCENARIOS: dict[str, Callable[[], object]] = {
    "order": order,
    "pids": pids,
    "child-exception": child_exception,
    "data-error": data_error,
    "exception-not-pickled": exception_not_pickled,
    "result-not-pickled": result_not_pickled,
    "exit-three": exit_three,
    "killed": killed,
    "parent-fails-first": parent_fails_first,
    "fork-fails": fork_fails,
    "same-site": same_site,
}


def main(name: str) -> int:
    outcome: dict[str, Any] = {"could_fork": can_fork()}
    try:
        outcome["returned"] = SCENARIOS[name]()
    except Exception as error:  # noqa: BLE001 - the outcome under test, printed for the test to read
        outcome["raised"] = type(error).__name__
        outcome["message"] = str(error)
        outcome["notes"] = getattr(error, "__notes__", [])
        if isinstance(error, DataError):
            outcome["problems"] = [str(problem) for problem in error.problems]
    print(json.dumps(outcome))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
