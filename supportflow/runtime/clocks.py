"""How a target or a step's delay counts from a start, worked out once per calendar.

A router times the same few targets and steps on the same calendars for every ticket.
Which calendar a delay counts on, whether that calendar is open around the clock, how
long a business day lasts there, which instants its horizon covers: none of that
depends on the ticket. A ``Clock`` holds those answers, so timing one ticket is one
call (``count``): the calendar's own search, or a plain sum where every minute counts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from operator import add
from typing import NamedTuple
from zoneinfo import ZoneInfo

# the runtime's unit: epoch microseconds, ``datetime``'s own resolution
US = 1_000_000
ONE_US = timedelta(microseconds=1)
DAY_US = 86_400 * US

Search = Callable[[int, int], int]

# where every minute counts (the calendar clock, a calendar open around the clock, a
# step that fires on arrival with length 0): the due instant is the start plus the length
ELAPSED: Search = add


class Clock(NamedTuple):
    """A count resolved for one calendar. ``search`` gives the due instant from a start
    and ``length`` (both epoch µs, or the length in business days for
    ``add_business_days_us``); None for a count timed on datetimes only (a step gated
    by others). ``safe_lo`` and ``safe_hi`` bound the epoch µs whose local date lies
    well inside the calendar's horizon (see ``Runtime``)."""

    length: int
    search: Search | None
    zone: ZoneInfo
    safe_lo: int
    safe_hi: int


def count(clock: Clock, start: int) -> int | None:
    """When the count started at ``start`` (epoch µs) is due, in epoch µs; None for a count
    the integer path does not cover, or a start or due instant near a horizon bound: the
    caller then takes the datetime path, which answers or refuses exactly."""
    length, search, _, lo, hi = clock
    if search is None or not lo <= start < hi:
        return None
    due = search(start, length)
    return due if due < hi else None
