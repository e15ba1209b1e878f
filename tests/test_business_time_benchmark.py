"""Smoke-run the business-time benchmark at a tiny size, CLI case included."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_runs_and_the_cli_agrees_with_the_engine() -> None:
    done = subprocess.run(
        [sys.executable, "benchmarks/business_time.py", "--n", "2000", "--scalar", "200",
         "--peer", "20", "--oracle", "5", "--cli-rows", "2000"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    cli = [line for line in done.stdout.splitlines() if line.startswith("ours, CLI due --batch")]
    assert [line.split(" rows in ")[0] for line in cli] == [
        "ours, CLI due --batch: 200",
        "ours, CLI due --batch: 2,000",
    ]
    assert all("; 0 of 200 sampled rows disagree" in line or "; 0 of 2000" in line for line in cli)
    assert "growth 200 -> 2,000 rows" in done.stdout
    assert "ours batch  disagreements: 0" in done.stdout
