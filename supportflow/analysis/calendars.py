"""The calendars a sweep reads, each compiled once, with answers it asks many times.

Open intervals over the sweep's range (µs arrays for interval algebra), the next opening
after an instant, and "N business days later" (cached: the same closed stretches come
back for every channel and target of a calendar).

Everything is keyed by what a calendar *says* (its spec), not by its id: policies give
each office or team its own calendar with the same hours, and those answer alike, so
they are compiled and swept once (``key``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from operator import sub

from supportflow.analysis import intervals as iv
from supportflow.analysis.instants import instant, micros
from supportflow.businesstime.calendar import BusinessCalendar, NoOpenTimeError
from supportflow.businesstime.spec import CalendarSpec
from supportflow.model import Calendar

NEVER = 2**62  # an opening that never comes
INFINITY = 2**63  # later than any instant: a due time that never comes
LOOKBACK_US = 62 * 86_400 * 1_000_000  # open time before the horizon, for arrivals near its start


class Calendars:
    """Each calendar compiled once, and its open intervals over the sweep's range."""

    def __init__(self, lo: int, hi: int) -> None:
        self.lo, self.hi = lo, hi
        self._keys: dict[str, int] = {}
        self._specs: dict[CalendarSpec, int] = {}
        self._compiled: dict[int, BusinessCalendar | None] = {}
        self._open: dict[int, iv.Span] = {}
        self._days: dict[tuple[int, int, int], int] = {}
        self._cumulative: dict[int, Cumulative] = {}

    def key(self, calendar: Calendar) -> int:
        """The same small int for every calendar with the same spec: what results are
        cached under, here and by the sweep."""
        key = self._keys.get(calendar.id)
        if key is None:
            key = self._keys[calendar.id] = self._specs.setdefault(calendar.spec, len(self._specs))
        return key

    def compiled(self, calendar: Calendar) -> BusinessCalendar | None:
        """None for a calendar with no open time at all."""
        key = self.key(calendar)
        if key not in self._compiled:
            try:
                self._compiled[key] = BusinessCalendar(calendar.spec)
            except NoOpenTimeError:
                self._compiled[key] = None
        return self._compiled[key]

    def open(self, calendar: Calendar) -> iv.Span:
        key = self.key(calendar)
        if key not in self._open:
            engine = self.compiled(calendar)
            self._open[key] = (
                iv.EMPTY
                if engine is None
                else engine.open_intervals(instant(self.lo), instant(self.hi))
            )
        return self._open[key]

    def cumulative(self, calendar: Calendar) -> Cumulative:
        """The calendar's running open time (it must have some)."""
        key = self.key(calendar)
        if key not in self._cumulative:
            engine = self.compiled(calendar)
            assert engine is not None
            self._cumulative[key] = Cumulative(engine, self.lo)
        return self._cumulative[key]

    def add_business_days(self, calendar: Calendar, t: int, days: int) -> int:
        """Cached: closed stretches repeat across channels and targets of a calendar."""
        key = (self.key(calendar), t, days)
        if key not in self._days:
            engine = self.compiled(calendar)
            assert engine is not None
            self._days[key] = micros(engine.add_business_days(instant(t), days))
        return self._days[key]

    def next_open(self, calendar: Calendar, t: int) -> int:
        engine = self.compiled(calendar)
        if engine is None:
            return NEVER
        try:
            return micros(engine.next_open(instant(t)))
        except (NoOpenTimeError, ValueError):
            return NEVER


class Cumulative:
    """A calendar's open time from before the sweep's start to an instant: its intervals
    with running totals, extended when an opening past them is asked for."""

    def __init__(self, engine: BusinessCalendar, lo: int) -> None:
        self._engine, self._lo = engine, lo
        self.origin = lo - LOOKBACK_US  # history, so arrivals near the start have a cum
        self.far = -1
        self._bounds: dict[tuple[int, int], int] = {}

    def reach(self, far: int) -> None:
        """Make the totals complete up to ``far``; answers do not depend on open time after
        the instant they are asked for, so reaching further changes none."""
        if far <= self.far:
            return
        self.starts, self.ends = self._engine.open_intervals(instant(self.origin), instant(far + 1))
        self.cum = list(accumulate(map(sub, self.ends, self.starts)))
        self.far = far
        self._bounds.clear()

    def bound(self, s: int, length: int) -> int:
        """``due(t) < s`` on the business clock, solved on the cumulative open time.

        With ``X = cum(s) - length``: if the calendar is open just before ``s``, the due
        instant is before ``s`` exactly when ``cum(t) < X``, i.e. ``t`` before the first
        instant where ``cum`` reaches ``X``; if it is closed just before ``s``, also when
        ``cum(t) == X``, i.e. ``t`` before the last such instant (the next opening after a
        flat stretch).
        """
        key = (s, length)
        found = self._bounds.get(key)
        if found is not None:
            return found
        starts, ends, cum = self.starts, self.ends, self.cum
        if not starts:
            found = self._lo
        else:
            i = bisect_right(starts, s)
            at_s = (cum[i - 1] - max(ends[i - 1] - s, 0)) if i else 0
            x = at_s - length
            k = bisect_left(starts, s)
            open_before = k > 0 and ends[k - 1] >= s
            if x <= 0:
                found = self.origin
            else:
                n = bisect_left(cum, x) if open_before else bisect_right(cum, x)
                found = ends[n] - (cum[n] - x) if n < len(cum) else INFINITY
        self._bounds[key] = found
        return found
