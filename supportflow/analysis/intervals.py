"""Set algebra on sorted, merged half-open intervals held as tuples of epoch µs.

A set of instants is a ``Span``: a pair ``(starts, ends)`` of equal-length int tuples,
sorted and disjoint, no two touching (``normal`` makes one from any intervals). Intersection and
difference walk both inputs once, side by side: linear in their intervals, never a walk
over time. Tuples, so a span can be shared by gaps and used as a cache key as it is.

Plain Python: a sweep's spans are a year of one calendar's intervals at most (a few
hundred), mostly far fewer, where numpy's cost per call outweighs its speed per element.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from supportflow.businesstime.intervals import merge

Span = tuple[tuple[int, ...], tuple[int, ...]]
EMPTY: Span = ((), ())


def span(lo: int, hi: int) -> Span:
    """The single interval ``[lo, hi)`` (empty when ``hi <= lo``)."""
    return ((lo,), (hi,)) if lo < hi else EMPTY


def normal(starts: Iterable[int], ends: Iterable[int]) -> Span:
    """The span of any intervals: sorted, overlapping and touching ones merged."""
    merged_starts, merged_ends = merge(starts, ends)
    return tuple(merged_starts), tuple(merged_ends)


def union(sets: Iterable[Span]) -> Span:
    parts = [part for part in sets if part[0]]
    if len(parts) == 1:
        return parts[0]
    return normal((t for part in parts for t in part[0]), (t for part in parts for t in part[1]))


def intersect(a: Span, b: Span) -> Span:
    """The instants in both. Pieces of disjoint, non-touching inputs never touch."""
    a_starts, a_ends = a
    b_starts, b_ends = b
    starts: list[int] = []
    ends: list[int] = []
    i = j = 0
    count_a, count_b = len(a_starts), len(b_starts)
    while i < count_a and j < count_b:
        a_start, a_end, b_start, b_end = a_starts[i], a_ends[i], b_starts[j], b_ends[j]
        lo = a_start if a_start > b_start else b_start
        if a_end < b_end:
            if lo < a_end:
                starts.append(lo)
                ends.append(a_end)
            i += 1
        else:
            if lo < b_end:
                starts.append(lo)
                ends.append(b_end)
            j += 1
    return tuple(starts), tuple(ends)


def subtract(a: Span, b: Span) -> Span:
    """The instants in ``a`` and not in ``b``: each piece lies between two intervals of
    ``b`` (or a's own ends), so pieces never touch."""
    b_starts, b_ends = b
    starts: list[int] = []
    ends: list[int] = []
    j, count_b = 0, len(b_starts)
    for lo, hi in zip(*a, strict=True):
        while j < count_b and b_ends[j] <= lo:
            j += 1
        k = j
        while k < count_b:
            b_start = b_starts[k]
            if b_start >= hi:
                break
            if b_start > lo:
                starts.append(lo)
                ends.append(b_start)
            b_end = b_ends[k]
            if b_end > lo:
                lo = b_end
            if lo >= hi:
                break
            k += 1
        if lo < hi:
            starts.append(lo)
            ends.append(hi)
    return tuple(starts), tuple(ends)


def clip(a: Span, lo: int, hi: int) -> Span:
    """``a`` within ``[lo, hi)``: the intersection with one interval, by two searches."""
    starts, ends = a
    i, j = bisect_right(ends, lo), bisect_left(starts, hi)
    if i >= j or hi <= lo:
        return EMPTY
    clipped_starts, clipped_ends = list(starts[i:j]), list(ends[i:j])
    clipped_starts[0] = max(clipped_starts[0], lo)
    clipped_ends[-1] = min(clipped_ends[-1], hi)
    return tuple(clipped_starts), tuple(clipped_ends)


def total(a: Span) -> int:
    return sum(a[1]) - sum(a[0])
