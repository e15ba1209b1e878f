"""Opening hours that parse but probably do not say what was meant.

An office day written end first (``17:30-08:30``) is a valid overnight shift, and
``business_day: 12h`` is a valid length; both pass every syntax check, and both
make deadlines land a day later than the author expects.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from supportflow.businesstime.spec import MINUTES_PER_DAY, Shift
from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding
from supportflow.diagnostics.ruledocs.calendars import LONG_BUSINESS_DAY, SWAPPED_SHIFT
from supportflow.model import Calendar, Policy
from supportflow.rules.check import rule
from supportflow.shortforms import format_duration
from supportflow.shortforms.hours import DAY_ABBREVIATIONS, format_range

# An office day written end first always reads as an overnight shift of more than
# half a day; a real night shift (22:00-06:00) is shorter than its swapped reading.
HALF_DAY = MINUTES_PER_DAY // 2


def _minutes(length: timedelta) -> int:
    return int(length.total_seconds() // 60)


def _is_cover(shift: Shift, starts: set[tuple[int, int]], ends: set[tuple[int, int]]) -> bool:
    """Whether a night shift meets a day shift end to start: deliberate round-the-clock cover."""
    next_day = (shift.weekday + 1) % 7
    return (shift.weekday, shift.start) in ends or (next_day, shift.end - MINUTES_PER_DAY) in starts


def _swapped(calendar: Calendar) -> Iterator[tuple[tuple[int, int], list[int], str]]:
    """Each overnight clock range that reads like a swapped day shift, its days and why."""
    shifts = calendar.spec.shifts
    by_range: dict[tuple[int, int], list[Shift]] = {}
    for shift in shifts:
        by_range.setdefault((shift.start, shift.end), []).append(shift)
    overnight = [key for key in by_range if key[1] > MINUTES_PER_DAY]
    has_daytime = len(overnight) < len(by_range)
    starts = {(shift.weekday, shift.start) for shift in shifts}
    ends = {(shift.weekday, shift.end) for shift in shifts}
    business_day = calendar.spec.business_day.hours
    for start, end in overnight:
        length = end - start
        reasons = []
        if has_daytime and len(overnight) == 1:
            reasons.append("the calendar's other shifts are daytime")
        if business_day is not None and length > _minutes(business_day):
            reasons.append(f"it is longer than the {format_duration(business_day)} business day")
        if length <= HALF_DAY or not reasons:
            continue
        days = [s.weekday for s in by_range[(start, end)] if not _is_cover(s, starts, ends)]
        if days:
            yield (start, end), days, "; ".join(reasons)


@rule(SWAPPED_SHIFT)
def check_swapped_shifts(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    for calendar in policy.calendars.values():
        for (start, end), days, why in _swapped(calendar):
            length = format_duration(timedelta(minutes=end - start))
            written = format_range(start, end)
            swapped = format_range(end - MINUTES_PER_DAY, start)
            yield doc.finding(
                f"calendar '{calendar.id}': {written} on"
                f" {', '.join(DAY_ABBREVIATIONS[day] for day in days)} runs overnight for"
                f" {length} ({why}); was {swapped} meant?",
                calendar.hours_where,
                hint=f"Write {swapped} if the team works days; a night shift reads 22:00-06:00.",
            )


@rule(LONG_BUSINESS_DAY)
def check_business_day_length(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    for calendar in policy.calendars.values():
        length = calendar.spec.business_day.hours
        if length is None or calendar.business_day_where is None or not calendar.spec.shifts:
            continue
        open_per_day: dict[int, int] = {}
        for shift in calendar.spec.shifts:
            open_per_day[shift.weekday] = (
                open_per_day.get(shift.weekday, 0) + shift.end - shift.start
            )
        longest = max(open_per_day.values())
        if _minutes(length) > longest:
            yield doc.finding(
                f"calendar '{calendar.id}': business_day is {format_duration(length)}, but no"
                f" day is open longer than {format_duration(timedelta(minutes=longest))}, so"
                " 1 business day runs into the next open day",
                calendar.business_day_where,
                hint=f"Write business_day: {format_duration(timedelta(minutes=longest))}"
                " (one day's opening hours), or 'same time next business day'.",
            )
