"""Which of a helpdesk's time zones keeps the same clock as an IANA zone.

A helpdesk that knows only some zones (Zendesk knows Rails' 151 names) can
still run a calendar whose zone it lacks, if another zone has the same UTC
offset at every instant that matters. The zone's offset is read at noon UTC on
every day for ``years`` from the build's as-of date, which finds the days it
changes; a candidate must agree at every third of those noons and hour by hour
across each change, so a change on another day or at another hour shows.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
STRIDE = 3  # days between the noons a candidate is compared at


def _noons(start: date, years: int) -> list[datetime]:
    first = datetime(start.year, start.month, start.day, 12, tzinfo=UTC)
    days = (start.replace(year=start.year + years, day=min(start.day, 28)) - start).days
    return [first + day * DAY for day in range(days)]


def _hourly(tz: ZoneInfo, since: datetime) -> list[timedelta | None]:
    return [tz.utcoffset(since + hour * HOUR) for hour in range(25)]


@lru_cache(maxsize=256)
def same_clock(zone: str, candidates: tuple[str, ...], start: date, years: int = 10) -> list[str]:
    """The candidates whose UTC offsets equal ``zone``'s for ``years`` from ``start``.

    Cached, since many calendars of one policy share a zone.
    """
    try:
        mine = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return []
    noons = _noons(start, years)
    offsets = [mine.utcoffset(noon) for noon in noons]
    changes = [noons[i - 1] for i in range(1, len(noons)) if offsets[i] != offsets[i - 1]]
    across = {since: _hourly(mine, since) for since in changes}
    matches = []
    for candidate in candidates:
        try:
            theirs = ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError):
            continue
        if all(
            theirs.utcoffset(noons[i]) == offsets[i] for i in range(0, len(noons), STRIDE)
        ) and all(_hourly(theirs, since) == hours for since, hours in across.items()):
            matches.append(candidate)
    return matches
