"""The short forms for opening hours and durations, shared by YAML policies and the CLI.

One grammar, one parser: a policy that says ``hours: "mon-fri 08:00-17:00"`` and a CLI call with
``--hours "mon-fri 08:00-17:00"`` mean the same thing because both go through ``parse_hours``.
Errors carry a 0-based character offset into the text so callers can point at the culprit
(the loader turns it into file:line:col).

Hours grammar (case-insensitive)::

    hours  := "24/7" | group (";" group)*
    group  := days ranges
    days   := day-item ("," day-item)*          day-item := "daily" | DAY | DAY "-" DAY
    ranges := range ("," range)*                range    := HH:MM "-" HH:MM

``DAY`` is ``mon`` … ``sun`` or ``monday`` … ``sunday``; a range such as ``fri-mon`` wraps over
the weekend. An end at or before the start is an overnight shift (``22:00-06:00``) that belongs
to the day it starts; ``24:00`` is allowed as an end.

Durations are plain (wall-clock sized) units: ``15m``, ``4h``, ``1h30m``, ``90s``, ``2d``
(= 48 hours of business time, not two business days), ``15 min``, ``1 hour 30 minutes``, and ISO
8601 ``PT1H30M`` or ``P2D``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "BusinessDay",
    "CalendarSpec",
    "HolidaySource",
    "ScheduleSyntaxError",
    "Shift",
    "format_duration",
    "parse_day_hours",
    "parse_duration",
    "parse_hours",
]

MINUTES_PER_DAY = 1440


@dataclass(frozen=True, order=True)
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


class ScheduleSyntaxError(ValueError):
    """A short-form text that does not parse; ``offset`` is the 0-based index of the problem."""

    def __init__(self, message: str, offset: int, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.hint = hint

    def __str__(self) -> str:
        suffix = f" (hint: {self.hint})" if self.hint else ""
        return f"{self.message} at character {self.offset + 1}{suffix}"


@dataclass(frozen=True)
class HolidaySource:
    """Public holidays of a country (ISO 3166-1 alpha-2) or one of its subdivisions."""

    country: str
    subdivision: str | None = None

    @classmethod
    def parse(cls, text: str) -> HolidaySource:
        """'SE' or 'DE-BY': the short form used in policies and by ``--holidays``."""
        country, _, subdivision = text.strip().upper().partition("-")
        return cls(country, subdivision or None)


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAYS = {name[:3]: i for i, name in enumerate(_DAY_NAMES)} | {
    name: i for i, name in enumerate(_DAY_NAMES)
}
_TOKEN = re.compile(r"\s*(?:(?P<word>[A-Za-z]+)|(?P<time>\d+(?:[:.]\d+)?)|(?P<punct>\S))")


def _tokens(text: str) -> list[tuple[str, str, int]]:
    """Split into (kind, value, offset) tokens: word, time, or a single punctuation char."""
    out: list[tuple[str, str, int]] = []
    pos = 0
    while True:
        match = _TOKEN.match(text, pos)
        if match is None:
            break
        kind = match.lastgroup or "punct"
        out.append((kind, match.group(kind), match.start(kind)))
        pos = match.end()
    return out


class _HoursParser:
    """Recursive-descent parser over the tokens of an hours text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _tokens(text)
        self.i = 0

    def peek(self) -> tuple[str, str, int]:
        if self.i < len(self.toks):
            return self.toks[self.i]
        return ("end", "", len(self.text))

    def take(self) -> tuple[str, str, int]:
        tok = self.peek()
        self.i += 1
        return tok

    def at_end(self) -> bool:
        return self.i >= len(self.toks)

    def expect_punct(self, char: str, what: str) -> None:
        kind, value, offset = self.take()
        if kind != "punct" or value != char:
            raise ScheduleSyntaxError(f"expected {what}", offset)

    def day(self) -> int:
        kind, value, offset = self.take()
        if kind == "time":
            raise ScheduleSyntaxError(
                "missing days before the times", offset, 'write e.g. "mon-fri 08:00-17:00"'
            )
        if kind != "word":
            raise ScheduleSyntaxError("expected a day name such as mon", offset, _day_hint())
        day = _DAYS.get(value.lower())
        if day is None:
            raise ScheduleSyntaxError(f"unknown day {value!r}", offset, _day_hint())
        return day

    def days(self) -> list[int]:
        result: list[int] = []
        while True:
            kind, value, _ = self.peek()
            if kind == "word" and value.lower() == "daily":
                self.take()
                result.extend(range(7))
            else:
                first = self.day()
                if self.peek()[:2] == ("punct", "-"):
                    self.take()
                    last = self.day()
                    result.extend((first + k) % 7 for k in range((last - first) % 7 + 1))
                else:
                    result.append(first)
            if self.peek()[:2] != ("punct", ",") or self._next_is_time():
                return result
            self.take()

    def _next_is_time(self) -> bool:
        nxt = self.toks[self.i + 1] if self.i + 1 < len(self.toks) else ("end", "", 0)
        return nxt[0] == "time"

    def ranges(self) -> list[tuple[int, int]]:
        result = [self.time_range()]
        while self.peek()[:2] == ("punct", ","):
            self.take()
            result.append(self.time_range())
        return result

    def time_range(self) -> tuple[int, int]:
        start = self.clock(allow_24=False)
        self.expect_punct("-", "'-' between start and end time, as in 08:00-17:00")
        end_offset = self.peek()[2]
        end = self.clock(allow_24=True)
        if end == start:
            raise ScheduleSyntaxError("a shift cannot start and end at the same time", end_offset)
        return (start, end) if end > start else (start, end + MINUTES_PER_DAY)

    def clock(self, *, allow_24: bool) -> int:
        kind, value, offset = self.take()
        if kind != "time":
            raise ScheduleSyntaxError("expected a time such as 08:00", offset)
        return parse_clock(value, offset, allow_24=allow_24)


