"""Retention periods with months and years, the ambiguous upper-case M, and the 100-year cap.

Each refusal is checked at the short-form level (message, offset, hint) and through the
validator (rule id, file:line:col), so a policy author sees where the typo is.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from supportflow.api import validate_policy
from supportflow.shortforms import (
    MAX_BUSINESS_DAYS,
    MAX_DURATION,
    Period,
    ShortFormError,
    parse_duration,
    parse_period,
    parse_target_length,
)
from tests.policy_files import write_policy


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("24mo", Period(months=24)),
        ("2y", Period(months=24)),
        ("2 years", Period(months=24)),
        ("1y6mo", Period(months=18)),
        ("P2Y", Period(months=24)),
        ("P24M", Period(months=24)),
        ("P1Y6M", Period(months=18)),
        ("P1Y2M3DT4H5M", Period(months=14, days=3, seconds=4 * 3600 + 5 * 60)),
        ("PT30M", Period(seconds=1800)),
        ("730d", Period(days=730)),
        ("P90D", Period(days=90)),
        ("2w", Period(days=14)),
        ("100y", Period(months=1200)),
        ("36525d", Period(days=36525)),
    ],
)
def test_periods_keep_months_and_years(text: str, period: Period) -> None:
    assert parse_period(text) == period


@pytest.mark.parametrize("text", ["7mo", "2y", "1y6mo", "730d", "1y2mo3d4h5m", "30m"])
def test_period_short_form_round_trips(text: str) -> None:
    assert str(parse_period(text)) == text


@pytest.mark.parametrize(
    ("start", "period", "end"),
    [
        (datetime(2024, 2, 29, 12), "1y", datetime(2025, 2, 28, 12)),
        (datetime(2026, 1, 31), "1mo", datetime(2026, 2, 28)),
        (datetime(2026, 11, 20), "24mo", datetime(2028, 11, 20)),
        (datetime(2026, 11, 20), "730d", datetime(2028, 11, 19)),  # 2028 is a leap year
        (datetime(2026, 12, 31), "P1Y2M3D", datetime(2028, 3, 3)),
    ],
)
def test_periods_have_calendar_meaning(start: datetime, period: str, end: datetime) -> None:
    assert parse_period(period).after(start) == end


@pytest.mark.parametrize(
    ("text", "message", "offset", "hint"),
    [
        ("24M", "'24M' is ambiguous", 2, "write 24mo for months or 24m for minutes"),
        ("1y 6M", "'6M' is ambiguous", 4, "write 6mo for months or 6m for minutes"),
        ("101y", "longer than 100 years", 0, "at most 100 years"),
        ("36526d", "longer than 100 years", 0, "at most 100 years"),
        ("99999999999999999y", "far too large", 0, "at most 100 years"),
        ("two years", "bad period", 0, "24mo"),
        ("2 fortnights", "unknown unit 'fortnights'", 2, "mo"),
        ("-2y", "negative", 0, "2y"),
        ("P", "bad ISO 8601 period", 0, "P2Y"),
        ("2y 3years", "given twice", 4, ""),
    ],
)
def test_bad_periods_are_located(text: str, message: str, offset: int, hint: str) -> None:
    with pytest.raises(ShortFormError) as caught:
        parse_period(text)
    assert message in caught.value.message
    assert caught.value.offset == offset
    assert hint in caught.value.hint


@pytest.mark.parametrize(
    ("text", "message", "offset"),
    [
        ("24M", "'24M' is ambiguous", 2),
        ("1h30M", "'30M' is ambiguous", 4),
        ("2mo", "no fixed length", 1),
        ("1y", "no fixed length", 1),
        ("36526d", "longer than 100 years", 0),
        ("100000000000000000mins", "far too large", 0),
        ("99999999999999999d", "far too large", 0),
        ("P99999999999999999D", "far too large", 1),
        ("PT876601H", "longer than 100 years", 0),
        ("1" + "0" * 5000 + "s", "far too large", 0),
        ("1" + "0" * 5000 + "M", "'100000000000…M' is ambiguous", 5001),
        ("024M", "'24M' is ambiguous", 3),
    ],
)
def test_durations_refuse_ambiguity_and_absurd_sizes(text: str, message: str, offset: int) -> None:
    with pytest.raises(ShortFormError) as caught:
        parse_duration(text)
    assert message in caught.value.message
    assert caught.value.offset == offset


@pytest.mark.parametrize(
    ("text", "value"),
    [("PT30M", timedelta(minutes=30)), ("30m", timedelta(minutes=30)), ("36525d", MAX_DURATION)],
)
def test_iso_m_and_the_cap_itself_are_accepted(text: str, value: timedelta) -> None:
    assert parse_duration(text) == value


def test_business_days_are_capped_too() -> None:
    assert parse_target_length(f"{MAX_BUSINESS_DAYS} business days", "business") == (
        None,
        MAX_BUSINESS_DAYS,
    )
    with pytest.raises(ShortFormError, match="longer than 100 years"):
        parse_target_length("99999999999 business days", "business")


def _findings(tmp_path, snippet: str) -> list[tuple[str, int, int, str, str]]:
    result = validate_policy(write_policy(tmp_path / "policy", snippet))
    return [
        (f.rule_id, f.location.line, f.location.column, f.message, f.hint)
        for f in result.findings
        if f.rule_id[0] == "E"
    ]


def test_huge_target_is_a_located_e401(tmp_path) -> None:
    found = _findings(
        tmp_path,
        """
