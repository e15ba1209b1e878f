"""The examples' real coverage gaps, reported and kept as snapshots, not hidden.

For each example: the W70x findings ``validate`` reports (over the fixed reference year)
and the text ``supportflow coverage --as-of 2027-01-01`` prints. Regenerate after an
intended change with ``SUPPORTFLOW_UPDATE_SNAPSHOTS=1 python -m pytest
tests/test_coverage_examples.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from supportflow.api import validate_policy
from supportflow.commands.group import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SNAPSHOTS = Path(__file__).resolve().parent / "fixtures" / "coverage"
NAMES = ["pagero", "pagonxt", "paymentus", "dutch-customer-success", "crm-insight"]


def _check(snapshot: Path, actual: str) -> None:
    if os.environ.get("SUPPORTFLOW_UPDATE_SNAPSHOTS") == "1":
        snapshot.write_text(actual, encoding="utf-8")
    assert actual == snapshot.read_text(encoding="utf-8")


def _coverage(*args: str):
    os.chdir(ROOT)
    return CliRunner().invoke(cli, ["coverage", *args])


@pytest.mark.parametrize("name", NAMES)
def test_validate_reports_the_example_gaps(name: str) -> None:
    folder = EXAMPLES / name
    lines = []
    for finding in validate_policy(folder).findings:
        if finding.rule_id.startswith("W70"):
            where = finding.location
            file = Path(where.file).resolve().relative_to(folder.resolve()).as_posix()
            lines.append(f"{file}:{where.line}:{where.column}: {finding.rule_id} {finding.message}")
    _check(SNAPSHOTS / f"{name}.validate.txt", "".join(f"{line}\n" for line in lines))


@pytest.mark.parametrize("name", NAMES)
def test_coverage_text_for_each_example(name: str) -> None:
    result = _coverage(f"examples/{name}", "--as-of", "2027-01-01")
    assert result.exit_code == 0, result.output
    _check(SNAPSHOTS / f"{name}.coverage.txt", result.output)


def test_pagero_english_24_7_line_escalates_into_office_hours() -> None:
    findings = [f for f in validate_policy(EXAMPLES / "pagero").findings if f.rule_id == "W702"]
    english = [f for f in findings if f.message.startswith("online/en ")]
    assert sorted(f.message.split(":")[0] for f in english) == [
        "online/en chat",
        "online/en phone",
        "online/en ticket-portal",
    ]
    assert "Fri 17:00 – Mon 08:00 Europe/Stockholm" in english[0].message
    assert "escalations from first-line to second-line" in english[0].message


@pytest.mark.parametrize("name", NAMES)
def test_coverage_json_shape(name: str) -> None:
    result = _coverage(
        f"examples/{name}",
        "--from",
        "2027-03-26T00:00:00+01:00",
        "--to",
        "2027-04-02T00:00:00+02:00",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["from"] == "2027-03-26T00:00:00+01:00"
    for gap in document["gaps"]:
        assert {"product", "language", "channel", "start", "end", "reason"} <= set(gap)
        start, end = datetime.fromisoformat(gap["start"]), datetime.fromisoformat(gap["end"])
        assert start.utcoffset() is not None and start < end
        assert start.second == end.second == 0
