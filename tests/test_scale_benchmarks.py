"""The synthetic policies are what the scale issue describes, and the benchmarks still run.

Timings are not asserted: the benchmarks print them. These tests check the
generator's shape and determinism and smoke-run each script at a tiny size.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from supportflow.api import validate_policy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import ZONES, policy_files, write_policy  # noqa: E402


def _without_coverage_gaps(findings: list) -> list:
    """Routing sends every cell's tickets to two teams in one zone while the cells keep hours
    in 30 zones: real coverage gaps (W70x), which the benchmark times the sweep finding."""
    return [f for f in findings if not f.rule_id.startswith("W70")]


def test_the_synthetic_policy_has_the_described_shape_and_validates_clean(tmp_path: Path) -> None:
    result = validate_policy(write_policy(tmp_path / "policy", 300))
    assert _without_coverage_gaps(result.findings) == []
    assert {f.rule_id for f in result.findings} <= {"W701", "W702", "W703"}
    policy = result.policy
    assert policy is not None
    assert len(policy.teams) == 300
    assert len(policy.escalations) == 30
    assert sum(len(ladder.steps) for ladder in policy.escalations.values()) == 5 * 300
    assert len(policy.calendars) == 30
    assert {calendar.spec.timezone for calendar in policy.calendars.values()} == {
        zone for zone, *_ in ZONES
    }
    assert all(calendar.spec.holidays for calendar in policy.calendars.values())
    assert len(policy.support_matrix) == 200
    assert len({cell.product.id for cell in policy.support_matrix}) == 20


def test_the_smallest_synthetic_policy_validates_clean(tmp_path: Path) -> None:
    findings = validate_policy(write_policy(tmp_path / "policy", 10)).findings
    assert _without_coverage_gaps(findings) == []


def test_the_synthetic_policy_is_the_same_every_time() -> None:
    assert policy_files(1_200) == policy_files(1_200)
    assert sorted(policy_files(2_500)) == [
        "calendars-000.yaml",
        "escalations-000.yaml",
        "escalations-001.yaml",
        "escalations-002.yaml",
        "policy.yaml",
        "teams-000.yaml",
        "teams-001.yaml",
        "teams-002.yaml",
    ]


def _run(*argv: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, *argv], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return done.stdout.splitlines()


def test_the_scale_benchmark_runs_at_a_tiny_size() -> None:
    lines = _run("benchmarks/scale.py", "--sizes", "20", "200", "--runs", "1")
    assert lines[2] == "validate"
    assert lines[4].split()[:2] == ["20", "100"]
    assert lines[5].split()[:2] == ["200", "1,000"]
    assert lines[5].endswith("×") and "MiB" in lines[5]
    assert lines[7] == "coverage" and lines[10].split()[:2] == ["200", "1,000"]


def test_the_validate_cli_benchmark_runs_on_one_example() -> None:
    lines = _run("benchmarks/validate_cli.py", "--runs", "1", "--examples", "pagero", "--cpu")
    assert lines[0] == "cpu time, median of 1 runs"
    assert lines[1].split() == [
        "example", "sf", "cold", "sf", "warm", "yamllint", "c-j", "cold/yl", "warm/yl", "warm/c-j"
    ]  # fmt: skip
    assert lines[2].startswith("pagero ") and lines[2].count("ms") == 4
    assert lines[4].startswith("supportflow cold / yamllint:")
    assert lines[5].startswith("supportflow warm / yamllint:")
