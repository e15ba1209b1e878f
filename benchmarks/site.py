"""Time the people-facing build: help center (every locale), handbook and diagrams.

Each run is a fresh process, as CI runs it: start Python, validate the policy,
render the helpcenter, handbook and diagrams generators (every language and
product) and write the files. Graphviz's `dot` is hidden from that process and
timed separately, rendering the same DOT sources, as issue 9 asks. Two sizes:
the Pagero example (8 locales × 3 products) and Pagero with 4× the products,
with the growth ratio. The issue names no peer tool; the figure to beat is
its 1 s budget for the Pagero build.

    python benchmarks/site.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PAGERO = ROOT / "examples" / "pagero"
BUDGET = 1.0
VALIDATE = """
import sys
from supportflow.api import validate_policy
validate_policy(sys.argv[1])
"""
BUILD = """
import sys
from datetime import date
from pathlib import Path
from supportflow import __version__
from supportflow.api import validate_policy
from supportflow.build.generator import BuildContext
from supportflow.build.generators import diagrams, handbook, helpcenter
result = validate_policy(sys.argv[1])
context = BuildContext(result.policy, date(2026, 11, 25), __version__, result.findings)
out = Path(sys.argv[2])
for generator in (helpcenter, handbook, diagrams):
    for file in generator.render(context):
        target = out / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.data)
"""


def scaled_pagero(folder: Path, factor: int) -> Path:
    """Pagero with every product (and its support-matrix row) copied ``factor`` times."""
    shutil.copytree(PAGERO, folder)
    policy = yaml.safe_load((folder / "policy.yaml").read_text(encoding="utf-8"))
    for copy in range(2, factor + 1):
        for product_id in list(policy["support_matrix"]):
            if "-" in product_id:
                continue
            new = f"{product_id}-{copy}"
            policy["products"][new] = {"name": f"{policy['products'][product_id]['name']} {copy}"}
            policy["support_matrix"][new] = policy["support_matrix"][product_id]
    (folder / "policy.yaml").write_text(yaml.safe_dump(policy, sort_keys=False), encoding="utf-8")
    return folder


def _time_build(policy: Path, runs: int, script: str = BUILD) -> tuple[float, int, Path]:
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}  # no Graphviz on PATH
    samples, files = [], []
    out = Path(tempfile.mkdtemp(prefix="site-bench-"))
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", script, str(policy), str(out)], env=env, check=True)
        samples.append(time.perf_counter() - start)
        files = [p for p in out.rglob("*") if p.is_file()]
    return statistics.median(samples), len(files), out


def _time_dot(out: Path, runs: int) -> tuple[float, int]:
    dot = shutil.which("dot")
    if dot is None:
        return float("nan"), 0
    sources = sorted((out / "diagrams").glob("*.dot"))
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        for source in sources:
            subprocess.run([dot, "-Tsvg", str(source)], capture_output=True, check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), len(sources)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per size")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sizes = [("pagero", PAGERO), ("pagero x4 products", scaled_pagero(Path(tmp) / "x4", 4))]
        print(
            f"{'policy':<20}{'files':>6}{'build':>9}{'of which validate':>19}"
            f"{'dot (separate)':>22}{'vs 1 s budget':>15}"
        )
        times = []
        for label, policy in sizes:
            seconds, files, out = _time_build(policy, args.runs)
            validate, _, _ = _time_build(policy, args.runs, VALIDATE)
            dot_seconds, dot_files = _time_dot(out, args.runs)
            times.append(seconds)
            print(
                f"{label:<20}{files:>6}{seconds:>8.3f}s{validate:>18.3f}s"
                f"{dot_seconds:>10.3f}s ({dot_files} files){seconds / BUDGET:>11.2f}×"
            )
            shutil.rmtree(out, ignore_errors=True)
    print(f"growth x4 products / pagero: {times[1] / times[0]:.2f}")
    print("peer: none named in issue 9; the ratio is to its 1 s budget")


if __name__ == "__main__":
    main()
