"""UTC offset segments of an IANA zone, so wall-clock shifts can be mapped to UTC exactly.

zoneinfo does not expose its transition table, so we sample the offset every six hours and
bisect each change down to the second (tzdata transitions fall on whole seconds). Two changes
less than six hours apart that cancel out would be missed; the property tests compare
against zoneinfo minute by minute to catch that kind of surprise.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

SAMPLE_SECONDS = 6 * 3600


def _offset(zone: ZoneInfo, t: int) -> int:
    offset = datetime.fromtimestamp(t, zone).utcoffset()
    assert offset is not None  # a ZoneInfo always has an offset for an aware datetime
    return int(offset.total_seconds())


@lru_cache(maxsize=4096)
def offset_segments(key: str, lo: int, hi: int) -> tuple[tuple[int, int, int], ...]:
    """Cover UTC seconds ``[lo, hi)`` with ``(start, end, offset)`` runs of constant offset."""
    zone = ZoneInfo(key)
    segments: list[tuple[int, int, int]] = []
    seg_start, current = lo, _offset(zone, lo)
    t = lo
    while t < hi:
        nxt = min(t + SAMPLE_SECONDS, hi)
        sample = _offset(zone, nxt) if nxt < hi else _offset(zone, hi - 1)
        if sample != current:
            before, after = t, nxt if nxt < hi else hi - 1
            while after - before > 1:
                mid = (before + after) // 2
                if _offset(zone, mid) == current:
                    before = mid
                else:
                    after = mid
            segments.append((seg_start, after, current))
            seg_start, current = after, _offset(zone, after)
            t = after
            continue
        t = nxt
    segments.append((seg_start, hi, current))
    return tuple(segments)
