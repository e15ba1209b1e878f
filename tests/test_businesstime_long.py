"""Long durations: loaded in bulk, still exact, and refused at once beyond the 100-year horizon.

The engine guesses how many years a long duration needs from the open time seen so far and
loads them in one go; these cases check that the answer is the one a calendar that already
holds every year gives, and that a deadline out of reach is refused without a search.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from supportflow.businesstime import BusinessCalendar, NoOpenTimeError
from supportflow.businesstime.calendar import HORIZON_YEARS
from supportflow.businesstime.spec import CalendarSpec, HolidaySource
from supportflow.shortforms import parse_hours

START = datetime(2026, 11, 20, 15, 55, tzinfo=UTC)


def calendar(zone: str, hours: str, *holidays: str) -> BusinessCalendar:
    spec = CalendarSpec(zone, parse_hours(hours), tuple(HolidaySource(h) for h in holidays))
    return BusinessCalendar(spec)


def test_a_century_on_a_24_7_calendar_is_a_century() -> None:
    cal = calendar("UTC", "24/7")
    assert cal.due(START, timedelta(days=36525)) == START + timedelta(days=36525)


@pytest.mark.parametrize("hours", [1000, 20_000, 150_000])
def test_bulk_loading_gives_the_answer_of_a_fully_loaded_calendar(hours: int) -> None:
    fresh = calendar("Europe/Stockholm", "mon-fri 08:00-17:00", "SE")
    loaded = calendar("Europe/Stockholm", "mon-fri 08:00-17:00", "SE")
    loaded.elapsed(START, datetime(2126, 1, 1, tzinfo=UTC))  # every year, loaded up front
    due = fresh.due(START, timedelta(hours=hours))
    assert due == loaded.due(START, timedelta(hours=hours))
    assert fresh.elapsed(START, due) == timedelta(hours=hours)


def test_one_minute_a_week_counts_every_monday() -> None:
    cal = calendar("Europe/Stockholm", "mon 10:00-10:01")
    due = cal.due(START, timedelta(days=1))  # 1440 minutes: the 1440th Monday from 23 Nov 2026
    first_monday = datetime(2026, 11, 23, 10, 1, tzinfo=ZoneInfo("Europe/Stockholm"))
    assert due == first_monday + timedelta(weeks=1439)


@pytest.mark.parametrize(
    ("hours", "duration"),
    [("mon 10:00-10:01", timedelta(days=100)), ("mon-fri 08:00-17:00", timedelta(days=36525))],
)
def test_deadlines_beyond_the_horizon_are_refused_before_any_search(
    hours: str, duration: timedelta
) -> None:
    cal = calendar("Europe/Stockholm", hours)
    with pytest.raises(ValueError, match=f"more than {HORIZON_YEARS} years after the start"):
        cal.due(START, duration)
    assert cal._last - cal._first < 2  # refused from the bound alone: nothing else was loaded


def test_batch_long_durations_match_the_scalar_answers() -> None:
    cal = calendar("America/New_York", "mon-fri 09:00-17:00", "US")
    starts = np.array([START.timestamp(), START.timestamp() + 86400 * 400], np.int64)
    durations = np.array([3600 * 8 * 2000, 3600 * 8 * 9000], np.int64)
    batch = cal.due_many(starts, durations).tolist()
    scalar = [
        cal.due(datetime.fromtimestamp(int(s), UTC), timedelta(seconds=int(d)))
        for s, d in zip(starts, durations, strict=True)
    ]
    assert batch == [value.astimezone(UTC).replace(tzinfo=None) for value in scalar]


def test_a_decade_closed_still_gives_up_with_bulk_loading() -> None:
    cal = BusinessCalendar(
        CalendarSpec(
            "UTC",
            (),
            special_days=((datetime(2026, 12, 1).date(), ((600, 660),)),),
        )
    )
    assert cal.due(START, timedelta(minutes=30)) == datetime(2026, 12, 1, 10, 30, tzinfo=UTC)
    with pytest.raises(NoOpenTimeError):
        cal.due(START, timedelta(hours=2))
