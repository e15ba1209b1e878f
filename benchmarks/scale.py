"""How `supportflow validate` and `supportflow coverage` grow with the size of a policy.

Generates the synthetic policies of ``benchmarks/synthetic.py`` (N teams, 5·N
escalation steps, N/10 calendars in 30 zones, a 200-cell support matrix) into a
temporary folder, then times each command in a fresh process per size, as CI
would run it: wall time and CPU time (user + system; the medians of ``--runs``)
and the process's peak RSS. On a machine whose cores other work shares, CPU
time is the steadier figure; wall time is what a user waits.
The growth ratio per 10× of policy size shows whether the cost stays linear
(10.0 is linear; the target is at most 12).

    python benchmarks/scale.py [--sizes 1000 10000] [--with-50k] [--runs 3]

``COMMANDS`` lists what is timed; add a command there to time it on the same
policies.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_policy

# What to time on each policy folder: a label and the command's arguments. validate runs
# every rule, the coverage sweep of the reference year (W70x) included; coverage then also
# sweeps the 12 months from a fixed as-of date and writes every gap interval as JSON.
COMMANDS: dict[str, Callable[[Path], list[str]]] = {
    "validate": lambda policy: ["validate", str(policy)],
    "coverage": lambda policy: [
        "coverage",
        str(policy),
        "--as-of",
        "2027-01-01",
        "--format",
        "json",
    ],
}


@dataclass(frozen=True)
class Measurement:
    """One command on one policy size: median wall and CPU times, the largest peak RSS."""

    size: int
    seconds: float
    cpu_seconds: float
    peak_mib: float


def supportflow() -> list[str]:
    """The console script beside this interpreter, as CI would call it."""
    found = shutil.which("supportflow", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "supportflow"]


def run_once(argv: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of one fresh process; exits if it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{' '.join(argv)} exited {process.returncode}:\n{output.decode()[-2000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def measure(argv: list[str], size: int, runs: int) -> Measurement:
    samples = [run_once(argv) for _ in range(runs)]
    return Measurement(
        size,
        statistics.median(seconds for seconds, _, _ in samples),
        statistics.median(cpu for _, cpu, _ in samples),
        max(peak for _, _, peak in samples),
    )


def growth_per_10x(small: float, large: float, size_ratio: float) -> float:
    """The time ratio scaled to a 10× size step (exact for a power law between the two)."""
    return (large / small) ** (1 / math.log10(size_ratio))


def report(label: str, rows: list[Measurement]) -> None:
    print(f"\n{label}")
    print(
        f"{'teams':>8}{'steps':>9}{'wall (median)':>15}{'CPU (median)':>14}{'peak RSS':>11}"
        f"{'growth per 10× (wall, CPU)':>28}"
    )
    previous = None
    for row in rows:
        growth = "—"
        if previous is not None:
            ratio = row.size / previous.size
            wall = growth_per_10x(previous.seconds, row.seconds, ratio)
            cpu = growth_per_10x(previous.cpu_seconds, row.cpu_seconds, ratio)
            growth = f"{wall:.1f}×, {cpu:.1f}×"
        print(
            f"{row.size:>8,}{5 * row.size:>9,}{row.seconds:>13.2f} s{row.cpu_seconds:>12.2f} s"
            f"{row.peak_mib:>7.0f} MiB{growth:>28}"
        )
        previous = row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--with-50k", action="store_true", help="also time 50,000 teams")
    parser.add_argument("--runs", type=int, default=3, help="runs per size (median)")
    args = parser.parse_args()
    sizes = sorted({*args.sizes, *([50_000] if args.with_50k else [])})

    base = supportflow()
    with tempfile.TemporaryDirectory(prefix="supportflow-scale-") as scratch:
        policies = {size: write_policy(Path(scratch) / f"teams-{size}", size) for size in sizes}
        print(f"{len(os.sched_getaffinity(0))} CPUs, load average {os.getloadavg()[0]:.2f}")
        for label, arguments in COMMANDS.items():
            rows = []
            for size in sizes:
                runs = 1 if size >= 50_000 else args.runs
                rows.append(measure([*base, *arguments(policies[size])], size, runs))
            report(label, rows)


if __name__ == "__main__":
    main()
