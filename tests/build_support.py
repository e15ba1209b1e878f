"""Running ``supportflow build`` in tests, and the policies its tests share."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from supportflow.commands.group import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLE_NAMES = sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir())
AS_OF = "2026-11-25"
QUIET_ENV = {"GITHUB_ACTIONS": "", "SOURCE_DATE_EPOCH": None, "CI": ""}


def build(*args: str, env: dict[str, str | None] | None = None) -> Result:
    """``supportflow build ARGS`` in-process; stdout and stderr are kept apart."""
    return CliRunner().invoke(cli, ["build", *args], env={**QUIET_ENV, **(env or {})})


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by POSIX path, for byte-for-byte comparisons."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# Overnight shifts (Monday's and Saturday's), a zone Zendesk has no name for, a special
# half-day, five priorities, a target under 15 minutes, a same-time-next-day business day.
AWKWARD = """\
organization: {name: Night desk}
languages: [en]
products:
  app: {name: App}
channels:
  mail: {kind: email, name: Mail, address: "mailto:help@example.com"}
calendars:
  nights:
    name: Nights
    timezone: Europe/Oslo
    hours: mon 22:00-06:00; sat 22:00-06:00; wed 09:00-12:00, 12:00-17:00
    closed: [2026-12-01]
    special_days:
      - {date: 2026-12-24, hours: "09:00-12:00"}
    business_day: same time next business day
support_matrix:
  app:
    en: {calendar: nights, available: [mail]}
teams:
  desk: {name: Desk, tier: first_line, calendar: nights, languages: [en]}
routing:
  front_door: desk
priorities:
  P1: {name: Now, level: 1, definition: x, targets: {first_response: 10m}}
  P2: {name: Soon, level: 2, definition: x, targets: {first_response: 1 business day}}
  P3: {name: Later, level: 3, definition: x, targets: {first_response: 2 business days}}
  P4: {name: Whenever, level: 4, definition: x, targets: {first_response: 3 business days}}
  P5: {name: Never, level: 5, definition: x, targets: {first_response: 4 business days}}
"""
