"""Where an IANA zone's UTC offset may change: read from its TZif file (RFC 8536).

zoneinfo keeps its transition table to itself, so this reads the file the way
``ZoneInfo(key)`` finds it (the folders of ``zoneinfo.TZPATH``, then the ``tzdata``
package) and returns the instants where the offset may change: the file's
transitions and, after the last of them, the changes of the POSIX TZ rule in its
footer, each year. These are hints, not answers: ``zones.offset_segments`` reads
every offset from zoneinfo itself and checks the ends of every stretch between
hints, so a hint too many costs a probe and a hint too few is still found.
"""

from __future__ import annotations

import calendar
import os
import re
import struct
import zoneinfo
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache

# "CET-1CEST,M3.5.0,M10.5.0/3": std and dst names, their offsets (west of UTC positive,
# as POSIX writes them) and the rule's two dates, each with an optional local time
_TZ_STRING = re.compile(
    r"(?:<[A-Za-z0-9+-]+>|[^<0-9:.,+-]+)(?P<std>[+-]?\d{1,3}(?::\d{2}){0,2})"
    r"(?:(?:<[A-Za-z0-9+-]+>|[^<0-9:.,+-]+)(?P<dst>[+-]?\d{1,3}(?::\d{2}){0,2})?"
    r",(?P<start>[^,]+),(?P<end>[^,]+))?",
    re.ASCII,
)
_DATE = re.compile(
    r"(?:M(?P<m>\d{1,2})\.(?P<w>[1-5])\.(?P<d>[0-6])|J(?P<j>\d{1,3})|(?P<n>\d{1,3}))"
    r"(?:/(?P<time>[+-]?\d{1,3}(?::\d{2}){0,2}))?",
    re.ASCII,
)
_HEADER = struct.Struct(">4sc15x6l")

# The local instant (seconds from 1970-01-01 00:00 wall time) a rule date falls on in a year.
RuleDate = Callable[[int], int]
# A footer's yearly changes: the dates DST starts and ends, and the UTC offsets of std and dst.
Rule = tuple[RuleDate, RuleDate, int, int]


def _seconds(text: str) -> int:
    """``[+-]hh[:mm[:ss]]`` in seconds."""
    sign = -1 if text.startswith("-") else 1
    parts = [int(part) for part in text.lstrip("+-").split(":")]
    hours, minutes, seconds = (*parts, 0, 0)[:3]
    return sign * (hours * 3600 + minutes * 60 + seconds)


def _rule_date(text: str) -> RuleDate | None:
    """A TZ rule's ``Mm.w.d``, ``Jn`` or ``n`` date with its time, as POSIX defines them."""
    match = _DATE.fullmatch(text)
    if match is None:
        return None
    at = _seconds(match["time"]) if match["time"] else 7200

    def days_before(year: int) -> int:
        return (calendar.timegm((year, 1, 1, 0, 0, 0)) // 86400) - 1

    if match["m"] is not None:
        month, week, weekday = int(match["m"]), int(match["w"]), int(match["d"])
        if not 1 <= month <= 12:
            return None

        def nth_weekday(year: int) -> int:
            first, length = calendar.monthrange(year, month)
            day = (weekday - (first + 1)) % 7 + 1 + (week - 1) * 7
            if day > length:  # week 5: the month's last such weekday
                day -= 7
            return calendar.timegm((year, month, day, 0, 0, 0)) + at

        return nth_weekday
    if match["j"] is not None:  # 1..365, February 29th never counted
        julian = int(match["j"])

        def no_leap_day(year: int) -> int:
            day = julian + (julian >= 60 and calendar.isleap(year))
            return (days_before(year) + day) * 86400 + at

        return no_leap_day
    zero_based = int(match["n"])  # 0..365, February 29th counted
    return lambda year: (days_before(year) + zero_based + 1) * 86400 + at


@lru_cache(maxsize=1024)
def _zone_data(key: str) -> tuple[tuple[int, ...], Rule | None] | None:
    """The file's transitions (UTC seconds) and its footer's rule, or None if unreadable."""
    data = _read(key)
    if data is None:
        return None
    try:
        magic, version, isut, isstd, leap, times, types, chars = _HEADER.unpack_from(data)
        if magic != b"TZif" or version < b"2" or leap:
            return None  # v1 has no footer; leap seconds are not zoneinfo's seconds
        start = _HEADER.size + times * 5 + types * 6 + chars + leap * 8 + isstd + isut
        magic, _, isut, isstd, leap, times, types, chars = _HEADER.unpack_from(data, start)
        start += _HEADER.size
        transitions = struct.unpack_from(f">{times}q", data, start)
        start += times * 9 + types * 6 + chars + leap * 12 + isstd + isut
    except struct.error:
        return None
    footer = data[start:].split(b"\n")
    if magic != b"TZif" or len(footer) < 3 or footer[0]:
        return None
    rule = _rule(footer[1].decode("ascii", "replace"))
    if rule is False:
        return None
    return transitions, rule


def _rule(text: str) -> Rule | bool | None:
    """A footer's yearly changes; None when it has none (a fixed offset or an empty
    footer); False when it cannot be read."""
    if not text:
        return None
    match = _TZ_STRING.fullmatch(text)
    if match is None:
        return False
    if match["start"] is None:
        return None
    start, end = _rule_date(match["start"]), _rule_date(match["end"])
    if start is None or end is None:
        return False
    std = -_seconds(match["std"])
    dst = -_seconds(match["dst"]) if match["dst"] else std + 3600
    return start, end, std, dst


def _read(key: str) -> bytes | None:
    """The TZif bytes ``ZoneInfo(key)`` reads: the first TZPATH folder that has the key,
    else the tzdata package. A key that is not a plain relative name is not looked up."""
    if os.path.isabs(key) or os.path.normpath(key) != key or ".." in key.split("/"):
        return None
    try:
        for folder in zoneinfo.TZPATH:
            path = os.path.join(folder, key)
            if os.path.isfile(path):
                with open(path, "rb") as file:
                    return file.read()
        import tzdata  # the fallback ZoneInfo takes too

        with open(os.path.join(os.path.dirname(tzdata.__file__), "zoneinfo", key), "rb") as file:
            return file.read()
    except (ImportError, OSError, ValueError):
        return None


def _about_year(seconds: int) -> int:
    """The UTC year of an instant, give or take one (the caller looks a year either side)."""
    return 1970 + seconds // 31_556_952


def change_hints(key: str, lo: int, hi: int) -> list[int] | None:
    """Sorted UTC seconds in ``(lo, hi)`` where the zone's offset may change, or None when
    the zone's file cannot be read (the caller then samples)."""
    found = _zone_data(key)
    if found is None:
        return None
    transitions, rule = found
    hints = set(transitions[bisect_right(transitions, lo) : bisect_left(transitions, hi)])
    if rule is not None:
        start, end, std, dst = rule
        last = transitions[-1] if transitions else lo
        years = range(max(_about_year(max(lo, last)) - 2, 1), min(_about_year(hi) + 3, 10_000))
        for year in years:
            # zoneinfo applies the rule of the instant's UTC year: its two changes in UTC,
            # and New Year, where the year it reads changes
            new_year = calendar.timegm((year, 1, 1, 0, 0, 0))
            for hint in (start(year) - std, end(year) - dst, new_year):
                if max(lo, last) < hint < hi:
                    hints.add(hint)
    return sorted(hints)
