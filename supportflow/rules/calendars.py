"""Calendar rules that need the parsed shifts, not just the text."""

from __future__ import annotations

from collections.abc import Iterator

from supportflow.businesstime.spec import Shift
from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding
from supportflow.diagnostics.ruledocs.calendars import OVERLAPPING_SHIFTS
from supportflow.model import Policy
from supportflow.rules.check import rule

WEEK = 7 * 1440
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


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


@rule(OVERLAPPING_SHIFTS)
def check_overlaps(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    """One finding per pair of clock ranges, naming every day on which they clash."""
    for calendar in policy.calendars.values():
        clashes: dict[tuple[int, int, int, int], list[int]] = {}
        for first, second in overlaps(calendar.spec.shifts):
            key = (first.start, first.end, second.start, second.end)
            clashes.setdefault(key, []).append(first.weekday)
        for (start, end, other_start, other_end), days in clashes.items():
            yield doc.finding(
                f"calendar '{calendar.id}': {_clock(start)}-{_clock(end)} overlaps"
                f" {_clock(other_start)}-{_clock(other_end)} on"
                f" {', '.join(DAYS[day] for day in sorted(days))}",
                calendar.hours_where,
            )
