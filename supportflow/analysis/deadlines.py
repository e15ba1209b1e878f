"""Until when an arrival is due before the teams open: the target-missed bound.

For each piece ``[close, ...)`` of the channel's hours inside a closed stretch of the
responsible teams that ends at ``S``: the instant ``P`` such that tickets arriving before
``P`` are due before ``S``. The due instant never moves back as the arrival moves on, so
the late arrivals of a piece are always a prefix of it.
"""

from __future__ import annotations

import numpy as np

from supportflow.analysis.calendars import NEVER, Calendars
from supportflow.analysis.instants import US, instant, offsets
from supportflow.model import Calendar, Target

LOOKBACK_US = 62 * 86_400 * 1_000_000  # open time before the horizon, for arrivals near its start
DAY = 86_400
OFFSET_MARGIN = 3 * 3600  # seconds: more than any UTC offset change between two dates


def due_before(
    cals: Calendars,
    target: Target,
    due_calendar: Calendar,
    closes: np.ndarray,
    opens: np.ndarray,
) -> np.ndarray | None:
    """``P`` for each closed stretch ``[closes, opens)``; None when the target's length is
    zero or the due calendar is never open (then nothing is ever due)."""
    engine = cals.compiled(due_calendar)
    if target.within is not None:
        length = target.within // US
        if length <= 0:
            return None
        if target.clock == "calendar":
            return opens - length
        return _business_bound(cals, due_calendar, opens, length)
    days = target.business_days or 0
    if days <= 0 or engine is None:
        return None
    rule = target.business_day or due_calendar.spec.business_day
    if rule.hours is not None:
        return _business_bound(cals, due_calendar, opens, days * (rule.hours // US))
    return _same_time_bound(cals, due_calendar, closes, opens, days)


def _business_bound(
    cals: Calendars, due_calendar: Calendar, opens: np.ndarray, length: int
) -> np.ndarray:
    """``due(t) < S`` on the business clock, solved on the cumulative open time ``cum``.

    With ``X = cum(S) - length``: if the calendar is open just before ``S``, the due instant
    is before ``S`` exactly when ``cum(t) < X``, i.e. ``t`` before the first instant where
    ``cum`` reaches ``X``; if it is closed just before ``S``, also when ``cum(t) == X``, i.e.
    ``t`` before the last such instant (the next opening after a flat stretch).
    """
    finite = opens[opens < NEVER]
    far = int(finite.max()) if finite.size else cals.hi
    engine = cals.compiled(due_calendar)
    if engine is None:
        return np.full(opens.shape, cals.lo)  # never open: due never comes, never missed
    origin = cals.lo - LOOKBACK_US  # history, so arrivals near the start have a cum
    starts, ends = engine.open_intervals(instant(origin), instant(far + 1))
    if starts.size == 0:
        return np.full(opens.shape, cals.lo)
    cum = np.cumsum(ends - starts)
    cum0 = np.append(0, cum)
    ends0 = np.append(np.iinfo(np.int64).min // 2, ends)
    s = np.minimum(opens, far)
    i = np.searchsorted(starts, s, "right")
    at_s = cum0[i] - np.maximum(ends0[i] - s, 0)
    x = at_s - length
    open_before = (np.searchsorted(starts, s, "left") > 0) & (
        ends0[np.searchsorted(starts, s, "left")] >= s
    )
    first = np.searchsorted(cum, x, "left")
    last = np.searchsorted(cum, x, "right")
    inf = np.iinfo(np.int64).max // 2
    padded_ends, padded_cum = np.append(ends, inf), np.append(cum, 0)
    reach_first = padded_ends[first] - (padded_cum[first] - x)
    reach_last = padded_ends[last] - (padded_cum[last] - x)
    bound = np.where(open_before, reach_first, reach_last)
    bound = np.where(x <= 0, origin, bound)
    return np.where(opens >= NEVER, inf, bound)


def _surely_not_due_before(
    cals: Calendars, due_calendar: Calendar, arrivals: np.ndarray, opens: np.ndarray, days: int
) -> np.ndarray:
    """Arrivals whose due instant cannot come before ``opens``, decided without the engine.

    'N business days later' lands on a local date at least N days after the date the
    calendar next opens, so it is no earlier than that date's midnight (less a margin for
    an offset change between the two): if that is already at or after the opening, no
    arrival of the piece is late. This keeps the engine for the long closures only.
    """
    starts, ends = cals.open(due_calendar)
    if arrivals.size == 0 or starts.size == 0:
        return np.zeros(arrivals.shape, bool)
    j = np.searchsorted(ends, arrivals, "right")
    known = j < starts.size
    first = np.where(known, np.maximum(arrivals, starts[np.minimum(j, starts.size - 1)]), 0)
    seconds = first // 1_000_000
    offset = offsets(seconds, due_calendar.spec.timezone)
    midnight = ((seconds + offset) // DAY + days) * DAY - offset - OFFSET_MARGIN
    return known & (midnight * 1_000_000 >= opens)


def _same_time_bound(
    cals: Calendars, due_calendar: Calendar, closes: np.ndarray, opens: np.ndarray, days: int
) -> np.ndarray:
    """'Same time next business day' has no cumulative form: per piece, bisect the arrival
    bound to the second on the engine's own ``add_business_days``."""

    def due(t: int) -> int:
        return cals.add_business_days(due_calendar, t, days)

    bounds = []
    quick = _surely_not_due_before(cals, due_calendar, closes, opens, days).tolist()
    for a, s, never_late in zip(closes.tolist(), opens.tolist(), quick, strict=True):
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
    return np.array(bounds, np.int64)
