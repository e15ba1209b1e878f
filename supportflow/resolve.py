"""The resolve stage: parse zones, hours, dates and targets into the frozen model.

Runs after the schema stage, so shapes are known good; what can still be wrong
is inside the strings (an unknown zone, '25:00', '2026-02-30'). Each such
problem is a finding located at the character the user wrote.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from supportflow.findings import Finding, Location
from supportflow.model import Calendar, Policy, Priority
from supportflow.public_holidays import source_problem
from supportflow.rules.registry import RuleDoc, declare
from supportflow.schedule import (
    CalendarSpec,
    HolidaySource,
    ScheduleSyntaxError,
    parse_day_hours,
    parse_hours,
)
from supportflow.source import Entry, PolicySource
from supportflow.targets import TARGET_KINDS, Clock, Target, parse_business_day, parse_target_length

UNKNOWN_ZONE = declare(
    "E301",
    "Unknown time zone",
    """
    Opening hours are wall-clock times in an IANA time zone, such as
    Europe/Helsinki. A fixed offset such as UTC+2 is not a time zone: it
    would ignore summer time.
    """,
    "Use an IANA zone name such as Europe/Stockholm, Europe/Helsinki or Asia/Riyadh.",
    """
    calendars:
      fi-office:
        timezone: UTC+2
        hours: mon-fri 08:00-16:00
    """,
    """
    calendars:
      fi-office:
        timezone: Europe/Helsinki
        hours: mon-fri 08:00-16:00
    """,
)
LEGACY_ZONE = declare(
    "W308",
    "Legacy or fixed-offset time zone",
    """
    The zone exists in the IANA database only for backward compatibility
    (CET, EST5EDT) or as a fixed offset (Etc/GMT-2). Legacy names are links
    whose meaning has changed between tzdata releases, and a fixed offset
    ignores summer time. A region zone says where the team works.
    """,
    "Use the region's zone, e.g. Europe/Stockholm for CET, America/New_York for EST5EDT.",
    """
    calendars:
      office:
        timezone: CET
        hours: mon-fri 08:00-17:00
    """,
    """
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-17:00
    """,
)
BAD_HOURS = declare(
    "E302",
    "Malformed opening hours",
    """
    Hours are written as days then times: `mon-fri 08:00-17:00`, split days
    as `mon-fri 08:00-12:00, 13:00-17:00`, more groups after `;`, overnight
    as `mon-fri 22:00-06:00`, or `24/7`. The same short form works on the
    command line.
    """,
    "Write hours like 'mon-fri 08:00-17:00'.",
    """
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 8-25
    """,
    """
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-17:00
    """,
)
BAD_DATE = declare(
    "E304",
    "Invalid date",
    """
    Closed, open and special dates must be real calendar dates in the form
    YYYY-MM-DD.
    """,
    "Write a real date as YYYY-MM-DD.",
    """
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-17:00
        closed: [2026-02-30]
    """,
    """
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-17:00
        closed: [2026-02-28]
    """,
)
UNKNOWN_HOLIDAYS = declare(
    "E305",
    "Unknown holiday calendar",
    """
    Public holidays come from the `holidays` package, by ISO 3166 country
    code and optionally a subdivision (SE, DE-BY). A code it does not know
    would leave the calendar open on every holiday.
    """,
    "Use a country code the holidays package supports, e.g. SE, FI, SA, NL, NO.",
    """
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-17:00
        holidays: SW
    """,
    """
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-17:00
        holidays: SE
    """,
)
BAD_BUSINESS_DAY = declare(
    "E307",
    "Unclear business day",
    """
    "1 business day" must say what it means: a number of business hours
    (`8h`) or `same time next business day`. Helpdesks disagree here, so the
    policy decides.
    """,
    "Write '8h' (or another number of hours) or 'same time next business day'.",
    """
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-17:00
        business_day: one day
    """,
    """
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-17:00
        business_day: 9h
    """,
)
BAD_TARGET = declare(
    "E401",
    "Malformed target",
    """
    Targets are lengths of time such as `15m`, `4h`, `1h30m`, `PT1H30M`, or
    business days such as `1 business day`. On the calendar clock, `N days`
    means N × 24 hours.
    """,
    "Write a length such as '15m', '4h' or '2 business days'.",
    """
    priorities:
      P1:
        level: 1
        definition: Business critical, no workaround.
        targets:
          first_response: quickly
    """,
    """
    priorities:
      P1:
        level: 1
        definition: Business critical, no workaround.
        targets:
          first_response: 15m
    """,
)


def resolve(source: PolicySource) -> tuple[Policy, list[Finding]]:
    """Build the model; values that do not parse are left out and reported."""
    findings: list[Finding] = []
    calendars: dict[str, Calendar] = {}
    for calendar_id, entry in source.section("calendars").items():
        spec = _calendar_spec(entry, findings)
        if spec is not None:
            name = entry.value.get("name", calendar_id)
            calendars[calendar_id] = Calendar(calendar_id, name, spec)
    priorities: dict[str, Priority] = {}
    for priority_id, entry in source.section("priorities").items():
        value = entry.value
        targets = dict(_targets(entry.get("targets"), findings))
        priorities[priority_id] = Priority(
            id=priority_id,
            name=value.get("name", priority_id),
            level=value["level"],
            definition=value["definition"],
            targets=targets,
        )
    return Policy(source=source, calendars=calendars, priorities=priorities), findings


def string_location(entry: Entry, offset: int) -> Location:
    """The location of character ``offset`` inside a one-line scalar, past any quote."""
    start = entry.at()
    line = entry.file.source_line(start.line) if start.line else ""
    quoted = 1 if line[start.column - 1 : start.column] in ("'", '"') else 0
    return Location(start.file, start.line, start.column + quoted + offset)


def syntax_finding(rule: RuleDoc, entry: Entry, error: ScheduleSyntaxError) -> Finding:
    """A short-form parse error, pointing at the offending character of the value."""
    shown = repr(entry.value)
    message = error.message if shown in error.message else f"{error.message} in {shown}"
    return rule.finding(
        message,
        string_location(entry, error.offset),
        hint=error.hint or rule.hint,
    )


def _calendar_spec(entry: Entry, findings: list[Finding]) -> CalendarSpec | None:
    """The calendar's spec, or None when its hours do not parse.

    Other problems (zone, dates, holiday codes) are reported but leave a spec,
    so shift rules still run in the same pass; a policy with errors is never
    handed to the business-time engine.
    """
    zone_entry = entry.child("timezone")
    if not _zone_exists(zone_entry.value):
        findings.append(
            UNKNOWN_ZONE.finding(f"unknown time zone {zone_entry.value!r}", zone_entry.at())
        )
    elif _is_legacy_zone(zone_entry.value):
        findings.append(
            LEGACY_ZONE.finding(
                f"{zone_entry.value!r} is a legacy or fixed-offset zone name", zone_entry.at()
            )
        )
    hours_entry = entry.child("hours")
    texts = list(hours_entry.elements()) if isinstance(hours_entry.value, list) else [hours_entry]
    shifts = []
    hours_ok = True
    for text in texts:
        try:
            shifts.extend(parse_hours(text.value))
        except ScheduleSyntaxError as error:
            findings.append(syntax_finding(BAD_HOURS, text, error))
            hours_ok = False
    spec = CalendarSpec(
        timezone=zone_entry.value,
        shifts=tuple(sorted(set(shifts))),
        holidays=tuple(_holiday_sources(entry.get("holidays"), findings)),
        closed_dates=frozenset(_dates(entry.get("closed"), findings)),
        open_dates=frozenset(_dates(entry.get("open"), findings)),
        special_days=tuple(_special_days(entry.get("special_days"), findings)),
    )
    day_entry = entry.get("business_day")
    if day_entry is not None:
        try:
            spec = replace(spec, business_day=parse_business_day(day_entry.value))
        except ScheduleSyntaxError as error:
            findings.append(syntax_finding(BAD_BUSINESS_DAY, day_entry, error))
    return spec if hours_ok else None


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


def _holiday_sources(entry: Entry | None, findings: list[Finding]) -> Iterator[HolidaySource]:
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
            findings.append(UNKNOWN_HOLIDAYS.finding(problem, item.at()))
        else:
            yield source


def _dates(entry: Entry | None, findings: list[Finding]) -> Iterator[date]:
    for item in entry.elements() if entry is not None else ():
        parsed = _date(item, findings)
        if parsed is not None:
            yield parsed


def _date(entry: Entry, findings: list[Finding]) -> date | None:
    try:
        return date.fromisoformat(entry.value)
    except ValueError:
        findings.append(BAD_DATE.finding(f"{entry.value!r} is not a real date", entry.at()))
        return None


def _special_days(
    entry: Entry | None, findings: list[Finding]
) -> Iterator[tuple[date, tuple[tuple[int, int], ...]]]:
    for item in entry.elements() if entry is not None else ():
        day = _date(item.child("date"), findings)
        hours = item.child("hours")
        try:
            intervals = parse_day_hours(hours.value)
        except ScheduleSyntaxError as error:
            findings.append(syntax_finding(BAD_HOURS, hours, error))
            continue
        if day is not None:
            yield day, intervals


def parse_target(entry: Entry, findings: list[Finding]) -> Target | None:
    """A target in short form ('15m') or long form (within, clock, calendar)."""
    if isinstance(entry.value, str):
        text_entry, clock, calendar, business_day = entry, "business", None, None
    else:
        text_entry = entry.child("within")
        clock = entry.value.get("clock", "business")
        calendar = entry.value.get("calendar")
        business_day = None
        day_entry = entry.get("business_day")
        if day_entry is not None:
            try:
                business_day = parse_business_day(day_entry.value)
            except ScheduleSyntaxError as error:
                findings.append(syntax_finding(BAD_BUSINESS_DAY, day_entry, error))
                return None
    try:
        within, days = parse_target_length(text_entry.value, _clock(clock))
    except ScheduleSyntaxError as error:
        findings.append(syntax_finding(BAD_TARGET, text_entry, error))
        return None
    return Target(within, days, _clock(clock), calendar, business_day)


def _clock(value: str) -> Clock:
    return "calendar" if value == "calendar" else "business"


def _targets(entry: Entry | None, findings: list[Finding]) -> Iterator[tuple[str, Target]]:
    if entry is None:
        return
    for kind in TARGET_KINDS:
        target_entry = entry.get(kind)
        if target_entry is None:
            continue
        target = parse_target(target_entry, findings)
        if target is not None:
            yield kind, target
