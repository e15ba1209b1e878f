"""ISO 8601 instants as text, many at a time: parse the common forms, write local times.

A batch of a million tickets spends its time turning text into numbers and back, not in the
engine. Both directions are vectorised here with numpy, over int64 seconds since the epoch:

- ``parse_instants`` reads ``YYYY-MM-DDTHH:MM:SSZ`` and ``…±HH:MM`` (what exports and APIs
  write) and marks every other row as not understood, so the caller can use the exact
  ``datetime.fromisoformat`` for it. Only valid dates pass: a 31 April falls back too.
- ``format_local`` writes each instant in a zone's local time with its offset, exactly as
  ``datetime.isoformat`` does (UTC written ``Z``), using the zone's offset segments.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np

from supportflow.businesstime.zones import offset_segments

_ZULU = 20  # len("2026-11-20T15:55:00Z")
_OFFSET = 25  # len("2026-11-20T15:55:00+01:00")
_DIGITS = (0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18)
_SEPARATORS = {4: "-", 7: "-", 10: "T", 13: ":", 16: ":"}
_DAYS_IN_MONTH = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], np.int64)


def parse_instants(texts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Epoch seconds of each text, and whether it was one of the common forms.

    ``texts`` is a numpy unicode array (already stripped); rows marked False hold 0.
    """
    n = texts.size
    width = texts.dtype.itemsize // 4
    if n == 0 or width < _ZULU:
        return np.zeros(n, np.int64), np.zeros(n, bool)
    # one contiguous row per character position: column reads stay cache-friendly
    columns = min(width, _OFFSET)
    codes = np.zeros((_OFFSET, n), np.int32)
    codes[:columns] = texts.view(np.uint32).reshape(n, width)[:, :columns].T
    length = np.strings.str_len(texts)
    zulu = (length == _ZULU) & (codes[19] == ord("Z"))
    signed = (length == _OFFSET) & ((codes[19] == ord("+")) | (codes[19] == ord("-")))
    signed &= codes[22] == ord(":")
    ok = zulu | signed
    for column, char in _SEPARATORS.items():
        ok &= codes[column] == ord(char)
    digits = codes - ord("0")
    for column in _DIGITS:
        ok &= digits[column].view(np.uint32) <= 9
    for column in (20, 21, 23, 24):
        ok &= ~signed | (digits[column].view(np.uint32) <= 9)

    def number(first: int, last: int) -> np.ndarray:
        value = digits[first]
        for column in range(first + 1, last):
            value = value * 10 + digits[column]
        return value

    year, month, day = number(0, 4), number(5, 7), number(8, 10)
    hour, minute, second = number(11, 13), number(14, 16), number(17, 19)
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    month_ok = (month >= 1) & (month <= 12)
    last_day = _DAYS_IN_MONTH[np.where(month_ok, month, 0)] + ((month == 2) & leap)
    ok &= (year >= 1) & month_ok & (day >= 1) & (day <= last_day)
    ok &= (hour <= 23) & (minute <= 59) & (second <= 59)
    offset_hours, offset_minutes = number(20, 22), number(23, 25)
    ok &= ~signed | ((offset_hours <= 23) & (offset_minutes <= 59))
    sign = np.where(codes[19] == ord("-"), -1, 1)
    offset = np.where(signed, sign * (offset_hours * 3600 + offset_minutes * 60), 0)
    days = _days_from_civil(year, month, day).astype(np.int64)
    seconds = days * 86400 + (hour * 3600 + minute * 60 + second - offset)
    return np.where(ok, seconds, 0), ok


