"""``supportflow route``: outputs, and one clear line with exit 2 for every bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from supportflow.commands.group import cli

ROOT = Path(__file__).resolve().parent.parent
DUTCH = str(ROOT / "examples" / "dutch-customer-success")
TIMELINE = str(ROOT / "tests" / "fixtures" / "runtime" / "timeline.yaml")
P1 = ["--product", "software", "--language", "nl", "--channel", "phone", "--type", "incident"]


def _route(*args: str):
    return CliRunner().invoke(cli, ["route", *args])


def test_json_names_the_team_targets_and_escalations() -> None:
    done = _route(DUTCH, *P1, "--priority", "P1", "--at", "2027-02-05T17:25:00+01:00",
                  "--format", "json")  # fmt: skip
    assert done.exit_code == 0, done.output
    result = json.loads(done.output)
    assert result["team"] == "customer-success"
    assert result["targets"]["first_response"] == {
        "due": "2027-02-08T08:40:00+01:00",
        "calendar": "office-hours",
        "clock": "business",
        "within": "15m",
    }
    assert result["escalations"] == [
        {
            "ladder": "assignment",
            "step": 1,
            "id": None,
            "kind": "handover",
            "from": "customer-success",
            "to": "specialists",
            "trigger": "manual",
            "fires_at": None,
            "reached_at": None,
            "via": None,
            "notify": [],
        }
    ]


def test_text_shows_each_calendars_local_time_with_utc_alongside() -> None:
    done = _route(TIMELINE, "--product", "app", "--language", "sv", "--channel", "phone",
                  "--type", "incident", "--priority", "P1", "--severity", "sev1",
                  "--at", "2027-03-01T15:30:00Z")  # fmt: skip
    assert done.exit_code == 0, done.output
    lines = done.output.splitlines()
    arrives = "arrives    Mon 2027-03-01 16:30 Europe/Stockholm (+01:00) = 2027-03-01 15:30 UTC"
    assert arrives in lines
    assert "team       desk (by the front door)" in lines
    assert any(
        line.startswith("  first_response  30m (business clock, office)  due Mon 2027-03-01 17:00")
        for line in lines
    )
    reached = "Tue 2027-03-02 08:00 Europe/Stockholm (+01:00) = 2027-03-02 07:00 UTC"
    assert f"      reached  {reached}" in lines
    assert "      fires    no fixed time" in lines
    assert "incident   starts; owner third" in lines


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([*P1, "--priority", "P1", "--at", "2027-02-05T17:25:00"], "has no UTC offset"),
        ([*P1, "--priority", "P1", "--at", "tomorrow"], "is not an ISO 8601 instant"),
        ([*P1, "--priority", "P1", "--at", "2027-02-05T17:25:00Z", "--as-of", "soon"],
         "--as-of 'soon' is not a date"),
        ([*P1, "--priority", "P5", "--at", "2027-02-05T17:25:00Z"], "unknown priority 'P5'"),
        ([*P1, "--at", "2027-02-05T17:25:00Z"], "give the ticket's priority (--priority: P1, P2"),
        (["--product", "softwar", *P1[2:], "--priority", "P1", "--at", "2027-02-05T17:25:00Z"],
         "unknown product 'softwar' (did you mean 'software'?)"),
        ([*P1[:4], "--channel", "chat", *P1[6:], "--priority", "P1", "--at", "2027-02-05T17:25Z"],
         "unknown channel 'chat'"),
        ([*P1, "--priority", "P1", "--at", "2027-02-05T17:25:00Z", "--as-of", "2020-01-01"],
         "outside the runtime's horizon"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_exit_2(args: list[str], message: str) -> None:
    done = _route(DUTCH, *args)
    assert done.exit_code == 2, done.output
    assert message in done.output
    assert done.output.count("\n") == 1
    assert "Traceback" not in done.output


def test_a_priority_on_a_policy_without_priorities_is_refused() -> None:
    done = _route(str(ROOT / "examples" / "pagero"), "--product", "online", "--language", "fi",
                  "--channel", "chat", "--type", "incident", "--priority", "P1",
                  "--at", "2027-02-05T17:25:00Z")  # fmt: skip
    assert done.exit_code == 2
    assert "defines no priorities" in done.output


def test_a_policy_with_errors_prints_its_findings_and_exits_1(tmp_path: Path) -> None:
    policy = Path(TIMELINE).read_text().replace("front_door: desk", "front_door: dessk")
    (tmp_path / "policy.yaml").write_text(policy)
    done = _route(str(tmp_path / "policy.yaml"), *P1, "--at", "2027-02-05T17:25:00Z")
    assert done.exit_code == 1
    assert "E2" in done.output and "dessk" in done.output
    as_json = _route(str(tmp_path / "policy.yaml"), *P1, "--at", "2027-02-05T17:25:00Z",
                     "--format", "json")  # fmt: skip
    assert as_json.exit_code == 1
    assert json.loads(as_json.output)


def test_a_missing_policy_is_exit_2(tmp_path: Path) -> None:
    done = _route(str(tmp_path / "nope"), *P1, "--at", "2027-02-05T17:25:00Z")
    assert done.exit_code == 2
    assert "no such file or folder" in done.output


MINIMAL = """\
apiVersion: supportflow/v1
organization: {name: Minimal}
languages: [en]
products:
  app: {name: App}
channels:
  email: {kind: email, name: E-mail}
calendars:
  office: {timezone: Europe/Oslo, hours: mon-fri 08:00-16:00}
support_matrix:
  app:
    en: {calendar: office, available: [email]}
"""


def test_a_policy_without_request_types_or_routing_still_answers(tmp_path: Path) -> None:
    (tmp_path / "policy.yaml").write_text(MINIMAL)
    ticket = ["--product", "app", "--language", "en", "--channel", "email"]
    done = _route(str(tmp_path), *ticket, "--at", "2027-03-06T10:00:00Z", "--format", "json")
    assert done.exit_code == 0, done.output
    result = json.loads(done.output)
    assert (result["team"], result["calendar"]) == (None, "office")
    assert result["opens_at"] == "2027-03-08T08:00:00+01:00"
    text = _route(str(tmp_path), *ticket, "--at", "2027-03-06T10:00:00Z")
    assert "team       none: the policy has no routing" in text.output
    typed = _route(str(tmp_path), *ticket, "--type", "x", "--at", "2027-03-06T10:00:00Z")
    assert typed.exit_code == 2
    assert "the policy defines no request types; leave the type out" in typed.output


def test_a_policy_with_request_types_needs_the_type() -> None:
    done = _route(DUTCH, *P1[:6], "--priority", "P1", "--at", "2027-02-05T17:25:00Z")
    assert done.exit_code == 2
    assert "give the ticket's request type (question, incident)" in done.output
