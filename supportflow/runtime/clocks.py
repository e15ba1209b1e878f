"""How a target or a step's delay counts from a start, worked out once per calendar.

A router times the same few targets and steps on the same calendars for every ticket.
Which calendar a delay counts on, whether that calendar is open around the clock, how
long a business day lasts there, which instants its horizon covers: none of that
depends on the ticket. A ``Clock`` holds those answers, so timing one ticket is integer
arithmetic and at most one search of the calendar (``count``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple
from zoneinfo import ZoneInfo

# how a clock counts (plain ints: compared for every step of every ticket)
ON_ARRIVAL = 0  # due at the start: a step its ticket's priority or severity triggers
ELAPSED = 1  # every minute counts: the calendar clock, or a calendar open around the clock
SEARCH = 2  # the calendar's own search: open time, or business days
BY_DATETIME = 3  # a step gated by others: timed on datetimes (``Runtime._gated``)


class Clock(NamedTuple):
    """A count resolved for one calendar; ``safe_lo`` and ``safe_hi`` bound the epoch µs
    whose local date lies well inside the calendar's horizon (see ``Runtime``)."""

    how: int
    length: int  # µs, or business days for ``add_business_days_us``
    search: Callable[[int, int], int] | None  # for SEARCH: the calendar's ``due_us`` or
    # ``add_business_days_us``, given the start and the length
    zone: ZoneInfo
    safe_lo: int
    safe_hi: int


def count(clock: Clock, start: int) -> int | None:
    """When the count started at ``start`` (epoch µs) is due, in epoch µs; None for a count
    the integer path does not cover, or a start or due instant near a horizon bound: the
    caller then takes the datetime path, which answers or refuses exactly."""
    how, length, search, _, lo, hi = clock
    if how == BY_DATETIME or not lo <= start < hi:
        return None
    if how == SEARCH:
        due = search(start, length)  # type: ignore[misc]  # SEARCH clocks have one
    elif how == ELAPSED:
        due = start + length
    else:
        due = start
    return due if due < hi else None
