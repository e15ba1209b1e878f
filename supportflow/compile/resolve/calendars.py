"""Calendars: zones, weekly hours, holidays, closed, open and special dates, business days.

Zones and holiday codes are checked by :mod:`supportflow.shortforms.zones` and
:mod:`supportflow.shortforms.holiday_codes`, the checks ``due --tz`` and
``due --holidays`` run too, so the CLI and a policy get the same answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from supportflow.businesstime.spec import CalendarSpec, HolidaySource
from supportflow.compile.merge import Entry
from supportflow.compile.resolve.context import Resolution, string_location
from supportflow.diagnostics.ruledocs.calendars import (
    BAD_BUSINESS_DAY,
    BAD_DATE,
    BAD_HOURS,
    REPEATED_DAY,
)
from supportflow.frozen import replace
from supportflow.model import Calendar
from supportflow.shortforms import ShortFormError, parse_business_day, parse_day_hours, parse_hours
from supportflow.shortforms.holiday_codes import holiday_problem, parse_holiday_code
from supportflow.shortforms.hours import repeated_days
from supportflow.shortforms.zones import zone_problem


def calendars(section: dict[str, Entry], run: Resolution) -> dict[str, Calendar]:
    """Every declared calendar; one whose hours do not parse keeps the shifts that did."""
    built: dict[str, Calendar] = {}
    for calendar_id, entry in section.items():
        built[calendar_id] = Calendar(
            id=calendar_id,
            name=entry.value.get("name", calendar_id),
            spec=_calendar_spec(entry, run),
            where=entry.at(key=True),
            hours_where=entry.at("hours"),
            illustrative=entry.value.get("illustrative", False),
            business_day_where=entry.at("business_day") if "business_day" in entry.value else None,
        )
    return built


def _calendar_spec(entry: Entry, run: Resolution) -> CalendarSpec:
    """The calendar's spec; every problem is reported and leaves what did parse.

    A policy with errors is never handed to the business-time engine, so a
    partial spec only feeds the rules of the same pass.
    """
    zone_entry = entry.child("timezone")
    problem = run.parsed(zone_problem, zone_entry.value)
    if problem is not None:
        run.report(problem.rule.finding(problem.message, zone_entry.at(), hint=problem.hint))
    hours_entry = entry.child("hours")
    texts = list(hours_entry.elements()) if isinstance(hours_entry.value, list) else [hours_entry]
    shifts = []
    for text in texts:
        try:
            shifts.extend(parse_hours(text.value))
        except ShortFormError as error:
            run.syntax(BAD_HOURS, text, error)
    for repeat in repeated_days([text.value for text in texts]):
        run.report(
            REPEATED_DAY.finding(
                repeat.message,
                string_location(texts[repeat.text], repeat.offset),
                hint=repeat.hint,
                related=(string_location(texts[repeat.first_text], repeat.first_offset),),
            )
        )
    spec = CalendarSpec(
        timezone=zone_entry.value,
        shifts=tuple(sorted(set(shifts))),
        holidays=tuple(_holiday_sources(entry.get("holidays"), run)),
        closed_dates=frozenset(_dates(entry.get("closed"), run)),
        open_dates=frozenset(_dates(entry.get("open"), run)),
        special_days=tuple(_special_days(entry.get("special_days"), run)),
    )
    day_entry = entry.get("business_day")
    if day_entry is not None:
        try:
            spec = replace(spec, business_day=run.parsed(parse_business_day, day_entry.value))
        except ShortFormError as error:
            run.syntax(BAD_BUSINESS_DAY, day_entry, error)
    return spec


def _holiday_sources(entry: Entry | None, run: Resolution) -> Iterator[HolidaySource]:
    if entry is None:
        return
    items = list(entry.elements()) if isinstance(entry.value, list) else [entry]
    for item in items:
        try:
            source = _holiday_source(item.value)
        except ShortFormError:
            continue  # the schema stage reports the form, with the same parser's message
        problem = run.parsed(holiday_problem, source)
        if problem is not None:
            run.report(problem.rule.finding(problem.message, item.at(), hint=problem.hint))
        else:
            yield source


def _holiday_source(value: str | dict[str, str]) -> HolidaySource:
    if isinstance(value, str):
        return parse_holiday_code(value)
    subdivision = value.get("subdivision")
    return parse_holiday_code(
        f"{value['country']}-{subdivision}" if subdivision else value["country"]
    )


def _dates(entry: Entry | None, run: Resolution) -> Iterator[date]:
    for item in entry.elements() if entry is not None else ():
        parsed = _date(item, run)
        if parsed is not None:
            yield parsed


def _date(entry: Entry, run: Resolution) -> date | None:
    try:
        return date.fromisoformat(entry.value)
    except ValueError:
        run.report(BAD_DATE.finding(f"{entry.value!r} is not a real date", entry.at()))
        return None


def _special_days(
    entry: Entry | None, run: Resolution
) -> Iterator[tuple[date, tuple[tuple[int, int], ...]]]:
    for item in entry.elements() if entry is not None else ():
        day = _date(item.child("date"), run)
        hours = item.child("hours")
        try:
            intervals = parse_day_hours(hours.value)
        except ShortFormError as error:
            run.syntax(BAD_HOURS, hours, error)
            continue
        if day is not None:
            yield day, intervals
