"""``supportflow coverage`` as people and CI run it: text, JSON, horizons and every error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from supportflow.commands.group import cli
from tests.policy_files import write_policy

# A 24/7 Swedish phone line whose only team works Monday 08:00 to Friday midnight.
WEEKEND_GAP = """\
languages: [sv]
products:
  online: {name: Online}
calendars:
  always: {timezone: Europe/Stockholm, hours: 24/7}
  weekdays:
    timezone: Europe/Stockholm
    hours: mon 08:00-24:00; tue-fri 00:00-24:00
    holidays: SE
channels:
  phone: {kind: phone}
support_matrix:
  online:
    sv: {calendar: always, available: [phone]}
teams:
  desk: {tier: first_line, calendar: weekdays, languages: [sv]}
routing:
  front_door: desk
priorities:
  P1:
    level: 1
    definition: Down.
    targets:
      first_response: 30m
"""


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, ["coverage", *args], env=env or {})


@pytest.fixture
def weekend(tmp_path: Path) -> str:
    return str(write_policy(tmp_path / "weekend", WEEKEND_GAP))


def test_text_groups_the_recurring_gap(weekend: str) -> None:
    result = run(weekend, "--as-of", "2027-01-01")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        f"coverage of {weekend} from 2027-01-01T00:00:00+00:00 to 2028-01-01T00:00:00+00:00"
    )
    assert lines[1] == (
        "online/sv phone: every Sat 00:00 – Mon 08:00 Europe/Stockholm, and on 5 public"
        " holidays: phone tickets in sv reach nobody until desk opens (P1 first response is due"
        " in 30m)"
    )
    assert lines[2].startswith(
        "online/sv phone: every Sat 00:00 – Mon 07:30 Europe/Stockholm, and on 5 public"
        " holidays: P1 first response (30m) is due before desk opens"
    )
    assert lines[-1].startswith("2 gaps (")


def test_json_lists_exact_intervals_with_the_cells_offset(weekend: str) -> None:
    # The DST weekend of 2027: Saturday 00:00 CET to Monday 08:00 CEST, 55 hours.
    result = run(
        weekend,
        "--from",
        "2027-03-26T12:00:00+01:00",
        "--to",
        "2027-04-03T00:00:00Z",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert (document["from"], document["to"]) == (
        "2027-03-26T12:00:00+01:00",
        "2027-04-03T00:00:00+00:00",
    )
    nobody = [g for g in document["gaps"] if g["reason"] == "no_team_on_shift"]
    assert [(g["start"], g["end"]) for g in nobody] == [
        # Good Friday and Easter Monday (Swedish holidays) join the weekend: one gap, to
        # Tuesday 00:00, when the Monday-08:00 team has its Tuesday shift.
        ("2027-03-26T12:00:00+01:00", "2027-03-30T00:00:00+02:00"),
        ("2027-04-03T00:00:00+02:00", "2027-04-03T02:00:00+02:00"),
    ]
    assert nobody[0] | {"start": None, "end": None} == {
        "product": "online",
        "language": "sv",
        "channel": "phone",
        "start": None,
        "end": None,
        "reason": "no_team_on_shift",
        "request_types": [],
        "teams": ["desk"],
    }
    missed = [g for g in document["gaps"] if g["reason"] == "target_missed"]
    assert [(g["start"], g["end"], g["priority"], g["within"]) for g in missed] == [
        ("2027-03-26T12:00:00+01:00", "2027-03-29T23:30:00+02:00", "P1", "30m"),
        ("2027-04-03T00:00:00+02:00", "2027-04-03T02:00:00+02:00", "P1", "30m"),
    ]


def test_default_horizon_is_a_year_from_source_date_epoch(weekend: str) -> None:
    result = run(weekend, "--format", "json", env={"SOURCE_DATE_EPOCH": "1798761600"})
    document = json.loads(result.output)
    assert (document["from"], document["to"]) == (
        "2027-01-01T00:00:00+00:00",
        "2028-01-01T00:00:00+00:00",
    )


def test_output_is_deterministic(weekend: str) -> None:
    assert (
        run(weekend, "--as-of", "2027-02-28").output == run(weekend, "--as-of", "2027-02-28").output
    )


def test_a_clean_policy_says_so(tmp_path: Path) -> None:
    always = WEEKEND_GAP.replace("calendar: weekdays, languages", "calendar: always, languages")
    result = run(str(write_policy(tmp_path, always)), "--as-of", "2027-01-01")
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == "no coverage gaps"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2027-01-01T00:00:00"], "has no UTC offset"),
        (["--from", "soon"], "is not an ISO 8601 instant"),
        (["--as-of", "2027-02-30"], "is not a date like"),
        (["--as-of", "2027-01-01", "--from", "2027-01-01T00:00Z"], "not both"),
        (["--from", "2027-02-01T00:00Z", "--to", "2027-01-01T00:00Z"], "must be after"),
        (["--from", "2027-01-01T00:00Z", "--to", "2047-01-01T00:00Z"], "longer than 10 years"),
    ],
)
def test_bad_horizons_exit_2_with_one_line(weekend: str, args: list[str], message: str) -> None:
    result = run(weekend, *args)
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_bad_source_date_epoch_exits_2(weekend: str) -> None:
    result = run(weekend, env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert result.exit_code == 2
    assert "SOURCE_DATE_EPOCH" in result.output


def test_missing_policy_exits_2(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "nope" in result.output


def test_policy_with_errors_prints_findings_and_exits_1(tmp_path: Path) -> None:
    broken = WEEKEND_GAP.replace("front_door: desk", "front_door: nobody")
    folder = str(write_policy(tmp_path, broken))
    result = run(folder)
    assert result.exit_code == 1
    assert "E2" in result.output and "'nobody'" in result.output
    as_json = json.loads(run(folder, "--format", "json").output)
    assert as_json["summary"]["error"] >= 1


def test_target_gaps_agree_with_route(tmp_path: Path) -> None:
    """Every minute the sweep calls missed, the runtime behind `supportflow route` dates the
    P1 first response before the desk opens; every other minute of the horizon, not before."""
    from datetime import date, datetime, timedelta

    from supportflow.analysis.coverage import analyse_coverage
    from supportflow.analysis.instants import micros
    from supportflow.api import load_valid_policy
    from supportflow.businesstime import BusinessCalendar
    from supportflow.runtime import Runtime, build_document

    policy = load_valid_policy(write_policy(tmp_path, WEEKEND_GAP))
    runtime = Runtime(json.loads(json.dumps(build_document(policy, date(2027, 3, 1)))))
    desk = BusinessCalendar(policy.calendars["weekdays"].spec)
    lo = datetime.fromisoformat("2027-03-26T12:00:00+01:00")
    hi = lo + timedelta(days=4)
    [gap] = [g for g in analyse_coverage(policy, lo, hi).gaps if g.reason == "target_missed"]
    starts, ends = gap.intervals
    ticket = {"product": "online", "language": "sv", "channel": "phone", "priority": "P1"}
    seen = set()
    for minute in range(0, 4 * 1440, 7):
        at = lo + timedelta(minutes=minute, seconds=30)
        due = runtime.route(ticket, at).targets["first_response"].due
        inside = any(a <= micros(at) < b for a, b in zip(starts, ends, strict=True))
        assert (due < desk.next_open(at)) == inside, at
        seen.add(inside)
    assert seen == {True, False}
