"""What helpdesks share: priorities ranked by urgency and targets as whole minutes.

Helpdesks count targets in minutes (Zendesk) or seconds (Freshdesk) and know
nothing of "business days", so a day count becomes a length here, once, for
both. Every change of meaning comes back as a note for a build warning.
"""

from __future__ import annotations

from dataclasses import dataclass

from supportflow.model import Calendar, Policy, Priority, Target


@dataclass(frozen=True)
class Minutes:
    """A target as whole minutes, and what a reader must know about how it got there.

    ``business_day`` is the length of one business day used, for business-day targets.
    """

    value: int
    notes: tuple[str, ...] = ()
    business_day: int | None = None


def ranked(policy: Policy) -> list[Priority]:
    """Priorities from most to least urgent (level, then id, so ties are stable)."""
    return sorted(policy.priorities.values(), key=lambda p: (p.level, p.id))


def target_calendars(target: Target, policy: Policy) -> list[Calendar]:
    """Whose hours a target counts in: its own calendar, else each support-matrix cell's."""
    if target.calendar is not None and target.calendar.target is not None:
        return [target.calendar.target]
    seen = {cell.calendar.id: cell.calendar.target for cell in policy.support_matrix}
    found = [calendar for calendar in seen.values() if calendar is not None]
    return found or list(policy.calendars.values())


def open_day_minutes(calendar: Calendar) -> list[int]:
    """Open minutes of each open weekday (an overnight shift counts for the day it starts)."""
    per_day: dict[int, int] = {}
    for shift in calendar.spec.shifts:
        per_day[shift.weekday] = per_day.get(shift.weekday, 0) + shift.end - shift.start
    return sorted(per_day.values())


def business_day_minutes(target: Target, calendar: Calendar) -> tuple[int, str | None]:
    """One business day of ``calendar`` in minutes, with a note when it is a reading."""
    day = target.business_day or calendar.spec.business_day
    if day.hours is not None:
        return int(day.hours.total_seconds()) // 60, None
    lengths = open_day_minutes(calendar)
    if not lengths:
        return 0, None
    shortest = lengths[0]
    if lengths[-1] != shortest:
        return shortest, (
            f"'same time next business day' in calendar {calendar.id} became {shortest} minutes,"
            f" its shortest open day (its open days last {lengths[0]} to {lengths[-1]} minutes)"
        )
    return shortest, (
        f"'same time next business day' in calendar {calendar.id} became {shortest} minutes,"
        " one full open day"
    )


def target_minutes(target: Target, policy: Policy) -> Minutes:
    """The target in whole minutes: exact when it can be, and saying so when it cannot."""
    if target.within is not None:
        seconds = int(target.within.total_seconds())
        minutes = max(1, seconds // 60)
        if seconds % 60:
            return Minutes(minutes, (f"{target} is not whole minutes; it became {minutes} min",))
        return Minutes(minutes)
    days = target.business_days or 0
    options: dict[int, list[str]] = {}
    notes: list[str] = []
    for calendar in target_calendars(target, policy):
        length, note = business_day_minutes(target, calendar)
        options.setdefault(length, []).append(calendar.id)
        if note:
            notes.append(note)
    shortest = min(options, default=0)
    if len(options) > 1:
        spread = "; ".join(f"{m} min in {', '.join(ids)}" for m, ids in sorted(options.items()))
        notes.append(
            f"a business day depends on the ticket's calendar ({spread}); the shortest,"
            f" {shortest} min, was used, so {target} became {days * shortest} min"
        )
    return Minutes(max(1, days * shortest), tuple(dict.fromkeys(notes)), shortest)


def day_lengths(lengths: list[int | None]) -> str:
    """' 1 business day = 540 min.' for a payload's description, or '' when none was used."""
    used = sorted({length for length in lengths if length is not None})
    if not used:
        return ""
    return f" 1 business day = {' or '.join(str(m) for m in used)} min."


def label(priority: Priority) -> str:
    return priority.id if priority.name == priority.id else f"{priority.id} ({priority.name})"
