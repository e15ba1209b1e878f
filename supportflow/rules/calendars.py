"""Calendar rules that need the parsed shifts, not just the text."""

from __future__ import annotations

from collections.abc import Iterator

from supportflow.findings import Finding
from supportflow.model import Policy
from supportflow.rules.registry import RuleDoc, declare, semantic_rule
from supportflow.schedule import Shift

WEEK = 7 * 1440
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

OVERLAPPING_SHIFTS = declare(
    "E303",
    "Overlapping shifts",
    """
    Two shifts of one calendar cover the same hour, often an overnight shift
    running into the next day's opening, or a day listed in two groups. The
    intended hours are unclear, and business time would be counted once
    where the author may have meant something else.
    """,
    "Make the shifts meet end to start, or merge them into one.",
    """
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-17:00; fri 16:00-20:00
    """,
    """
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-thu 08:00-17:00; fri 08:00-20:00
    """,
)


def _clock(minute: int) -> str:
    minute %= 1440
    return f"{minute // 60:02d}:{minute % 60:02d}"


def overlaps(shifts: tuple[Shift, ...]) -> list[tuple[Shift, Shift]]:
    """Pairs of shifts that share time on the weekly clock, overnight spill included."""
    spans = sorted((s.weekday * 1440 + s.start, s.weekday * 1440 + s.end, s) for s in shifts)
    found = []
    for i, (_, end, shift) in enumerate(spans):
        for other_start, _, other in spans[i + 1 :]:
            if other_start >= end:
                break
            found.append((shift, other))
        # A shift running past Sunday midnight wraps onto Monday's first shifts.
        for other_start, _, other in spans:
            if end > WEEK and other_start < end - WEEK and other is not shift:
                found.append((shift, other))
    return found


@semantic_rule(OVERLAPPING_SHIFTS)
def check_overlaps(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    """One finding per pair of clock ranges, naming every day on which they clash."""
    entries = policy.source.section("calendars")
    for calendar_id, calendar in policy.calendars.items():
        clashes: dict[tuple[int, int, int, int], list[int]] = {}
        for first, second in overlaps(calendar.spec.shifts):
            key = (first.start, first.end, second.start, second.end)
            clashes.setdefault(key, []).append(first.weekday)
        for (start, end, other_start, other_end), days in clashes.items():
            yield doc.finding(
                f"calendar '{calendar_id}': {_clock(start)}-{_clock(end)} overlaps"
                f" {_clock(other_start)}-{_clock(other_end)} on"
                f" {', '.join(DAYS[day] for day in sorted(days))}",
                entries[calendar_id].at("hours"),
            )
