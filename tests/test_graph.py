"""The process graph and its rules, on policies that should trigger them and on sound ones."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from supportflow.analysis.graph import MAX_LOOPS, process_graph
from supportflow.api import validate_policy
from supportflow.commands.group import cli
from tests.policy_files import write_policy

ROOT = Path(__file__).resolve().parent.parent
TEAMS = """\
languages: [en]
teams:
  a: {tier: first_line}
  b: {tier: second_line}
  c: {tier: third_line}
  d: {tier: management}
routing: {front_door: a}
"""


WITH_E = TEAMS.replace("routing:", "  e: {tier: development}\nrouting:")


def _findings(tmp_path, snippet: str, prefix: str = TEAMS):
    return validate_policy(write_policy(tmp_path, prefix + snippet)).findings


def _only(findings, rule_id: str):
    return [f for f in findings if f.rule_id == rule_id]


CROSSING = """\
escalations:
  up:
    steps:
      - {from: a, to: b, when: {time_in_tier: 4h}}
      - {from: c, to: a, when: manual}
  sideways:
    steps:
      - {from: b, to: c, when: manual}
      - {from: b, to: a, when: manual}
      - {from: b, to: d, when: manual}
"""


def test_every_loop_across_ladders_is_reported_with_every_step(tmp_path) -> None:
    loops = _only(_findings(tmp_path, CROSSING), "E610")
    assert sorted(f.message for f in loops) == [
        "escalation loop: a → b → a (steps up step 1, sideways step 2)",
        "escalation loop: a → b → c → a (steps up step 1, sideways step 1, up step 2)",
    ]
    first = TEAMS.count("\n") + 5  # the apiVersion line, then 'escalations/up/steps'
    by_size = sorted(loops, key=lambda f: len(f.related))
    assert [f.location.line for f in by_size] == [first, first]
    assert [loc.line for loc in by_size[0].related] == [first + 5]
    assert [loc.line for loc in by_size[1].related] == [first + 4, first + 1]


def test_the_whole_circle_shows_in_text_json_and_sarif(tmp_path) -> None:
    folder = str(write_policy(tmp_path, TEAMS + CROSSING))
    runner = CliRunner()
    text = runner.invoke(cli, ["validate", folder], env={"GITHUB_ACTIONS": ""}).output
    assert text.count("see also: ") == 3
    data = json.loads(runner.invoke(cli, ["validate", "--format", "json", folder]).output)
    rows = data["findings"] if isinstance(data, dict) else data
    related = [len(row["related"]) for row in rows if row["rule"] == "E610"]
    assert sorted(related) == [1, 2]
    sarif = json.loads(runner.invoke(cli, ["validate", "--format", "sarif", folder]).output)
    results = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "E610"]
    assert sorted(len(r["relatedLocations"]) for r in results) == [1, 2]


def test_bounded_repeat_and_assist_are_not_loops(tmp_path) -> None:
    findings = _findings(
        tmp_path,
        """\
escalations:
  up:
    steps:
      - {from: a, to: b, when: {time_in_tier: 1h}, notify: [b], repeat: {times: 3, every: 30m}}
      - {from: b, to: a, kind: assist, when: manual}
      - {from: b, to: c, when: manual}
      - {from: c, to: d, when: manual}
""",
    )
    assert findings == []


def test_two_ladders_sharing_a_team_without_a_cycle(tmp_path) -> None:
    findings = _findings(
        tmp_path,
        """\
escalations:
  incidents:
    steps:
      - {from: a, to: b, when: manual}
      - {from: b, to: d, when: manual}
  requests:
    steps:
      - {from: a, to: c, when: manual}
      - {from: c, to: b, when: manual}
""",
    )
    assert findings == []


def test_loops_are_bounded(tmp_path) -> None:
    names = [f"t{i}" for i in range(8)]
    teams = "".join(f"  {name}: {{tier: first_line}}\n" for name in names)
    steps = "".join(
        f"      - {{from: {x}, to: {y}, when: manual}}\n" for x in names for y in names if x != y
    )
    snippet = f"teams:\n{teams}routing: {{front_door: t0}}\nescalations:\n  all:\n    steps:\n"
    loops = _only(_findings(tmp_path, snippet + steps, prefix=""), "E610")
    assert len(loops) == MAX_LOOPS
    assert sum("others are not listed" in f.message for f in loops) == 1


def test_networkx_is_imported_only_for_circles(tmp_path) -> None:
    probe = (
        "import sys\n"
        "from supportflow.api import validate_policy\n"
        "ids = {{f.rule_id for f in validate_policy({path!r}).findings}}\n"
        "print('E610' in ids, 'networkx' in sys.modules)\n"
    )
    sound = write_policy(tmp_path / "sound", TEAMS)
    looping = write_policy(tmp_path / "looping", TEAMS + CROSSING)
    outputs = [
        subprocess.run(
            [sys.executable, "-c", probe.format(path=str(folder))],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        ).stdout.split()
        for folder in (sound, looping)
    ]
    assert outputs == [["False", "False"], ["True", "True"]]


def test_unreachable_team_and_why(tmp_path) -> None:
    findings = _findings(
        tmp_path,
        """\
