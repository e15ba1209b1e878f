"""Route evaluations per second: ``Runtime.route`` on the examples and on synthetic policies.

Each run routes 100,000 random tickets (fixed seed) in one process through the runtime
a deployment loads from runtime.json: team, every due time of the ticket's priority and
the whole escalation timeline. The target is at most 50 µs per ticket, with cost that
does not grow with the policy (ratio ≈ 1 for 10× the teams). The document is built once,
outside the timing, as a router does at start-up; compiling a calendar's years happens
lazily inside it, as it would in service. Calendars that say the same thing share one
compiled calendar, so the line says how many of them differ.

No peer: the only tool that answers "where does this go?" (Alertmanager's ``amtool
config routes test``) ignores time, so it answers a smaller question.

The synthetic policy is the scale benchmarks' (``benchmarks/synthetic.py``) when it is
there; without it, for N teams: N/10 calendars in 10 zones with public holidays,
N/10 ladders of 10 teams each with 9 time-in-tier steps (half on priorities), a
20 products × 10 languages matrix over 4 channels and 3 request types, 4 priorities
with business-hour and business-day targets, and one routing rule per cell and type,
so the routing table has 2,400 rows at every size.

    python benchmarks/route.py [--tickets 100000] [--teams 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from supportflow.api import load_valid_policy  # noqa: E402
from supportflow.runtime import Runtime, Ticket, build_document, dumps  # noqa: E402
from supportflow.runtime.calendars import calendar_spec  # noqa: E402

AS_OF = date(2027, 1, 1)
API = "apiVersion: supportflow/v1"
TARGET_US = 50
ZONES = (
    ("Europe/Stockholm", "SE", "mon-fri 08:00-17:00", "9h"),
    ("Europe/Helsinki", "FI", "mon-fri 08:00-16:00", "8h"),
    ("Asia/Riyadh", "SA", "sun-thu 09:00-18:00", "9h"),
    ("America/New_York", "US", "mon-fri 08:00-20:00", "12h"),
    ("Europe/Amsterdam", "NL", "mon-fri 08:30-17:30", "same time next business day"),
    ("Europe/Oslo", "NO", "mon-fri 08:00-16:00", "8h"),
    ("Asia/Tokyo", "JP", "mon-fri 09:00-18:00", "9h"),
    ("Australia/Sydney", "AU", "mon-fri 08:00-17:00", "9h"),
    ("Europe/Madrid", "ES", "mon-fri 22:00-06:00", "8h"),
    ("UTC", None, "24/7", "24h"),
)
LANGUAGES = ("en", "sv", "fi", "de", "fr", "es", "nl", "pl", "ja", "pt")
PRODUCTS = tuple(f"product-{i:02d}" for i in range(20))
CHANNELS = ("portal", "email", "chat", "phone")
CHANNEL_LIST = ", ".join(CHANNELS)
TYPES = ("incident", "question", "change")
PRIORITIES = ("p1", "p2", "p3", "p4")
TIERS = (
    "first_line",
    "second_line",
    "second_line",
    "third_line",
    "third_line",
    "product_support",
    "development",
    "operations",
    "service_management",
    "management",
)
KINDS = {"portal": "ticket_portal", "email": "email", "chat": "chat", "phone": "phone"}


def synthetic_policy(teams: int) -> dict[str, str]:
    """A valid policy with ``teams`` teams (a multiple of 10), as {file name: YAML}."""
    calendars = teams // 10
    lines = [
        API,
        "organization: {name: Synthetic}",
        f"languages: [{', '.join(LANGUAGES)}]",
        "products:",
        *(f"  {p}: {{name: {p}}}" for p in PRODUCTS),
        "request_types:",
        *(f"  {t}: {{name: {t}}}" for t in TYPES),
        "channels:",
        *(f"  {c}: {{kind: {KINDS[c]}, name: {c}}}" for c in CHANNELS),
        "calendars:",
    ]
    for index in range(calendars):
        zone, country, hours, day = ZONES[index % len(ZONES)]
        lines.append(f"  cal-{index}: {{timezone: {zone}, hours: '{hours}', business_day: '{day}'"
                     + (f", holidays: '{country}'}}" if country else "}"))  # fmt: skip
    lines.append("support_matrix:")
    for p_index, product in enumerate(PRODUCTS):
        lines.append(f"  {product}:")
        for l_index, language in enumerate(LANGUAGES):
            calendar = (p_index * len(LANGUAGES) + l_index) % calendars
            lines.append(
                f"    {language}: {{calendar: cal-{calendar}, available: [{CHANNEL_LIST}]}}"
            )
    lines.append("priorities:")
    for level, priority in enumerate(PRIORITIES, start=1):
        days = 1 if level < 3 else level
        lines += [
            f"  {priority}:",
            f"    name: {priority}",
            f"    level: {level}",
            f"    definition: level {level}",
            f"    targets: {{first_response: {15 * level}m, next_update: {level}h,"
            f" resolution: '{days} business days'}}",
        ]
    lines += ["routing:", "  front_door: team-0", "  rules:"]
    groups = teams // 10
    cell = 0
    for product in PRODUCTS:
        for language in LANGUAGES:
            for kind in TYPES:
                group = cell % groups
                cell += 1
                lines.append(f"    - match: {{products: [{product}], languages: [{language}],"
                             f" request_types: [{kind}]}}")  # fmt: skip
                lines.append(f"      to: team-{group * 10}")
    files = {"policy.yaml": "\n".join(lines) + "\n"}
    for first in range(0, teams, 1000):  # the loader reads files of up to 1 MB
        team_lines = [API, "teams:"]
        for index in range(first, min(first + 1000, teams)):
            calendar = (index // 10) % calendars
            team_lines.append(
                f"  team-{index}: {{name: Team {index}, tier: {TIERS[index % 10]},"
                f" calendar: cal-{calendar}, languages: [en]}}"
            )
        files[f"teams-{first // 1000:03d}.yaml"] = "\n".join(team_lines) + "\n"
    for first in range(0, groups, 100):
        ladder_lines = [API, "escalations:"]
        for group in range(first, min(first + 100, groups)):
            ladder_lines += [f"  ladder-{group}:", "    steps:"]
            for step in range(9):
                source, to = group * 10 + step, group * 10 + step + 1
                when = f"{{time_in_tier: {30 * (step + 1)}m" + (
                    ", priorities: [p1, p2]}" if step % 2 else "}"
                )
                ladder_lines.append(f"      - {{from: team-{source}, to: team-{to}, when: {when}}}")
        files[f"escalations-{first // 100:03d}.yaml"] = "\n".join(ladder_lines) + "\n"
    return files


def large_policy(folder: Path, teams: int) -> Path:
    """The scale benchmarks' synthetic policy (benchmarks/synthetic.py) when it is there,
    else the one above."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from synthetic import write_policy  # type: ignore[import-not-found]
    except ImportError:
        folder.mkdir(parents=True)
        for name, text in synthetic_policy(teams).items():
            (folder / name).write_text(text)
        return folder
    return write_policy(folder, teams)


