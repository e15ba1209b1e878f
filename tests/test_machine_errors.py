"""What CI reads when the run fails before any finding, JUnit's verdicts, and ``due`` agreeing
with ``validate`` on zones, holiday codes and instants."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from supportflow.api import validate_policy
from supportflow.commands.due import _parse_start
from supportflow.commands.group import cli
from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Location, Severity
from supportflow.formats import Report, render, render_error
from supportflow.formats.junit import case_names
from tests.policy_files import write_policy

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
CRASH = RuleDoc("E900", "A rule failed", "d", "h", "b", "g")
WARN = RuleDoc("W211", "Language listed twice", "d", "h", "b", "g")


def run(*args: str):
    return CliRunner().invoke(cli, list(args), env={"GITHUB_ACTIONS": ""})


@pytest.fixture
def targets(tmp_path: Path) -> dict[str, list[str]]:
    """Each input error: the validate arguments that provoke it, before the format."""
    (tmp_path / "empty").mkdir()
    policy = write_policy(tmp_path / "policy", "languages: [en]\n")
    return {
        "missing path": [str(tmp_path / "nope")],
        "empty folder": [str(tmp_path / "empty")],
        "unwritable output": ["--output", str(tmp_path / "no" / "dir" / "r"), str(policy)],
        "output is a folder": ["--output", str(tmp_path), str(policy)],
    }


CASES = ["missing path", "empty folder", "unwritable output", "output is a folder"]


@pytest.mark.parametrize("case", CASES)
def test_json_input_error_is_a_json_document(targets: dict[str, list[str]], case: str) -> None:
    result = run("validate", "--format", "json", *targets[case])
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["findings"] == [] and document["version"] == 1
    assert document["error"]["exit_code"] == 2
    message = document["error"]["message"]
    assert result.stderr == f"supportflow: error: {message}\n"


@pytest.mark.parametrize("case", CASES)
def test_sarif_input_error_is_a_valid_failed_run(targets: dict[str, list[str]], case: str) -> None:
    result = run("validate", "--format", "sarif", *targets[case])
    assert result.exit_code == 2
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text())).validate(log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 2
    assert result.stderr.endswith(
        invocation["toolExecutionNotifications"][0]["message"]["text"] + "\n"
    )


def test_junit_and_github_input_errors(targets: dict[str, list[str]]) -> None:
    junit = run("validate", "--format", "junit", *targets["missing path"])
    assert junit.exit_code == 2
    suite = ET.fromstring(junit.stdout.split("\n", 1)[1]).find("testsuite")
    assert suite is not None and suite.get("errors") == "1" and suite.get("failures") == "0"
    error = suite.find("testcase/error")
    assert error is not None and "no such file or folder" in (error.get("message") or "")
    github = run("validate", "--format", "github", *targets["empty folder"])
    assert github.exit_code == 2
    assert (
        github.stdout.startswith("::error title=supportflow::")
        and "no policy files" in github.stdout
    )


def test_text_input_error_is_one_line_on_stderr(targets: dict[str, list[str]]) -> None:
    result = run("validate", *targets["missing path"])
    assert result.exit_code == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1


def test_error_document_goes_to_the_output_file(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    result = run("validate", "--format", "json", "--output", str(report), str(tmp_path / "nope"))
    assert result.exit_code == 2 and result.stdout == ""
    assert "no such file or folder" in json.loads(report.read_text())["error"]["message"]


def test_render_error_knows_every_format() -> None:
    assert render_error("text", "boom", "1") == ""
    with pytest.raises(ValueError, match="unknown format"):
        render_error("xml", "boom", "1")


# JUnit verdicts


def _junit(fail_on: Severity | None) -> ET.Element:
    warning = WARN.finding("language 'en' is listed twice", Location("p.yaml", 1, 16))
    report = Report([warning], ["p.yaml"], lambda _f, _n: None, {}, "0", fail_on=fail_on)
    suite = ET.fromstring(render("junit", report).split("\n", 1)[1]).find("testsuite")
    assert suite is not None
    return suite


def test_warning_is_no_failure_when_the_run_passes() -> None:
    suite = _junit(Severity.ERROR)
    assert suite.get("failures") == "0"
    assert suite.find("testcase/failure") is None
    assert "W211" in (suite.findtext("testcase/system-out") or "")


def test_warning_fails_under_fail_on_warning() -> None:
    suite = _junit(Severity.WARNING)
    assert suite.get("failures") == "1"
    failure = suite.find("testcase/failure")
    assert failure is not None and failure.get("type") == "W211"


def test_nothing_fails_under_fail_on_never() -> None:
    assert _junit(None).get("failures") == "0"


def test_cli_junit_follows_fail_on(tmp_path: Path) -> None:
    folder = str(write_policy(tmp_path, "languages: [en, en]\n"))
    passing = run("validate", "--format", "junit", folder)
    assert passing.exit_code == 0 and 'failures="0"' in passing.stdout
    failing = run("validate", "--format", "junit", "--fail-on", "warning", folder)
    assert failing.exit_code == 1 and 'failures="1"' in failing.stdout


def test_two_crashes_get_distinct_case_names() -> None:
    where = Location("p.yaml")
    first = CRASH.finding("rule E201 (Unknown calendar) failed: KeyError: 'x'", where)
    second = CRASH.finding("rule E202 (Unknown team) failed: KeyError: 'y'", where)
    names = case_names([first, second])
    assert names == [
        "p.yaml E900: rule E201 (Unknown calendar) failed: KeyError: 'x'",
        "p.yaml E900: rule E202 (Unknown team) failed: KeyError: 'y'",
    ]
    same = CRASH.finding("same", where)
    assert case_names([same, same]) == ["p.yaml E900: same (1)", "p.yaml E900: same (2)"]
    lone = CRASH.finding("alone", Location("p.yaml", 2, 3))
    assert case_names([lone]) == ["p.yaml:2:3 E900"]


# due agrees with validate


def due(*args: str):
    base = ["due", "--start", "2026-11-20T10:00:00Z", "--duration", "4h"]
    return CliRunner().invoke(cli, [*base, *args])


def _validate_message(tmp_path: Path, rule_id: str, extra: str, zone: str) -> str:
    snippet = f"calendars:\n  o:\n    timezone: {zone}\n    hours: mon-fri 08:00-17:00\n{extra}"
    found = validate_policy(write_policy(tmp_path, snippet)).findings
    (finding,) = [f for f in found if f.rule_id == rule_id]
    return finding.message.removeprefix("calendars.o.holidays: ")


@pytest.mark.parametrize(
    ("zone", "rule_id"), [("CET", "W308"), ("US/Eastern", "W309"), ("Etc/GMT-2", "W308")]
)
def test_due_warns_about_zones_as_validate_does(tmp_path: Path, zone: str, rule_id: str) -> None:
    result = due("--tz", zone, "--hours", "mon-fri 08:00-17:00")
    assert result.exit_code == 0
    message = _validate_message(tmp_path, rule_id, "", zone)
    assert f"supportflow: warning: {rule_id} {message}\n" in result.stderr
    assert result.stdout.startswith("due ")


@pytest.mark.parametrize("code", ["se", "SE-XX", "DE-XX", "XX", "sweden"])
def test_due_reads_holiday_codes_as_validate_does(tmp_path: Path, code: str) -> None:
    result = due("--tz", "Europe/Stockholm", "--hours", "mon-fri 08:00-17:00", "--holidays", code)
    assert result.exit_code == 2
    rule_id = "E305" if code.isupper() else "E105"
    message = _validate_message(tmp_path, rule_id, f"    holidays: {code}\n", "Europe/Stockholm")
    assert f"Invalid value for --holidays: {message}" in result.stderr


def test_due_unknown_zone_suggests_the_region(tmp_path: Path) -> None:
    result = due("--tz", "Europe/Stokholm", "--hours", "24/7")
    assert result.exit_code == 2
    assert "unknown time zone 'Europe/Stokholm'. Did you mean Europe/Stockholm?" in result.stderr


def test_due_warns_about_a_repeated_day() -> None:
    result = due("--tz", "Europe/Stockholm", "--hours", "mon–fri 08:00–17:00; fri 08:00-17:00")
    assert result.exit_code == 0
    assert "warning: W312 --hours" in result.stderr and "fri is listed twice" in result.stderr


@pytest.mark.parametrize("text", ["2026-11-20", "2026-11-20T15:55", "2026-11-20 15:55:30"])
def test_start_without_offset_suggests_accepted_instants(text: str) -> None:
    result = CliRunner().invoke(
        cli, ["due", "--start", text, "--duration", "1h", "--tz", "UTC", "--hours", "24/7"]
    )
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    suggestions = message.split("write e.g. ", 1)[1].split(" or ")
    assert len(suggestions) == 2
    for suggestion in suggestions:
        assert _parse_start(suggestion).tzinfo is not None
    assert suggestions[0].endswith("Z")


def test_error_document_falls_back_to_stdout_when_the_output_is_unwritable(
    tmp_path: Path,
) -> None:
    unwritable = str(tmp_path / "no" / "dir" / "report.json")
    result = run("validate", "--format", "json", "--output", unwritable, str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert "no such file or folder" in json.loads(result.stdout)["error"]["message"]