escalations:
  dev:
    steps:
      - {from: d, to: e, when: manual}
""",
        prefix=WITH_E,
    )
    unreachable = {f.message for f in _only(findings, "W611")}
    assert unreachable == {
        f"no ticket reaches team '{team}': it is not the front door, no routing rule or step"
        " leads to it, and it neither owns incidents, triages nor is notified"
        for team in "bcd"
    } | {
        "no ticket reaches team 'e': only steps that never fire lead to it (dev step 1):"
        " their teams are never reached, or they wait for steps that never fire"
    }


def test_reached_by_routing_incident_triage_and_notification(tmp_path) -> None:
    findings = _findings(
        tmp_path,
        """\
priorities:
  P1: {level: 1, definition: Down.}
triage: {team: b}
incident:
  trigger: {priorities: [P1]}
  owner: c
  actions: [{action: notify, notify: [d]}]
escalations:
  dev:
    steps:
      - {from: a, to: e, kind: assist, when: manual}
""",
        prefix=WITH_E,
    )
    assert _only(findings, "W611") == []


def test_a_step_waiting_for_a_step_that_never_fires_never_fires(tmp_path) -> None:
    findings = _findings(
        tmp_path,
        """\
escalations:
  standard:
    steps:
      - {id: from-d, from: d, to: b, when: manual}
      - {from: a, to: c, after: [from-d], when: manual}
""",
    )
    assert {f.message.split(":")[0] for f in _only(findings, "W611")} == {
        "no ticket reaches team 'b'",
        "no ticket reaches team 'c'",
        "no ticket reaches team 'd'",
    }


def test_after_order_is_honoured_when_the_earlier_step_fires(tmp_path) -> None:
    policy = validate_policy(
        write_policy(
            tmp_path,
            TEAMS
            + """\
escalations:
  standard:
    steps:
      - {from: b, to: d, after: [check], when: manual}
      - {id: check, from: a, to: b, when: manual}
      - {from: b, to: c, when: manual}
""",
        )
    ).policy
    graph = process_graph(policy)
    assert graph.reach == {"a": "holds", "b": "holds", "c": "holds", "d": "holds"}
    assert process_graph(policy) is graph  # built once per policy


def test_dead_end_only_for_holders_that_do_not_resolve(tmp_path) -> None:
    findings = _findings(
        tmp_path,
        """\
escalations:
  standard:
    steps:
      - {from: a, to: b, when: manual}
      - {from: a, to: c, when: manual}
      - {from: b, to: e, kind: assist, when: manual}
      - {from: c, to: d, kind: assist, when: manual}
""",
        prefix=WITH_E.replace("second_line}", "second_line, resolves: false}").replace(
            "development}", "consultants, resolves: false}"
        ),
    )
    assert [f.message for f in _only(findings, "W612")] == [
        "team 'b' holds tickets and does not resolve them (`resolves: false`), but no handover"
        " step leads onward (assist steps standard step 3 leave it with the team)"
    ]  # e only assists, so it holds nothing


LIFECYCLE = """\
lifecycle:
  initial: open
  states:
    open: {}
    waiting: {}
    limbo: {}
    closed: {final: true, monitored: false}
  transitions:
    - {from: open, to: waiting, on: agent_reply}
    - {from: waiting, to: open, on: customer_reply}
    - {from: open, to: closed, on: solved}
    - {from: closed, to: open, on: customer_reply}
    - {from: limbo, to: open, on: customer_reply}
  reply_to_closed: new_linked_case
