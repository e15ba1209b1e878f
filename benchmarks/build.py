"""Time ``supportflow build`` end to end, process start included.

The build issue's targets are for its own generators, the runtime document and the
helpdesk payloads (``--only runtime --only zendesk --only freshdesk``): the Pagero
example in ≤ 1 s and a synthetic policy with 10,000 teams in ≤ 10 s, plus a
1,000-team one for the growth ratio. The build with every generator (help center,
handbook and diagrams too) is timed beside it.
Issue 9 counts the SVGs Graphviz's ``dot`` draws separately, so Pagero is also
built with ``dot`` off the PATH, and ``dot`` is timed alone on its DOT files.
Each is the median wall-clock time of several runs of the installed command
(beside `supportflow validate` on the same policy, so the render share shows),
as a CI job would call it. Every run is cold: ``SUPPORTFLOW_NO_CACHE=1`` keeps
the holiday, catalog and template caches out of it, so no cache makes a figure lie.
The issue names no peer for build, so none is run.

    python benchmarks/build.py [--runs N] [--teams 10000]
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

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-25"
# Every timed run with supportflow's caches off, as on a fresh CI runner.
COLD = {**os.environ, "SUPPORTFLOW_NO_CACHE": "1"}
# The build issue's own generators; the site, handbook and diagrams came with another.
PAYLOADS = ("runtime", "zendesk", "freshdesk")


def _command() -> list[str]:
    found = shutil.which("supportflow", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "supportflow"]


def large_policy(folder: Path, teams: int) -> Path:
    """The scale benchmarks' synthetic policy when it is there, else a minimal one of our own."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from synthetic import write_policy  # type: ignore[import-not-found]
    except ImportError:
        return _minimal_policy(folder, teams)
    return write_policy(folder, teams)


def _minimal_policy(folder: Path, teams: int) -> Path:
    """``teams`` teams over teams/10 calendars in five zones with public holidays,
    four priorities with business-day targets, and a 20 × 10 support matrix."""
    zones = (
        ("Europe/Stockholm", "SE"),
        ("Europe/Helsinki", "FI"),
        ("Europe/Oslo", "NO"),
        ("America/New_York", "US"),
        ("Asia/Riyadh", "SA"),
    )
    calendars = max(1, teams // 10)
    languages = ("en", "sv", "fi", "de", "fr", "es", "nl", "pl", "ja", "pt")
    lines = [
        "apiVersion: supportflow/v1",
        "organization: {name: Synthetic}",
        f"languages: [{', '.join(languages)}]",
        "products:",
    ]
    lines += [f"  product-{p:02d}: {{name: Product {p}}}" for p in range(20)]
    lines += ["channels:", "  portal: {kind: ticket_portal, name: Portal}", "calendars:"]
    for c in range(calendars):
        zone, country = zones[c % len(zones)]
        lines.append(
            f"  cal-{c:05d}: {{name: Office {c}, timezone: {zone},"
            f" hours: mon-fri 08:00-17:00, holidays: {country}, business_day: 9h}}"
        )
    lines.append("support_matrix:")
    for p in range(20):
        lines.append(f"  product-{p:02d}:")
        lines += [
            f"    {lang}: {{calendar: cal-{(p * 10 + i) % calendars:05d}, available: [portal]}}"
            for i, lang in enumerate(languages)
        ]
    lines.append("teams:")
    lines += [
        f"  team-{t:06d}: {{name: Team {t}, tier: first_line, calendar: cal-{t % calendars:05d}}}"
        for t in range(teams)
    ]
    lines += ["routing: {front_door: team-000000}", "priorities:"]
    for level, (first, resolution) in enumerate(
        (
            ("15m", "1 business day"),
            ("1h", "2 business days"),
            ("1 business day", "5 business days"),
            ("2 business days", "10 business days"),
        ),
        1,
    ):
        lines.append(
            f"  P{level}: {{name: P{level}, level: {level}, definition: x,"
            f" targets: {{first_response: {first}, resolution: {resolution}}}}}"
        )
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "policy.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _time(argv: list[str], runs: int, env: dict[str, str] = COLD) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, cwd=ROOT, check=False, env=env)
        samples.append(time.perf_counter() - start)
        if done.returncode != 0:
            sys.exit(f"{' '.join(argv)} exited {done.returncode}:\n{done.stderr.decode()}")
    return statistics.median(samples)


def _measure(label: str, policy: Path, out: Path, runs: int, target: str = "") -> float:
    """Print the payload build, the full build and validate for one policy; return the
    payload build's time (the differences are render and write)."""
    build = [*_command(), "build", str(policy), "-o", str(out), "--as-of", AS_OF]
    payloads = _time([*build, *(f"--only={name}" for name in PAYLOADS)], runs)
    every = _time(build, runs)
    checked = _time([*_command(), "validate", str(policy)], runs)
    print(f"{label:<28}{payloads:>8.2f} s  {', '.join(PAYLOADS)}{target}")
    print(f"{'  every generator':<28}{every:>8.2f} s  (validate alone {checked:.2f} s)")
    return payloads


def _measure_without_dot(policy: Path, out: Path, runs: int) -> None:
    """The build with Graphviz hidden (DOT only), then ``dot`` alone on those DOT files."""
    hidden = {**COLD, "PATH": str(Path(sys.executable).parent)}
    argv = [*_command(), "build", str(policy), "-o", str(out), "--as-of", AS_OF]
    built = _time(argv, runs, hidden)
    print(f"{'  without dot':<28}{built:>8.2f} s   target ≤ 1 s (issue 9)")
    dot = shutil.which("dot")
    sources = sorted((out / "diagrams").glob("*.dot"))
    if dot is None or not sources:
        print(f"{'  dot alone':<28}     n/a  (Graphviz not installed)")
        return
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        for source in sources:
            subprocess.run([dot, "-Tsvg", str(source)], capture_output=True, check=True)
        samples.append(time.perf_counter() - start)
    seconds = statistics.median(samples)
    print(f"{'  dot alone':<28}{seconds:>8.2f} s  ({len(sources)} DOT files)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per policy")
    parser.add_argument("--teams", type=int, default=10_000, help="teams in the large policy")
    args = parser.parse_args()
    listed = subprocess.run([*_command(), "build", "--list"], capture_output=True, check=True)
    names = [line.split()[0] for line in listed.stdout.decode().splitlines()]
    print(f"generators: {', '.join(names)}")
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        pagero = ROOT / "examples" / "pagero"
        _measure("examples/pagero", pagero, work / "pagero", args.runs, "   target ≤ 1 s")
        _measure_without_dot(pagero, work / "pagero-no-dot", args.runs)
        small_teams = max(10, args.teams // 10)
        small = large_policy(work / "small", small_teams)
        large = large_policy(work / "large", args.teams)
        t_small = _measure(f"synthetic, {small_teams:,} teams", small, work / "s", args.runs)
        t_large = _measure(
            f"synthetic, {args.teams:,} teams",
            large,
            work / "l",
            max(1, args.runs // 2),
            "   target ≤ 10 s",
        )
        print(
            f"growth: {args.teams / small_teams:.0f}× the teams took {t_large / t_small:.2f}× the"
            f" time for {', '.join(PAYLOADS)} (no peer named for build)"
        )


if __name__ == "__main__":
    main()
