"""What decides when a support team is open: the input of the business-time engine.

Plain frozen values with no parsing; the short forms that produce them live in
``supportflow.shortforms``, which keeps this package self-contained.
"""

from __future__ import annotations

from datetime import date, timedelta

from supportflow.frozen import frozen

MINUTES_PER_DAY = 1440


@frozen(order=True)
class Shift:
    """One weekly opening in local wall-clock time.

    ``end`` counts from the same midnight as ``start``, so an overnight shift has ``end > 1440``
    and still belongs to ``weekday``, the day it starts.
    """

    weekday: int  # 0=Monday … 6=Sunday, the day the shift STARTS
    start: int  # minutes after local midnight, 0..1439
    end: int  # minutes after that same midnight, start < end <= start+1440

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValueError(f"weekday must be 0..6, got {self.weekday}")
        if not 0 <= self.start < MINUTES_PER_DAY:
            raise ValueError(f"shift start must be 0..1439 minutes, got {self.start}")
        if not self.start < self.end <= self.start + MINUTES_PER_DAY:
            raise ValueError(f"shift end must be in ({self.start}, {self.start + 1440}]")


@frozen
class HolidaySource:
    """Public holidays of a country (ISO 3166-1 alpha-2) or one of its subdivisions."""

    country: str
    subdivision: str | None = None


@frozen
class BusinessDay:
    """What "1 business day" means: a number of business hours, or same clock time next day.

    Helpdesks disagree on this, so a policy must declare it; exactly one field is set.
    """

    hours: timedelta | None = None
    same_time_next_day: bool = False

    def __post_init__(self) -> None:
        if (self.hours is None) == (not self.same_time_next_day):
            raise ValueError("a business day is either a number of hours or same-time-next-day")
        if self.hours is not None and self.hours <= timedelta(0):
            raise ValueError("a business day must last a positive number of hours")


@frozen
class CalendarSpec:
    """Everything that decides when a support team is open; compiled by ``BusinessCalendar``.

    Precedence for one date: an explicit closed date wins; then a special day replaces the
    weekly shifts (even on a holiday); then a holiday closes the date unless it is listed in
    ``open_dates`` (Islamic holidays are estimated, so a policy must be able to correct them).
    """

    timezone: str
    shifts: tuple[Shift, ...]
    holidays: tuple[HolidaySource, ...] = ()
    closed_dates: frozenset[date] = frozenset()
    open_dates: frozenset[date] = frozenset()
    special_days: tuple[tuple[date, tuple[tuple[int, int], ...]], ...] = ()
    business_day: BusinessDay = BusinessDay(hours=timedelta(hours=8))
