"""``supportflow due``: text, JSON, batch CSV, and exit code 2 for every bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from supportflow.commands.due import command

REPO = Path(__file__).resolve().parent.parent
STOCKHOLM = ["--tz", "Europe/Stockholm", "--hours", "mon-fri 08:00-17:00"]


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(command, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_text_output_names_zone_and_utc() -> None:
    code, out, _ = run("--start", "2026-11-20T15:55:00Z", "--duration", "4h", *STOCKHOLM)
    assert code == 0
    assert out == "due 2026-11-23T11:55:00+01:00 (Europe/Stockholm) = 2026-11-23T10:55:00Z\n"


def test_json_output_is_sorted_and_complete() -> None:
    code, out, _ = run(
        "--start", "2026-11-20T16:55:00+01:00", "--duration", "PT1H30M", "--format", "json",
        *STOCKHOLM, "--hours", "sat 10:00-14:00", "--holidays", "SE",
    )  # fmt: skip
    assert code == 0
    assert json.loads(out) == {
        "start": "2026-11-20T16:55:00+01:00",
        "duration": "1h30m",
        "due": "2026-11-21T11:25:00+01:00",
        "due_utc": "2026-11-21T10:25:00Z",
        "timezone": "Europe/Stockholm",
    }
    assert list(json.loads(out)) == sorted(json.loads(out))


def test_closed_dates_and_holidays() -> None:
    code, out, _ = run(
        "--start", "2026-12-23T16:00:00+01:00", "--duration", "2h", "--closed", "2026-12-24",
        "--holidays", "SE", "--format", "json", *STOCKHOLM,
    )  # fmt: skip
    assert code == 0
    assert json.loads(out)["due"] == "2026-12-28T09:00:00+01:00"


def test_subdivision_holidays() -> None:
    code, out, _ = run(
        "--start", "2026-11-25T16:00:00-05:00", "--duration", "2h", "--holidays", "US-NY",
        "--tz", "America/New_York", "--hours", "mon-fri 08:00-17:00", "--format", "json",
    )  # fmt: skip
    assert code == 0
    assert json.loads(out)["due"] == "2026-11-27T09:00:00-05:00"  # Thanksgiving is closed


@pytest.mark.parametrize(
    ("meaning", "due"),
    [("8h", "2026-11-23T15:55:00+01:00"), ("same-time", "2026-11-23T16:55:00+01:00")],
)
def test_business_days_with_either_meaning(meaning: str, due: str) -> None:
    code, out, _ = run(
        "--start", "2026-11-20T16:55:00+01:00", "--business-days", "1",
        "--business-day", meaning, "--format", "json", *STOCKHOLM,
    )  # fmt: skip
    assert code == 0
    payload = json.loads(out)
    assert payload["due"] == due
    assert payload["business_days"] == 1


def test_batch_keeps_row_order() -> None:
    rows = "start,duration\n2026-11-20T15:55:00Z,4h\n2026-11-20T16:55:00+01:00,PT1H\n\n"
    code, out, _ = run(*STOCKHOLM, "--batch", "-", stdin=rows)
    assert code == 0
    assert out.splitlines() == [
        "start,duration,due",
        "2026-11-20T15:55:00Z,4h,2026-11-23T11:55:00+01:00",
        "2026-11-20T16:55:00+01:00,PT1H,2026-11-23T08:55:00+01:00",
    ]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("start,duration\n2026-11-20T15:55:00Z,4h\n2026-11-20T16:55:00,1h\n", "row 2"),
        ("start,duration\n2026-11-20T15:55:00Z,soon\n", "row 1"),
        ("start,duration\n2026-11-20T15:55:00Z\n", "row 1"),
        ("when,how long\n", "header"),
        ("", "header"),
    ],
)
def test_batch_errors_name_the_row(rows: str, message: str) -> None:
    code, _, err = run(*STOCKHOLM, "--batch", "-", stdin=rows)
    assert code == 2
    assert message in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tz", "Mars/Olympus", "--hours", "24/7"], "time zone"),
        (["--tz", "UTC", "--hours", "mon 25:00-26:00"], "hour out of range"),
        (["--tz", "UTC"], "--hours"),
        (["--hours", "24/7"], "--tz"),
        (["--tz", "UTC", "--hours", "24/7", "--holidays", "XX"], "XX"),
        (["--tz", "UTC", "--hours", "24/7", "--closed", "24 Dec"], "--closed"),
        (["--tz", "UTC", "--hours", "24/7", "--business-day", "soon"], "--business-day"),
    ],
)
def test_bad_calendar_input_exits_2(args: list[str], message: str) -> None:
    code, _, err = run("--start", "2026-11-20T15:55:00Z", "--duration", "4h", *args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--start", "2026-11-20T15:55:00", "--duration", "4h"], "no UTC offset"),
        (["--start", "2026-11-20", "--duration", "4h"], "write e.g. 2026-11-20T00:00:00Z or"),
        (["--start", "yesterday", "--duration", "4h"], "ISO 8601"),
        (["--start", "2026-11-20T15:55:00Z", "--duration", "4 fortnights"], "unit"),
        (["--start", "2026-11-20T15:55:00Z", "--duration", "-4h"], "negative"),
        (["--start", "2026-11-20T15:55:00Z"], "--duration"),
        (["--duration", "4h"], "--start"),
        (["--start", "2026-11-20T15:55:00Z", "--duration", "4h", "--business-days", "1"], "one"),
    ],
)
def test_bad_ticket_input_exits_2(args: list[str], message: str) -> None:
    code, _, err = run(*args, *STOCKHOLM)
    assert code == 2
    assert message in err


def test_policy_and_schedule_options_exclude_each_other() -> None:
    code, _, err = run("--policy", "examples/pagero", "--calendar", "se-office", *STOCKHOLM)
    assert code == 2
    assert "not both" in err


def test_real_subprocess() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "supportflow", "due", "--start", "2026-11-20T15:55:00Z",
         "--duration", "4h", "--format", "json", *STOCKHOLM],
        capture_output=True, text=True, cwd=REPO, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["due_utc"] == "2026-11-23T10:55:00Z"
    bad = subprocess.run(
        [sys.executable, "-m", "supportflow", "due", "--start", "2026-11-20T15:55:00Z",
         "--duration", "4h", "--tz", "Nowhere/Land", "--hours", "24/7"],
        capture_output=True, text=True, cwd=REPO, check=False,
    )  # fmt: skip
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr
    assert (
        bad.stderr.strip()
        .splitlines()[-1]
        .startswith("Error: Invalid value for --tz: unknown time zone 'Nowhere/Land'")
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--duration", "99999999999999999d"], "far too large"),
        (["--duration", "100000d"], "longer than 100 years"),
        (["--duration", "24M"], "write 24mo for months or 24m for minutes"),
        (["--business-days", "99999999999"], "more than 100 years of days; at most 36525"),
        (["--duration", "36525d"], "more than 100 years after the start"),
        (["--business-days", "36525", "--business-day", "same-time"], "more than 100 years"),
    ],
)
def test_absurd_lengths_are_one_clear_line(args: list[str], message: str) -> None:
    code, _, err = run("--start", "2026-11-20T15:55:00Z", *args, *STOCKHOLM)
    assert code == 2
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("Error: ")
    assert message in err.strip().splitlines()[-1]


def test_one_minute_a_week_is_answered_or_refused() -> None:
    sparse = ["--tz", "Europe/Stockholm", "--hours", "mon 10:00-10:01"]
    code, out, _ = run("--start", "2026-11-20T15:55:00Z", "--duration", "1d", *sparse)
    assert code == 0
    assert out.startswith("due 2054-06-22T10:01:00+02:00")
    code, _, err = run("--start", "2026-11-20T15:55:00Z", "--duration", "36525d", *sparse)
    assert code == 2
    assert "more than 100 years after the start" in err


def test_batch_with_json_is_json_lines_not_ignored() -> None:
    rows = "start,duration\n2026-11-20T15:55:00Z,4h\n"
    code, out, _ = run(*STOCKHOLM, "--batch", "-", "--format", "json", stdin=rows)
    assert code == 0
    assert json.loads(out)["due"] == "2026-11-23T11:55:00+01:00"
