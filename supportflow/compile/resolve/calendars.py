"""Calendars: zones, weekly hours, holidays, closed, open and special dates, business days."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from supportflow.businesstime.holidays import source_problem
from supportflow.businesstime.spec import CalendarSpec, HolidaySource
from supportflow.compile.merge import Entry
from supportflow.compile.resolve.context import Resolution
from supportflow.diagnostics.ruledocs.calendars import (
    BAD_BUSINESS_DAY,
    BAD_DATE,
    BAD_HOURS,
    LEGACY_ZONE,
    UNKNOWN_HOLIDAYS,
    UNKNOWN_ZONE,
)
from supportflow.model import Calendar
from supportflow.shortforms import ShortFormError, parse_business_day, parse_day_hours, parse_hours


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
        )
    return built


def _calendar_spec(entry: Entry, run: Resolution) -> CalendarSpec:
    """The calendar's spec; every problem is reported and leaves what did parse.

    A policy with errors is never handed to the business-time engine, so a
    partial spec only feeds the rules of the same pass.
    """
    zone_entry = entry.child("timezone")
    if not _zone_exists(zone_entry.value):
        run.report(UNKNOWN_ZONE.finding(f"unknown time zone {zone_entry.value!r}", zone_entry.at()))
    elif _is_legacy_zone(zone_entry.value):
        run.report(
            LEGACY_ZONE.finding(
                f"{zone_entry.value!r} is a legacy or fixed-offset zone name", zone_entry.at()
            )
        )
    hours_entry = entry.child("hours")
    texts = list(hours_entry.elements()) if isinstance(hours_entry.value, list) else [hours_entry]
    shifts = []
    for text in texts:
        try:
            shifts.extend(parse_hours(text.value))
        except ShortFormError as error:
            run.syntax(BAD_HOURS, text, error)
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
            spec = replace(spec, business_day=parse_business_day(day_entry.value))
        except ShortFormError as error:
            run.syntax(BAD_BUSINESS_DAY, day_entry, error)
    return spec


def _is_legacy_zone(name: str) -> bool:
    """CET, EST5EDT, Etc/GMT-2 and the like; UTC itself is a fine zone for 24/7."""
    if name in ("UTC", "Etc/UTC"):
        return False
    return "/" not in name or name.startswith("Etc/")


def _zone_exists(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def _holiday_sources(entry: Entry | None, run: Resolution) -> Iterator[HolidaySource]:
    if entry is None:
        return
    items = list(entry.elements()) if isinstance(entry.value, list) else [entry]
    for item in items:
        if isinstance(item.value, str):
            source = HolidaySource.parse(item.value)
        else:
            source = HolidaySource(item.value["country"], item.value.get("subdivision"))
        problem = source_problem(source)
        if problem:
            run.report(UNKNOWN_HOLIDAYS.finding(problem, item.at()))
        else:
            yield source


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
