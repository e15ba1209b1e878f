"""``supportflow test``: ticket cases, pass and fail lines, JUnit, coverage, located errors."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from supportflow.commands.group import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ["pagero", "pagonxt", "paymentus", "dutch-customer-success", "crm-insight"]
TIMELINE = str(ROOT / "tests" / "fixtures" / "runtime" / "timeline.yaml")

CASE = """\
cases:
  - name: Swedish phone incident
    ticket: {product: app, language: sv, channel: phone, type: incident, priority: P1,
             severity: sev1, at: "2027-03-01T16:30:00+01:00"}
    expect:
      team: desk
      calendar: office
      due: {first_response: "2027-03-01T16:00:00Z"}
      escalations:
        - {to: second, reached_at: "2027-03-02T08:00:00+01:00"}
        - {ladder: climb, step: 3, to: vendor, fires_at: null}
      incident: {owner: third}
"""


def _test(*args: str):
    return CliRunner().invoke(cli, ["test", *args])


def _write(tmp_path: Path, text: str, name: str = "cases.yaml") -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_example_ships_passing_cases(name: str) -> None:
    done = _test(str(ROOT / "examples" / name))
    assert done.exit_code == 0, done.output
    assert " 0 failed" in done.output
    assert "PASS" in done.output and "FAIL" not in done.output


def test_a_passing_case_and_what_no_case_exercised(tmp_path: Path) -> None:
    done = _test(TIMELINE, _write(tmp_path, CASE))
    assert done.exit_code == 0, done.output
    assert done.output.splitlines()[0] == "PASS  Swedish phone incident"
    assert "teams no case exercised: night-crew, questions" in done.output
    assert (
        "steps no case exercised: climb#2 (second → third), climb#4 (vendor → night-crew),"
        " severe#1 (desk → third), review#1 (second → questions), review#2 (second → night-crew),"
        " urgent#1 (questions → second)"
    ) in done.output


def test_a_failing_case_names_expected_against_got(tmp_path: Path) -> None:
    wrong = CASE.replace("team: desk", "team: second").replace(
        "2027-03-02T08:00:00+01:00", "2027-03-02T09:00:00+01:00"
    )
    path = _write(tmp_path, wrong)
    done = _test(TIMELINE, path)
    assert done.exit_code == 1
    lines = done.output.splitlines()
    assert lines[0] == f"FAIL  Swedish phone incident  ({path}:2:5)"
    assert "      team: expected second, got desk" in lines
    assert any(
        line.startswith(f"      escalation {{to: second, reached_at: 2027-03-02T09:00:00+01:00}}:"
                        f" expected at {path}:10:11, got {{ladder: climb, step: 1")
        for line in lines
    )  # fmt: skip
    assert "0 passed, 1 failed" in lines


def test_junit_lists_each_case_with_its_failure(tmp_path: Path) -> None:
    two = CASE + CASE.split("\n", 1)[1].replace("Swedish phone incident", "Wrong").replace(
        "calendar: office", "calendar: nights"
    )
    done = _test(TIMELINE, _write(tmp_path, two), "--format", "junit")
    assert done.exit_code == 1
    suite = ET.fromstring(done.output).find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures")) == ("2", "1")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["Swedish phone incident", "Wrong"]
    failure = cases[1].find("failure")
    assert failure is not None
    assert failure.get("message") == "calendar: expected nights, got office"


def test_refusals_can_be_expected(tmp_path: Path) -> None:
    refused = """\
cases:
  - name: The night line takes incidents only
    ticket: {product: app, language: en, channel: night-line, type: question, priority: P2,
             at: "2027-03-01T10:00:00Z"}
    expect: {refused: does not take question}
  - name: Wrongly expected refusal
    ticket: {product: app, language: en, channel: phone, type: question, priority: P2,
             at: "2027-03-01T10:00:00Z"}
    expect: {refused: not offered}
"""
    done = _test(TIMELINE, _write(tmp_path, refused))
    assert done.exit_code == 1
    assert "PASS  The night line takes incidents only" in done.output
    assert "expected the ticket to be refused (not offered), got team desk" in done.output


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("cases:\n  - name: [unclosed\n", "cases.yaml:3:1: invalid YAML"),
        ("cases: []\n", "cases.yaml:1:8: 'cases' must be a non-empty list of cases"),
        ("cases:\n  - name: x\n", "cases.yaml:2:5: the case has no 'ticket'"),
        (CASE.replace("team: desk", "teams: desk"),
         "cases.yaml:6:7: unknown key 'teams' in expect"),
        (CASE.replace('at: "2027-03-01T16:30:00+01:00"', 'at: "2027-03-01T16:30:00"'),
         "cases.yaml:4:34: at '2027-03-01T16:30:00' has no UTC offset"),
        (CASE.replace("product: app", "product: ap"),
         "cases.yaml:2:5: unknown product 'ap' (did you mean 'app'?)"),
        (CASE.replace("cases:", "cases:\ncases:"), "duplicate key"),
        (CASE.replace("step: 3", "step: three"), "step is the step's 1-based number"),
    ],
)  # fmt: skip
def test_bad_tests_files_are_located_and_exit_2(tmp_path: Path, text: str, message: str) -> None:
    done = _test(TIMELINE, _write(tmp_path, text))
    assert done.exit_code == 2, done.output
    assert message in done.output
    assert "Traceback" not in done.output


def test_without_tests_files_the_policy_folder_must_have_some(tmp_path: Path) -> None:
    (tmp_path / "policy.yaml").write_text(Path(TIMELINE).read_text())
    done = _test(str(tmp_path))
    assert done.exit_code == 2
    assert ".supportflow-tests" in done.output
    (tmp_path / ".supportflow-tests").mkdir()
    _write(tmp_path / ".supportflow-tests", CASE)
    assert _test(str(tmp_path)).exit_code == 0


def test_an_unreadable_tests_file_is_exit_2(tmp_path: Path) -> None:
    done = _test(TIMELINE, str(tmp_path / "missing.yaml"))
    assert done.exit_code == 2
    assert "cannot read the tests file" in done.output
