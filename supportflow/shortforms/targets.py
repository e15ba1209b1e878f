"""Target lengths and business days: '15m', '2 business days', 'same time next business day'.

"1 business day" is kept as a count of business days, not turned into hours
here: what a business day means is the calendar's declared property, and the
business-time engine applies it.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Literal

from supportflow.businesstime.spec import BusinessDay
from supportflow.shortforms.durations import MAX_DURATION, checked_number, parse_duration
from supportflow.shortforms.errors import ShortFormError

Clock = Literal["business", "calendar"]
MAX_BUSINESS_DAYS = MAX_DURATION.days  # never more business days than a hundred years of days

_DAYS = re.compile(r"^\s*(?P<n>\d+)\s+(?P<business>business\s+)?days?\s*$", re.IGNORECASE)
_SAME_TIME = re.compile(r"^\s*same[\s-]time(\s+next\s+business\s+day)?\s*$", re.IGNORECASE)


def parse_target_length(text: str, clock: Clock) -> tuple[timedelta | None, int | None]:
    """'2 business days' → (None, 2) on the business clock; anything else is a duration.

    On the calendar clock 'N days' is N × 24 hours; 'business days' there is an error,
    since a calendar-clock target cannot count business days.
    """
    days = _DAYS.match(text)
    if days:
        count = checked_number(days["n"], days.start("n"))
        if count > MAX_BUSINESS_DAYS:
            raise ShortFormError(
                f"{count} days is longer than 100 years",
                days.start("n"),
                f"a target is at most 100 years ({MAX_BUSINESS_DAYS} days); check for a typo",
            )
        if clock == "calendar":
            if days["business"]:
                raise ShortFormError(
                    "business days cannot run on the calendar clock",
                    days.start("business"),
                    "write 'N days' for calendar days, or use clock: business",
                )
            return timedelta(days=count), None
        if count == 0:
            raise ShortFormError("a target must be longer than zero", days.start("n"))
        return None, count
    within = parse_duration(text)
    if within <= timedelta(0):
        raise ShortFormError("a target must be longer than zero", 0)
    return within, None


def parse_business_day(text: str) -> BusinessDay:
    """'8h' (a number of business hours) or 'same time next business day' ('same-time').

    The same short form is accepted in a policy and by ``supportflow due --business-day``.
    """
    if _SAME_TIME.match(text):
        return BusinessDay(same_time_next_day=True)
    hours = parse_duration(text)
    if hours <= timedelta(0):
        raise ShortFormError("a business day must be longer than zero", 0)
    if hours > timedelta(hours=24):
        raise ShortFormError(
            "a business day cannot be longer than 24 hours",
            0,
            "write the business hours in one day, e.g. 8h",
        )
    return BusinessDay(hours=hours)
