"""Durations are plain (wall-clock sized) units: ``15m``, ``4h``, ``1h30m``, ``90s``, ``2d``
(= 48 hours of business time, not two business days), ``15 min``, ``1 hour 30 minutes``, and ISO
8601 ``PT1H30M`` or ``P2D``.

Two refusals protect people from themselves: an upper-case ``M`` in a short form (``24M``
means months to some and minutes to others; ISO 8601 ``PT30M`` keeps its ISO meaning), and
anything over ``MAX_DURATION`` (a hundred years), which is a typo, never a support target.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

from supportflow.shortforms.errors import ShortFormError

MAX_DURATION = timedelta(days=36525)  # a hundred years of 365.25 days
MAX_DIGITS = 12  # longer numbers are refused before int() sees them (and its 4300-digit limit)
_UNIT_SECONDS = {
    "d": 86400, "day": 86400, "days": 86400,
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
    "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
}  # fmt: skip
CALENDAR_UNITS = frozenset({"mo", "month", "months", "y", "yr", "yrs", "year", "years"})
_PART = re.compile(r"\s*(\d+)\s*([a-z]+)", re.IGNORECASE)
_ISO = re.compile(
    r"P(?:(?P<d>\d+)D)?(?:T(?=\d)(?:(?P<h>\d+)H)?(?:(?P<m>\d+)M)?(?:(?P<s>\d+)S)?)?",
    re.IGNORECASE,
)
_ISO_SECONDS = {"d": 86400, "h": 3600, "m": 60, "s": 1}
_DURATION_HINT = "write e.g. 15m, 4h, 1h30m, 2d or PT1H30M"
AMBIGUOUS_M_HINT = "write {n}mo for months or {n}m for minutes"


def parse_duration(text: str) -> timedelta:
    """Parse a non-negative duration; ``d`` is 24 hours of business time, not a business day."""
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    if not stripped:
        raise ShortFormError("empty duration", 0, _DURATION_HINT)
    if stripped[0] == "-":
        raise ShortFormError("a duration cannot be negative", lead, _DURATION_HINT)
    if stripped[0] in "pP":
        iso = _ISO.fullmatch(stripped)
        if iso is None or iso.group(0).upper() in ("P", "PT") or not any(iso.groupdict().values()):
            raise ShortFormError(f"bad ISO 8601 duration {stripped!r}", lead, _DURATION_HINT)
        total = 0
        for unit, digits in iso.groupdict().items():
            if digits is not None:
                total += checked_number(digits, lead + iso.start(unit)) * _ISO_SECONDS[unit]
        return within_limit(total, stripped, lead)
    total = 0
    seen: set[int] = set()
    for digits, digits_at, word, at in unit_parts(text, "duration", _DURATION_HINT):
        unit = _UNIT_SECONDS.get(word.lower())
        if unit is None:
            if word.lower() in CALENDAR_UNITS:
                raise ShortFormError(
                    f"{word!r} has no fixed length in hours",
                    at,
                    "months and years are for retention periods; here write days, e.g. 30d",
                )
            raise ShortFormError(f"unknown unit {word!r}", at, "units are d, h, m, s")
        if unit in seen:
            raise ShortFormError(f"unit {word!r} given twice", at)
        seen.add(unit)
        total += checked_number(digits, digits_at) * unit
    return within_limit(total, stripped, lead)


def unit_parts(text: str, what: str, hint: str) -> Iterator[tuple[str, int, str, int]]:
    """The ``number unit`` parts of a short form (``1h 30m``): digits, their offset, unit
    word, its offset. Durations and retention periods share it, so both locate errors
    alike and both refuse an upper-case ``M``."""
    stripped = text.strip()
    pos, end = 0, len(text.rstrip())
    while pos < end:
        part = _PART.match(text, pos)
        if part is None:
            offset = pos + len(text[pos:]) - len(text[pos:].lstrip())
            raise ShortFormError(f"bad {what} {stripped!r}", offset, hint)
        refuse_upper_m(part.group(2), part.group(1), part.start(2))
        yield part.group(1), part.start(1), part.group(2), part.start(2)
        pos = part.end()


def refuse_upper_m(unit: str, number: str, offset: int) -> None:
    """``24M`` is months to some readers and minutes to others: refuse to guess."""
    if unit == "M":
        shown = number.lstrip("0") or "0"
        shown = shown if len(shown) <= MAX_DIGITS else shown[:MAX_DIGITS] + "…"
        raise ShortFormError(f"'{shown}M' is ambiguous", offset, AMBIGUOUS_M_HINT.format(n=shown))


def checked_number(digits: str, offset: int) -> int:
    """The number, refused when it has more digits than any sane length of time."""
    if len(digits.lstrip("0")) > MAX_DIGITS:
        raise ShortFormError(
            f"{digits[:16]}… is far too large", offset, "a length of time is at most 100 years"
        )
    return int(digits)


def within_limit(seconds: int, text: str, offset: int) -> timedelta:
    """``seconds`` as a timedelta, or the located refusal of anything over a hundred years."""
    if seconds > MAX_DURATION.total_seconds():
        raise ShortFormError(
            f"{text!r} is longer than 100 years",
            offset,
            "a length of time is at most 100 years (36525d); check for a typo",
        )
    return timedelta(seconds=seconds)


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
