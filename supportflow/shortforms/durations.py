"""Durations are plain (wall-clock sized) units: ``15m``, ``4h``, ``1h30m``, ``90s``, ``2d``
(= 48 hours of business time, not two business days), ``15 min``, ``1 hour 30 minutes``, and ISO
8601 ``PT1H30M`` or ``P2D``.
"""

from __future__ import annotations

import re
from datetime import timedelta

from supportflow.shortforms.errors import ShortFormError

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
        raise ShortFormError("empty duration", 0, _DURATION_HINT)
    if stripped[0] == "-":
        raise ShortFormError("a duration cannot be negative", lead, _DURATION_HINT)
    if stripped[0] in "pP":
        iso = _ISO.fullmatch(stripped)
        if iso is None or iso.group(0).upper() in ("P", "PT") or not any(iso.groupdict().values()):
            raise ShortFormError(f"bad ISO 8601 duration {stripped!r}", lead, _DURATION_HINT)
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
            raise ShortFormError(f"bad duration {stripped!r}", offset, _DURATION_HINT)
        unit = _UNIT_SECONDS.get(part.group(2).lower())
        if unit is None:
            raise ShortFormError(
                f"unknown unit {part.group(2)!r}", part.start(2), "units are d, h, m, s"
            )
        if unit in seen:
            raise ShortFormError(f"unit {part.group(2)!r} given twice", part.start(2))
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
