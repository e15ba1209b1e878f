"""Calendar periods for retention: ``24mo``, ``2y``, ``730d``, ISO 8601 ``P2Y`` or ``P24M``.

A retention period is calendar time: "two years after closing" ends on the same date two years
later, whatever the leap days in between, so months and years are kept as months rather than
turned into days. Days, weeks and the exact units of a duration (``h``, ``m``, ``s``) are
allowed too. An upper-case ``M`` in a short form is refused as ambiguous (months or minutes?);
inside ISO 8601 it keeps its ISO meaning (months before ``T``, minutes after it).
"""

from __future__ import annotations

import calendar
import re
from datetime import datetime, timedelta

from supportflow.frozen import frozen
from supportflow.shortforms.durations import (
    MAX_DURATION,
    checked_number,
    format_duration,
    unit_parts,
)
from supportflow.shortforms.errors import ShortFormError

_UNITS = {
    "y": ("months", 12), "yr": ("months", 12), "yrs": ("months", 12),
    "year": ("months", 12), "years": ("months", 12),
    "mo": ("months", 1), "month": ("months", 1), "months": ("months", 1),
    "w": ("days", 7), "week": ("days", 7), "weeks": ("days", 7),
    "d": ("days", 1), "day": ("days", 1), "days": ("days", 1),
    "h": ("seconds", 3600), "hour": ("seconds", 3600), "hours": ("seconds", 3600),
    "m": ("seconds", 60), "min": ("seconds", 60), "mins": ("seconds", 60),
    "minute": ("seconds", 60), "minutes": ("seconds", 60),
    "s": ("seconds", 1), "sec": ("seconds", 1), "second": ("seconds", 1),
    "seconds": ("seconds", 1),
}  # fmt: skip
_ISO = re.compile(
    r"P(?:(?P<Y>\d+)Y)?(?:(?P<MO>\d+)M)?(?:(?P<W>\d+)W)?(?:(?P<D>\d+)D)?"
    r"(?:T(?=\d)(?:(?P<H>\d+)H)?(?:(?P<MI>\d+)M)?(?:(?P<S>\d+)S)?)?",
    re.IGNORECASE,
)
_ISO_UNITS = {
    "Y": ("months", 12), "MO": ("months", 1), "W": ("days", 7), "D": ("days", 1),
    "H": ("seconds", 3600), "MI": ("seconds", 60), "S": ("seconds", 1),
}  # fmt: skip
_HINT = "write e.g. 90d, 24mo, 2y or ISO 8601 P2Y"
_COMMON_MONTHS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31) * 2


@frozen
class Period:
    """A calendar period: whole months (years are 12), then days, then exact seconds."""

    months: int = 0
    days: int = 0
    seconds: int = 0

    def after(self, moment: datetime) -> datetime:
        """The moment this period after ``moment``: months first, a missing day of month
        (31 March + 1 month) becomes the month's last day, then days, then seconds."""
        month_index = moment.month - 1 + self.months
        year, month = moment.year + month_index // 12, month_index % 12 + 1
        day = min(moment.day, calendar.monthrange(year, month)[1])
        return moment.replace(year=year, month=month, day=day) + timedelta(
            days=self.days, seconds=self.seconds
        )

    def shortest(self) -> timedelta:
        """The least time this period can span, from any start: whole years last at least
        365 days, and the remaining months at least their shortest run in a common year
        (February first). For checks such as "shorter than the helpdesk's 120 days"."""
        years, months = divmod(self.months, 12)
        days = years * 365 + min(sum(_COMMON_MONTHS[k : k + months]) for k in range(12))
        return timedelta(days=days + self.days, seconds=self.seconds)

    def iso(self) -> str:
        """ISO 8601: ``P2Y``, ``P1Y6M``, ``P730D``, ``PT12H`` (what helpdesk APIs take)."""
        years, months = divmod(self.months, 12)
        date_part = "".join(
            f"{n}{unit}" for n, unit in ((years, "Y"), (months, "M"), (self.days, "D")) if n
        )
        hours, rest = divmod(self.seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        time_part = "".join(
            f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n
        )
        if not date_part and not time_part:
            return "P0D"
        return "P" + date_part + (f"T{time_part}" if time_part else "")

    def __str__(self) -> str:
        """The short form ``parse_period`` reads back: ``2y``, ``18mo``, ``730d``, ``1y6mo``."""
        years, months = divmod(self.months, 12)
        out = f"{years}y" if years else ""
        out += f"{months}mo" if months else ""
        out += f"{self.days}d" if self.days else ""
        if self.seconds or not out:
            out += format_duration(timedelta(seconds=self.seconds))
        return out


def parse_period(text: str) -> Period:
    """Parse a retention period; located ``ShortFormError`` for anything else."""
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    if not stripped:
        raise ShortFormError("empty period", 0, _HINT)
    if stripped[0] == "-":
        raise ShortFormError("a period cannot be negative", lead, _HINT)
    parts = {"months": 0, "days": 0, "seconds": 0}
    if stripped[0] in "pP":
        iso = _ISO.fullmatch(stripped)
        if iso is None or not any(iso.groupdict().values()):
            raise ShortFormError(f"bad ISO 8601 period {stripped!r}", lead, _HINT)
        for name, digits in iso.groupdict().items():
            if digits is not None:
                field, size = _ISO_UNITS[name]
                parts[field] += checked_number(digits, lead + iso.start(name)) * size
        return _bounded(Period(**parts), stripped, lead)
    seen: set[tuple[str, int]] = set()
    for digits, digits_at, word, at in unit_parts(text, "period", _HINT):
        unit = _UNITS.get(word.lower())
        if unit is None:
            raise ShortFormError(f"unknown unit {word!r}", at, "units are y, mo, w, d, h, m, s")
        if unit in seen:
            raise ShortFormError(f"unit {word!r} given twice", at)
        seen.add(unit)
        field, size = unit
        parts[field] += checked_number(digits, digits_at) * size
    return _bounded(Period(**parts), stripped, lead)


def _bounded(period: Period, text: str, offset: int) -> Period:
    """Refuse periods over a hundred years: a typo, not a retention policy."""
    # a month is 146097 / 4800 days on average (the Gregorian 400-year cycle); exact integers
    length = period.months * 146097 * 86400 + (period.days * 86400 + period.seconds) * 4800
    if length > int(MAX_DURATION.total_seconds()) * 4800:
        raise ShortFormError(
            f"{text!r} is longer than 100 years",
            offset,
            "a retention period is at most 100 years (100y); check for a typo",
        )
    return period
