"""Set algebra on sorted, merged half-open intervals held as int64 arrays.

A set of instants is a pair ``(starts, ends)`` of equal-length int64 arrays, sorted and
disjoint (``merge`` makes one from anything). Union, intersection and difference are one
sort of the boundaries and two running sums: linear in the number of intervals after the
sort, never a walk over time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from supportflow.businesstime.intervals import merge

Span = tuple[np.ndarray, np.ndarray]


def empty() -> Span:
    return np.empty(0, np.int64), np.empty(0, np.int64)


def span(lo: int, hi: int) -> Span:
    """The single interval ``[lo, hi)`` (empty when ``hi <= lo``)."""
    if hi <= lo:
        return empty()
    return np.array([lo], np.int64), np.array([hi], np.int64)


def union(sets: Iterable[Span]) -> Span:
    parts = list(sets)
    if not parts:
        return empty()
    return merge(np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts]))


def _combine(a: Span, b: Span, keep: Callable[[np.ndarray, np.ndarray], np.ndarray]) -> Span:
    """The instants whose membership in ``a`` and ``b`` satisfies ``keep(in_a, in_b)``."""
    times = np.concatenate([a[0], a[1], b[0], b[1]])
    if times.size == 0:
        return empty()
    na, nb = a[0].size, b[0].size
    zeros_a, zeros_b = np.zeros(2 * na, np.int64), np.zeros(2 * nb, np.int64)
    da = np.concatenate([np.ones(na, np.int64), -np.ones(na, np.int64), zeros_b])
    db = np.concatenate([zeros_a, np.ones(nb, np.int64), -np.ones(nb, np.int64)])
    order = np.argsort(times, kind="stable")
    t, in_a, in_b = times[order], np.cumsum(da[order]), np.cumsum(db[order])
    last = np.append(t[1:] != t[:-1], True)  # state after every event at the same instant
    t, in_a, in_b = t[last], in_a[last], in_b[last]
    inside = keep(in_a[:-1] > 0, in_b[:-1] > 0)
    return merge(t[:-1][inside], t[1:][inside])


def intersect(a: Span, b: Span) -> Span:
    return _combine(a, b, lambda x, y: x & y)


def subtract(a: Span, b: Span) -> Span:
    return _combine(a, b, lambda x, y: x & ~y)


def total(a: Span) -> int:
    return int((a[1] - a[0]).sum())


def same(a: Span, b: Span) -> bool:
    return np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
