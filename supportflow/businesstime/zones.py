"""UTC offset segments of an IANA zone, so wall-clock shifts can be mapped to UTC exactly.

Every offset is zoneinfo's own. Where to look comes from the zone's file (see
:mod:`tzif`): the offset is read on both sides of every instant where it may change,
and at the end of every stretch between them; where a stretch's two ends disagree
after all, the change is bisected down to the second (tzdata transitions fall on
whole seconds). A zone whose file cannot be read is sampled every six hours instead,
each change bisected the same way; two changes less than six hours apart that cancel
out would be missed there, and the property tests compare against zoneinfo minute by
minute to catch that kind of surprise.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from supportflow.businesstime.tzif import change_hints

SAMPLE_SECONDS = 6 * 3600


def _offset(zone: ZoneInfo, t: int) -> int:
    offset = datetime.fromtimestamp(t, zone).utcoffset()
    assert offset is not None  # a ZoneInfo always has an offset for an aware datetime
    return int(offset.total_seconds())


@lru_cache(maxsize=4096)
def offset_segments(key: str, lo: int, hi: int) -> tuple[tuple[int, int, int], ...]:
    """Cover UTC seconds ``[lo, hi)`` with ``(start, end, offset)`` runs of constant offset."""
    hints = change_hints(key, lo, hi)
    if hints is None:
        hints = range(lo + SAMPLE_SECONDS, hi, SAMPLE_SECONDS)
    return _segments(ZoneInfo(key), lo, hi, hints)


def _segments(
    zone: ZoneInfo, lo: int, hi: int, hints: Iterable[int]
) -> tuple[tuple[int, int, int], ...]:
    """The runs of constant offset in ``[lo, hi)``, looking at ``hints`` (sorted, inside)."""
    segments: list[tuple[int, int, int]] = []
    seg_start, current = lo, _offset(zone, lo)
    before = lo  # the offset is ``current`` from ``seg_start`` through ``before``
    for point in (*hints, hi):
        # the stretch up to ``point``: any change inside it that no hint named
        while _offset(zone, point - 1) != current:
            after = point - 1
            while after - before > 1:
                mid = (before + after) // 2
                if _offset(zone, mid) == current:
                    before = mid
                else:
                    after = mid
            segments.append((seg_start, after, current))
            seg_start, before, current = after, after, _offset(zone, after)
        if point < hi and (offset := _offset(zone, point)) != current:
            segments.append((seg_start, point, current))
            seg_start, current = point, offset
        before = point
    segments.append((seg_start, hi, current))
    return tuple(segments)
