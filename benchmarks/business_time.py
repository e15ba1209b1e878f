"""Business-time deadlines: supportflow vs businesstimedelta vs a minute-by-minute oracle.

Calendars shaped like Pagero's: SE Mon–Fri 08–17 (Stockholm, SE holidays), FI Mon–Fri 08–16
(Helsinki, FI holidays), SA Sun–Thu 09–18 (Riyadh, SA holidays) and 24/7. Starts spread over
2020–2035 with ~5% at hard instants (DST transitions, opening and closing times, holidays);
durations from 15 minutes to 20 business days of 9 hours. Fixed seed, so runs are comparable.

The CLI case runs ``supportflow due --batch`` end to end (a fresh process reading a generated
CSV of the SE workload and writing every deadline) at two sizes, with wall time, CPU time and
peak RSS, and checks a sample of its rows against the in-process engine. businesstimedelta has
no batch mode, so its per-call rate from the peer sample is extrapolated to the same rows
(without any CSV work: generous to the peer).

    python benchmarks/business_time.py [--n 1000000] [--scalar 100000] [--peer 2000] [--oracle 300]
                                       [--cli-rows 1000000]
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from types import FrameType
from zoneinfo import ZoneInfo

import holidays
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from businesstime_oracle import Oracle, transitions

from supportflow.businesstime import BusinessCalendar
from supportflow.businesstime.holidays import public_holidays
from supportflow.businesstime.spec import CalendarSpec, HolidaySource
from supportflow.businesstime.zones import offset_segments
from supportflow.shortforms import parse_hours

CALENDARS = {
    "SE": CalendarSpec(
        "Europe/Stockholm", parse_hours("mon-fri 08:00-17:00"), (HolidaySource("SE"),)
    ),
    "FI": CalendarSpec(
        "Europe/Helsinki", parse_hours("mon-fri 08:00-16:00"), (HolidaySource("FI"),)
    ),
    "SA": CalendarSpec("Asia/Riyadh", parse_hours("sun-thu 09:00-18:00"), (HolidaySource("SA"),)),
    "24/7": CalendarSpec("UTC", parse_hours("24/7")),
}
SE_OPTIONS = ["--tz", "Europe/Stockholm", "--hours", "mon-fri 08:00-17:00", "--holidays", "SE"]
FIRST, LAST = datetime(2020, 1, 1, tzinfo=UTC), datetime(2036, 1, 1, tzinfo=UTC)
MINUTE = 60


def hard_instants(spec: CalendarSpec, rng: np.random.Generator, k: int) -> np.ndarray:
    """Epoch seconds at DST transitions, shift boundaries and holiday openings."""
    zone = ZoneInfo(spec.timezone)
    out: list[int] = []
    moments = transitions(spec.timezone, 2020, 2035)
    boundaries = sorted({m for s in spec.shifts for m in (s.start, s.end % 1440)})
    days = [h for source in spec.holidays for h in _holidays(source)]
    for _ in range(k):
        kind = rng.integers(3)
        if kind == 0 and moments:
            base = moments[rng.integers(len(moments))]
            out.append(int(base.timestamp()) + int(rng.integers(-120, 121)) * MINUTE)
            continue
        if kind == 1 and days:
            day = days[rng.integers(len(days))]
        else:
            day = date(2020, 1, 1) + timedelta(days=int(rng.integers(16 * 365)))
        minute = boundaries[rng.integers(len(boundaries))] + int(rng.integers(-2, 3))
        local = datetime.combine(day, clock(), tzinfo=zone) + timedelta(minutes=minute)
        out.append(int(local.timestamp()) // MINUTE * MINUTE)
    return np.array(out, dtype=np.int64)


def _holidays(source: HolidaySource) -> list[date]:
    options = {"include_sundays": False} if source.country == "SE" else {}
    # The country's class, not country_holidays: older releases pass no options through it.
    table = getattr(holidays, source.country)(
        years=range(2020, 2036), categories=("public",), **options
    )
    return sorted(table)


def workload(n: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(calendar index, start epoch seconds, duration seconds), all minute-aligned."""
    rng = np.random.default_rng(seed)
    which = rng.integers(len(CALENDARS), size=n)
    lo, hi = int(FIRST.timestamp()) // MINUTE, int(LAST.timestamp()) // MINUTE
    starts = rng.integers(lo, hi, size=n) * MINUTE
    for index, spec in enumerate(CALENDARS.values()):
        rows = np.flatnonzero(which == index)
        hard = rows[rng.random(rows.size) < 0.05]
        starts[hard] = hard_instants(spec, rng, hard.size)
    minutes = np.exp(rng.uniform(np.log(15), np.log(20 * 9 * 60), size=n)).astype(np.int64)
    return which, starts, minutes * MINUTE


