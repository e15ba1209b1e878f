"""The shared checks of zone names, holiday codes and hours text, used by validate and ``due``.

Zone aliases are read from the installed tzdata package, so these tests check
the reading against zoneinfo itself: an alias must behave exactly like the zone
it names, and no current zone may be reported.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, available_timezones

import pytest

from supportflow.compile.schema_messages import Explanation, explain_one_of, explain_pattern
from supportflow.resources import schema
from supportflow.shortforms import ShortFormError, parse_hours
from supportflow.shortforms.holiday_codes import (
    CAPITALS_HINT,
    holiday_problem,
    parse_holiday_code,
)
from supportflow.shortforms.hours import parse_hours_groups, repeated_days
from supportflow.shortforms.zones import _region_zones, alias_target, zone_problem

INSTANTS = [datetime(year, month, 15, 12, tzinfo=UTC) for year in (1995, 2026) for month in (1, 7)]


@pytest.mark.parametrize(
    ("name", "target"),
    [
        ("US/Eastern", "America/New_York"),
        ("Asia/Calcutta", "Asia/Kolkata"),
        ("Europe/Kiev", "Europe/Kyiv"),
        ("Canada/Pacific", "America/Vancouver"),
    ],
)
def test_old_alias_names_the_current_zone(name: str, target: str) -> None:
    problem = zone_problem(name)
    assert problem is not None and problem.rule.id == "W309"
    assert problem.message == f"{name!r} is an old alias of {target}"
    assert problem.hint.startswith(f"Write {target};")


def test_every_alias_behaves_like_its_target_and_targets_are_current() -> None:
    known = available_timezones()
    aliases = {
        name: alias_target(name)
        for name in known
        if "/" in name and not name.startswith("Etc/") and alias_target(name)
    }
    assert "US/Eastern" in aliases and len(aliases) > 50
    for alias, target in aliases.items():
        assert target in _region_zones(), alias
        for instant in INSTANTS:
            local = instant.astimezone(ZoneInfo(alias))
            assert local.utcoffset() == instant.astimezone(ZoneInfo(target)).utcoffset(), alias


def test_no_current_zone_is_reported() -> None:
    reported = [name for name in _region_zones() if zone_problem(name) is not None]
    assert reported == []
    assert zone_problem("UTC") is None and zone_problem("Etc/UTC") is None


@pytest.mark.parametrize(
    ("name", "rule_id", "hint"),
    [
        ("CET", "W308", "Use the region's zone"),
        ("Etc/GMT-2", "W308", "Use the region's zone"),
        ("Europe/Stokholm", "E301", "Did you mean Europe/Stockholm?"),
        ("UTC+2", "E301", "Use an IANA zone name"),
    ],
)
def test_legacy_and_unknown_zones(name: str, rule_id: str, hint: str) -> None:
    problem = zone_problem(name)
    assert problem is not None and problem.rule.id == rule_id
    assert problem.hint.startswith(hint)


def test_holiday_codes_parse_and_refuse_lower_case() -> None:
    assert parse_holiday_code(" DE-BY") == parse_holiday_code("DE-BY")
    assert parse_holiday_code("SE").subdivision is None
    with pytest.raises(ShortFormError) as lower:
        parse_holiday_code("de-by")
    assert lower.value.message == "holiday codes are upper case: write 'DE-BY'"
    assert lower.value.offset == 0
    with pytest.raises(ShortFormError) as named:
        parse_holiday_code("sweden")
    assert named.value.hint == "Write SE, the country's code."


def test_unknown_subdivision_lists_the_real_ones() -> None:
    problem = holiday_problem(parse_holiday_code("DE-XX"))
    assert problem is not None and problem.rule.id == "E305"
    assert "(its subdivisions: BB, BE, BW, BY," in problem.message
    assert problem.hint.startswith("Write one of them, e.g. DE-BB, or DE alone")
    sweden = holiday_problem(parse_holiday_code("SE-XX"))
    assert sweden is not None
    assert sweden.message == "SE-XX: the holidays package has no subdivisions of SE"
    assert sweden.hint == "Write SE alone."
    assert holiday_problem(parse_holiday_code("DE-BY")) is None
    unknown = holiday_problem(parse_holiday_code("XX"))
    assert unknown is not None and "no country 'XX'" in unknown.message


@pytest.mark.parametrize("dash", ["\u2013", "\u2014", "\u2212", "\u2011"])
def test_hours_pasted_with_typographic_dashes(dash: str) -> None:
    text = f"mon{dash}fri 08:30{dash}17:30"
    assert parse_hours(text) == parse_hours("mon-fri 08:30-17:30")


def test_groups_keep_the_offset_of_each_day_item() -> None:
    first, second = parse_hours_groups("mon-fri 08:00-20:00; fri 08:00-20:00")
    assert first.days == tuple((day, 0) for day in range(5))
    assert second.days == ((4, 21),)
    assert second.ranges == ((480, 1200),)


def test_repeated_day_with_the_same_hours() -> None:
    (repeat,) = repeated_days(["mon-fri 08:00-20:00; fri 08:00-20:00"])
    assert (repeat.days, repeat.offset, repeat.first_offset) == ((4,), 21, 0)
    assert repeat.message == "fri is listed twice with 08:00-20:00; the second listing adds nothing"


def test_repeats_across_the_texts_of_one_calendar() -> None:
    (repeat,) = repeated_days(["mon-fri 08:00-12:00, 13:00-17:00", "mon-fri 13:00-17:00"])
    assert (repeat.text, repeat.first_text, repeat.days) == (1, 0, (0, 1, 2, 3, 4))
    assert repeat.ranges == ((780, 1020),)


@pytest.mark.parametrize(
    "texts",
    [
        ["mon-fri 08:00-12:00; mon-fri 13:00-17:00"],  # a split day in two groups
        ["mon-fri 08:00-17:00; fri 16:00-20:00"],  # an overlap: E303's business
        ["mon-fri 08:00-17:00; sat 08:00-17:00"],
        ["mon-fri 08:00-17:00", "not hours"],  # unparsable texts are E302's
    ],
)
def test_no_repeat(texts: list[str]) -> None:
    assert repeated_days(texts) == []


# schema messages: plain inputs, so any validator engine can call them


def _holidays_node() -> dict:
    return schema()["$defs"]["calendar"]["properties"]["holidays"]


def test_explain_one_of_finds_the_spelling_inside_the_shape() -> None:
    assert explain_one_of("se", _holidays_node()) == [
        ((), Explanation("holiday codes are upper case: write 'SE'", CAPITALS_HINT, 0))
    ]
    ((below, explanation),) = explain_one_of(["SE", {"country": "fi"}], _holidays_node())
    assert below == (1, "country") and explanation.message.endswith("write 'FI'")
    assert explain_one_of({"country": "se", "region": "x"}, _holidays_node()) == []
    assert explain_one_of(5, _holidays_node()) == []


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("first\u2013line", "character 6 is '\u2013' (U+2013 EN DASH)"),
        ("\uff21\uff22", "character 1 is '\uff21' (U+FF21 FULLWIDTH LATIN CAPITAL LETTER A)"),
        ("\u0441hat", "which looks like the Latin 'c'"),
    ],
)
def test_explain_id(value: str, message: str) -> None:
    explanation = explain_pattern(schema()["$defs"]["id"]["pattern"], value)
    assert explanation is not None and message in explanation.message
    assert explanation.hint.endswith("'.")  # a guess every time here: first-line, AB, chat


def test_unexplained_patterns_are_left_alone() -> None:
    assert explain_pattern("^x$", "y") is None
    assert explain_pattern(schema()["$defs"]["id"]["pattern"], "fine-id") is None
