"""Days a calendar closes over the next twelve months: public holidays and closed dates.

Only days that would otherwise be open are listed (a Saturday holiday does not
close a Monday–Friday desk). The horizon starts at the build's as-of date, never
the clock, so the same policy gives the same page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from supportflow.businesstime.holidays import named_public_holidays
from supportflow.businesstime.spec import CalendarSpec


@dataclass(frozen=True)
class Closure:
    day: date
    name: str | None  # None: a closed date the policy lists without a holiday name


def horizon_end(as_of: date) -> date:
    """The day twelve months after ``as_of`` (29 February maps to 28 February)."""
    try:
        return as_of.replace(year=as_of.year + 1)
    except ValueError:
        return as_of.replace(year=as_of.year + 1, day=28)


def closures(spec: CalendarSpec, as_of: date, language: str | None = None) -> tuple[Closure, ...]:
    """Closed days in [as_of, as_of + 12 months), holiday names in ``language`` when known."""
    end = horizon_end(as_of)
    open_weekdays = {shift.weekday for shift in spec.shifts}
    special = {day for day, _ in spec.special_days}
    found: dict[date, str | None] = {}
    for source in spec.holidays:
        for year in range(as_of.year, end.year + 1):
            for day, name in named_public_holidays(source, year, language):
                if as_of <= day < end and day not in spec.open_dates and day not in special:
                    found.setdefault(day, name)
    for day in spec.closed_dates:
        if as_of <= day < end:
            found.setdefault(day, None)
    return tuple(
        Closure(day, name)
        for day, name in sorted(found.items())
        if day.weekday() in open_weekdays or day in spec.closed_dates
    )
