"""`supportflow validate` and `build` end their process without teardown, and still exit as
click would.

The command runs as users run it, in a fresh process: every byte of the report
is written and the exit code is the documented one, on each path.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from supportflow.cli import _exit_status

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "supportflow", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_findings_are_printed_in_full_with_exit_1() -> None:
    done = _run("validate", "tests/fixtures/policies/schema-mistakes")
    assert done.returncode == 1
    expected = (ROOT / "tests/fixtures/policies/schema-mistakes/expected.txt").read_text()
    findings = [line.split(": ", 1)[1] for line in expected.splitlines()]
    assert all(finding.split(" ", 1)[1] in done.stdout for finding in findings)
    assert done.stdout.splitlines()[-1] == f"{len(findings)} errors in 1 file"


def test_a_clean_policy_exits_0() -> None:
    done = _run("validate", "examples/crm-insight")
    assert (done.returncode, done.stdout) == (0, "no findings in 1 file\n")


def test_input_and_usage_errors_exit_2() -> None:
    missing = _run("validate", "no-such-folder")
    assert missing.returncode == 2
    assert missing.stderr == "supportflow: error: no-such-folder: no such file or folder\n"
    usage = _run("validate", "--no-such-option", "examples/pagero")
    assert usage.returncode == 2 and "No such option" in usage.stderr


def test_the_report_file_is_complete(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    done = _run("validate", "--format", "json", "-o", str(report), "examples/crm-insight")
    assert done.returncode == 0
    assert report.read_text(encoding="utf-8").rstrip().endswith("}")


def test_a_build_writes_every_file_whole_before_the_process_ends(tmp_path: Path) -> None:
    out = tmp_path / "out"
    built = _run("build", "examples/pagero", "-o", str(out), "--as-of", "2026-11-25")
    assert built.returncode == 0, built.stderr
    count = int(built.stdout.rsplit("built ", 1)[1].split(" files", 1)[0])
    assert count == sum(1 for path in out.rglob("*") if path.is_file()) > 50
    checked = _run("build", "examples/pagero", "-o", str(out), "--as-of", "2026-11-25", "--check")
    assert checked.returncode == 0
    assert checked.stdout.splitlines()[-1] == f"{out} is up to date ({count} files)"


def test_a_build_that_fails_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text(
        "apiVersion: supportflow/v1\nlanguages: [en]\ncalendars:\n  c: {timezone: Mars/Base}\n"
    )
    done = _run("build", str(policy), "-o", str(tmp_path / "out"), "--as-of", "2026-11-25")
    assert done.returncode == 1 and "nothing was built" in done.stderr
    assert "error E" in done.stdout and not (tmp_path / "out").exists()


@pytest.mark.parametrize(("code", "status"), [(None, 0), (0, 0), (2, 2), ("bad", 1)])
def test_exit_codes_follow_sys_exit(code: object, status: int) -> None:
    assert _exit_status(code) == status
