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
to the day it starts; ``24:00`` is allowed as an end. Hours pasted from a wiki or a word processor
often carry en or em dashes (``mon–fri 08:30–17:30``); every dash counts as ``-``.

A day given the same hours twice (``mon-fri 08:00-20:00; fri 08:00-20:00``) parses, since the
repeat changes nothing; :func:`repeated_days` finds such repeats, because another day (``sat``)
was usually meant.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from supportflow.businesstime.spec import MINUTES_PER_DAY, Shift
from supportflow.frozen import frozen
from supportflow.shortforms.errors import ShortFormError

_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_ABBREVIATIONS = tuple(name[:3] for name in _DAY_NAMES)
_DAYS = {name[:3]: i for i, name in enumerate(_DAY_NAMES)} | {
    name: i for i, name in enumerate(_DAY_NAMES)
}
_TOKEN = re.compile(r"\s*(?:(?P<word>[A-Za-z]+)|(?P<time>\d+(?:[:.]\d+)?)|(?P<punct>\S))")
# Hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus: all read as "-".
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"


def _tokens(text: str) -> list[tuple[str, str, int]]:
    """Split into (kind, value, offset) tokens: word, time, or a single punctuation char."""
    out: list[tuple[str, str, int]] = []
    pos = 0
    while True:
        match = _TOKEN.match(text, pos)
        if match is None:
            break
        kind = match.lastgroup or "punct"
        value = match.group(kind)
        if kind == "punct" and value in _DASHES:
            value = "-"
        out.append((kind, value, match.start(kind)))
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

    def days(self) -> list[tuple[int, int]]:
        """The days of one group, each with the offset of the item that names it."""
        result: list[tuple[int, int]] = []
        while True:
            kind, value, offset = self.peek()
            if kind == "word" and value.lower() == "daily":
                self.take()
                result.extend((day, offset) for day in range(7))
            else:
                first = self.day()
                if self.peek()[:2] == ("punct", "-"):
                    self.take()
                    last = self.day()
                    span = range((last - first) % 7 + 1)
                    result.extend(((first + k) % 7, offset) for k in span)
                else:
                    result.append((first, offset))
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


@frozen
class DayGroup:
    """One ``days ranges`` group as written: each day with the offset of the item naming it."""

    days: tuple[tuple[int, int], ...]
    ranges: tuple[tuple[int, int], ...]


def parse_hours_groups(text: str) -> tuple[DayGroup, ...]:
    """The groups of an hours text in the order written; ``24/7`` is one group of every day."""
    if text.strip().lower() == "24/7":
        return (DayGroup(tuple((day, 0) for day in range(7)), ((0, MINUTES_PER_DAY),)),)
    parser = _HoursParser(text)
    if parser.at_end():
        raise ShortFormError("no opening hours given", 0, 'write e.g. "mon-fri 08:00-17:00"')
    groups: list[DayGroup] = []
    while True:
        days = parser.days()
        groups.append(DayGroup(tuple(days), tuple(parser.ranges())))
        if parser.at_end():
            return tuple(groups)
        kind, value, offset = parser.take()
        if (kind, value) != ("punct", ";"):
            raise ShortFormError(f"unexpected {value!r}", offset, "separate day groups with ';'")


def parse_hours(text: str) -> tuple[Shift, ...]:
    """Parse weekly opening hours into sorted shifts; overlaps are left for a semantic rule."""
    return tuple(
        sorted(
            Shift(day, start, end)
            for group in parse_hours_groups(text)
            for day, _ in group.days
            for start, end in group.ranges
        )
    )


@frozen
class RepeatedDay:
    """Days given hours they already had: the repeat adds nothing, so another day was meant.

    ``text`` and ``offset`` say where the repeat is written (which of the texts, which
    character); ``first_text`` and ``first_offset`` where the days got those hours first.
    """

    days: tuple[int, ...]
    ranges: tuple[tuple[int, int], ...]
    text: int
    offset: int
    first_text: int
    first_offset: int

    @property
    def message(self) -> str:
        days = ", ".join(DAY_ABBREVIATIONS[day] for day in self.days)
        ranges = ", ".join(
            f"{format_clock(start)}-{format_clock(end)}" for start, end in self.ranges
        )
        listed = "is" if len(self.days) == 1 else "are"
        return f"{days} {listed} listed twice with {ranges}; the second listing adds nothing"

    @property
    def hint(self) -> str:
        return "List each day once; if another day was meant (sat for a second fri), name it."


def repeated_days(texts: Sequence[str]) -> list[RepeatedDay]:
    """Every day item that repeats hours already given to its days, across ``texts``.

    Only exact repeats are reported: a repeat that overlaps differently is an
    overlap, which the calendar rules report. Texts that do not parse are skipped.
    """
    seen: dict[tuple[int, int, int], tuple[int, int]] = {}
    # (text, offset) of a repeating item -> its days, its ranges (ordered sets), the first listing
    repeats: dict[tuple[int, int], tuple[dict[int, None], dict[tuple[int, int], None], tuple]] = {}
    for index, text in enumerate(texts):
        try:
            groups = parse_hours_groups(text)
        except ShortFormError:
            continue
        for group in groups:
            for day, offset in group.days:
                for start, end in group.ranges:
                    first = seen.setdefault((day, start, end), (index, offset))
                    if first != (index, offset):
                        days, ranges, _ = repeats.setdefault((index, offset), ({}, {}, first))
                        days[day] = None
                        ranges[(start, end)] = None
    return [
        RepeatedDay(tuple(days), tuple(ranges), index, offset, *first)
        for (index, offset), (days, ranges, first) in repeats.items()
    ]


def format_range(start: int, end: int) -> str:
    """A shift's clock range as written: 17:30-08:30 for an overnight one."""
    return f"{format_clock(start)}-{format_clock(end)}"


def format_clock(minute: int) -> str:
    """Minutes after midnight as HH:MM; an overnight end wraps (1950 is 08:30)."""
    minute %= MINUTES_PER_DAY
    return f"{minute // 60:02d}:{minute % 60:02d}"


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
