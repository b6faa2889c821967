"""Independent pieces of work shared between this process and forked copies of it.

Reading and rendering a large explainer take seconds in one process. Each piece of the rendering (the
timeline's days, the people, the exports…) depends only on the validated data, which a forked child already
holds, copy-on-write, without pickling it; each event file is read on its own. So each child runs its share of
the pieces and sends the results back, pickled, through a pipe; this process runs the rest meanwhile. The
results are the same as one process's, in the same order.

Only a process with a single thread forks: a thread that holds a lock at the fork (the web server's, in
``mkdocs serve``, which rebuilds from a thread of its own) would leave that lock held forever in the child.
There, and on platforms without ``fork``, every piece runs here, one after the other. A child writes to
nothing but its pipe and ends with ``os._exit``, so it never runs this process's clean-up or flushes its
buffers.
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Task(Generic[T]):
    """One piece of work: ``weight`` is its expected cost relative to the others, to share them evenly, and
    ``sending`` what pickling and sending its result back from a child adds to that, in the same unit.

    ``run`` may run in another process: only what it returns comes back, not what else it changes.
    """

    name: str
    weight: float
    run: Callable[[], T]
    sending: float = 0.0


class WorkerError(RuntimeError):
    """A child process ended without sending its results (killed, or out of memory)."""


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity, where the platform tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether forking is safe here: the platform has it and this process runs one thread."""
    return hasattr(os, "fork") and threading.active_count() == 1


def shares(weights: Sequence[float], processes: int, sending: Sequence[float] = ()) -> list[list[int]]:
    """Task indices split into up to ``processes`` shares to finish about together, this process's share first.

    A child also pickles and sends back what its tasks make, which adds ``sending[i]`` to task ``i`` (nothing
    when not given). Two splits are tried, and the one that finishes sooner by those costs is kept (the first
    on a tie):

    * each task, heaviest first, to the lightest share so far (ties to the lower share), the heaviest share then
      staying here, since the others also pay for sending;
    * each task, heaviest first, to the process that would finish it soonest, counting the sending.

    The same split every time.
    """
    extra = list(sending) or [0.0] * len(weights)
    lightest_first = _lightest_first(weights, processes)
    soonest_done = _soonest_done(weights, extra, processes)
    if _finish(weights, extra, soonest_done) < _finish(weights, extra, lightest_first):
        return soonest_done
    return lightest_first


def _lightest_first(weights: Sequence[float], processes: int) -> list[list[int]]:
    # Without sending, the process that would finish a task soonest is the one with the least work so far.
    split = _soonest_done(weights, [0.0] * len(weights), processes)
    return sorted(split, key=lambda share: -sum(weights[index] for index in share))


def _soonest_done(weights: Sequence[float], sending: Sequence[float], processes: int) -> list[list[int]]:
    done = [0.0] * processes
    split: list[list[int]] = [[] for _ in range(processes)]
    for index in sorted(range(len(weights)), key=lambda i: (-weights[i], i)):
        ends = [
            done[share] + weights[index] + (sending[index] if share else 0.0) for share in range(processes)
        ]
        soonest = ends.index(min(ends))
        split[soonest].append(index)
        done[soonest] = ends[soonest]
    return [sorted(share) for share in split if share]


def _finish(weights: Sequence[float], sending: Sequence[float], split: Sequence[Sequence[int]]) -> float:
    """When the last share is done, the first running here and the others in children, which also send."""
    own, *others = split
    here = sum(weights[index] for index in own)
    return max([here, *(sum(weights[index] + sending[index] for index in share) for share in others)])


def run_all(tasks: Sequence[Task[T]], processes: int) -> list[T]:
    """Every task's result, in the order of ``tasks``; on up to ``processes`` processes where that is safe
    (shared out by :func:`shares`).

    An exception raised by a task is raised here, whichever process ran it (with the child's traceback added
    as a note). A share whose process cannot be forked runs here.
    """
    if processes <= 1 or len(tasks) <= 1 or not can_fork():
        return [task.run() for task in tasks]
    weights, sending = [task.weight for task in tasks], [task.sending for task in tasks]
    own, *others = shares(weights, min(processes, len(tasks)), sending)
    children: list[_Child[T]] = []
    results: dict[int, T] = {}
    try:
        for share in others:
            try:
                children.append(_Child.start(tasks, share))
            except OSError:  # no process to be had (a limit on processes or memory): this one does the share
                own = [*own, *share]
        results |= {index: tasks[index].run() for index in own}
        for child in children:
            results |= child.collect()
    finally:
        for child in children:
            child.close()
    return [results[index] for index in range(len(tasks))]


@dataclass
class _Child(Generic[T]):
    """A forked process running some of the tasks, and the pipe its results come back through."""

    pid: int
    results: int  # the pipe's reading end
    finished: bool = False

    @classmethod
    def start(cls, tasks: Sequence[Task[T]], share: Sequence[int]) -> _Child[T]:
        reading, writing = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: run the share, send the outcome, and leave without returning
            os.close(reading)
            status = 1
            try:
                _send(writing, _outcome(tasks, share))
                status = 0
            finally:
                os._exit(status)
        os.close(writing)
        return cls(pid, reading)

    def collect(self) -> dict[int, T]:
        """The results by task index, once the child has sent them; its exception, raised here."""
        with os.fdopen(self.results, "rb", closefd=False) as pipe:
            try:
                outcome = pickle.load(pipe)
            except (EOFError, pickle.UnpicklingError):  # it ended before writing everything
                outcome = None
        _, status = os.waitpid(self.pid, 0)
        self.finished = True
        if outcome is None:
            raise WorkerError(f"a forked process ended ({_describe(status)}) before sending its results")
        if isinstance(outcome, BaseException):
            raise outcome
        results: dict[int, T] = outcome
        return results

    def close(self) -> None:
        """Close the pipe; a child still running (this process failed first) is stopped and waited for."""
        os.close(self.results)
        if not self.finished:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.finished = True


def _outcome(tasks: Sequence[Task[T]], share: Sequence[int]) -> dict[int, T] | BaseException:
    """In the child: the share's results, or the exception one of them raised, to be raised in the parent."""
    try:
        return {index: tasks[index].run() for index in share}
    except Exception as error:  # noqa: BLE001 - carried to the parent and raised there, not swallowed
        return error


def _send(fd: int, outcome: object) -> None:
    """Pickle ``outcome`` into the pipe: results, or an exception (as its text if it does not pickle)."""
    if isinstance(outcome, BaseException):
        payload = _exception_payload(outcome)
    else:
        try:
            payload = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError) as error:
            payload = _exception_payload(error)
    with os.fdopen(fd, "wb") as pipe:
        pipe.write(payload)


def _exception_payload(error: BaseException) -> bytes:
    """The exception with the child's traceback as a note; as a RuntimeError of that text if it does not
    survive pickling (an exception whose constructor takes other arguments than its message)."""
    where = "(in a forked process)\n" + "".join(traceback.format_exception(error))
    try:
        error.add_note(where)
        payload = pickle.dumps(error, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.loads(payload)
    except Exception:  # noqa: BLE001 - whatever the failure, the parent gets the exception as text
        return pickle.dumps(RuntimeError(where), protocol=pickle.HIGHEST_PROTOCOL)
    return payload


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {signal.Signals(os.WTERMSIG(status)).name}"
    return f"exit code {os.waitstatus_to_exitcode(status)}"
