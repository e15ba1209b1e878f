"""SLA feasibility (W750–W752): the numbers in the message, and silence where targets hold."""

from __future__ import annotations

from supportflow.api import validate_policy
from tests.policy_files import write_policy

BASE = """\
languages: [en]
calendars:
  office: {timezone: Europe/Stockholm, hours: mon-fri 08:00-17:00, business_day: 9h}
teams:
  first-line: {tier: first_line}
  second-line: {tier: second_line, calendar: office}
  third-line: {tier: third_line}
  management: {tier: management}
routing: {front_door: first-line}
priorities:
  P1: {level: 1, definition: Down., targets: {first_response: 30m, resolution: 4h}}
  P2: {level: 2, definition: Slow., targets: {first_response: 2h, resolution: 12h}}
"""


def _found(tmp_path, snippet: str, base: str = BASE) -> list[tuple[str, str]]:
    findings = validate_policy(write_policy(tmp_path, base + snippet)).findings
    return [(f.rule_id, f.message) for f in findings if f.rule_id.startswith("W75")]


def test_delays_past_the_resolution_target_before_a_resolving_tier(tmp_path) -> None:
    found = _found(
        tmp_path,
        """\
escalations:
  standard:
    steps:
      - {from: first-line, to: second-line, when: {time_in_tier: 2h}}
      - {from: first-line, to: management, when: {time_in_tier: 3h}}
      - {from: second-line, to: third-line, when: {time_in_tier: 1 business day}}
""",
    )
    assert found == [
        (
            "W750",
            "escalation 'standard': a P1 ticket reaches 'third-line', the first tier that"
            " resolves, after 11h (2h in first-line + 9h in second-line); the P1 resolution"
            " target is 4h",
        )
    ]  # P2's 12h holds; the 3h step to management never fires first


def test_a_tier_that_resolves_on_the_way_stops_the_walk(tmp_path) -> None:
    snippet = """\
escalations:
  standard:
    steps:
      - {from: first-line, to: second-line, when: {time_in_tier: 2h}}
      - {from: second-line, to: third-line, when: {time_in_tier: 3h}}
"""
    assert [rule for rule, _ in _found(tmp_path, snippet)] == ["W750"]
    resolving = BASE.replace("calendar: office}", "calendar: office, resolves: true}")
    assert _found(tmp_path, snippet, resolving) == []


def test_the_ladder_only_judges_the_priorities_it_handles(tmp_path) -> None:
    found = _found(
        tmp_path,
        """\
escalations:
  slow-lane:
    applies_to: {priorities: [P2]}
    steps:
      - {from: first-line, to: second-line, when: {time_in_tier: 3h}}
      - {from: second-line, to: third-line, when: {time_in_tier: 3h}}
""",
    )
    assert found == []


def test_step_after_breach_names_the_numbers(tmp_path) -> None:
    found = _found(
        tmp_path,
        """\
escalations:
  standard:
    steps:
      - {from: first-line, to: second-line, when: {time_in_tier: 4h, priorities: [P1]}}
      - {from: first-line, to: second-line, when: {time_in_tier: 6h, priorities: [P2]}}
""",
    )
    assert found == [
        (
            "W751",
            "standard step 1 fires for P1 after 4h in 'first-line', when the P1 resolution"
            " target (4h) is already breached",
        )
    ]  # and no W750 on top of it


def test_assessment_longer_than_another_priority_response(tmp_path) -> None:
    base = BASE.replace(
        "targets: {first_response: 30m,", "targets: {assessment: 15m, first_response: 30m,"
    ).replace("targets: {first_response: 2h,", "targets: {assessment: 1h, first_response: 2h,")
    assert _found(tmp_path, "", base) == [
        (
            "W752",
            "P2's assessment target (1h) is longer than P1's first response target (30m);"
            " the priority is known only after assessment",
        )
    ]
    even = base.replace("assessment: 1h", "assessment: 30m")
    assert _found(tmp_path, "", even) == []
