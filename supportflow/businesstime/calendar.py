"""Exact business-time arithmetic over a compiled calendar.

A ``CalendarSpec`` is compiled, one local year at a time and only for the years queries touch,
into sorted, merged UTC open intervals ``[S[k], E[k])`` in int64 microseconds since the Unix
epoch, with ``C[k]`` = open time up to ``E[k]``. Then for any instant ``t``::

    cum(t) = C[i-1] - max(0, E[i-1] - t)      where i = number of intervals with S <= t

``due`` finds ``cum(start) + d`` in ``C`` and ``elapsed`` is ``cum(b) - cum(a)``: two binary
searches (``bisect`` for one ticket, ``numpy.searchsorted`` for a batch), never a walk.
The intervals are plain int lists; numpy is imported only by the batch API, which makes
arrays of them on first use, so one-ticket callers (``validate``'s sweep, ``route``) never
load it.

Microseconds, because that is ``datetime``'s resolution: every aware datetime maps to an int
exactly, so there is no rounding rule to document. Open-interval bounds themselves are whole
seconds (whole minutes in practice).

Long durations: a search past the loaded years loads, in one go, as many years as the open
time seen so far says it needs, so the cost grows
linearly with the span. A deadline more than ``HORIZON_YEARS`` after the start is refused, and
when no year can hold enough open time for it (``_most_per_year``) it is refused before anything
is compiled: a calendar open one minute a week answers a 10-day duration at once.

The intervals are exact for the definition in ARCHITECTURE.md: an instant is open when its local
wall time lies inside a shift whose start date is not closed (see ``intervals.wall_to_utc``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate, pairwise
from operator import sub
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from supportflow.businesstime.holidays import public_holidays, source_problem
from supportflow.businesstime.intervals import merge, wall_to_utc
from supportflow.businesstime.spec import CalendarSpec
from supportflow.businesstime.zones import offset_segments

if TYPE_CHECKING:
    import numpy as np

US = 1_000_000
DAY = 86_400
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
ONE_US = timedelta(microseconds=1)
BARREN_YEARS = 10  # this many years in a row without open time means "never open"
BARREN_US = BARREN_YEARS * 366 * DAY * US
FIRST_YEAR, LAST_YEAR = 2, 9997
HORIZON_YEARS = 100  # a deadline further ahead than this is refused, not searched for
_FAR_PAST = -(2**62)
_BARREN_MESSAGE = f"the calendar has no open time for over {BARREN_YEARS} years"


class NoOpenTimeError(ValueError):
    """The calendar has no open time (at all, or for a whole decade), so no deadline exists."""


def _day_start(ordinal: int) -> int:
    """Seconds from the epoch to midnight of a proleptic ordinal, read as naive wall time."""
    return (ordinal - EPOCH_ORDINAL) * DAY


def _instant(value: datetime) -> int:
    """An aware datetime as epoch microseconds; naive ones are refused, never guessed."""
    if not isinstance(value, datetime):
        raise TypeError(f"expected a datetime, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"naive datetime {value.isoformat()} has no UTC offset; add one")
    return (value - EPOCH) // ONE_US


def _micros(value: timedelta) -> int:
    if not isinstance(value, timedelta):
        raise TypeError(f"expected a timedelta, got {type(value).__name__}")
    return value // ONE_US


def _batch_us(values: object, kind: str, what: str) -> np.ndarray:
    """Batch input as int64 µs: numpy datetimes or timedeltas (``kind`` M or m, any unit)
    or integer seconds (epoch seconds for starts)."""
    import numpy as np

    arr = np.asarray(values)
    if arr.dtype.kind == kind:
        if np.isnat(arr).any():
            raise ValueError(f"{what} contain NaT")
        unit = "datetime64[us]" if kind == "M" else "timedelta64[us]"
        return arr.astype(unit).astype(np.int64)
    if arr.dtype.kind in "iu":
        return arr.astype(np.int64) * US
    numpy_type = "datetime64" if kind == "M" else "timedelta64"
    raise TypeError(f"{what} must be {numpy_type} values or integer seconds")


def _out_of_reach(final: int) -> ValueError:
    """The error for a deadline past the horizon (or past the last supported year)."""
    if final < LAST_YEAR:
        return ValueError(
            f"the deadline would fall after {final},"
            f" more than {HORIZON_YEARS} years after the start"
        )
    return ValueError(f"the deadline would fall after the year {LAST_YEAR}")


class BusinessCalendar:
    """A compiled calendar answering is_open, next_open, due, elapsed, for one or many tickets.

    All results are aware datetimes in the calendar's zone (or datetime64[us] UTC for batches).
    Years are compiled lazily in both directions; a search that finds no open time for
    ``BARREN_YEARS`` raises ``NoOpenTimeError`` instead of running forever, and a deadline
    beyond ``HORIZON_YEARS`` after the start raises ``ValueError``.
    """

    def __init__(self, spec: CalendarSpec) -> None:
        self.spec = spec
        try:
            self.zone = ZoneInfo(spec.timezone)
        except (ZoneInfoNotFoundError, ValueError, TypeError):
            raise ValueError(f"unknown time zone {spec.timezone!r}") from None
        for source in spec.holidays:
            if problem := source_problem(source):
                raise ValueError(problem)
        if not spec.shifts and not any(hours for _, hours in spec.special_days):
            raise NoOpenTimeError("the calendar has no opening hours at all")
        self._shifts = tuple((s.weekday, s.start * 60, s.end * 60) for s in spec.shifts)
        # no local year holds more open time than this (µs): 53 weeks of the weekly hours,
        # every special day, and what DST overlaps repeat (each repeats at most a week's open
        # time; a dozen a year is more than any zone has); it proves a deadline out of reach
        weekly = min(sum(end - start for _, start, end in self._shifts), 7 * DAY)
        special = sum(b - a for _, hours in spec.special_days for a, b in hours) * 60
        self._most_per_year = (53 * weekly + special + min(12 * (weekly + special), DAY)) * US
        self._by_weekday: tuple[tuple[tuple[int, int], ...], ...] = tuple(
            tuple((start, end) for weekday, start, end in self._shifts if weekday == day)
            for day in range(7)
        )
        self._special = {
            day.toordinal(): tuple((a * 60, b * 60) for a, b in hours)
            for day, hours in spec.special_days
        }
        self._closed = frozenset(day.toordinal() for day in spec.closed_dates)
        self._reopened = frozenset(day.toordinal() for day in spec.open_dates)
        self._years: dict[int, tuple[list[int], list[int]]] = {}
        self._first = self._last = 0  # loaded local years, inclusive; none while _years is empty
        self._lo = self._hi = 0  # [lo, hi): µs where the loaded intervals are complete
        self._set_intervals([], [])

    # ---- compilation -------------------------------------------------------------------------

    def _compile_year(self, year: int) -> tuple[list[int], list[int]]:
        """UTC open intervals (seconds, unmerged) of the shifts starting on dates in ``year``."""
        first, last = date(year, 1, 1).toordinal(), date(year + 1, 1, 1).toordinal()
        holidays: set[int] = set()
        for source in self.spec.holidays:
            holidays |= public_holidays(source, year)
        holidays -= self._reopened
        irregular = holidays.union(self._closed, self._special)
        wall_starts: list[int] = []
        wall_ends: list[int] = []
        by_weekday = self._by_weekday
        base = _day_start(first)
        for ordinal in range(first, last):
            if ordinal not in irregular:
                for start, end in by_weekday[(ordinal + 6) % 7]:
                    wall_starts.append(base + start)
                    wall_ends.append(base + end)
            base += DAY
        for ordinal in sorted(k for k in self._special if first <= k < last):
            if ordinal not in self._closed:
                day = _day_start(ordinal)
                for a, b in self._special[ordinal]:
                    wall_starts.append(day + a)
                    wall_ends.append(day + b)
        segments = offset_segments(
            self.spec.timezone, _day_start(first) - 2 * DAY, _day_start(last) + 3 * DAY
        )
        return wall_to_utc(wall_starts, wall_ends, segments)

    def _load(self, first: int, last: int) -> None:
        """Make local years ``first..last`` (and everything between) available, then reindex."""
        if self._years:
            first, last = min(first, self._first), max(last, self._last)
        if first < FIRST_YEAR or last > LAST_YEAR:
            raise ValueError(f"business time is supported for years {FIRST_YEAR}..{LAST_YEAR}")
        for year in range(first, last + 1):
            if year not in self._years:
                self._years[year] = self._compile_year(year)
        self._first, self._last = first, last
        parts = [self._years[year] for year in range(first, last + 1)]
        starts, ends = merge((t for p in parts for t in p[0]), (t for p in parts for t in p[1]))
        self._set_intervals([t * US for t in starts], [t * US for t in ends])
        self._lo = (_day_start(date(first, 1, 1).toordinal()) + 3 * DAY) * US
        self._hi = (_day_start(date(last + 1, 1, 1).toordinal()) - 2 * DAY) * US

    def _set_intervals(self, starts: list[int], ends: list[int]) -> None:
        self._S, self._E = starts, ends
        self._C = list(accumulate(map(sub, ends, starts)))
        self._C0, self._E0 = [0, *self._C], [_FAR_PAST, *self._E]
        # interval k opens after more than BARREN_US closed (k = 0: nothing open before it)
        self._barren_list = [
            k
            for k, (start, before) in enumerate(zip(starts, self._E0[:-1], strict=True))
            if start - before > BARREN_US
        ]
        self._arrays: _Arrays | None = None
        self._business_dates: tuple[int, list[int]] | None = None

    def _numpy(self) -> _Arrays:
        """The intervals as numpy arrays, for the batch API: made once per load."""
        if self._arrays is None:
            self._arrays = _Arrays(self._S, self._E, self._C, self._barren_list)
        return self._arrays

    @staticmethod
    def _year_of(t: int) -> int:
        try:
            return (EPOCH + timedelta(microseconds=t)).year
        except OverflowError:
            raise ValueError("instant outside the supported years") from None

    def _ensure(self, lo: int, hi: int | None = None) -> None:
        """Load enough years that intervals are complete at every instant in ``[lo, hi]``."""
        hi = lo if hi is None else hi
        if self._years and self._lo <= lo and hi < self._hi:
            return
        self._load(self._year_of(lo - 4 * DAY * US), self._year_of(hi + 4 * DAY * US))

    def _extend(self, since: int, wanted: int, latest: int | None = None) -> None:
        """Load enough years forward to hold open time up to ``wanted`` (µs of cumulative open
        time), guessed from the open time per year seen so far, so a long duration costs one
        load rather than one per year.

        Refuses at once, without loading, a deadline that cannot fall within ``HORIZON_YEARS``
        of the latest start (``latest``, default ``since``): no year holds more open time than
        ``_most_per_year``. Gives up when nothing has been open for a decade after ``since``.
        """
        seen = self._C[-1] if self._C else 0
        last_open = max(since, self._E[-1]) if self._E else since
        if self._hi - last_open > BARREN_US:
            raise NoOpenTimeError(_BARREN_MESSAGE)
        final = min(LAST_YEAR, self._year_of(since if latest is None else latest) + HORIZON_YEARS)
        left = final - self._last
        if left <= 0 or wanted - seen > left * self._most_per_year:
            raise _out_of_reach(final)
        loaded = self._last - self._first + 1
        years = max(wanted - seen, 0) * loaded * 11 // (10 * seen) + 1 if seen > 0 else 1
        self._load(self._first, self._last + min(years, left))

    # ---- scalar API --------------------------------------------------------------------------

    def _cum(self, t: int) -> int:
        i = bisect_right(self._S, t)
        return self._C0[i] - max(0, self._E0[i] - t)

    def _datetime(self, t: int) -> datetime:
        return (EPOCH + timedelta(microseconds=t)).astimezone(self.zone)

    def is_open(self, t: datetime) -> bool:
        """Whether ``t`` is open; opening instants are open, closing instants are not."""
        u = _instant(t)
        self._ensure(u)
        i = bisect_right(self._S, u)
        return i > 0 and u < self._E[i - 1]

    def open_intervals(
        self, start: datetime, end: datetime
    ) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The open intervals within ``[start, end)``, clipped to it: sorted, merged epoch-µs
        ``(starts, ends)``, for interval algebra across calendars."""
        a, b = _instant(start), _instant(end)
        if b <= a:
            return (), ()
        self._ensure(a, b)
        i, j = bisect_right(self._E, a), bisect_left(self._S, b)
        if i >= j:
            return (), ()
        starts, ends = self._S[i:j], self._E[i:j]
        starts[0], ends[-1] = max(starts[0], a), min(ends[-1], b)
        return tuple(starts), tuple(ends)

    def next_open(self, t: datetime) -> datetime:
        """``t`` itself if open, else the next opening instant."""
        return self._datetime(self.next_open_us(_instant(t)))

    def next_open_us(self, u: int) -> int:
        """``next_open`` on epoch microseconds, for callers that keep instants as ints (a
        router's hot loop): no datetime is built on the way in or out."""
        if not self._lo <= u < self._hi:
            self._ensure(u)
        while True:
            i = bisect_right(self._S, u)
            if i > 0 and u < self._E[i - 1]:
                return u
            if i < len(self._S) and self._S[i] < self._hi:
                if self._S[i] - max(u, self._E0[i]) > BARREN_US:
                    raise NoOpenTimeError(_BARREN_MESSAGE)
                return self._S[i]
            self._extend(u, self._cum(u) + 1)

    def due(self, start: datetime, duration: timedelta) -> datetime:
        """Earliest instant at which ``duration`` of open time has passed since ``start``.

        A deadline that lands on a closing time is that closing time; ``due(start, 0)`` is start.
        """
        s = _instant(start)
        d = _micros(duration)
        if d < 0:
            raise ValueError("a duration cannot be negative")
        if d == 0:
            return start.astimezone(self.zone)
        return self._datetime(self.due_us(s, d))

    def due_us(self, s: int, d: int) -> int:
        """``due`` on epoch microseconds (start ``s``, duration ``d`` µs of open time), for
        callers that keep instants as ints: no datetime is built on the way in or out."""
        if d < 0:
            raise ValueError("a duration cannot be negative")
        if d == 0:
            return s
        if not self._lo <= s < self._hi:
            self._ensure(s)
        while True:
            cum = self._C
            i = bisect_right(self._S, s)
            ends_before = self._E0[i]  # _cum(s) + d, inlined
            target = self._C0[i] - (ends_before - s if ends_before > s else 0) + d
            if cum and target <= cum[-1]:
                j = bisect_left(cum, target)
                u = self._E[j] - (cum[j] - target)
                if u < self._hi:
                    if i == 0 or len(self._barren_list) > 1:  # else no barren stretch
                        self._check_reachable(s, j)  # lies after s (see there)
                    return u
            self._extend(s, target)

    def _check_reachable(self, s: int, j: int) -> None:
        """Refuse answers that lie beyond a decade of closed time, whatever years are loaded."""
        barren = self._barren_list
        if len(barren) == 1:
            # only interval 0 follows a barren stretch, so only a start before it can wait
            # too long: O(1), for the router's hot loop (``S[0] <= s`` whenever i > 0)
            if self._S[0] - s > BARREN_US:
                raise NoOpenTimeError(_BARREN_MESSAGE)
            return
        i = bisect_right(self._S, s)
        if barren and bisect_right(barren, j) > bisect_right(barren, i):
            raise NoOpenTimeError(_BARREN_MESSAGE)
        if i <= j and self._S[i] - max(s, self._E0[i]) > BARREN_US:
            raise NoOpenTimeError(_BARREN_MESSAGE)

    def elapsed(self, a: datetime, b: datetime) -> timedelta:
        """Open time between two instants (negative when ``b`` is before ``a``)."""
        ua, ub = _instant(a), _instant(b)
        self._ensure(min(ua, ub), max(ua, ub))
        return timedelta(microseconds=self._cum(ub) - self._cum(ua))

    def add_business_days(self, start: datetime, days: int) -> datetime:
        """``days`` business days after ``start``, by the spec's declared business-day meaning.

        With ``hours``: ``due(start, days * hours)``. With ``same_time_next_day``: the clock
        starts at ``next_open(start)``; take its local clock time on the ``days``-th following
        business day (a local date with any open time). A clock time missing that day (DST gap)
        is read with the earlier offset, i.e. pushed forward by the gap; a repeated one is its
        first occurrence. If that instant is closed, the result is the next opening on that
        same day, or else that day's last closing time (the deadline never leaves the day).
        """
        s = _instant(start)
        if days == 0:
            return start.astimezone(self.zone)
        return self._datetime(self.add_business_days_us(s, days))

    def add_business_days_us(self, s: int, days: int) -> int:
        """``add_business_days`` on epoch microseconds (start ``s``), for callers that keep
        instants as ints; datetimes are built only to read clock times and local dates."""
        if days < 0:
            raise ValueError("business days cannot be negative")
        if days == 0:
            return s
        rule = self.spec.business_day
        if rule.hours is not None:
            return self.due_us(s, rule.hours // ONE_US * days)
        clock = self._datetime(self.next_open_us(s))
        day = clock.date()
        final = min(LAST_YEAR, day.year + HORIZON_YEARS)
        found = self._nth_business_date(day.toordinal(), days)
        if found is None:  # not in the loaded years: load the likely span in one go, then
            # ask again (a week holds this many days with shifts)
            per_week = len({weekday for weekday, _, _ in self._shifts}) or 1
            ahead = min(days * 7 // per_week * 11 // 10 + 31, (date(final, 12, 31) - day).days)
            self._has_open_time(day + timedelta(days=max(ahead, 0)))
            found = self._nth_business_date(day.toordinal(), days)
        if found is not None and found.year <= final:
            day, counted = found, days
        else:  # beyond the loaded years, or too far: count day by day, refusing as it goes
            counted = idle = 0
        while counted < days:
            day += timedelta(days=1)
            if day.year > final:
                raise _out_of_reach(final)
            if self._has_open_time(day):
                counted, idle = counted + 1, 0
            else:
                idle += 1
                if idle > 366 * BARREN_YEARS:
                    raise NoOpenTimeError(f"no business day for over {BARREN_YEARS} years")
        candidate = _instant(datetime.combine(day, clock.time(), tzinfo=self.zone))
        following = self.next_open_us(candidate)  # the candidate itself when it is open
        if following == candidate or self._datetime(following).date() == day:
            return following
        return self._E[bisect_right(self._S, candidate) - 1]

    def _nth_business_date(self, after: int, days: int) -> date | None:
        """The ``days``-th business day after date ordinal ``after``, from the loaded years'
        index; None when the answer is not inside them, or lies so far ahead that the
        day-by-day count must decide whether the calendar is barren."""
        index = self._business_dates
        if index is None:
            index = self._business_dates = self._index_business_dates()
        first, ordinals = index
        if after + 1 < first:
            return None
        k = bisect_right(ordinals, after) + days - 1
        if k >= len(ordinals) or ordinals[k] - after > 366 * BARREN_YEARS:
            return None
        return date.fromordinal(ordinals[k])

    def _index_business_dates(self) -> tuple[int, list[int]]:
        """``(first, ordinals)``: the first date whose whole local day is loaded, and the
        loaded dates from it on with open time, as ``_has_open_time`` decides (built once
        per load, so counting business days is a bisect rather than a walk)."""
        if not self._years:
            return 0, []
        first = date(self._first, 1, 1).toordinal()
        last = date(self._last + 1, 1, 1).toordinal()
        zone = self.zone
        midnights = [
            _instant(datetime.combine(date.fromordinal(o), time(), tzinfo=zone))
            for o in range(first, last + 1)
        ]
        lo, hi = self._lo, self._hi
        kept = [
            (first + k, self._cum(b) > self._cum(a))
            for k, (a, b) in enumerate(pairwise(midnights))
            if lo <= a and b < hi
        ]
        if not kept:
            return 0, []
        return kept[0][0], [o for o, is_open in kept if is_open]

    def _has_open_time(self, day: date) -> bool:
        a = _instant(datetime.combine(day, time(), tzinfo=self.zone))
        b = _instant(datetime.combine(day + timedelta(days=1), time(), tzinfo=self.zone))
        self._ensure(a, b)
        return self._cum(b) > self._cum(a)

    def _check_reachable_many(
        self, s: np.ndarray, i: np.ndarray, j: np.ndarray, counted: np.ndarray
    ) -> None:
        import numpy as np

        arrays = self._numpy()
        barren = arrays.barren
        crosses = np.searchsorted(barren, j, "right") > np.searchsorted(barren, i, "right")
        first = np.minimum(i, j)
        wait = arrays.starts[first] - np.maximum(s, arrays.ends0[first])
        if (counted & (crosses | ((i <= j) & (wait > BARREN_US)))).any():
            raise NoOpenTimeError(_BARREN_MESSAGE)

    # ---- batch API ---------------------------------------------------------------------------

    def due_many(self, starts: object, durations: object) -> np.ndarray:
        """``due`` for many tickets at once; returns ``datetime64[us]`` UTC.

        ``starts``: datetime64 (any unit, UTC) or integer epoch seconds; ``durations``:
        timedelta64 or integer seconds; either may be a scalar that broadcasts.
        """
        import numpy as np

        s, d = np.broadcast_arrays(
            _batch_us(starts, "M", "starts"), _batch_us(durations, "m", "durations")
        )
        if (d < 0).any():
            raise ValueError("a duration cannot be negative")
        if s.size == 0:
            return np.empty(s.shape, "datetime64[us]")
        self._ensure(int(s.min()), int(s.max()))
        while True:
            arrays = self._numpy()
            starts_, ends, cum = arrays.starts, arrays.ends, arrays.cum
            cum0, ends0 = arrays.cum0, arrays.ends0
            i = np.searchsorted(starts_, s, side="right")
            target = cum0[i] - np.maximum(ends0[i] - s, 0) + d
            if cum.size and target.max() <= cum[-1]:
                j = np.searchsorted(cum, target, side="left")
                due = np.where(d == 0, s, ends[j] - (cum[j] - target))
                if due.max() < self._hi:
                    self._check_reachable_many(s, i, j, d > 0)
                    return due.astype("datetime64[us]")
            self._extend(int(s.min()), int(target.max()), int(s.max()))


class _Arrays:
    """A calendar's intervals as int64 arrays (what ``due_many`` searches), with the
    cumulative open time and the barren-stretch indexes beside them."""

    def __init__(
        self, starts: list[int], ends: list[int], cum: list[int], barren: list[int]
    ) -> None:
        import numpy as np

        self.starts = np.array(starts, np.int64)
        self.ends = np.array(ends, np.int64)
        self.cum = np.array(cum, np.int64)
        self.cum0 = np.array([0, *cum], np.int64)
        self.ends0 = np.array([_FAR_PAST, *ends], np.int64)
        self.barren = np.array(barren, np.int64)
