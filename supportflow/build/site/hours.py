"""Weekly opening hours in words, per locale, with CLDR weekday names, times and zones.

A calendar's shifts are grouped by their opening and closing time, and the days
of one group are written as runs ("Monday–Friday", "Sunday–Thursday"), so the
page reads like the seed tables. Times stay in the calendar's local time and the
zone is named in words ("Central European Time").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, time

from babel import Locale
from babel.dates import format_time, get_day_names, get_timezone_gmt, get_timezone_name

from supportflow.businesstime.spec import MINUTES_PER_DAY, CalendarSpec

SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_UTC_NAMES = frozenset({"UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Etc/Zulu"})


@dataclass(frozen=True)
class Opening:
    """Days with the same hours: ``days`` are weekday numbers (0 = Monday) in run order."""

    days: tuple[int, ...]
    opens: int  # minutes after midnight
    closes: int  # minutes after the same midnight; > 1440 for an overnight shift

    @property
    def opens_iso(self) -> str:
        return _hhmm(self.opens)

    @property
    def closes_iso(self) -> str:
        return _hhmm(self.closes % MINUTES_PER_DAY if self.closes != MINUTES_PER_DAY else 1440)

    @property
    def overnight(self) -> bool:
        return self.closes > MINUTES_PER_DAY


def is_always_open(spec: CalendarSpec) -> bool:
    """True for a 24/7 calendar: every day open from midnight to midnight."""
    days = {shift.weekday for shift in spec.shifts if shift.start == 0 and shift.end >= 1440}
    return len(days) == 7


def openings(spec: CalendarSpec) -> tuple[Opening, ...]:
    """The calendar's weekly shifts grouped by hours, days written as runs."""
    by_hours: dict[tuple[int, int], set[int]] = defaultdict(set)
    for shift in spec.shifts:
        by_hours[(shift.start, shift.end)].add(shift.weekday)
    found = [
        Opening(run, start, end) for (start, end), days in by_hours.items() for run in _runs(days)
    ]
    return tuple(sorted(found, key=lambda o: (o.days[0], o.opens)))


def _runs(days: set[int]) -> list[tuple[int, ...]]:
    """Consecutive weekdays, wrapping Sunday → Monday: {6,0,1,2,3} is one run from Sunday."""
    if len(days) == 7:
        return [tuple(range(7))]
    starts = [d for d in sorted(days) if (d - 1) % 7 not in days]
    runs = []
    for start in starts:
        run = [start]
        while (run[-1] + 1) % 7 in days:
            run.append((run[-1] + 1) % 7)
        runs.append(tuple(run))
    return runs


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def day_names(locale: Locale) -> dict[int, str]:
    """Stand-alone weekday names (0 = Monday), as a heading or table cell uses them."""
    return dict(get_day_names("wide", context="stand-alone", locale=locale))


def days_text(days: tuple[int, ...], locale: Locale) -> str:
    """'Monday–Friday' for a run of three days or more, 'Saturday, Sunday' for two."""
    names = day_names(locale)
    if len(days) >= 3:
        return f"{names[days[0]]}–{names[days[-1]]}"
    return ", ".join(names[d] for d in days)


def time_text(minutes: int, locale: Locale) -> str:
    """A wall-clock time in the locale's short format; midnight at the end of a day is 24:00."""
    minutes %= MINUTES_PER_DAY
    return format_time(time(minutes // 60, minutes % 60), "short", locale=locale)


def zone_text(timezone: str, locale: Locale) -> str:
    """The zone in words: 'Central European Time', or 'UTC+00:00' for UTC itself."""
    if timezone in _UTC_NAMES:
        return get_timezone_gmt(datetime(2000, 1, 1, tzinfo=UTC), "long", locale=locale)
    return get_timezone_name(timezone, "long", locale=locale)