def _days_from_civil(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 of proleptic Gregorian dates (H. Hinnant's algorithm)."""
    y = year - (month <= 2)
    era = np.floor_divide(y, 400)
    yoe = y - era * 400
    doy = (153 * (month + np.where(month > 2, -3, 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def utc_offsets(zone: str, seconds: np.ndarray) -> np.ndarray:
    """The zone's UTC offset (seconds) at each epoch second, from cached per-year segments."""
    if seconds.size == 0:
        return np.zeros(0, np.int64)
    # only the years that occur (give or take one: a mean Gregorian year is 31,556,952 s),
    # so a lone instant in 9000 costs one year, not seven thousand
    rough = np.unique(seconds // 31_556_952 + 1970).tolist()
    years = sorted({y + d for y in rough for d in (-1, 0, 1) if 1 <= y + d <= 9999})
    starts: list[int] = []
    offsets: list[int] = []
    for year in years:
        lo = int(datetime(year, 1, 1, tzinfo=UTC).timestamp())
        hi = int(datetime(year, 12, 31, tzinfo=UTC).timestamp()) + 86400
        for start, _, offset in offset_segments(zone, lo, hi):
            starts.append(start)
            offsets.append(offset)
    where = np.searchsorted(np.array(starts, np.int64), seconds, side="right") - 1
    return np.array(offsets, np.int64)[where]


def parse_instant(text: str) -> datetime:
    """One ISO 8601 instant with its offset; the ValueError says what is wrong and what to
    write instead (a suggestion that itself parses: ``2026-11-20`` → ``2026-11-20T00:00:00Z``)."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            f"{text!r} is not an ISO 8601 instant, e.g. 2026-11-20T15:55:00Z"
        ) from None
    if value.tzinfo is None:
        wall = value.isoformat()
        raise ValueError(f"{text!r} has no UTC offset; write e.g. {wall}Z or {wall}+01:00")
    return value


def iso(value: datetime) -> str:
    """One aware datetime as ISO 8601 with its offset; UTC is written Z (the scalar rule)."""
    text = value.isoformat()
    return text.removesuffix("+00:00") + "Z" if value.utcoffset() == timedelta(0) else text


def offset_text(offset: int) -> str:
    """``+01:00`` as ``datetime.isoformat`` writes it (seconds only when there are some)."""
    if offset == 0:
        return "Z"
    sign = "-" if offset < 0 else "+"
    hours, rest = divmod(abs(offset), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")


def _wall_text(seconds: np.ndarray) -> np.ndarray:
    """``YYYY-MM-DDTHH:MM:SS`` of epoch seconds (years 1..9999), written digit by digit: three
    times faster than ``numpy.datetime_as_string`` (H. Hinnant's civil-from-days)."""
    days, rest = np.divmod(seconds, 86400)
    days, rest = days.astype(np.int32), rest.astype(np.int32)
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    month = np.where(mp < 10, mp + 3, mp - 9)
    fields = (
        (yoe + era * 400 + (month <= 2), 4, "-"),
        (month, 2, "-"),
        (doy - (153 * mp + 2) // 5 + 1, 2, "T"),
        (rest // 3600, 2, ":"),
        (rest // 60 % 60, 2, ":"),
        (rest % 60, 2, ""),
    )
    out = np.empty((seconds.size, 19), np.uint32)
    column = 0
    for value, width, separator in fields:
        for k in range(width):
            out[:, column + k] = value // 10 ** (width - 1 - k) % 10 + ord("0")
        column += width
        if separator:
            out[:, column] = ord(separator)
            column += 1
    return out.view("U19").ravel()


def format_local(zone: str, seconds: np.ndarray) -> np.ndarray:
    """Each epoch second as local ISO 8601 text with its offset: ``2026-11-23T11:55:00+01:00``."""
    offsets = utc_offsets(zone, seconds)
    wall = _wall_text(seconds + offsets)
    kinds, index = np.unique(offsets, return_inverse=True)
    suffixes = np.array([offset_text(int(k)) for k in kinds])
    return np.strings.add(wall, suffixes[index] if suffixes.size else suffixes)


def format_utc(seconds: np.ndarray) -> np.ndarray:
    """Each epoch second as ISO 8601 UTC text, ``2026-11-23T10:55:00Z``."""
    return np.strings.add(_wall_text(seconds), "Z")
