"""A brute-force business-time oracle for tests and the benchmark; never shipped in the engine.

It walks UTC minute by minute and decides each minute straight from the definition in
DESIGN.md: open when the local wall-clock time lies inside a shift whose start date is not
closed. It shares no code with ``supportflow.businesstime`` (only the spec dataclasses and the
``holidays`` package), so agreement is evidence, not tautology.

Works on whole minutes: every shift boundary is a whole wall-clock minute and every offset of
the zones we test is a whole number of minutes, so openness is constant on each UTC minute.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays

from supportflow.businesstime.spec import CalendarSpec, HolidaySource

MINUTE = timedelta(minutes=1)


class OracleLimitError(RuntimeError):
    """The walk went further than the caller allowed; the case is too slow to check."""


@cache
def _public_holidays(source: HolidaySource, year: int) -> frozenset[date]:
    options = {"include_sundays": False} if source.country == "SE" else {}
    # The country's class, not country_holidays: older releases pass no options through it.
    table = getattr(holidays, source.country)(
        subdiv=source.subdivision, years=year, categories=("public",), **options
    )
    return frozenset(day for day in table if day.year == year)


@cache
def transitions(key: str, first_year: int, last_year: int) -> tuple[datetime, ...]:
    """UTC minutes at which the zone's offset changes (found by an hourly scan, then minutes)."""
    zone = ZoneInfo(key)
    t = datetime(first_year, 1, 1, tzinfo=UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=UTC)
    found = []
    prev = t.astimezone(zone).utcoffset()
    while t < end:
        nxt = t + timedelta(hours=1)
        offset = nxt.astimezone(zone).utcoffset()
        if offset != prev:
            m = t
            while m.astimezone(zone).utcoffset() == prev:
                m += MINUTE
            found.append(m)
            prev = offset
        t = nxt
    return tuple(found)


class Oracle:
    """Slow, obviously-correct answers for one calendar; instants are minute-aligned UTC."""

    def __init__(self, spec: CalendarSpec) -> None:
        self.spec = spec
        self.zone = ZoneInfo(spec.timezone)
        self._special = dict(spec.special_days)
        self._hours: dict[date, tuple[tuple[int, int], ...]] = {}

    def hours_on(self, day: date) -> tuple[tuple[int, int], ...]:
        """Wall-clock (start, end) minutes of the shifts that start on ``day``."""
        if day not in self._hours:
            self._hours[day] = self._compute_hours(day)
        return self._hours[day]

    def _compute_hours(self, day: date) -> tuple[tuple[int, int], ...]:
        if day in self.spec.closed_dates:
            return ()
        if day in self._special:
            return self._special[day]
        if day not in self.spec.open_dates and any(
            day in _public_holidays(source, day.year) for source in self.spec.holidays
        ):
            return ()
        return tuple((s.start, s.end) for s in self.spec.shifts if s.weekday == day.weekday())

    def is_open(self, t: datetime) -> bool:
        local = t.astimezone(self.zone)
        day = local.date()
        x = local.hour * 60 + local.minute
        if any(a <= x < b for a, b in self.hours_on(day)):
            return True
        return any(a <= x + 1440 < b for a, b in self.hours_on(day - timedelta(days=1)))

    def due(self, start: datetime, minutes: int, limit_days: int = 120) -> datetime:
        """End of the ``minutes``-th open minute at or after ``start``; ``start`` if zero."""
        t, left = _check(start), minutes
        stop = start + timedelta(days=limit_days)
        while left:
            if t >= stop:
                raise OracleLimitError(f"no answer within {limit_days} days")
            if self.is_open(t):
                left -= 1
            t += MINUTE
        return t

    def elapsed_minutes(self, a: datetime, b: datetime) -> int:
        t, count = _check(a), 0
        while t < b:
            count += self.is_open(t)
            t += MINUTE
        return count

    def next_open(self, t: datetime, limit_days: int = 120) -> datetime:
        t = _check(t)
        stop = t + timedelta(days=limit_days)
        while not self.is_open(t):
            if t >= stop:
                raise OracleLimitError(f"no opening within {limit_days} days")
            t += MINUTE
        return t

    def has_open_time(self, day: date) -> bool:
        """Whether any open UTC minute has ``day`` as its local date."""
        t = datetime.combine(day, time(), tzinfo=UTC) - timedelta(hours=27)
        stop = t + timedelta(hours=27 + 24 + 27)
        while t < stop:
            if t.astimezone(self.zone).date() == day and self.is_open(t):
                return True
            t += MINUTE
        return False

    def add_business_days(self, start: datetime, days: int, limit_days: int = 60) -> datetime:
        """DESIGN.md's same-time-next-day rule, walked: the clock starts at the next opening;
        its local clock time on the ``days``-th later local date with open time (a missing
        clock time read with the earlier offset, a repeated one the first time); if closed
        then, the next opening that day, else the last closing before it."""
        clock = self.next_open(start, limit_days).astimezone(self.zone)
        day, counted = clock.date(), 0
        while counted < days:
            day += timedelta(days=1)
            if (day - clock.date()).days > limit_days:
                raise OracleLimitError(f"no answer within {limit_days} days")
            counted += self.has_open_time(day)
        candidate = datetime.combine(day, clock.time(), tzinfo=self.zone).astimezone(UTC)
        t = candidate
        while t.astimezone(self.zone).date() == day:
            if self.is_open(t):
                return t
            t += MINUTE
        t = candidate
        while not self.is_open(t - MINUTE):
            t -= MINUTE
        return t


def _check(t: datetime) -> datetime:
    if t.tzinfo is None or t.second or t.microsecond:
        raise ValueError("the oracle works on aware, minute-aligned instants")
    return t.astimezone(UTC)
