"""Both business-time APIs (scalar and batch) against the minute-by-minute oracle.

Random calendars in zones with odd DST (Lord Howe's 30 minutes, Kathmandu's +05:45, none in
Riyadh), overnight and split shifts, closed and special dates, holidays, occasional 24/7; starts
biased toward DST transitions and shift boundaries.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
from businesstime_oracle import Oracle, OracleLimitError, transitions
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from supportflow.businesstime import BusinessCalendar
from supportflow.businesstime.spec import BusinessDay, CalendarSpec, HolidaySource, Shift
from supportflow.frozen import replace

ZONES = (
    "Europe/Stockholm",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Riyadh",
    "Europe/Helsinki",
    "UTC",
    "Asia/Kathmandu",
)
HOLIDAY_SOURCES = (HolidaySource("SE"), HolidaySource("FI"), HolidaySource("US", "NY"))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def shifts(draw: st.DrawFn) -> tuple[Shift, ...]:
    if draw(st.integers(0, 9)) == 0:
        return tuple(Shift(day, 0, 1440) for day in range(7))
    early = st.integers(0, 5 * 4).map(lambda q: q * 15)  # 00:00-05:00, where DST happens
    any_time = st.integers(0, 95).map(lambda q: q * 15)
    items = draw(
        st.lists(
            st.tuples(
                st.integers(0, 6),
                st.one_of(early, any_time),
                st.integers(1, 96).map(lambda q: q * 15),
            ),
            min_size=1,
            max_size=9,
        )
    )
    return tuple(sorted(Shift(day, start, start + length) for day, start, length in items))


@st.composite
def starts(draw: st.DrawFn, zone: str) -> datetime:
    kind = draw(st.integers(0, 2))
    moments = transitions(zone, 2020, 2030)
    if kind == 0 and moments:
        base = draw(st.sampled_from(moments))
        return base + timedelta(minutes=draw(st.integers(-3 * 1440, 3 * 1440)))
    if kind == 1:
        day = date(2021, 1, 1) + timedelta(days=draw(st.integers(0, 4000)))
        minute = draw(st.integers(0, 24 * 4)) * 15
        local = datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(zone))
        local += timedelta(minutes=minute)
        return local.replace(fold=draw(st.integers(0, 1))).astimezone(UTC)
    minute = draw(st.integers(0, 20 * 366 * 1440))
    return datetime(2020, 1, 1, tzinfo=UTC) + timedelta(minutes=minute)


@st.composite
def cases(draw: st.DrawFn) -> tuple[CalendarSpec, datetime, int]:
    zone = draw(st.sampled_from(ZONES))
    start = draw(starts(zone)).replace(second=0, microsecond=0)
    local_day = start.astimezone(ZoneInfo(zone)).date()
    near = st.integers(-3, 12).map(lambda k: local_day + timedelta(days=k))
    special_hours = st.lists(
        st.tuples(st.integers(0, 95), st.integers(1, 40)).map(
            lambda p: (p[0] * 15, p[0] * 15 + p[1] * 15)
        ),
        max_size=2,
    ).map(lambda items: tuple(sorted(items)))
    spec = CalendarSpec(
        timezone=zone,
        shifts=draw(shifts()),
        holidays=tuple(draw(st.lists(st.sampled_from(HOLIDAY_SOURCES), max_size=1))),
        closed_dates=frozenset(draw(st.lists(near, max_size=3))),
        open_dates=frozenset(draw(st.lists(near, max_size=1))),
        special_days=tuple(
            sorted(dict(draw(st.lists(st.tuples(near, special_hours), max_size=2))).items())
        ),
    )
    minutes = draw(st.one_of(st.integers(0, 90), st.integers(0, 16 * 60)))
    return spec, start, minutes


def _np_utc(t: datetime) -> np.datetime64:
    return np.datetime64(t.astimezone(UTC).replace(tzinfo=None), "us")


@SETTINGS
@given(cases())
def test_due_matches_oracle_in_both_apis(case: tuple[CalendarSpec, datetime, int]) -> None:
    spec, start, minutes = case
    oracle = Oracle(spec)
    try:
        expected = oracle.due(start, minutes, limit_days=60)
    except OracleLimitError:
        assume(False)
    calendar = BusinessCalendar(spec)
    got = calendar.due(start, timedelta(minutes=minutes))
    # compare in UTC: PEP 495 makes an aware datetime in a repeated hour unequal to any other zone
    assert got.astimezone(UTC) == expected
    assert got.tzinfo is calendar.zone
    batch = calendar.due_many(np.array([_np_utc(start)] * 2), np.array([minutes * 60] * 2))
    assert batch.tolist() == [expected.replace(tzinfo=None)] * 2
    assert calendar.elapsed(start, got) == timedelta(minutes=minutes)


@SETTINGS
@given(cases())
def test_open_next_open_and_elapsed_match_oracle(case: tuple[CalendarSpec, datetime, int]) -> None:
    spec, start, minutes = case
    oracle = Oracle(spec)
    calendar = BusinessCalendar(spec)
    assert calendar.is_open(start) == oracle.is_open(start)
    try:
        expected_next = oracle.next_open(start, limit_days=60)
    except OracleLimitError:
        expected_next = None
    if expected_next is not None:
        assert calendar.next_open(start).astimezone(UTC) == expected_next
    end = start + timedelta(minutes=minutes * 3)
    assert calendar.elapsed(start, end) == timedelta(minutes=oracle.elapsed_minutes(start, end))
    assert calendar.elapsed(end, start) == -calendar.elapsed(start, end)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.integers(1, 6))
def test_same_time_next_business_day_matches_oracle(
    case: tuple[CalendarSpec, datetime, int], days: int
) -> None:
    """Both ways of counting business days (the loaded years' index, and the day-by-day
    walk used beyond it) agree with the walked definition."""
    spec, start, _ = case
    spec = replace(spec, business_day=BusinessDay(same_time_next_day=True))
    try:
        expected = Oracle(spec).add_business_days(start, days, limit_days=40)
    except OracleLimitError:
        assume(False)
    indexed = BusinessCalendar(spec)
    assert indexed.add_business_days(start, days).astimezone(UTC) == expected
    walked = BusinessCalendar(spec)
    walked._nth_business_date = lambda after, days: None  # type: ignore[method-assign]
    assert walked.add_business_days(start, days).astimezone(UTC) == expected


@settings(max_examples=25, deadline=None)
@given(cases(), st.lists(st.integers(0, 400), min_size=1, max_size=20))
def test_batch_equals_scalar_for_many_starts(
    case: tuple[CalendarSpec, datetime, int], offsets: list[int]
) -> None:
    spec, start, minutes = case
    calendar = BusinessCalendar(spec)
    ticket_starts = [start + timedelta(minutes=k * 37) for k in offsets]
    durations = [timedelta(minutes=(minutes * k) % 1000) for k in offsets]
    batch = calendar.due_many(
        np.array([_np_utc(t) for t in ticket_starts]),
        np.array(durations, dtype="timedelta64[us]"),
    )
    scalar = [calendar.due(t, d) for t, d in zip(ticket_starts, durations, strict=True)]
    assert batch.tolist() == [s.astimezone(UTC).replace(tzinfo=None) for s in scalar]
