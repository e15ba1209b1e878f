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
    assert lines[1].startswith("examples/pagero") and "runtime, zendesk, freshdesk" in lines[1]
    assert lines[2].startswith("  every generator") and "(validate alone " in lines[2]
    assert lines[3].startswith("  without dot") and lines[4].startswith("  dot alone")
    assert "synthetic, 20 teams" in lines[7] and lines[8].startswith("  every generator")
    assert lines[9].startswith("growth: 2× the teams took")
