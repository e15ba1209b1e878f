"""The short-form grammar for hours and durations, and its located errors."""

from __future__ import annotations

from datetime import timedelta

import pytest

from supportflow.businesstime.spec import Shift
from supportflow.shortforms import (
    ShortFormError,
    format_duration,
    parse_day_hours,
    parse_duration,
    parse_hours,
)


def days(shifts: tuple[Shift, ...]) -> list[int]:
    return sorted({s.weekday for s in shifts})


def test_24_7_is_seven_full_days() -> None:
    assert parse_hours("24/7") == tuple(Shift(d, 0, 1440) for d in range(7))


@pytest.mark.parametrize(
    ("text", "weekdays", "ranges"),
    [
        ("mon-fri 08:00-17:00", [0, 1, 2, 3, 4], {(480, 1020)}),
        ("sun-thu 09:00-18:00", [0, 1, 2, 3, 6], {(540, 1080)}),
        ("sat 10:00-14:00", [5], {(600, 840)}),
        ("mon-fri 08:00-12:00, 13:00-17:00", [0, 1, 2, 3, 4], {(480, 720), (780, 1020)}),
        ("mon,wed,fri 09:00-17:00", [0, 2, 4], {(540, 1020)}),
        ("fri-mon 09:00-17:00", [0, 4, 5, 6], {(540, 1020)}),
        ("daily 08:00-20:00", list(range(7)), {(480, 1200)}),
        ("mon-fri 22:00-06:00", [0, 1, 2, 3, 4], {(1320, 1800)}),
        ("sat 10:00-24:00", [5], {(600, 1440)}),
        ("Monday-Tuesday 8:00-9:00", [0, 1], {(480, 540)}),
        ("MON 00:00-24:00", [0], {(0, 1440)}),
    ],
)
def test_parse_hours_forms(text: str, weekdays: list[int], ranges: set[tuple[int, int]]) -> None:
    shifts = parse_hours(text)
    assert days(shifts) == weekdays
    assert {(s.start, s.end) for s in shifts} == ranges
    assert list(shifts) == sorted(shifts)


def test_groups_are_separated_by_semicolons_and_overlaps_are_kept() -> None:
    shifts = parse_hours("mon-fri 08:00-17:00; sat 10:00-14:00; mon 16:00-18:00")
    assert Shift(5, 600, 840) in shifts
    assert Shift(0, 480, 1020) in shifts and Shift(0, 960, 1080) in shifts


@pytest.mark.parametrize(
    ("text", "offset", "hint"),
    [
        ("mon 25:00-26:00", 4, "00-23"),
        ("mon 08:60-09:00", 7, "00-59"),
        ("mon 08:00-08:00", 10, ""),
        ("xyz 08:00-09:00", 0, "mon"),
        ("mon-fri", 7, ""),
        ("", 0, "mon-fri"),
        ("   ", 0, "mon-fri"),
        ("mon 08.00-17:00", 4, "write 08:00"),
        ("mon 0800-1700", 4, "write 08:00"),
        ("08:00-17:00", 0, "mon-fri"),
        ("mon 24:00-02:00", 4, "end time"),
        ("mon 08:00-17:00 tue 09:00-10:00", 16, ";"),
        ("mon 08:00 17:00", 10, ""),
    ],
)
def test_parse_hours_errors_are_located(text: str, offset: int, hint: str) -> None:
    with pytest.raises(ShortFormError) as info:
        parse_hours(text)
    assert info.value.offset == offset
    assert hint in info.value.hint
    assert isinstance(info.value, ValueError)


def test_parse_day_hours() -> None:
    assert parse_day_hours("closed") == ()
    assert parse_day_hours("10:00-14:00") == ((600, 840),)
    assert parse_day_hours("13:00-15:00, 08:00-12:00") == ((480, 720), (780, 900))
    with pytest.raises(ShortFormError):
        parse_day_hours("mon 10:00-14:00")
    with pytest.raises(ShortFormError):
        parse_day_hours("")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15m", timedelta(minutes=15)),
        ("4h", timedelta(hours=4)),
        ("1h30m", timedelta(hours=1, minutes=30)),
        ("90s", timedelta(seconds=90)),
        ("2d", timedelta(hours=48)),
        ("PT1H30M", timedelta(hours=1, minutes=30)),
        ("P2D", timedelta(days=2)),
        ("PT15M", timedelta(minutes=15)),
        ("pt45s", timedelta(seconds=45)),
        ("15 min", timedelta(minutes=15)),
        ("4 hours", timedelta(hours=4)),
        ("1 hour 30 minutes", timedelta(hours=1, minutes=30)),
        ("0m", timedelta(0)),
    ],
)
def test_parse_duration_forms(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("text", "offset"),
    [("", 0), ("-4h", 0), (" -4h", 1), ("abc", 0), ("4x", 1), ("1h1h", 3), ("4", 0), ("PT", 0)],
)
def test_parse_duration_errors(text: str, offset: int) -> None:
    with pytest.raises(ShortFormError) as info:
        parse_duration(text)
    assert info.value.offset == offset


def test_format_duration_round_trips() -> None:
    for text in ("15m", "4h", "1h30m", "2d", "1d2h3m4s", "0m"):
        assert format_duration(parse_duration(text)) == text
