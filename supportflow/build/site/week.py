"""Who is open when, over one week in a calendar's local time: the heatmap's data.

A week is 7 × 48 half-hour slots in the support desk's local wall-clock time.
Other calendars (a channel's own hours, a team in another zone) are read at the
same instants: each slot's start is converted through real zoneinfo on a
reference week (the one after the build's as-of date), so a desk in Riyadh and a
team in Stockholm line up as they do that week. Weekly hours only: holidays are
listed on the help-center page, not painted into a typical week.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from supportflow.businesstime.spec import MINUTES_PER_DAY, CalendarSpec

SLOT_MINUTES = 30
SLOTS_PER_DAY = MINUTES_PER_DAY // SLOT_MINUTES
Week = tuple[tuple[bool, ...], ...]  # [weekday 0=Monday][slot]


def reference_monday(as_of: date) -> date:
    """The first Monday after ``as_of``: a whole week that starts after the build date."""
    return as_of + timedelta(days=7 - as_of.weekday())


@cache
def _open_minutes(shifts: tuple) -> tuple[frozenset[int], ...]:
    """Per weekday, the open minutes of the week (overnight shifts carried into the next day)."""
    days: list[set[int]] = [set() for _ in range(7)]
    for shift in shifts:
        for minute in range(shift.start, shift.end, SLOT_MINUTES):
            day = (shift.weekday + minute // MINUTES_PER_DAY) % 7
            days[day].add(minute % MINUTES_PER_DAY)
    return tuple(frozenset(d) for d in days)


def _is_open(spec: CalendarSpec, local: datetime) -> bool:
    minute = local.hour * 60 + local.minute
    return minute - minute % SLOT_MINUTES in _open_minutes(spec.shifts)[local.weekday()]


@cache
def _instants(timezone: str, monday: date) -> tuple[tuple[datetime, ...], ...]:
    """Each slot start of the reference week in ``timezone``, as an aware datetime."""
    zone = ZoneInfo(timezone)
    return tuple(
        tuple(
            datetime.combine(monday + timedelta(days=day), datetime.min.time(), zone)
            + timedelta(minutes=slot * SLOT_MINUTES)
            for slot in range(SLOTS_PER_DAY)
        )
        for day in range(7)
    )


@cache
def week(spec: CalendarSpec, local_zone: str, monday: date) -> Week:
    """When ``spec`` is open, slot by slot, in ``local_zone``'s wall-clock week."""
    zone = ZoneInfo(spec.timezone)
    same = spec.timezone == local_zone
    return tuple(
        tuple(_is_open(spec, instant if same else instant.astimezone(zone)) for instant in day)
        for day in _instants(local_zone, monday)
    )


def union(weeks: list[Week]) -> Week:
    """Open when any of ``weeks`` is open (a tier with several teams)."""
    return tuple(tuple(any(w[d][s] for w in weeks) for s in range(SLOTS_PER_DAY)) for d in range(7))


def runs(day: tuple[bool, ...]) -> list[tuple[int, int]]:
    """Open runs of one day as (first slot, end slot)."""
    found, start = [], None
    for slot, is_open in enumerate((*day, False)):
        if is_open and start is None:
            start = slot
        elif not is_open and start is not None:
            found.append((start, slot))
            start = None
    return found
