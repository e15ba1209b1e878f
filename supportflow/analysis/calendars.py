"""The calendars a sweep reads, each compiled once, with answers it asks many times.

Open intervals over the sweep's range (µs arrays for interval algebra), the next opening
after an instant, and "N business days later" (cached: the same closed stretches come
back for every channel and target of a calendar).

Everything is keyed by what a calendar *says* (its spec), not by its id: policies give
each office or team its own calendar with the same hours, and those answer alike, so
they are compiled and swept once (``key``).
"""

from __future__ import annotations

from supportflow.analysis import intervals as iv
from supportflow.analysis.instants import instant, micros
from supportflow.businesstime.calendar import BusinessCalendar, NoOpenTimeError
from supportflow.businesstime.spec import CalendarSpec
from supportflow.model import Calendar

NEVER = 2**62  # an opening that never comes


class Calendars:
    """Each calendar compiled once, and its open intervals over the sweep's range."""

    def __init__(self, lo: int, hi: int) -> None:
        self.lo, self.hi = lo, hi
        self._keys: dict[str, int] = {}
        self._specs: dict[CalendarSpec, int] = {}
        self._compiled: dict[int, BusinessCalendar | None] = {}
        self._open: dict[int, iv.Span] = {}
        self._days: dict[tuple[int, int, int], int] = {}

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
                iv.empty()
                if engine is None
                else engine.open_intervals(instant(self.lo), instant(self.hi))
            )
        return self._open[key]

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
