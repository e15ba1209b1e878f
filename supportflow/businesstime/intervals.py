"""Vectorised interval algebra on int64 arrays: wall-clock to UTC, and merging.

An interval is half-open ``[start, end)``. Keeping this apart from the calendar keeps the
exact DST rule in one small place: a UTC instant ``u`` in a run of constant offset ``o`` has
wall time ``u + o``, so it is inside the wall interval ``[ws, we)`` exactly when
``ws - o <= u < we - o``.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

Int64Array = np.ndarray


def wall_to_utc(
    wall_starts: Int64Array, wall_ends: Int64Array, segments: Iterable[tuple[int, int, int]]
) -> tuple[Int64Array, Int64Array]:
    """Map wall-clock intervals to the UTC instants whose wall time lies inside them.

    ``segments`` are ``(utc_start, utc_end, offset)`` runs covering every instant that matters.
    A DST gap shortens an interval (its missing wall times have no instant); an overlap yields
    the repeated wall times twice, possibly as two separate UTC pieces. Result is unsorted.
    """
    starts: list[Int64Array] = []
    ends: list[Int64Array] = []
    for seg_start, seg_end, offset in segments:
        lo = np.maximum(wall_starts - offset, seg_start)
        hi = np.minimum(wall_ends - offset, seg_end)
        keep = lo < hi
        starts.append(lo[keep])
        ends.append(hi[keep])
    if not starts:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    return np.concatenate(starts), np.concatenate(ends)


def merge(starts: Int64Array, ends: Int64Array) -> tuple[Int64Array, Int64Array]:
    """Sort and merge overlapping or touching intervals, so open time is never counted twice."""
    if starts.size == 0:
        return starts, ends
    order = np.lexsort((ends, starts))
    starts, ends = starts[order], ends[order]
    reach = np.maximum.accumulate(ends)
    first = np.empty(starts.size, dtype=bool)
    first[0] = True
    first[1:] = starts[1:] > reach[:-1]
    heads = np.flatnonzero(first)
    tails = np.append(heads[1:] - 1, starts.size - 1)
    return starts[heads], reach[tails]