def _day_hint() -> str:
    return "days are mon, tue, wed, thu, fri, sat, sun (or daily)"


def parse_clock(value: str, offset: int, *, allow_24: bool) -> int:
    """Parse ``HH:MM`` into minutes after midnight; ``24:00`` only where an end is meant."""
    if ":" not in value:
        hint = f"write {value.replace('.', ':')}" if "." in value else "write times as HH:MM"
        if "." not in value and len(value) == 4:
            hint = f"write {value[:2]}:{value[2:]}"
        raise ScheduleSyntaxError(f"bad time {value!r}", offset, hint)
    hours_text, minutes_text = value.split(":")
    hours, minutes = int(hours_text), int(minutes_text)
    if len(minutes_text) != 2 or len(hours_text) > 2:
        raise ScheduleSyntaxError(f"bad time {value!r}", offset, "write times as HH:MM")
    if hours > 24 or (hours == 24 and (minutes != 0 or not allow_24)):
        hint = "24:00 is allowed only as an end time" if hours == 24 else "hours run 00-23"
        raise ScheduleSyntaxError(f"hour out of range in {value!r}", offset, hint)
    if minutes > 59:
        raise ScheduleSyntaxError(
            f"minutes out of range in {value!r}", offset + len(hours_text) + 1, "minutes run 00-59"
        )
    return hours * 60 + minutes


def parse_hours(text: str) -> tuple[Shift, ...]:
    """Parse weekly opening hours into sorted shifts; overlaps are left for a semantic rule."""
    if text.strip().lower() == "24/7":
        return tuple(Shift(day, 0, MINUTES_PER_DAY) for day in range(7))
    parser = _HoursParser(text)
    if parser.at_end():
        raise ScheduleSyntaxError("no opening hours given", 0, 'write e.g. "mon-fri 08:00-17:00"')
    shifts: list[Shift] = []
    while True:
        days = parser.days()
        ranges = parser.ranges()
        shifts.extend(Shift(day, start, end) for day in days for start, end in ranges)
        if parser.at_end():
            return tuple(sorted(shifts))
        kind, value, offset = parser.take()
        if (kind, value) != ("punct", ";"):
            raise ScheduleSyntaxError(
                f"unexpected {value!r}", offset, "separate day groups with ';'"
            )


