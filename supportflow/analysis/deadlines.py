"""Until when an arrival is due before the teams open: the target-missed bound.

For each piece ``[close, ...)`` of the channel's hours inside a closed stretch of the
responsible teams that ends at ``S``: the instant ``P`` such that tickets arriving before
``P`` are due before ``S``. The due instant never moves back as the arrival moves on, so
the late arrivals of a piece are always a prefix of it.

On the business clock ``P`` depends only on the due calendar, the target's length and
``S``, and the same openings come back for every channel and team set of a calendar, so
each is solved once (``calendars.Cumulative``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from supportflow.analysis.calendars import INFINITY, NEVER, Calendars
from supportflow.analysis.instants import US, Offsets
from supportflow.model import Calendar, Target

DAY = 86_400
OFFSET_MARGIN = 3 * 3600  # seconds: more than any UTC offset change between two dates


def due_before(
    cals: Calendars,
    target: Target,
    due_calendar: Calendar,
    closes: Sequence[int],
    opens: Sequence[int],
) -> list[int] | None:
    """``P`` for each closed stretch ``[closes, opens)``; None when the target's length is
    zero or the due calendar is never open (then nothing is ever due)."""
    engine = cals.compiled(due_calendar)
    if target.within is not None:
        length = target.within // US
        if length <= 0:
            return None
        if target.clock == "calendar":
            return [s - length for s in opens]
        return _business_bound(cals, due_calendar, opens, length)
    days = target.business_days or 0
    if days <= 0 or engine is None:
        return None
    rule = target.business_day or due_calendar.spec.business_day
    if rule.hours is not None:
        return _business_bound(cals, due_calendar, opens, days * (rule.hours // US))
    return _same_time_bound(cals, due_calendar, closes, opens, days)


def _business_bound(
    cals: Calendars, due_calendar: Calendar, opens: Sequence[int], length: int
) -> list[int]:
    if cals.compiled(due_calendar) is None:
        return [cals.lo] * len(opens)  # never open: due never comes, never missed
    finite = [s for s in opens if s < NEVER]
    cumulative = cals.cumulative(due_calendar)
    cumulative.reach(max(finite) if finite else cals.hi)
    return [INFINITY if s >= NEVER else cumulative.bound(s, length) for s in opens]


def _surely_not_due_before(
    cals: Calendars,
    due_calendar: Calendar,
    arrivals: Sequence[int],
    opens: Sequence[int],
    days: int,
) -> list[bool]:
    """Arrivals whose due instant cannot come before ``opens``, decided without the engine.

    'N business days later' lands on a local date at least N days after the date the
    calendar next opens, so it is no earlier than that date's midnight (less a margin for
    an offset change between the two): if that is already at or after the opening, no
    arrival of the piece is late. This keeps the engine for the long closures only.
    """
    starts, ends = cals.open(due_calendar)
    if not arrivals or not starts:
        return [False] * len(arrivals)
    firsts = []
    for arrival in arrivals:
        j = bisect_right(ends, arrival)
        firsts.append(max(arrival, starts[j]) if j < len(starts) else None)
    known = [first // 1_000_000 for first in firsts if first is not None]
    if not known:
        return [False] * len(arrivals)
    offsets = Offsets(due_calendar.spec.timezone, min(known), max(known) + 1)
    answers = []
    for first, s in zip(firsts, opens, strict=True):
        if first is None:
            answers.append(False)
            continue
        seconds = first // 1_000_000
        offset = offsets.at(seconds)
        midnight = ((seconds + offset) // DAY + days) * DAY - offset - OFFSET_MARGIN
        answers.append(midnight * 1_000_000 >= s)
    return answers


def _same_time_bound(
    cals: Calendars,
    due_calendar: Calendar,
    closes: Sequence[int],
    opens: Sequence[int],
    days: int,
) -> list[int]:
    """'Same time next business day' has no cumulative form: per piece, bisect the arrival
    bound to the second on the engine's own ``add_business_days``."""

    def due(t: int) -> int:
        return cals.add_business_days(due_calendar, t, days)

    bounds = []
    quick = _surely_not_due_before(cals, due_calendar, closes, opens, days)
    for a, s, never_late in zip(closes, opens, quick, strict=True):
        if never_late or (s < NEVER and due(a) >= s):  # not even the first arrival is late
            bounds.append(a)
            continue
        if s >= NEVER or due(s - 1) < s:
            bounds.append(s)
            continue
        good, bad = a // 1_000_000, (s - 1) // 1_000_000  # due(good) < s <= due(bad)
        while bad - good > 1:
            mid = (good + bad) // 2
            good, bad = (mid, bad) if due(mid * 1_000_000) < s else (good, mid)
        bounds.append(bad * 1_000_000)
    return bounds
