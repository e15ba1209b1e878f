"""Calendars in runtime.json, both ways: a policy calendar to JSON, and JSON back to a spec.

A calendar is written as its weekly shifts, its closed dates and its special days for
the document's horizon, so a reader needs no ``holidays`` package: the public holidays
are already dates. Precedence is resolved while writing (an explicit closed date beats
a special day, which beats a holiday; ``open:`` dates cancel holidays), so the reader
applies the plain rule "closed wins, then special hours, then the week".

Times are local wall-clock ``HH:MM``. A shift belongs to the day it starts: when
``close`` is not after ``open`` the shift ends on the next day (``22:00``–``06:00``), and
``24:00`` is the midnight that ends the day. A 24-hour shift from 08:00 is written
``open: 08:00, close: 08:00``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from supportflow.businesstime.holidays import public_holiday_names
from supportflow.businesstime.spec import MINUTES_PER_DAY, BusinessDay, CalendarSpec, Shift
from supportflow.model import Calendar

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CLOSED_BY_POLICY = "closed (policy)"
CLOSED_SPECIAL_DAY = "closed (special day)"


def clock_text(minutes: int) -> str:
    """Minutes after midnight as ``HH:MM``; 1440 is ``24:00``."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _span(start: int, end: int) -> dict[str, str]:
    """A shift's open and close times, the close folded onto the next day when overnight."""
    close = end if end <= MINUTES_PER_DAY else end - MINUTES_PER_DAY
    return {"open": clock_text(start), "close": clock_text(close)}


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def span_minutes(span: Mapping[str, str]) -> tuple[int, int]:
    """The inverse of ``_span``: (start, end) minutes from the start day's midnight."""
    start, close = _minutes(span["open"]), _minutes(span["close"])
    return start, close if close > start else close + MINUTES_PER_DAY


def business_day_document(rule: BusinessDay) -> dict[str, Any]:
    if rule.hours is not None:
        return {"minutes": rule.hours // timedelta(minutes=1)}
    return {"same_time_next_day": True}


def business_day_from(document: Mapping[str, Any]) -> BusinessDay:
    if document.get("same_time_next_day"):
        return BusinessDay(same_time_next_day=True)
    return BusinessDay(hours=timedelta(minutes=document["minutes"]))


def _holiday_names(spec: CalendarSpec, first: date, until: date) -> dict[date, str]:
    names: dict[date, str] = {}
    for source in spec.holidays:
        for year in range(first.year, until.year + 1):
            for ordinal, name in public_holiday_names(source, year).items():
                day = date.fromordinal(ordinal)
                if first <= day < until and day not in spec.open_dates:
                    names[day] = f"{names[day]}; {name}" if day in names else name
    return names


def calendar_document(calendar: Calendar, first: date, until: date) -> dict[str, Any]:
    """The calendar as runtime.json writes it, with closed and special dates in [first, until)."""
    spec = calendar.spec
    special = {day: hours for day, hours in spec.special_days if first <= day < until}
    closed = {day: CLOSED_BY_POLICY for day in spec.closed_dates if first <= day < until}
    for day, hours in special.items():
        if not hours and day not in closed:
            closed[day] = CLOSED_SPECIAL_DAY
    for day, name in _holiday_names(spec, first, until).items():
        if day not in closed and day not in special:
            closed[day] = name
    return {
        "name": calendar.name,
        "timezone": spec.timezone,
        "weekly": [
            {"day": DAYS[shift.weekday], **_span(shift.start, shift.end)}
            for shift in sorted(spec.shifts)
        ],
        "closed": [{"date": day.isoformat(), "name": closed[day]} for day in sorted(closed)],
        "special_days": [
            {"date": day.isoformat(), "hours": [_span(a, b) for a, b in special[day]]}
            for day in sorted(special)
            if special[day] and day not in closed
        ],
        "business_day": business_day_document(spec.business_day),
    }


def calendar_spec(document: Mapping[str, Any]) -> CalendarSpec:
    """The business-time spec of a runtime calendar: closed dates come from the document."""
    return CalendarSpec(
        timezone=document["timezone"],
        shifts=tuple(
            sorted(Shift(DAYS.index(s["day"]), *span_minutes(s)) for s in document["weekly"])
        ),
        closed_dates=frozenset(date.fromisoformat(c["date"]) for c in document["closed"]),
        special_days=tuple(
            (date.fromisoformat(s["date"]), tuple(span_minutes(h) for h in s["hours"]))
            for s in document["special_days"]
        ),
        business_day=business_day_from(document["business_day"]),
    )
