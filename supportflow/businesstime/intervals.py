"""Interval arithmetic on plain int lists: wall-clock to UTC, and merging.

An interval is half-open ``[start, end)``. Keeping this apart from the calendar keeps the
exact DST rule in one small place: a UTC instant ``u`` in a run of constant offset ``o`` has
wall time ``u + o``, so it is inside the wall interval ``[ws, we)`` exactly when
``ws - o <= u < we - o``.

Plain Python, not numpy: a calendar year is a few hundred intervals, where numpy's cost per
call outweighs its speed per element, and ``validate`` then never imports numpy.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import islice
from operator import gt, sub


def wall_to_utc(
    wall_starts: Sequence[int],
    wall_ends: Sequence[int],
    segments: Iterable[tuple[int, int, int]],
) -> tuple[list[int], list[int]]:
    """Map wall-clock intervals to the UTC instants whose wall time lies inside them.

    ``segments`` are ``(utc_start, utc_end, offset)`` runs covering every instant that matters.
    A DST gap shortens an interval (its missing wall times have no instant); an overlap yields
    the repeated wall times twice, possibly as two separate UTC pieces. Each segment looks only
    at the intervals that can reach its wall-clock window, found by bisection, so a year costs
    its intervals plus a few searches rather than intervals times segments. For segments in
    UTC order the result is sorted by start.
    """
    if any(map(gt, wall_starts, islice(wall_starts, 1, None))):
        order = sorted(range(len(wall_starts)), key=wall_starts.__getitem__)
        wall_starts, wall_ends = [wall_starts[k] for k in order], [wall_ends[k] for k in order]
    longest = max(map(sub, wall_ends, wall_starts), default=0)
    starts: list[int] = []
    ends: list[int] = []
    for seg_start, seg_end, offset in segments:
        # an interval starting this early ends before the window opens; one starting at or
        # after its close begins after it
        first = bisect_right(wall_starts, seg_start + offset - longest)
        last = bisect_left(wall_starts, seg_end + offset)
        for k in range(first, last):
            lo = wall_starts[k] - offset
            hi = wall_ends[k] - offset
            if lo < seg_start:
                lo = seg_start
            if hi > seg_end:
                hi = seg_end
            if lo < hi:
                starts.append(lo)
                ends.append(hi)
    return starts, ends


def merge(starts: Iterable[int], ends: Iterable[int]) -> tuple[list[int], list[int]]:
    """Sort and merge overlapping or touching intervals, so open time is never counted twice.

    Input already in order (most is: a calendar's days, a week after week) is not sorted
    again, and an unordered one is sorted by start alone, which is all merging needs; input
    already merged is checked as such and returned as it is.
    """
    starts, ends = list(starts), list(ends)
    if any(map(gt, starts, islice(starts, 1, None))):
        order = sorted(range(len(starts)), key=starts.__getitem__)
        starts, ends = [starts[k] for k in order], [ends[k] for k in order]
    elif all(map(gt, islice(starts, 1, None), ends)):
        return starts, ends  # in order, and each ends before the next starts: nothing to merge
    merged_starts: list[int] = []
    merged_ends: list[int] = []
    reach = None
    for start, end in zip(starts, ends, strict=True):
        if reach is not None and start <= reach:
            if end > reach:
                reach = merged_ends[-1] = end
        else:
            merged_starts.append(start)
            merged_ends.append(end)
            reach = end
    return merged_starts, merged_ends
