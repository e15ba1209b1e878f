"""A coverage gap in one sentence: when it recurs and what it means for the ticket.

Shared by ``supportflow coverage`` (text output) and the W7xx findings of ``validate``,
so both say the same thing the same way.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from supportflow.analysis import intervals as iv
from supportflow.analysis.coverage import Gap
from supportflow.analysis.instants import instant, micros
from supportflow.analysis.patterns import Pattern, describe, summarise
from supportflow.businesstime.holidays import public_holidays
from supportflow.businesstime.spec import HolidaySource
from supportflow.model import Policy
from supportflow.shortforms import format_duration


def pattern_of(gap: Gap, start: datetime, end: datetime) -> Pattern:
    """The gap's recurring shape over [start, end), read in the zone that explains it best
    (the cell's first, then the other calendars that shape the gap)."""
    cell_calendar = gap.cell.calendar.target
    calendars = (cell_calendar, *gap.calendars) if cell_calendar is not None else gap.calendars
    return _pattern(
        gap.intervals,
        gap.open_hours,
        micros(start),
        micros(end),
        tuple(calendar.spec.timezone for calendar in calendars),
        tuple(source for calendar in calendars for source in calendar.spec.holidays),
    )


@lru_cache(maxsize=4096)
def _pattern(
    gap: iv.Span,
    whole: iv.Span,
    lo: int,
    hi: int,
    zones: tuple[str, ...],
    sources: tuple[HolidaySource, ...],
) -> Pattern:
    """Cached: the channels of a cell, and cells on the same calendars, share their gaps."""
    first, last = instant(lo).year - 1, instant(hi).year + 1
    holidays: set[int] = set()
    for source in dict.fromkeys(sources):
        for year in range(first, last + 1):
            holidays |= public_holidays(source, year)
    return summarise(gap, lo, hi, zones, holidays, whole)


def _names(ids: list[str]) -> str:
    if len(ids) <= 2:
        return " and ".join(ids)
    return ", ".join(ids[:-1]) + f" and {ids[-1]}"


def _types(gap: Gap, policy: Policy) -> str:
    accepted = gap.channel.accepts
    every = len(accepted) if accepted is not None else len(policy.request_types)
    if gap.request_types and len(gap.request_types) < every:
        return f" ({_names(list(gap.request_types))})"
    return ""


def consequence(gap: Gap, policy: Policy, first_response: tuple[str, str] | None) -> str:
    """What the gap does to a ticket; ``first_response`` is (priority, length) of the
    tightest first-response promise, quoted for unattended tickets."""
    teams = [team.id for team in gap.teams]
    if gap.reason == "no_team_on_shift":
        tickets = f"{gap.channel.id} tickets in {gap.language}{_types(gap, policy)}"
        if not teams:
            text = f"no team that speaks {gap.language} handles {tickets}"
        else:
            text = f"{tickets} reach nobody until {_names(teams)} opens"
        if first_response is not None:
            text += f" ({first_response[0]} first response is due in {first_response[1]})"
        return text
    if gap.reason == "escalation_waits":
        source, to = teams
        ladder = policy.escalations[gap.ladder or ""]
        label = ladder.label(gap.step_index or 0)
        for_types = _types(gap, policy)
        if gap.step is not None and gap.step.kind == "assist":
            return f"{to} cannot assist {source} ({label}) until {to} opens{for_types}"
        return f"escalations from {source} to {to} ({label}) wait until {to} opens{for_types}"
    kind = (gap.target_kind or "").replace("_", " ")
    return (
        f"{gap.priority} {kind} ({gap.target}) is due before {_names(teams)}"
        f" {'opens' if len(teams) == 1 else 'open'}, for {gap.channel.id} tickets"
        f"{_types(gap, policy)} arriving then"
    )


def tightest_first_response(policy: Policy) -> tuple[str, str] | None:
    """(priority, length) of the shortest first-response target written as a duration."""
    best: tuple[object, int, str, str] | None = None
    for position, priority in enumerate(policy.priorities.values()):
        target = priority.targets.get("first_response")
        if target is None or target.within is None:
            continue
        candidate = (target.within, position, priority.id, format_duration(target.within))
        if best is None or candidate[:2] < best[:2]:  # type: ignore[operator]
            best = candidate
    return None if best is None else (best[2], best[3])


def sentence(gap: Gap, policy: Policy, start: datetime, end: datetime) -> str:
    """'every … Europe/Stockholm, and on 5 public holidays: <consequence>'."""
    when = describe(pattern_of(gap, start, end))
    return f"{when}: {consequence(gap, policy, tightest_first_response(policy))}"
