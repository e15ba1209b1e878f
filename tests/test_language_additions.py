"""The four language additions: step order, assist steps, hours per channel and request
type inside one cell, and an incident process started by request type."""

from __future__ import annotations

from supportflow.api import validate_policy
from tests.policy_files import write_policy

BASE = """\
languages: [en]
products:
  hub: {name: Hub}
request_types:
  incident: {name: Incident}
  escalation: {name: Escalation}
calendars:
  always: {timezone: UTC, hours: 24/7}
  weekdays: {timezone: Europe/Madrid, hours: mon-fri 08:00-19:00}
channels:
  portal: {kind: ticket_portal}
  on-call: {kind: on_call}
"""


def _validate(tmp_path, snippet: str):
    return validate_policy(write_policy(tmp_path, BASE + snippet))


def test_first_matching_hours_entry_wins_and_the_cell_calendar_is_the_rest(tmp_path) -> None:
    result = _validate(
        tmp_path,
        """\
support_matrix:
  hub:
    en:
      calendar: always
      available: [portal, on-call]
      hours:
        - {channels: [on-call], request_types: [incident], calendar: always}
        - {request_types: [escalation, incident], calendar: weekdays}
        - {channels: [portal], calendar: weekdays}
""",
    )
    assert result.findings == []
    (cell,) = result.policy.support_matrix
    assert cell.calendar_for("on-call", "incident").id == "always"
    assert cell.calendar_for("portal", "incident").id == "weekdays"
    assert cell.calendar_for("on-call", "escalation").id == "weekdays"
    assert cell.calendar_for("portal").id == "weekdays"  # channel-only entry
    assert cell.calendar_for("on-call").id == "always"  # request type unknown: cell hours
    assert cell.calendar_for("on-call", "escalation").target.spec.timezone == "Europe/Madrid"


def test_hours_entries_name_known_ids(tmp_path) -> None:
    result = _validate(
        tmp_path,
        """\
support_matrix:
  hub:
    en:
      calendar: always
      available: [portal]
      hours:
        - {channels: [portl], request_types: [escalaton], calendar: weekday}
""",
    )
    found = {(f.rule_id, f.location.line, f.location.column) for f in result.findings}
    line = BASE.count("\n") + 8  # the apiVersion line comes first
    assert found == {("E203", line, 23), ("E206", line, 47), ("E201", line, 69)}


def test_hours_entry_must_narrow_something(tmp_path) -> None:
    result = _validate(
        tmp_path,
        """\
support_matrix:
  hub:
    en: {calendar: always, available: [portal], hours: [{calendar: weekdays}]}
""",
    )
    assert [(f.rule_id, f.message) for f in result.findings] == [
        (
            "W633",
            "hub/en: hours entry 'weekdays' names no channel or request type, so it applies"
            " to every ticket",
        )
    ]


def test_incident_process_started_by_request_type(tmp_path) -> None:
    result = _validate(
        tmp_path,
        """\
teams:
  desk: {tier: first_line}
routing: {front_door: desk}
incident:
  trigger: {request_types: [incident, outage]}
  owner: desk
  actions: [{action: assign_owner}]
""",
    )
    assert [(f.rule_id, f.message) for f in result.findings] == [
        ("E206", "unknown request type 'outage'")
    ]
    incident = result.policy.incident
    assert [ref.id for ref in incident.request_types] == ["incident", "outage"]
    assert incident.request_types[0].target is result.policy.request_types["incident"]


def test_steps_have_ids_order_and_kinds(tmp_path) -> None:
    result = _validate(
        tmp_path,
        """\
teams:
  second-line: {tier: second_line}
  third-line: {tier: third_line}
  management: {tier: management}
  consultants: {tier: consultants}
routing: {front_door: second-line}
escalations:
  standard:
    steps:
      - {from: second-line, to: third-line, after: [management-check], when: manual}
      - {id: management-check, from: second-line, to: management, when: manual}
      - {from: second-line, to: consultants, kind: assist, when: manual}
""",
    )
    assert result.findings == []
    first, check, assist = result.policy.escalations["standard"].steps
    assert first.after[0].target is check  # a later step may be named
    assert (first.kind, check.kind, assist.kind) == ("handover", "handover", "assist")
    assert check.id == "management-check" and first.id is None


def test_after_circle_lists_every_step(tmp_path) -> None:
    result = _validate(
        tmp_path,
        """\
teams:
  a: {tier: first_line}
  b: {tier: second_line}
  c: {tier: third_line}
  d: {tier: management}
routing: {front_door: a}
escalations:
  standard:
    steps:
      - {id: one, from: a, to: b, after: [three], when: manual}
      - {id: two, from: a, to: c, after: [one], when: manual}
      - {id: three, from: a, to: d, after: [two], when: manual}
""",
    )
    circles = [f for f in result.findings if f.rule_id == "E604"]
    assert len(circles) == 1
    assert "standard/one → standard/three → standard/two → standard/one" in circles[0].message
    lines = BASE.count("\n") + 11
    assert circles[0].location.line == lines
    assert [loc.line for loc in circles[0].related] == [lines + 2, lines + 1]