priorities:
  P1:
    level: 1
    definition: Down
    targets: {first_response: 100000000000000000mins, resolution: 99999999999 business days}
""",
    )
    assert [(rule, line, column) for rule, line, column, *_ in found] == [
        ("E401", 6, 31),
        ("E401", 6, 67),
    ]
    assert all("100 years" in hint for *_, hint in found)


def test_retention_24M_is_refused_and_24mo_accepted(tmp_path) -> None:
    snippet = """
data_protection:
  retention:
    - {data: tickets, condition: inactive, after: %s, delete: delete}
"""
    found = _findings(tmp_path / "a", snippet % "24M")
    assert [(rule, line, column) for rule, line, column, *_ in found] == [("E802", 4, 53)]
    assert "write 24mo for months or 24m for minutes" in found[0][4]
    assert _findings(tmp_path / "b", snippet % "24mo") == []
    assert _findings(tmp_path / "c", snippet % "P24M") == []
    assert [f[0] for f in _findings(tmp_path / "d", snippet % "101y")] == ["E802"]


def test_escalation_repeat_interval_is_capped(tmp_path) -> None:
    result = validate_policy(
        write_policy(
            tmp_path / "policy",
            """
teams:
  first-line: {name: First line, tier: first_line}
  second-line: {name: Second line, tier: second_line}
escalations:
  standard:
    steps:
      - from: first-line
        to: second-line
        when: {condition: Stuck}
        repeat: {times: 3, every: 99999999999999999d}
""",
        )
    )
    assert [(f.rule_id, f.location.line, f.location.column) for f in result.findings] == [
        ("E401", 11, 35)
    ]
    assert "far too large" in result.findings[0].message


def test_regex_repeat_count_beyond_re_is_a_located_e801(tmp_path) -> None:
    found = _findings(
        tmp_path,
        r"""
data_protection:
  redaction:
    - {name: Account numbers, pattern: '\d{6000000000}'}
    - {name: Deep, pattern: '%s'}
"""
        % ("(" * 3000 + ")" * 3000),
    )
    assert [(rule, line, column) for rule, line, column, *_ in found] == [
        ("E801", 4, 44),
        ("E801", 5, 30),
    ]
    assert "repeat count must be below 4,294,967,295" in found[0][3]
    assert "nested too deeply" in found[1][3]


@pytest.mark.parametrize(
    ("text", "days", "iso"),
    [
        ("1mo", 28, "P1M"),
        ("3mo", 89, "P3M"),
        ("4mo", 120, "P4M"),
        ("24mo", 730, "P2Y"),
        ("1y6mo", 365 + 181, "P1Y6M"),
        ("730d", 730, "P730D"),
        ("12h", 0.5, "PT12H"),
        ("P1Y2M3DT4H5M", 365 + 59 + 3 + (4 * 60 + 5) / 1440, "P1Y2M3DT4H5M"),
    ],
)
def test_shortest_span_and_iso_form(text: str, days: float, iso: str) -> None:
    period = parse_period(text)
    assert period.shortest() == timedelta(days=days)
    assert period.iso() == iso
    assert parse_period(period.iso()) == period
    for year in (2023, 2024):  # shortest() is a true lower bound from every start
        for ordinal in range(
            datetime(year, 1, 1).toordinal(), datetime(year + 1, 1, 1).toordinal()
        ):
            start = datetime.fromordinal(ordinal)
            assert period.after(start) - start >= period.shortest()


@pytest.mark.parametrize(("second", "conflict"), [("2y", False), ("P24M", False), ("730d", True)])
def test_24mo_and_2y_are_one_period_and_730d_another(tmp_path, second: str, conflict: bool) -> None:
    result = validate_policy(
        write_policy(
            tmp_path / "policy",
            f"""
data_protection:
  retention:
    - {{data: tickets, condition: inactive, after: 24mo, delete: delete}}
    - {{data: tickets, condition: inactive, after: {second}, delete: delete}}
""",
        )
    )
    messages = [f.message for f in result.findings if f.rule_id == "E640"]
    assert messages == (
        ["two retention periods for tickets on inactive: 2y and 730d"] if conflict else []
    )
