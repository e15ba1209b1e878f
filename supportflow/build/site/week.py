"""Who is open when, over one week in a calendar's local time: the heatmap's data.

A week is 7 × 48 half-hour slots in the support desk's local wall-clock time, held as
one integer whose bit ``day * 48 + slot`` is set when open. Other calendars (a channel's
own hours, a team in another zone) are read at the same instants: each slot's start is
converted through real zoneinfo on a reference week (the one after the build's as-of
date), so a desk in Riyadh and a team in Stockholm line up as they do that week.
Weekly hours only: holidays are listed on the help-center page, not painted into a
typical week.

A calendar's week is painted once in its own zone, from its shifts, and moved into a
desk's zone slot by slot only for each distinct union that a heatmap row shows: the
calendars of one zone are united first, since moving a week distributes over union.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from supportflow.businesstime.spec import MINUTES_PER_DAY, Shift

SLOT_MINUTES = 30
SLOTS_PER_DAY = MINUTES_PER_DAY // SLOT_MINUTES
WEEK_SLOTS = 7 * SLOTS_PER_DAY
DAY_MASK = (1 << SLOTS_PER_DAY) - 1
Week = int  # bit day * SLOTS_PER_DAY + slot, weekday 0 = Monday


def reference_monday(as_of: date) -> date:
    """The first Monday after ``as_of``: a whole week that starts after the build date."""
    return as_of + timedelta(days=7 - as_of.weekday())


@cache
def own_week(shifts: tuple[Shift, ...]) -> Week:
    """The slots of the shifts' own wall-clock week that a shift opens in, overnight
    shifts carried into the next day (and Sunday's into Monday)."""
    week = 0
    for shift in shifts:
        first = shift.weekday * SLOTS_PER_DAY + shift.start // SLOT_MINUTES
        last = shift.weekday * SLOTS_PER_DAY + -(-shift.end // SLOT_MINUTES)  # exclusive
        for slot in range(first, last):
            week |= 1 << slot % WEEK_SLOTS
    return week


@cache
def _instants(local_zone: str, monday: date) -> tuple[datetime, ...]:
    """Each slot start of ``local_zone``'s reference week, as an aware datetime."""
    here = ZoneInfo(local_zone)
    return tuple(
        datetime.combine(monday + timedelta(days=day), datetime.min.time(), here)
        + timedelta(minutes=slot * SLOT_MINUTES)
        for day in range(7)
        for slot in range(SLOTS_PER_DAY)
    )


@cache
def _starts(local_zone: str, monday: date) -> tuple[float, ...]:
    """Each slot start of ``local_zone``'s reference week, as a POSIX timestamp."""
    return tuple(instant.timestamp() for instant in _instants(local_zone, monday))


@cache
def _slots_at(zone: str) -> dict[float, int]:
    """The week slot that an instant (a POSIX timestamp) shows on ``zone``'s wall clock,
    filled as instants are asked for: desks in other zones mostly ask for the same ones."""
    return {}


@cache
def _placement(local_zone: str, zone: str, monday: date) -> tuple[int, ...]:
    """For each slot of ``local_zone``'s reference week, the slot of ``zone``'s week
    whose wall-clock time its start instant shows there."""
    there = ZoneInfo(zone)
    known = _slots_at(zone)
    found = []
    for start in _starts(local_zone, monday):
        slot = known.get(start)
        if slot is None:
            wall = datetime.fromtimestamp(start, there)  # as instant.astimezone(there) shows
            minute = wall.hour * 60 + wall.minute
            slot = known[start] = wall.weekday() * SLOTS_PER_DAY + minute // SLOT_MINUTES
        found.append(slot)
    return tuple(found)


@cache
def moved(week: Week, zone: str, local_zone: str, monday: date) -> Week:
    """``week``, painted in ``zone``'s wall-clock time, seen in ``local_zone``'s."""
    if zone == local_zone or week == 0:
        return week
    placed = 0
    for slot, source in enumerate(_placement(local_zone, zone, monday)):
        if week >> source & 1:
            placed |= 1 << slot
    return placed


def union(weeks: Iterable[Week]) -> Week:
    """Open when any of ``weeks`` is open (a tier with several teams)."""
    found = 0
    for week in weeks:
        found |= week
    return found


def day_of(week: Week, day: int) -> int:
    """The 48 slots of weekday ``day`` (0 = Monday), bit ``slot`` set when open."""
    return week >> day * SLOTS_PER_DAY & DAY_MASK


@cache
def runs(day: int) -> tuple[tuple[int, int], ...]:
    """Open runs of one day's slots as (first slot, end slot)."""
    found = []
    while day:
        start = (day & -day).bit_length() - 1
        rest = day >> start
        length = (~rest & (rest + 1)).bit_length() - 1
        found.append((start, start + length))
        day &= ~(((1 << length) - 1) << start)
    return tuple(found)
