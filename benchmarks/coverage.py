"""Time the coverage sweep over 12 months at N and 10·N teams, against a minute-by-minute walk.

The policies are the scale benchmarks' synthetic ones (``benchmarks/synthetic.py``) when
that module is there, else ``benchmarks/build.py``'s minimal stand-in. Three figures per
size: ``supportflow coverage`` end to end as CI would call it (process start, validation
with every rule, the W70x sweep of the reference year included, then the sweep of the
requested 12 months), the sweep alone in process (``analyse_coverage``), and its growth
per 10× of policy size (10.0 is linear; the issue's target is at most 12).

The issue names no peer for coverage; the obvious way without interval algebra is a walk
over every minute asking each calendar ``is_open``. It runs in the same process on the
first ``--walk-cells`` offered channels for the ``no_team_on_shift`` reason only, and its
time per channel is compared with the sweep's time per channel (all three reasons).

    python benchmarks/coverage.py [--sizes 1000 10000] [--runs 3] [--walk-cells 2]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from build import _command, large_policy  # noqa: E402

from supportflow.analysis.coverage import analyse_coverage, channel_hours, offered  # noqa: E402
from supportflow.analysis.intake import Population, Router, speaks  # noqa: E402
from supportflow.api import load_valid_policy  # noqa: E402
from supportflow.businesstime import BusinessCalendar  # noqa: E402

AS_OF = "2027-01-01"
START = datetime(2027, 1, 1, tzinfo=UTC)
END = datetime(2028, 1, 1, tzinfo=UTC)


def _process(policy: Path, runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds (user + system) of the command in a fresh process; on a
    machine whose cores other work shares, CPU time is the steadier figure."""
    argv = [*_command(), "coverage", str(policy), "--as-of", AS_OF, "--format", "json"]
    walls, cpus = [], []
    for _ in range(runs):
        began = time.perf_counter()
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        errors = process.stderr.read() if process.stderr else b""
        _, status, usage = os.wait4(process.pid, 0)
        walls.append(time.perf_counter() - began)
        cpus.append(usage.ru_utime + usage.ru_stime)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"{' '.join(argv)} failed:\n{errors.decode()}")
    return statistics.median(walls), statistics.median(cpus)


def _sweep(policy, runs: int) -> tuple[float, int, int]:
    samples, gaps = [], 0
    for _ in range(runs):
        began = time.perf_counter()
        gaps = len(analyse_coverage(policy, START, END).gaps)
        samples.append(time.perf_counter() - began)
    channels = sum(1 for _ in offered(policy))
    return statistics.median(samples), gaps, channels


def _walk(policy, cells: int) -> tuple[float, int]:
    """Nobody-on-shift minutes of the first ``cells`` offered channels, minute by minute."""
    engines: dict[str, BusinessCalendar] = {}

    def engine(calendar) -> BusinessCalendar:
        if calendar.id not in engines:
            engines[calendar.id] = BusinessCalendar(calendar.spec)
        return engines[calendar.id]

    began = time.perf_counter()
    walked = 0
    for cell, channel in list(offered(policy))[:cells]:
        request_type = (channel.accepts[0].id if channel.accepts else None) or next(
            iter(policy.request_types), None
        )
        hours = channel_hours(cell, channel, request_type)
        who = Population(cell.product.id, cell.language.id, channel.id, request_type)
        teams = [t for t in Router(policy).teams(who) if speaks(t, who.language)]
        team_engines = [engine(t.calendar.target) for t in teams if t.calendar is not None]
        t, minutes = START, 0
        while t < END:
            if engine(hours).is_open(t) and not any(e.is_open(t) for e in team_engines):
                minutes += 1
            t += timedelta(minutes=1)
        walked += 1
    return time.perf_counter() - began, walked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[1000, 10000], metavar="N")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--walk-cells", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for teams in args.sizes:
            folder = large_policy(Path(tmp) / f"policy-{teams}", teams)
            policy = load_valid_policy(folder)
            wall, cpu = _process(folder, args.runs)
            sweep, gaps, channels = _sweep(policy, args.runs)
            rows.append((teams, cpu, sweep, gaps, channels, policy))
            print(
                f"{teams:>6} teams: supportflow coverage {wall:6.2f} s wall, {cpu:6.2f} s CPU"
                f" end to end; sweep alone {sweep:6.2f} s for {channels} channels, {gaps} gaps"
            )
        (small, c1, s1, *_), (large, c2, s2, _, channels, policy) = rows
        factor = large / small
        print(
            f"growth per {factor:.0f}× teams: end to end (CPU) {c2 / c1:.2f}, sweep {s2 / s1:.2f}"
        )
        if args.walk_cells <= 0:
            return
        walk, walked = _walk(policy, args.walk_cells)
        per_walk, per_sweep = walk / walked, s2 / channels
        print(
            f"minute-by-minute walk (one reason): {per_walk:.2f} s per channel;"
            f" sweep (three reasons): {per_sweep * 1000:.1f} ms per channel;"
            f" walk / sweep {per_walk / per_sweep:.0f}×"
        )


if __name__ == "__main__":
    main()
