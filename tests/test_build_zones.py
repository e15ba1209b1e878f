"""Finding a helpdesk zone that keeps the same clock as an IANA zone it lacks."""

from __future__ import annotations

from datetime import date

from supportflow.build.zones import same_clock

START = date(2026, 11, 25)


def test_oslo_keeps_central_european_time() -> None:
    found = same_clock("Europe/Oslo", ("Europe/Berlin", "Europe/London", "Europe/Stockholm"), START)
    assert found == ["Europe/Berlin", "Europe/Stockholm"]


def test_same_winter_offset_but_other_summer_rules_do_not_match() -> None:
    # Denver and Phoenix agree in winter; Phoenix keeps no summer time.
    assert same_clock("America/Boise", ("America/Phoenix", "America/Denver"), START) == [
        "America/Denver"
    ]


def test_a_change_at_another_hour_of_the_same_day_is_caught() -> None:
    # Havana changes on the same Sundays as New York, but at other hours of the day.
    assert same_clock("America/New_York", ("America/Havana", "America/Toronto"), START) == [
        "America/Toronto"
    ]


def test_an_offset_nobody_shares_and_unknown_zones() -> None:
    assert same_clock("Australia/Eucla", ("Australia/Perth", "Australia/Adelaide"), START) == []
    assert same_clock("Mars/Base", ("UTC",), START) == []
    assert same_clock("UTC", ("Mars/Base", "Etc/UTC"), START) == ["Etc/UTC"]