def parse_day_hours(text: str) -> tuple[tuple[int, int], ...]:
    """Parse the hours of one special date (``10:00-14:00``, split ranges, or ``closed``)."""
    if text.strip().lower() == "closed":
        return ()
    parser = _HoursParser(text)
    if parser.at_end():
        raise ScheduleSyntaxError("no hours given", 0, 'write e.g. "10:00-14:00" or "closed"')
    ranges = parser.ranges()
    if not parser.at_end():
        _, value, offset = parser.peek()
        raise ScheduleSyntaxError(f"unexpected {value!r}", offset, "separate ranges with ','")
    return tuple(sorted(ranges))


_UNIT_SECONDS = {
    "d": 86400, "day": 86400, "days": 86400,
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
    "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
}  # fmt: skip
_PART = re.compile(r"\s*(\d+)\s*([a-z]+)", re.IGNORECASE)
_ISO = re.compile(
    r"P(?:(?P<d>\d+)D)?(?:T(?=\d)(?:(?P<h>\d+)H)?(?:(?P<m>\d+)M)?(?:(?P<s>\d+)S)?)?",
    re.IGNORECASE,
)
_DURATION_HINT = "write e.g. 15m, 4h, 1h30m, 2d or PT1H30M"


def parse_duration(text: str) -> timedelta:
    """Parse a non-negative duration; ``d`` is 24 hours of business time, not a business day."""
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    if not stripped:
        raise ScheduleSyntaxError("empty duration", 0, _DURATION_HINT)
    if stripped[0] == "-":
        raise ScheduleSyntaxError("a duration cannot be negative", lead, _DURATION_HINT)
    if stripped[0] in "pP":
        iso = _ISO.fullmatch(stripped)
        if iso is None or iso.group(0).upper() in ("P", "PT") or not any(iso.groupdict().values()):
            raise ScheduleSyntaxError(f"bad ISO 8601 duration {stripped!r}", lead, _DURATION_HINT)
        parts = {unit: int(v) for unit, v in iso.groupdict().items() if v is not None}
        return timedelta(days=parts.get("d", 0), hours=parts.get("h", 0),
                         minutes=parts.get("m", 0), seconds=parts.get("s", 0))  # fmt: skip
    total = 0
    seen: set[int] = set()
    pos = 0
    end = len(text.rstrip())
    while pos < end:
        part = _PART.match(text, pos)
        if part is None:
            offset = pos + len(text[pos:]) - len(text[pos:].lstrip())
            raise ScheduleSyntaxError(f"bad duration {stripped!r}", offset, _DURATION_HINT)
        unit = _UNIT_SECONDS.get(part.group(2).lower())
        if unit is None:
            raise ScheduleSyntaxError(
                f"unknown unit {part.group(2)!r}", part.start(2), "units are d, h, m, s"
            )
        if unit in seen:
            raise ScheduleSyntaxError(f"unit {part.group(2)!r} given twice", part.start(2))
        seen.add(unit)
        total += int(part.group(1)) * unit
        pos = part.end()
    return timedelta(seconds=total)


def format_duration(value: timedelta) -> str:
    """Render a duration in the compact form ``parse_duration`` reads back (``1h30m``)."""
    seconds = int(value.total_seconds())
    if seconds < 0 or timedelta(seconds=seconds) != value:
        raise ValueError("only non-negative whole-second durations have a short form")
    if seconds == 0:
        return "0m"
    out = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        count, seconds = divmod(seconds, size)
        if count:
            out.append(f"{count}{unit}")
    return "".join(out)
