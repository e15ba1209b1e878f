"""The heatmap's week: shifts painted as slot bits, moved between zones as zoneinfo says,
checked against asking every slot's start instant one at a time."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from supportflow.build.site import week as weeks
from supportflow.businesstime.spec import Shift

SHIFTS = (
    (Shift(0, 8 * 60, 17 * 60), Shift(1, 8 * 60, 17 * 60), Shift(4, 9 * 60, 12 * 60)),
    (Shift(6, 22 * 60, 30 * 60),),  # Sunday night into Monday
    (Shift(2, 8 * 60 + 15, 16 * 60 + 45),),  # off the half-hour grid
    tuple(Shift(d, 0, 1440) for d in range(7)),
)
ZONES = ("UTC", "Europe/Stockholm", "Asia/Kathmandu", "America/New_York", "Australia/Sydney")
# Weeks holding the European and American spring changes, and a plain winter week.
MONDAYS = (date(2027, 3, 22), date(2027, 3, 8), date(2026, 11, 30))


def _open_at(shifts: tuple[Shift, ...], wall: datetime) -> bool:
    """Is some shift open in the half hour that ``wall`` falls in, in the shifts' own zone?"""
    slot = wall.weekday() * 1440 + (wall.hour * 60 + wall.minute) // 30 * 30
    for shift in shifts:
        first = shift.weekday * 1440 + shift.start // 30 * 30
        for minute in range(first, shift.weekday * 1440 + shift.end, 30):
            if minute % (7 * 1440) == slot:
                return True
    return False


def _slow_week(shifts: tuple[Shift, ...], zone: str, desk: str, monday: date) -> list[bool]:
    here, there = ZoneInfo(desk), ZoneInfo(zone)
    found = []
    for day in range(7):
        midnight = datetime.combine(monday + timedelta(days=day), datetime.min.time(), here)
        for slot in range(48):
            instant = midnight + timedelta(minutes=30 * slot)
            found.append(_open_at(shifts, instant if zone == desk else instant.astimezone(there)))
    return found


@pytest.mark.parametrize("shifts", SHIFTS)
@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize("desk", ZONES)
@pytest.mark.parametrize("monday", MONDAYS)
def test_moved_week_matches_slot_by_slot(shifts, zone: str, desk: str, monday: date) -> None:
    painted = weeks.moved(weeks.own_week(shifts), zone, desk, monday)
    assert [bool(painted >> i & 1) for i in range(weeks.WEEK_SLOTS)] == _slow_week(
        shifts, zone, desk, monday
    )


def test_a_shift_off_the_grid_paints_the_half_hours_it_opens_in() -> None:
    week = weeks.own_week((Shift(2, 8 * 60 + 15, 16 * 60 + 45),))
    assert weeks.runs(weeks.day_of(week, 2)) == ((16, 34),)  # 08:00–17:00 on Wednesday
    assert weeks.day_of(week, 1) == weeks.day_of(week, 3) == 0


def test_overnight_and_runs() -> None:
    week = weeks.own_week((Shift(6, 22 * 60, 30 * 60), Shift(0, 12 * 60, 13 * 60)))
    assert weeks.runs(weeks.day_of(week, 6)) == ((44, 48),)
    assert weeks.runs(weeks.day_of(week, 0)) == ((0, 12), (24, 26))
    assert weeks.runs(weeks.DAY_MASK) == ((0, 48),)
    assert weeks.runs(0) == ()


def test_union_of_zones_equals_union_of_moved_weeks() -> None:
    monday = date(2027, 3, 22)
    a, b = weeks.own_week(SHIFTS[0]), weeks.own_week(SHIFTS[1])
    desk = "America/New_York"
    together = weeks.moved(weeks.union([a, b]), "Europe/Stockholm", desk, monday)
    assert together == weeks.moved(a, "Europe/Stockholm", desk, monday) | weeks.moved(
        b, "Europe/Stockholm", desk, monday
    )
