"""Lengths in words, per locale, from CLDR units: target lengths ("15 minutes",
"1 Stunde, 30 Minuten") and retention periods, which keep years and months ("2 years")."""

from __future__ import annotations

from datetime import timedelta

from babel import Locale
from babel.lists import format_list
from babel.units import format_unit

from supportflow.shortforms.periods import Period

_UNITS = (("duration-day", 86400), ("duration-hour", 3600), ("duration-minute", 60))


def duration_text(length: timedelta, locale: Locale) -> str:
    """A length as days, hours and minutes in the locale's words."""
    seconds = int(length.total_seconds())
    parts = []
    for unit, size in _UNITS:
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(_unit(count, unit, locale))
    if not parts:
        parts.append(_unit(0, "duration-minute", locale))
    return format_list(parts, style="unit", locale=locale)


def period_text(period: Period, locale: Locale) -> str:
    """A retention period as years, months and days, then any exact time, in words."""
    years, months = divmod(period.months, 12)
    parts = [
        _unit(count, unit, locale)
        for count, unit in (
            (years, "duration-year"),
            (months, "duration-month"),
            (period.days, "duration-day"),
        )
        if count
    ]
    if period.seconds or not parts:
        parts.append(duration_text(timedelta(seconds=period.seconds), locale))
    return format_list(parts, style="unit", locale=locale)


def _unit(count: int, unit: str, locale: Locale) -> str:
    """The long form, or the short one where CLDR's long form is an alias Babel does not
    follow (Dutch hours and days, Arabic days): Babel then prints the unit id itself."""
    text = format_unit(count, unit, length="long", locale=locale)
    if unit in text:
        text = format_unit(count, unit, length="short", locale=locale)
    return text
