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
"""

from __future__ import annotations

import re

from supportflow.businesstime.spec import MINUTES_PER_DAY, Shift
from supportflow.shortforms.errors import ShortFormError

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
            raise ShortFormError(f"expected {what}", offset)

    def day(self) -> int:
        kind, value, offset = self.take()
        if kind == "time":
            raise ShortFormError(
                "missing days before the times", offset, 'write e.g. "mon-fri 08:00-17:00"'
            )
        if kind != "word":
            raise ShortFormError("expected a day name such as mon", offset, _day_hint())
        day = _DAYS.get(value.lower())
        if day is None:
            raise ShortFormError(f"unknown day {value!r}", offset, _day_hint())
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
            raise ShortFormError("a shift cannot start and end at the same time", end_offset)
        return (start, end) if end > start else (start, end + MINUTES_PER_DAY)

    def clock(self, *, allow_24: bool) -> int:
        kind, value, offset = self.take()
        if kind != "time":
            raise ShortFormError("expected a time such as 08:00", offset)
        return parse_clock(value, offset, allow_24=allow_24)


def _day_hint() -> str:
    return "days are mon, tue, wed, thu, fri, sat, sun (or daily)"


def parse_clock(value: str, offset: int, *, allow_24: bool) -> int:
    """Parse ``HH:MM`` into minutes after midnight; ``24:00`` only where an end is meant."""
    if ":" not in value:
        hint = f"write {value.replace('.', ':')}" if "." in value else "write times as HH:MM"
        if "." not in value and len(value) == 4:
            hint = f"write {value[:2]}:{value[2:]}"
        raise ShortFormError(f"bad time {value!r}", offset, hint)
    hours_text, minutes_text = value.split(":")
    hours, minutes = int(hours_text), int(minutes_text)
    if len(minutes_text) != 2 or len(hours_text) > 2:
        raise ShortFormError(f"bad time {value!r}", offset, "write times as HH:MM")
    if hours > 24 or (hours == 24 and (minutes != 0 or not allow_24)):
        hint = "24:00 is allowed only as an end time" if hours == 24 else "hours run 00-23"
        raise ShortFormError(f"hour out of range in {value!r}", offset, hint)
    if minutes > 59:
        raise ShortFormError(
            f"minutes out of range in {value!r}", offset + len(hours_text) + 1, "minutes run 00-59"
        )
    return hours * 60 + minutes


def parse_hours(text: str) -> tuple[Shift, ...]:
    """Parse weekly opening hours into sorted shifts; overlaps are left for a semantic rule."""
    if text.strip().lower() == "24/7":
        return tuple(Shift(day, 0, MINUTES_PER_DAY) for day in range(7))
    parser = _HoursParser(text)
    if parser.at_end():
        raise ShortFormError("no opening hours given", 0, 'write e.g. "mon-fri 08:00-17:00"')
    shifts: list[Shift] = []
    while True:
        days = parser.days()
        ranges = parser.ranges()
        shifts.extend(Shift(day, start, end) for day in days for start, end in ranges)
        if parser.at_end():
            return tuple(sorted(shifts))
        kind, value, offset = parser.take()
        if (kind, value) != ("punct", ";"):
            raise ShortFormError(f"unexpected {value!r}", offset, "separate day groups with ';'")


def parse_day_hours(text: str) -> tuple[tuple[int, int], ...]:
    """Parse the hours of one special date (``10:00-14:00``, split ranges, or ``closed``)."""
    if text.strip().lower() == "closed":
        return ()
    parser = _HoursParser(text)
    if parser.at_end():
        raise ShortFormError("no hours given", 0, 'write e.g. "10:00-14:00" or "closed"')
    ranges = parser.ranges()
    if not parser.at_end():
        _, value, offset = parser.peek()
        raise ShortFormError(f"unexpected {value!r}", offset, "separate ranges with ','")
    return tuple(sorted(ranges))
