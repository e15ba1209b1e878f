"""Instants as int64 epoch microseconds, the unit of the compiled calendars, and back.

The sweep works on µs so it can use the calendars' interval arrays as they are; these
helpers convert at its edges (options in, ISO 8601 out).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np

from supportflow.businesstime.zones import offset_segments

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
US = timedelta(microseconds=1)


def micros(value: datetime) -> int:
    return (value - EPOCH) // US


def instant(value: int) -> datetime:
    return EPOCH + timedelta(microseconds=value)


def offsets(seconds: np.ndarray, zone: str) -> np.ndarray:
    """The zone's UTC offset, in seconds, at each of the epoch-second instants (not empty)."""
    segments = offset_segments(zone, int(seconds.min()), int(seconds.max()) + 1)
    bounds = np.array([start for start, _, _ in segments], np.int64)
    values = np.array([offset for _, _, offset in segments], np.int64)
    return values[np.clip(np.searchsorted(bounds, seconds, "right") - 1, 0, None)]


def isoformat_many(instants: np.ndarray, zone: str) -> list[str]:
    """ISO 8601 with the zone's offset at each instant (epoch µs, whole seconds), at once."""
    if instants.size == 0:
        return []
    seconds = instants // 1_000_000
    offset = offsets(seconds, zone)
    local = np.datetime_as_string((seconds + offset).astype("datetime64[s]"), unit="s")
    sign = np.where(offset < 0, "-", "+")
    hours, minutes = np.abs(offset) // 3600, np.abs(offset) % 3600 // 60
    return [
        f"{text}{s}{h:02d}:{m:02d}"
        for text, s, h, m in zip(
            local.tolist(), sign.tolist(), hours.tolist(), minutes.tolist(), strict=True
        )
    ]
