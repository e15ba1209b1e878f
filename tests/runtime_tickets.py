"""Random tickets a runtime document takes, for tests that route them two ways."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from supportflow.runtime import Ticket

FIRST = datetime(2027, 1, 10, tzinfo=UTC)
SPAN_MINUTES = int((datetime(2028, 6, 30, tzinfo=UTC) - FIRST).total_seconds()) // 60
ZONES = ("UTC", "Europe/Helsinki", "America/New_York", "Asia/Riyadh")


def random_tickets(document: dict, seed: str, count: int) -> list[tuple[Ticket, datetime]]:
    """Tickets of random rows of the routing table, with a random priority (or none) and
    severity where the row leaves it open, at random minutes of 2027 and early 2028, each
    written in one of a few zones."""
    rng = random.Random(seed)
    rows = document["routing"]["table"]
    priorities = [p["id"] for p in document["priorities"]] or [None]
    severities = [s["id"] for s in document["severities"]] + [None]
    found = []
    for _ in range(count):
        row = rng.choice(rows)
        severity = row["severity"] if "severity" in row else rng.choice(severities)
        ticket = Ticket(
            row["product"],
            row["language"],
            row["channel"],
            row["request_type"],
            rng.choice(priorities),
            severity,
        )
        instant = FIRST + timedelta(minutes=rng.randrange(SPAN_MINUTES))
        found.append((ticket, instant.astimezone(ZoneInfo(rng.choice(ZONES)))))
    return found
