"""The route benchmark still runs (at a tiny size; timings are not asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_route_benchmark_runs_at_a_tiny_size() -> None:
    done = subprocess.run(
        [sys.executable, "benchmarks/route.py", "--tickets", "300", "--teams", "20"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert lines[0].startswith("examples/pagero") and "µs/ticket wall" in lines[0]
    assert lines[2].startswith("synthetic, 20 teams") and " routing rows," in lines[2]
    assert lines[3].startswith("synthetic, 200 teams")
    assert lines[4].startswith("growth for 10x the teams:")