"""


def test_lifecycle_rules(tmp_path) -> None:
    findings = _findings(tmp_path, LIFECYCLE, prefix="")
    assert [(f.rule_id, f.message) for f in findings] == [
        ("W620", "no transition from 'open' leads to state 'limbo'"),
        (
            "E622",
            "transition from final state 'closed' to 'open' on 'customer_reply' reopens a"
            " closed case, but reply_to_closed is 'new_linked_case'",
        ),
    ]
    reopening = LIFECYCLE.replace("new_linked_case", "reopen")
    assert [f.rule_id for f in _findings(tmp_path, reopening, prefix="")] == ["W620", "E622"]
    found = _only(_findings(tmp_path, reopening, prefix=""), "E622")
    assert "monitored: false" in found[0].message


def test_stuck_state(tmp_path) -> None:
    findings = _findings(
        tmp_path,
        LIFECYCLE.replace("    - {from: waiting, to: open, on: customer_reply}\n", ""),
        prefix="",
    )
    assert ("E621", "state 'waiting' is not final and no transition leaves it") in {
        (f.rule_id, f.message) for f in findings
    }


MATRIX = """\
languages: [en, sv, fi]
products:
  online: {name: Online}
request_types:
  incident: {name: Incident}
calendars:
  always: {timezone: UTC, hours: 24/7}
channels:
  chat: {kind: chat}
  phone: {kind: phone}
support_matrix:
  online:
    en: {calendar: always, available: [chat, phone]}
    sv: {calendar: always, available: [chat, phone]}
teams:
  desk: {tier: first_line, languages: [en]}
  swedish: {tier: first_line, languages: [sv]}
  ops: {tier: operations, languages: [en, sv, fi]}
"""


def test_a_language_rule_that_takes_everything_shields_the_front_door(tmp_path) -> None:
    routing = """\
routing:
  front_door: desk
  rules:
    - {match: {languages: [sv]}, to: swedish}
    - {match: {request_types: [incident]}, to: ops}
"""
    findings = _findings(tmp_path, routing, prefix=MATRIX)
    assert [(f.rule_id, f.message) for f in findings] == [
        (
            "W631",
            "team 'ops' speaks fi, but no support matrix cell offers fi over an available channel",
        )
    ]


def test_a_rule_for_some_tickets_leaves_the_rest_at_the_front_door(tmp_path) -> None:
    routing = """\
routing:
  front_door: desk
  rules:
    - {match: {languages: [sv], request_types: [incident]}, to: ops}
    - {match: {languages: [sv], channels: [phone]}, to: swedish}
"""
    findings = _only(_findings(tmp_path, routing, prefix=MATRIX), "W630")
    assert [f.message for f in findings] == [
        "online/sv: tickets by chat reach team 'desk', which does not speak sv"
    ]
    assert findings[0].location.line == 15  # the sv cell, after the apiVersion line


def test_retention_rules(tmp_path) -> None:
    findings = _findings(
        tmp_path,
        """\
channels:
  portal: {kind: ticket_portal}
data_protection:
  retention:
    - {data: tickets, condition: after_status, after: 365d, delete: delete}
    - {data: tickets, condition: after_status, after: 730d, delete: anonymise}
    - {data: tickets, condition: inactive, after: 730d, delete: delete}
  redaction:
    - {name: Cards, pattern: '\\b\\d{16}\\b', examples: ['4111 1111 1111 1111']}
    - {name: Card numbers, pattern: '\\b(?:\\d{4} ?){4}\\b', examples: ['4111 1111 1111 1111']}
""",
        prefix="languages: [en]\n",
    )
    assert [(f.rule_id, f.message) for f in findings] == [
        (
            "W641",
            "no retention rule says when user accounts are deleted"
            " (collected through the channel shown)",
        ),
        ("E640", "two retention periods for tickets on after_status: 365d and 730d"),
        ("W642", "redaction pattern 'Cards' matches none of its 1 example(s)"),
    ]


def test_benchmark_smoke_run() -> None:
    done = subprocess.run(
        [sys.executable, "benchmarks/process_graph.py", "--size", "20", "--runs", "1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert lines[2].split()[:2] == ["20", "90"] and lines[3].split()[:2] == ["200", "900"]
    assert lines[-1].startswith("growth for 10x the teams: supportflow ")


def test_synthetic_benchmark_policy_is_sound() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from process_graph import CHECKS, synthetic
    finally:
        sys.path.pop(0)
    policy = synthetic(50)
    found = [f for doc, check in CHECKS for f in check(policy, doc)]
    assert found == []  # the timed case is a sound policy: no loops, every team reached
    assert len(process_graph(policy).firing) == sum(
        len(x.steps) for x in policy.escalations.values()
    )