def bt_rule(spec: CalendarSpec) -> object:
    """The businesstimedelta equivalent of a calendar, as its README suggests building it."""
    import businesstimedelta
    import pytz

    tz = pytz.timezone(spec.timezone)
    first = spec.shifts[0]
    if first.end - first.start >= 1440:
        start, end = clock(0), clock(23, 59, 59, 999999)  # it cannot express a full day
    else:
        start = clock(first.start // 60, first.start % 60)
        end = clock(first.end // 60 % 24, first.end % 60)
    rules = [
        businesstimedelta.WorkDayRule(
            start_time=start,
            end_time=end,
            working_days=sorted({s.weekday for s in spec.shifts}),
            tz=tz,
        )
    ]
    for source in spec.holidays:
        options = {"include_sundays": False} if source.country == "SE" else {}
        table = getattr(holidays, source.country)(
            years=range(2019, 2040), categories=("public",), **options
        )
        rules.append(businesstimedelta.HolidayRule(table, tz=tz))
    return businesstimedelta.Rules(rules)


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def bt_due(rule: object, start: datetime, seconds: int) -> datetime | None:
    """businesstimedelta's deadline, or None when it raises or runs over 2 seconds."""
    import businesstimedelta

    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(2)
    try:
        return businesstimedelta.BusinessTimeDelta(rule, seconds=seconds) + start
    except Exception:
        return None
    finally:
        signal.alarm(0)


def write_csv(path: Path, starts: np.ndarray, durations: np.ndarray) -> None:
    """The rows a helpdesk export would hold: ISO 8601 UTC starts, durations in minutes."""
    texts = np.datetime_as_string(starts.astype("datetime64[s]"), unit="s")
    with path.open("w", encoding="utf-8") as out:
        out.write("start,duration\n")
        for k in range(0, starts.size, 100_000):
            rows = [
                f"{t}Z,{m}m\n"
                for t, m in zip(
                    texts[k : k + 100_000].tolist(),
                    (durations[k : k + 100_000] // 60).tolist(),
                    strict=True,
                )
            ]
            out.write("".join(rows))


# Started by a small launcher, so the CLI's peak RSS is its own: a child forked straight from
# this process would count the workload arrays it inherited until exec.
LAUNCHER = """
import os, sys, time
out = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
t0 = time.perf_counter()
actions = [(os.POSIX_SPAWN_DUP2, out, 1)]
pid = os.posix_spawn(sys.argv[2], sys.argv[2:], os.environ, file_actions=actions)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - t0
print(os.waitstatus_to_exitcode(status), wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


def run_cli(csv: Path, out: Path) -> tuple[float, float, int]:
    """(wall s, CPU s, peak RSS KiB) of one ``supportflow due --batch`` process."""
    command = [sys.executable, "-m", "supportflow", "due", *SE_OPTIONS, "--batch", str(csv)]
    report = subprocess.run(
        [sys.executable, "-c", LAUNCHER, str(out), *command],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    ).stdout.split()
    if report[0] != "0":
        raise SystemExit(f"supportflow due --batch failed with exit code {report[0]}")
    return float(report[1]), float(report[2]), int(report[3])


def cli_case(rows: int, seed: int, peer_us: float) -> None:
    """``due --batch`` end to end at rows/10 and rows, against businesstimedelta's rate."""
    _, starts, durations = workload(rows, seed)
    calendar = BusinessCalendar(CALENDARS["SE"])
    figures = []
    with tempfile.TemporaryDirectory() as folder:
        for n in (rows // 10, rows):
            csv, out = Path(folder) / f"{n}.csv", Path(folder) / f"{n}.out"
            write_csv(csv, starts[:n], durations[:n])
            wall, cpu, rss = run_cli(csv, out)
            figures.append((n, wall))
            sample = min(n, 2000)
            with out.open(encoding="utf-8") as written:
                next(written)
                got = [next(written).rstrip("\n").rsplit(",", 1)[1] for _ in range(sample)]
            expected = calendar.due_many(starts[:sample], durations[:sample]).tolist()
            wrong = sum(
                datetime.fromisoformat(g).astimezone(UTC).replace(tzinfo=None) != e
                for g, e in zip(got, expected, strict=True)
            )
            print(
                f"ours, CLI due --batch: {n:,} rows in {wall:.2f} s wall, {cpu:.2f} s CPU, "
                f"peak RSS {rss / 1024:.0f} MiB; {wrong} of {sample} sampled rows disagree "
                f"with the engine"
            )
            peer_s = n * peer_us / 1e6
            print(
                f"  businesstimedelta, same rows at {peer_us:.1f} µs/call (extrapolated, "
                f"no CSV work): {peer_s:,.0f} s; ratio {peer_s / wall:,.0f}x"
            )
    (small, small_s), (large, large_s) = figures
    print(f"  growth {small:,} -> {large:,} rows: {large_s / small_s:.1f}x time for 10x rows")


def long_durations() -> None:
    """One deadline 365 and 3,652 days of business time ahead on the SE calendar (a fresh
    calendar with the holiday and zone caches cleared: compiling the years is measured too),
    against the peer;
    then what a calendar open one minute a week does with a duration it cannot hold."""
    import pytz

    start = datetime(2026, 11, 20, 15, 55, tzinfo=UTC)
    rule = bt_rule(CALENDARS["SE"])
    figures = []
    for days in (365, 3652):
        public_holidays.cache_clear()
        offset_segments.cache_clear()
        t0 = time.perf_counter()
        ours = BusinessCalendar(CALENDARS["SE"]).due(start, timedelta(days=days))
        ours_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        theirs = bt_due(rule, start.astimezone(pytz.utc), days * 86400)
        theirs_s = time.perf_counter() - t0
        figures.append((ours_s, theirs_s))
        print(
            f"long duration {days:,}d on SE: ours {ours_s * 1e3:.0f} ms (cold) -> {ours:%Y-%m-%d}; "
            f"businesstimedelta {theirs_s * 1e3:.0f} ms"
            + (f" -> {theirs:%Y-%m-%d}" if theirs else " (raised or hung > 2 s)")
            + f"; ratio {theirs_s / ours_s:,.0f}x"
        )
    (ours_1, theirs_1), (ours_10, theirs_10) = figures
    print(
        f"  growth 10x the duration: ours {ours_10 / ours_1:.1f}x, peer {theirs_10 / theirs_1:.1f}x"
    )
    sparse = CalendarSpec("Europe/Stockholm", parse_hours("mon 10:00-10:01"))
    t0 = time.perf_counter()
    try:
        BusinessCalendar(sparse).due(start, timedelta(days=36525))
        outcome = "answered"
    except ValueError as error:
        outcome = f"refused: {error}"
    print(
        f"36,525d on a calendar open one minute a week: {(time.perf_counter() - t0) * 1e3:.1f} ms,"
        f" {outcome}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--scalar", type=int, default=100_000)
    parser.add_argument("--peer", type=int, default=2_000)
    parser.add_argument("--oracle", type=int, default=300)
    parser.add_argument("--cli-rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=20261120)
    args = parser.parse_args()

    which, starts, durations = workload(args.n, args.seed)
    names = list(CALENDARS)
    t0 = time.perf_counter()
    calendars = [BusinessCalendar(spec) for spec in CALENDARS.values()]
    for cal in calendars:  # compile every year the workload can reach (cold, with holidays)
        cal.due_many(np.array([starts.min(), starts.max()]), np.array([0, 0]))
    compile_s = time.perf_counter() - t0
    print(f"workload: {args.n:,} deadlines over {', '.join(names)}; seed {args.seed}")
    print(f"compile 4 calendars x 16+ years (cold, incl. holidays): {compile_s * 1e3:.1f} ms")

    groups = [np.flatnonzero(which == k) for k in range(len(calendars))]
    due = np.empty(args.n, dtype="datetime64[us]")
    t0 = time.perf_counter()
    for cal, rows in zip(calendars, groups, strict=True):
        due[rows] = cal.due_many(starts[rows], durations[rows])
    batch_s = time.perf_counter() - t0
    batch_us = batch_s / args.n * 1e6
    print(
        f"ours, batch : {args.n:,} in {batch_s:.3f} s = {args.n / batch_s:,.0f}/s, "
        f"{batch_us:.3f} µs/call"
    )

    m = min(args.scalar, args.n)
    inputs = [
        (
            calendars[which[k]],
            datetime.fromtimestamp(int(starts[k]), UTC),
            timedelta(seconds=int(durations[k])),
        )
        for k in range(m)
    ]
    t0 = time.perf_counter()
    scalar = [cal.due(start, duration) for cal, start, duration in inputs]
    scalar_us = (time.perf_counter() - t0) / m * 1e6
    print(f"ours, scalar: {m:,} calls, {scalar_us:.2f} µs/call")
    scalar_vs_batch = sum(
        s.astimezone(UTC).replace(tzinfo=None) != d
        for s, d in zip(scalar, due[:m].tolist(), strict=True)
    )
    print(f"ours, scalar vs batch disagreements: {scalar_vs_batch}")

    import pytz

    rules = [bt_rule(spec) for spec in CALENDARS.values()]
    p = min(args.peer, args.n)
    peer: list[datetime | None] = []
    t0 = time.perf_counter()
    for k in range(p):
        start = datetime.fromtimestamp(int(starts[k]), pytz.utc)
        peer.append(bt_due(rules[which[k]], start, int(durations[k])))
    peer_us = (time.perf_counter() - t0) / p * 1e6
    crashes = sum(r is None for r in peer)
    print(f"businesstimedelta: {p:,} calls, {peer_us:.1f} µs/call ({crashes} raised or hung > 2 s)")
    print(
        f"ratio vs businesstimedelta: ours batch {peer_us / batch_us:,.0f}x, "
        f"ours scalar {peer_us / scalar_us:,.0f}x"
    )

    o = min(args.oracle, p)
    ours_wrong = batch_wrong = theirs_wrong = 0
    t0 = time.perf_counter()
    for k in range(o):
        spec = CALENDARS[names[which[k]]]
        start = datetime.fromtimestamp(int(starts[k]), UTC)
        truth = Oracle(spec).due(start, int(durations[k]) // MINUTE, limit_days=800)
        ours_wrong += scalar[k].astimezone(UTC) != truth if k < m else 0
        batch_wrong += due[k].tolist() != truth.replace(tzinfo=None)
        theirs_wrong += peer[k] is None or peer[k].astimezone(UTC) != truth
    oracle_s = time.perf_counter() - t0
    theirs_crashed = sum(peer[k] is None for k in range(o))
    print(f"oracle check on {o} cases ({oracle_s:.1f} s):")
    print(f"  ours scalar disagreements: {ours_wrong}")
    print(f"  ours batch  disagreements: {batch_wrong}")
    print(
        f"  businesstimedelta disagreements: {theirs_wrong} "
        f"({theirs_wrong / o:.1%}; {theirs_crashed} of them raised or hung)"
    )
    long_durations()
    cli_case(args.cli_rows, args.seed, peer_us)


if __name__ == "__main__":
    main()
