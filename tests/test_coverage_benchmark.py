"""Smoke-run the coverage benchmark at a tiny size, so it keeps working; not a timing test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_coverage_benchmark_runs_at_a_tiny_size() -> None:
    done = subprocess.run(
        [sys.executable, "benchmarks/coverage.py", "--sizes", "10", "20", "--runs", "1",
         "--walk-cells", "0"],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    lines = done.stdout.splitlines()
    assert lines[0].startswith("    10 teams: supportflow coverage")
    assert lines[2].startswith("growth per 2× teams")
