"""The build benchmark still runs (at a tiny size; timings are not asserted)."""

from __future__ import annotations

import subprocess
import sys

from tests.build_support import ROOT


def test_build_benchmark_runs_at_a_tiny_size() -> None:
    done = subprocess.run(
        [sys.executable, "benchmarks/build.py", "--runs", "1", "--teams", "20"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert lines[0].startswith("generators: runtime, zendesk, freshdesk")
    assert lines[1].startswith("examples/pagero") and "(validate alone " in lines[1]
    assert lines[2].startswith("  without dot") and lines[3].startswith("  dot alone")
    assert "synthetic, 20 teams" in lines[5]
    assert lines[6].startswith("growth: 2× the teams took")
