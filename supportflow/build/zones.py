"""Which of a helpdesk's time zones keeps the same clock as an IANA zone.

A helpdesk that knows only some zones (Zendesk knows Rails' 151 names) can
still run a calendar whose zone it lacks, if another zone has the same UTC
offset at every instant that matters. Offsets are compared at each midnight and
noon UTC over ``years`` from the build's as-of date, and hour by hour on the days
either zone changes offset, so a change on another day or at another hour
shows.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

HOUR = timedelta(hours=1)


@lru_cache(maxsize=512)
def _daily(zone: str, start: date, years: int) -> tuple[timedelta | None, ...]:
    tz = ZoneInfo(zone)
    first = datetime(start.year, start.month, start.day, tzinfo=UTC)
    days = (start.replace(year=start.year + years) - start).days
    samples = []
    for day in range(days):
        for hours in (0, 12):
            samples.append(tz.utcoffset(first + timedelta(days=day, hours=hours)))
    return tuple(samples)


def _hourly(zone: str, day: datetime) -> list[timedelta | None]:
    tz = ZoneInfo(zone)
    return [tz.utcoffset(day + hour * HOUR) for hour in range(25)]


@lru_cache(maxsize=256)
def same_clock(zone: str, candidates: tuple[str, ...], start: date, years: int = 10) -> list[str]:
    """The candidates whose UTC offsets equal ``zone``'s for ``years`` from ``start``.

    Cached, since many calendars of one policy share a zone.
    """
    try:
        mine = _daily(zone, start, years)
    except (ZoneInfoNotFoundError, ValueError):
        return []
    first = datetime(start.year, start.month, start.day, tzinfo=UTC)
    changes = [i // 2 for i in range(1, len(mine)) if mine[i] != mine[i - 1]]
    probes = [mine[i] for i in range(0, len(mine), 61)]  # about once a month
    matches = []
    for candidate in candidates:
        try:
            tz = ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError):
            continue
        instants = (first + timedelta(hours=12 * i) for i in range(0, len(mine), 61))
        if [tz.utcoffset(instant) for instant in instants] != probes:
            continue
        theirs = _daily(candidate, start, years)
        if theirs != mine:
            continue
        days = (first + timedelta(days=day) for day in changes)
        if all(_hourly(zone, day) == _hourly(candidate, day) for day in days):
            matches.append(candidate)
    return matches
