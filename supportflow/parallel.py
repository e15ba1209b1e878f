"""Split CPU-bound work of a large policy over the machine's cores, with the same answer.

A 10,000-team policy's coverage sweep takes seconds on one core while the other waits.
``fork_map`` runs each part but the first in a forked child, which inherits the resolved
model as it is (nothing is pickled on the way in), and the first part in this process;
each child sends its result back pickled through a pipe. Results come back in the order
of the parts, so a caller that splits an ordered list into contiguous parts and joins
the results gets exactly what one process computes.

Forking is only used where it is safe and pays: on a platform with ``os.fork``, in a
process with no other thread (a fork copies only the calling thread, and any lock
another holds), and for parts the caller judged big enough. A child that fails in any
way (an exception, a signal, a result that does not pickle) costs its part being
computed again in this process, where an error surfaces exactly as it would without
forking. ``SUPPORTFLOW_JOBS=1`` turns forking off; another number caps the processes.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

JOBS = "SUPPORTFLOW_JOBS"


def jobs(work: int, per_job: int) -> int:
    """How many processes to split ``work`` units over, each worth at least ``per_job``."""
    # Forking a process with threads is unsafe. Threads start through ``threading``;
    # never imported, it started none (and a small policy's run need not import it).
    threading = sys.modules.get("threading")
    if not hasattr(os, "fork") or (threading is not None and threading.active_count() > 1):
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    limit = os.environ.get(JOBS, "")
    if limit.isdigit() and int(limit) > 0:
        cores = min(cores, int(limit))
    return max(1, min(cores, work // max(per_job, 1)))


def split(items: Sequence[T], parts: int, first: float = 1.0) -> list[Sequence[T]]:
    """``items`` in ``parts`` contiguous slices, in order, of nearly equal length but for the
    first, which is ``first`` times the others: this process takes it, beside other work."""
    shares = first + parts - 1
    cuts = [int(len(items) * (first + index) / shares) for index in range(parts - 1)]
    bounds = [0, *cuts, len(items)]
    return [items[a:b] for a, b in pairwise(bounds)]


def balance(items: Sequence[T], parts: int, weight: Callable[[T], int]) -> list[list[T]]:
    """``items`` dealt into ``parts`` lists of nearly equal total ``weight``, heaviest first,
    each list in the items' order; for work whose results are looked up, not joined."""
    loads = [0] * parts
    dealt: list[list[tuple[int, T]]] = [[] for _ in range(parts)]
    for index in sorted(range(len(items)), key=lambda i: -weight(items[i])):
        lightest = loads.index(min(loads))
        loads[lightest] += weight(items[index])
        dealt[lightest].append((index, items[index]))
    return [[item for _, item in sorted(part, key=lambda pair: pair[0])] for part in dealt]


def fork_map(work: Callable[[Sequence[T]], R], parts: Sequence[Sequence[T]]) -> list[R]:
    """``[work(part) for part in parts]``, the parts after the first in forked children."""
    return Pending(work, parts).results()


class Pending(Generic[T, R]):
    """``work`` over ``parts``, the parts after the first already running in children from
    creation, so this process can do something else before it asks for the results."""

    def __init__(self, work: Callable[[Sequence[T]], R], parts: Sequence[Sequence[T]]) -> None:
        self._work, self._parts = work, parts
        self._children: list[_Child] = [_start(work, part) for part in parts[1:]]

    def results(self) -> list[R]:
        """Every part's result, in order: the first computed here, the others collected."""
        work, parts = self._work, self._parts
        try:
            results = [work(parts[0])] if parts else []
        except BaseException:
            self.discard()
            raise
        for child, part in zip(self._children, parts[1:], strict=True):
            found = _collect(child)
            results.append(found[0] if found is not None else work(part))
        self._children = [None] * len(self._children)
        return results

    def discard(self) -> None:
        """Stop the children whose results are no longer wanted, and reap them."""
        for child in self._children:
            _discard(child)
        self._children = [None] * len(self._children)  # results() would compute them here


_Child = tuple[int, int] | None  # (pid, read end of its pipe), or None when it did not start


def _start(work: Callable[[Sequence[T]], R], part: Sequence[T]) -> _Child:
    import pickle  # here, as only a large policy forks: ~2 ms of every small run saved

    try:
        read, write = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid == 0:  # the child: compute, send, and leave without running any exit handler
        os.close(read)
        code = 0
        try:
            data = pickle.dumps(work(part), pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write, "wb") as out:
                out.write(data)
        except BaseException:
            code = 1
        os._exit(code)
    os.close(write)
    return pid, read


def _collect(child: _Child) -> tuple[Any] | None:
    """The child's result (in a 1-tuple, as a result may be None), or None if it failed."""
    import pickle

    if child is None:
        return None
    pid, read = child
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        return None
    try:
        return (pickle.loads(data),)
    except Exception:
        return None


def _discard(child: _Child) -> None:
    """Stop a child whose result is no longer wanted, and reap it."""
    import signal

    if child is not None:
        pid, read = child
        os.close(read)
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
