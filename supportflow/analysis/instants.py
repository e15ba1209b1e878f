"""Instants as int epoch microseconds, the unit of the compiled calendars, and back.

The sweep works on µs so it can use the calendars' intervals as they are; these helpers
convert at its edges (options in, ISO 8601 out).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from supportflow.businesstime.zones import offset_segments

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
US = timedelta(microseconds=1)
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def micros(value: datetime) -> int:
    return (value - EPOCH) // US


def instant(value: int) -> datetime:
    return EPOCH + timedelta(microseconds=value)


class Offsets:
    """A zone's UTC offset (seconds) at epoch-second instants within ``[lo, hi)``, looked
    up in the zone's offset segments."""

    def __init__(self, zone: str, lo: int, hi: int) -> None:
        segments = offset_segments(zone, lo, hi)
        self._bounds = [start for start, _, _ in segments]
        self._values = [offset for _, _, offset in segments]

    def at(self, seconds: int) -> int:
        return self._values[max(bisect_right(self._bounds, seconds) - 1, 0)]


def isoformat_many(instants: Sequence[int], zone: str) -> list[str]:
    """ISO 8601 with the zone's offset at each instant (epoch µs, whole seconds).

    A year of gaps is hundreds of thousands of instants: each is written from integer
    arithmetic, with one ``date`` per local day, rather than a ``datetime`` each.
    """
    if not instants:
        return []
    seconds = [t // 1_000_000 for t in instants]
    offsets = Offsets(zone, min(seconds), max(seconds) + 1)
    days: dict[int, str] = {}
    texts = []
    for second in seconds:
        offset = offsets.at(second)
        day, clock = divmod(second + offset, 86_400)
        if day not in days:
            days[day] = date.fromordinal(EPOCH_ORDINAL + day).isoformat()
        sign, size = ("-", -offset) if offset < 0 else ("+", offset)
        texts.append(
            f"{days[day]}T{clock // 3600:02d}:{clock % 3600 // 60:02d}:{clock % 60:02d}"
            f"{sign}{size // 3600:02d}:{size % 3600 // 60:02d}"
        )
    return texts
