"""Named business-time cases: DST, boundaries, holidays, odd weeks, both business-day meanings."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from businesstime_oracle import Oracle

from supportflow.businesstime import BusinessCalendar, NoOpenTimeError
from supportflow.businesstime.spec import BusinessDay, CalendarSpec, HolidaySource, Shift
from supportflow.shortforms import parse_hours

H = timedelta(hours=1)
M = timedelta(minutes=1)
STO = ZoneInfo("Europe/Stockholm")


def calendar(zone: str, hours: str, **fields: object) -> BusinessCalendar:
    return BusinessCalendar(CalendarSpec(zone, parse_hours(hours), **fields))  # type: ignore[arg-type]


def at(zone: str, *parts: int, fold: int = 0) -> datetime:
    return datetime(*parts, tzinfo=ZoneInfo(zone), fold=fold)  # type: ignore[misc]


def utc(value: datetime) -> datetime:
    """Compare in UTC: PEP 495 makes repeated-hour datetimes unequal across zones."""
    return value.astimezone(UTC)


# ---- DST inside open hours ---------------------------------------------------------------------

DST_CASES = [
    # zone, shift on that Sunday, day, expected open time
    ("Europe/Stockholm", "sun 01:00-05:00", date(2026, 3, 29), 3 * H),
    ("Europe/Stockholm", "sun 01:00-05:00", date(2026, 10, 25), 5 * H),
    ("America/New_York", "sun 00:30-04:00", date(2026, 3, 8), 2 * H + 30 * M),
    ("America/New_York", "sun 00:30-04:00", date(2026, 11, 1), 4 * H + 30 * M),
    ("Australia/Lord_Howe", "sun 01:00-03:00", date(2026, 10, 4), 90 * M),
    ("Australia/Lord_Howe", "sun 01:00-03:00", date(2026, 4, 5), 150 * M),
]


@pytest.mark.parametrize(("zone", "hours", "day", "expected"), DST_CASES)
def test_dst_gap_shortens_and_overlap_lengthens_a_shift(
    zone: str, hours: str, day: date, expected: timedelta
) -> None:
    cal = calendar(zone, hours)
    midnight = at(zone, day.year, day.month, day.day)
    end = midnight + timedelta(days=1)
    assert cal.elapsed(midnight, end) == expected
    start = cal.next_open(midnight)
    assert utc(cal.due(start, expected)) == utc(Oracle(cal.spec).due(start, expected // M))


def test_shift_starting_inside_a_gap_opens_when_the_clock_reappears() -> None:
    cal = calendar("Europe/Stockholm", "sun 02:00-03:30")
    opening = cal.next_open(at("Europe/Stockholm", 2026, 3, 29))
    assert utc(opening) == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)  # local 03:00
    assert cal.elapsed(opening, opening + 2 * H) == 30 * M


def test_both_passes_of_a_repeated_hour_count() -> None:
    cal = calendar("Europe/Stockholm", "sun 02:00-03:00")
    day = at("Europe/Stockholm", 2026, 10, 25)
    assert cal.elapsed(day, day + timedelta(days=1)) == 2 * H
    first, second = (
        at("Europe/Stockholm", 2026, 10, 25, 2, 30, fold=0),
        at("Europe/Stockholm", 2026, 10, 25, 2, 30, fold=1),
    )
    assert cal.is_open(first) and cal.is_open(second)
    assert utc(cal.due(first, 30 * M)) == datetime(2026, 10, 25, 1, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("day", "expected"), [(date(2026, 3, 28), 7 * H), (date(2026, 10, 24), 9 * H)]
)
def test_overnight_shift_across_a_dst_change(day: date, expected: timedelta) -> None:
    cal = calendar("Europe/Stockholm", "sat 22:00-06:00")
    evening = at("Europe/Stockholm", day.year, day.month, day.day, 12)
    assert cal.elapsed(evening, evening + timedelta(days=1)) == expected


# ---- boundaries --------------------------------------------------------------------------------


def test_opening_instant_is_open_and_closing_instant_is_not() -> None:
    cal = calendar("Europe/Stockholm", "mon-fri 08:00-17:00")
    assert cal.is_open(at("Europe/Stockholm", 2026, 11, 20, 8))
    assert not cal.is_open(at("Europe/Stockholm", 2026, 11, 20, 7, 59, 59))
    assert cal.is_open(at("Europe/Stockholm", 2026, 11, 20, 16, 59, 59))
    assert not cal.is_open(at("Europe/Stockholm", 2026, 11, 20, 17))
    assert cal.next_open(at("Europe/Stockholm", 2026, 11, 20, 17)) == at(
        "Europe/Stockholm", 2026, 11, 23, 8
    )


def test_deadline_on_a_closing_time_is_that_closing_time() -> None:
    cal = calendar("Europe/Stockholm", "mon-fri 08:00-17:00")
    friday = at("Europe/Stockholm", 2026, 11, 20, 16)
    assert cal.due(friday, H) == at("Europe/Stockholm", 2026, 11, 20, 17)
    assert cal.due(friday, H + timedelta(seconds=1)) == at(
        "Europe/Stockholm", 2026, 11, 23, 8, 0, 1
    )


def test_zero_duration_is_the_start_even_when_closed() -> None:
    cal = calendar("Europe/Stockholm", "mon-fri 08:00-17:00")
    sunday = at("Europe/Stockholm", 2026, 11, 22, 3, 4, 5)
    assert cal.due(sunday, timedelta(0)) == sunday
    assert cal.due_many(np.array([0]), np.array([0])).tolist() == [datetime(1970, 1, 1)]


def test_start_with_seconds_and_microseconds_is_exact() -> None:
    cal = calendar("UTC", "mon-fri 08:00-17:00")
    start = datetime(2026, 11, 20, 16, 59, 59, 250_000, tzinfo=UTC)
    assert cal.due(start, timedelta(seconds=1)) == datetime(
        2026, 11, 23, 8, 0, 0, 250_000, tzinfo=UTC
    )


# ---- holidays and closed dates -----------------------------------------------------------------


def test_holidays_on_weekends_consecutive_and_across_new_year() -> None:
    cal = calendar("Europe/Stockholm", "daily 09:00-17:00", holidays=(HolidaySource("SE"),))
    # 24 Dec is not a public holiday; 25 Dec (Fri) and 26 Dec (Sat) are; 27 Dec is a plain Sunday
    assert cal.due(at("Europe/Stockholm", 2026, 12, 24, 16), 2 * H) == at(
        "Europe/Stockholm", 2026, 12, 27, 10
    )
    # 1 Jan 2027 is closed, so the year boundary is crossed into 2 Jan
    assert cal.due(at("Europe/Stockholm", 2026, 12, 31, 16), 2 * H) == at(
        "Europe/Stockholm", 2027, 1, 2, 10
    )
    assert cal.elapsed(
        at("Europe/Stockholm", 2026, 12, 24), at("Europe/Stockholm", 2027, 1, 3)
    ) == (8 * H * 7)


def test_se_holidays_do_not_count_every_sunday() -> None:
    cal = calendar("Europe/Stockholm", "daily 09:00-17:00", holidays=(HolidaySource("SE"),))
    assert cal.is_open(at("Europe/Stockholm", 2026, 11, 22, 12))  # an ordinary Sunday
    assert not cal.is_open(at("Europe/Stockholm", 2026, 4, 5, 12))  # Easter Sunday is public


def test_sa_estimated_holiday_can_be_overridden_both_ways() -> None:
    eid = at("Asia/Riyadh", 2026, 3, 19, 12)  # estimated Eid al-Fitr holiday, a Thursday
    base = calendar("Asia/Riyadh", "sun-thu 09:00-18:00", holidays=(HolidaySource("SA"),))
    assert not base.is_open(eid)
    reopened = calendar(
        "Asia/Riyadh",
        "sun-thu 09:00-18:00",
        holidays=(HolidaySource("SA"),),
        open_dates=frozenset({date(2026, 3, 19)}),
        closed_dates=frozenset({date(2026, 3, 18)}),
    )
    assert reopened.is_open(eid)
    assert not reopened.is_open(at("Asia/Riyadh", 2026, 3, 18, 12))


def test_riyadh_sunday_to_thursday_week() -> None:
    cal = calendar("Asia/Riyadh", "sun-thu 09:00-18:00")
    thursday = at("Asia/Riyadh", 2026, 11, 19, 17)
    assert cal.due(thursday, 2 * H) == at("Asia/Riyadh", 2026, 11, 22, 10)


def test_24_7_and_24_7_with_closed_dates() -> None:
    always = calendar("Europe/Stockholm", "24/7")
    start = at("Europe/Stockholm", 2026, 3, 28, 23)
    assert utc(always.due(start, 5 * H)) == utc(start) + 5 * H  # real time, across the DST gap
    closed = calendar("Europe/Stockholm", "24/7", closed_dates=frozenset({date(2026, 12, 25)}))
    eve = at("Europe/Stockholm", 2026, 12, 24, 23)
    assert closed.due(eve, 2 * H) == at("Europe/Stockholm", 2026, 12, 26, 1)


def test_special_day_replaces_the_weekly_hours() -> None:
    cal = calendar(
        "Europe/Stockholm",
        "mon-fri 08:00-17:00",
        special_days=((date(2026, 12, 23), ((8 * 60, 12 * 60),)),),
    )
    assert cal.due(at("Europe/Stockholm", 2026, 12, 23, 11), 2 * H) == at(
        "Europe/Stockholm", 2026, 12, 24, 9
    )


def test_a_leap_day_counts_like_any_other() -> None:
    cal = calendar("UTC", "mon-fri 09:00-17:00")
    assert cal.due(at("UTC", 2028, 2, 28, 16), 2 * H) == at("UTC", 2028, 2, 29, 10)
    closed = calendar("UTC", "mon-fri 09:00-17:00", closed_dates=frozenset({date(2028, 2, 29)}))
    assert closed.due(at("UTC", 2028, 2, 28, 16), 2 * H) == at("UTC", 2028, 3, 1, 10)


def test_dates_far_ahead() -> None:
    cal = calendar("Europe/Stockholm", "mon-fri 08:00-17:00", holidays=(HolidaySource("SE"),))
    # 2040-12-24 is a Monday; 25 and 26 Dec are holidays
    assert cal.due(at("Europe/Stockholm", 2040, 12, 24, 16), 2 * H) == at(
        "Europe/Stockholm", 2040, 12, 27, 9
    )
    start = at("Europe/Stockholm", 2026, 1, 2, 8)
    assert cal.elapsed(start, cal.due(start, 9000 * H)) == 9000 * H


# ---- no open time ------------------------------------------------------------------------------


def test_calendar_without_shifts_is_an_error() -> None:
    with pytest.raises(NoOpenTimeError):
        BusinessCalendar(CalendarSpec("UTC", ()))


def test_calendar_closed_for_a_decade_gives_up() -> None:
    mondays = frozenset(date(2026, 1, 5) + timedelta(weeks=k) for k in range(52 * 13))
    cal = calendar("UTC", "mon 08:00-09:00", closed_dates=mondays)
    start = at("UTC", 2026, 1, 1)
    for attempt in (lambda: cal.due(start, H), lambda: cal.next_open(start)):
        with pytest.raises(NoOpenTimeError):
            attempt()
    with pytest.raises(NoOpenTimeError):
        cal.due_many(np.array([1767225600]), np.array([3600]))  # 2026-01-01


# ---- zones, inputs -----------------------------------------------------------------------------


def test_same_ticket_seen_from_calendars_in_different_zones() -> None:
    ticket = datetime(2026, 11, 20, 15, 55, tzinfo=UTC)
    stockholm = calendar("Europe/Stockholm", "mon-fri 08:00-17:00")
    new_york = calendar("America/New_York", "mon-fri 08:00-17:00")
    assert stockholm.due(ticket, 4 * H) == at("Europe/Stockholm", 2026, 11, 23, 11, 55)
    assert new_york.due(ticket, 4 * H) == at("America/New_York", 2026, 11, 20, 14, 55)
    same_instant = ticket.astimezone(ZoneInfo("Asia/Kathmandu"))
    assert stockholm.due(same_instant, 4 * H) == stockholm.due(ticket, 4 * H)
    assert stockholm.due(ticket, 4 * H).tzinfo is STO


def test_naive_datetimes_and_negative_durations_are_rejected() -> None:
    cal = calendar("UTC", "24/7")
    with pytest.raises(ValueError, match="naive"):
        cal.due(datetime(2026, 1, 1), H)
    with pytest.raises(ValueError, match="naive"):
        cal.is_open(datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="negative"):
        cal.due(at("UTC", 2026, 1, 1), -H)
    with pytest.raises(ValueError, match="negative"):
        cal.due_many(np.array([0]), np.array([-1]))


def test_unknown_zone_and_holiday_country_are_value_errors() -> None:
    with pytest.raises(ValueError, match="time zone"):
        calendar("Mars/Olympus", "24/7")
    with pytest.raises(ValueError, match="XX"):
        calendar("UTC", "24/7", holidays=(HolidaySource("XX"),))


def test_elapsed_is_signed() -> None:
    cal = calendar("UTC", "mon-fri 09:00-17:00")
    a, b = at("UTC", 2026, 11, 20, 16), at("UTC", 2026, 11, 23, 10)
    assert cal.elapsed(a, b) == 2 * H
    assert cal.elapsed(b, a) == -2 * H


def test_batch_accepts_seconds_datetime64_and_broadcasts() -> None:
    cal = calendar("UTC", "mon-fri 09:00-17:00")
    starts = np.array(["2026-11-20T16:00:00", "2026-11-23T08:00:00"], dtype="datetime64[s]")
    got = cal.due_many(starts, np.timedelta64(2, "h"))
    assert got.dtype == np.dtype("datetime64[us]")
    assert got.astype("datetime64[s]").astype(str).tolist() == [
        "2026-11-23T10:00:00",
        "2026-11-23T11:00:00",
    ]
    epoch = starts.astype(np.int64)
    assert (cal.due_many(epoch, 7200) == got).all()


# ---- what "1 business day" means --------------------------------------------------------------


def test_friday_1655_stockholm_p3_is_due_on_monday() -> None:
    friday = at("Europe/Stockholm", 2026, 11, 20, 16, 55)
    hours = calendar("Europe/Stockholm", "mon-fri 08:00-17:00", holidays=(HolidaySource("SE"),))
    assert hours.add_business_days(friday, 1) == at("Europe/Stockholm", 2026, 11, 23, 15, 55)
    same_time = BusinessCalendar(
        CalendarSpec(
            "Europe/Stockholm",
            parse_hours("mon-fri 08:00-17:00"),
            holidays=(HolidaySource("SE"),),
            business_day=BusinessDay(same_time_next_day=True),
        )
    )
    assert same_time.add_business_days(friday, 1) == at("Europe/Stockholm", 2026, 11, 23, 16, 55)


def _same_time(hours: str, **fields: object) -> BusinessCalendar:
    spec = CalendarSpec(
        "Europe/Stockholm",
        parse_hours(hours),
        business_day=BusinessDay(same_time_next_day=True),
        **fields,  # type: ignore[arg-type]
    )
    return BusinessCalendar(spec)


def test_same_time_counts_business_days_and_skips_holidays() -> None:
    cal = _same_time("mon-fri 08:00-17:00", holidays=(HolidaySource("SE"),))
    start = at("Europe/Stockholm", 2026, 12, 23, 10)
    assert cal.add_business_days(start, 1) == at("Europe/Stockholm", 2026, 12, 24, 10)
    assert cal.add_business_days(start, 2) == at("Europe/Stockholm", 2026, 12, 28, 10)
    assert cal.add_business_days(start, 0) == start


def test_same_time_counts_from_the_next_opening_when_closed() -> None:
    cal = _same_time("mon-fri 08:00-17:00")
    saturday = at("Europe/Stockholm", 2026, 11, 21, 11)
    assert cal.add_business_days(saturday, 1) == at("Europe/Stockholm", 2026, 11, 24, 8)


def test_same_time_snaps_to_the_opening_or_clips_to_the_close_of_that_day() -> None:
    special = ((date(2026, 11, 24), ((10 * 60, 12 * 60),)),)
    cal = _same_time("mon-fri 08:00-17:00", special_days=special)
    early = at("Europe/Stockholm", 2026, 11, 23, 9)
    late = at("Europe/Stockholm", 2026, 11, 23, 16)
    assert cal.add_business_days(early, 1) == at("Europe/Stockholm", 2026, 11, 24, 10)
    assert cal.add_business_days(late, 1) == at("Europe/Stockholm", 2026, 11, 24, 12)


def test_same_time_in_a_dst_gap_is_the_instant_after_it_in_the_zones_own_offset() -> None:
    """02:30 does not exist in Stockholm on 2027-03-28: read with the earlier offset it is
    03:30 summer time, and the answer says so (not 02:30+01:00, a wall time no clock shows)."""
    cal = _same_time("mon-sun 02:30-10:00")
    due = cal.add_business_days(at("Europe/Stockholm", 2027, 3, 27, 2, 30), 1)
    assert due.isoformat() == "2027-03-28T03:30:00+02:00"
    assert cal.add_business_days_us(int(due.timestamp()) * 10**6, 0) == due.timestamp() * 10**6


def test_hours_meaning_is_business_hours() -> None:
    spec = CalendarSpec(
        "UTC", parse_hours("mon-fri 09:00-17:00"), business_day=BusinessDay(hours=4 * H)
    )
    cal = BusinessCalendar(spec)
    assert cal.add_business_days(at("UTC", 2026, 11, 20, 15), 2) == at("UTC", 2026, 11, 23, 15)


def test_shift_values_are_validated() -> None:
    with pytest.raises(ValueError):
        Shift(0, 600, 600)
    with pytest.raises(ValueError):
        BusinessDay()


def test_microsecond_methods_agree_with_the_datetime_ones() -> None:
    """``due_us`` and ``next_open_us`` are ``due`` and ``next_open`` on epoch µs, exactly,
    across a DST change, overnight shifts, a holiday and odd microseconds."""
    cal = calendar(
        "Europe/Madrid",
        "mon-fri 22:00-06:00; sat 10:00-12:30",
        closed_dates=frozenset({date(2027, 3, 29)}),
    )
    epoch = datetime(1970, 1, 1, tzinfo=UTC)

    def micros(value: datetime) -> int:
        return (value - epoch) // timedelta(microseconds=1)

    start = datetime(2027, 3, 20, tzinfo=UTC)
    for step in range(0, 14 * 24 * 60, 37):
        t = start + timedelta(minutes=step, microseconds=step % 7)
        assert cal.next_open_us(micros(t)) == micros(cal.next_open(t))
        for minutes in (0, 1, 45, 8 * 60, 3 * 8 * 60 + 7):
            d = timedelta(minutes=minutes)
            assert cal.due_us(micros(t), micros(epoch + d)) == micros(cal.due(t, d))
    with pytest.raises(ValueError, match="negative"):
        cal.due_us(micros(start), -1)
