"""``supportflow due --policy/--calendar``, against the Pagero example policy."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from supportflow.commands.due import command

PAGERO = str(Path(__file__).resolve().parent.parent / "examples" / "pagero")


def test_due_with_a_policy_calendar() -> None:
    result = CliRunner().invoke(
        command,
        ["--policy", PAGERO, "--calendar", "cet-office", "--start", "2026-11-20T16:55:00+01:00",
         "--duration", "1h", "--format", "json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["timezone"] == "Europe/Stockholm"
    assert payload["due"].startswith("2026-11-23T")


def test_unknown_calendar_is_exit_2() -> None:
    result = CliRunner().invoke(
        command,
        ["--policy", PAGERO, "--calendar", "no-such-calendar", "--start",
         "2026-11-20T15:55:00Z", "--duration", "1h"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "Traceback" not in result.output