def router(policy_path: Path) -> Runtime:
    """What a router holds: the runtime read from runtime.json, and not the policy model
    the build made it from (its objects would sit in the timed process for nothing)."""
    return Runtime(json.loads(dumps(build_document(load_valid_policy(policy_path), AS_OF))))


def tickets(runtime: Runtime, count: int, seed: int = 7) -> list[tuple[Ticket, datetime]]:
    rng = random.Random(seed)
    rows = runtime.document["routing"]["table"]
    priorities = [p["id"] for p in runtime.document["priorities"]] or [None]
    first = datetime(2027, 1, 10, tzinfo=UTC)
    minutes = int((datetime(2028, 6, 30, tzinfo=UTC) - first).total_seconds() // 60)
    zones = [ZoneInfo("UTC"), ZoneInfo("Europe/Stockholm"), ZoneInfo("America/New_York")]
    out = []
    for _ in range(count):
        row = rng.choice(rows)
        ticket = Ticket(row["product"], row["language"], row["channel"], row["request_type"],
                        rng.choice(priorities))  # fmt: skip
        at = (first + timedelta(minutes=rng.randrange(minutes))).astimezone(rng.choice(zones))
        out.append((ticket, at))
    return out


def measure(label: str, policy_path: Path, count: int) -> float:
    """CPU µs per route evaluation over ``count`` tickets, on a first pass (the figure held
    to the target); wall time is printed too, and a second pass over the same tickets, once
    every calendar-year they need is compiled, as in a router that has been up a while."""
    started = time.perf_counter()
    runtime = router(policy_path)
    ready = time.perf_counter() - started
    batch = tickets(runtime, count)
    route = runtime.route
    passes = []
    for _ in range(2):
        started, cpu = time.perf_counter(), time.process_time()
        for ticket, at in batch:
            route(ticket, at)
        passes.append(((time.perf_counter() - started) / count * 1e6,
                       (time.process_time() - cpu) / count * 1e6))  # fmt: skip
    (per_ticket, per_ticket_cpu), (_, steady_cpu) = passes
    rows = len(runtime.document["routing"]["table"])
    calendars = runtime.document["calendars"].values()
    # calendars that say the same thing share one compiled calendar: say how many differ
    distinct = len({calendar_spec(calendar) for calendar in calendars})
    verdict = "ok" if per_ticket_cpu <= TARGET_US else f"over the {TARGET_US} µs target (CPU)"
    print(f"{label:<34} {per_ticket:6.1f} µs/ticket wall, {per_ticket_cpu:6.1f} µs CPU"
          f" ({steady_cpu:.1f} µs on the second pass)  ({count:,} tickets, {rows:,} routing"
          f" rows, calendars: {len(calendars):,} ({distinct:,} distinct),"
          f" validate+build {ready:.1f} s)  {verdict}")  # fmt: skip
    return per_ticket_cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--teams", type=int, default=1_000, help="small synthetic size (×10)")
    args = parser.parse_args()
    measure("examples/pagero", ROOT / "examples" / "pagero", args.tickets)
    measure("examples/dutch-customer-success", ROOT / "examples" / "dutch-customer-success",
            args.tickets)  # fmt: skip
    figures = []
    with tempfile.TemporaryDirectory() as folder:
        for teams in (args.teams, args.teams * 10):
            path = large_policy(Path(folder) / f"synthetic-{teams}", teams)
            figures.append(measure(f"synthetic, {teams:,} teams", path, args.tickets))
    print(f"growth for 10x the teams: {figures[1] / figures[0]:.2f}x CPU (linear would be 10x)")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs: on a shared machine"
          " wall time includes waiting for a CPU; CPU time is what one core spends")  # fmt: skip


if __name__ == "__main__":
    main()
