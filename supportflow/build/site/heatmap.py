"""The weekly coverage heatmap of one product and language: weekdays × hours.

For each day, one row per channel open in that language and one per tier
staffed by a team that speaks it, in the support desk's local time. Every band
carries its hours as text and every row its name, and channels and tiers differ
by fill pattern as well as colour, so the picture reads in greyscale and print.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from supportflow.build.site import week as weeks
from supportflow.build.site.hours import SCHEMA_DAYS
from supportflow.model import Calendar, MatrixCell, Team

SLOT_WIDTH = 14
ROW_HEIGHT = 18
DAY_GAP = 24
LEFT = 190
TOP = 84


@dataclass(frozen=True)
class Band:
    x: int
    width: int
    text: str


@dataclass(frozen=True)
class Row:
    kind: str  # "channel" or "tier"
    label: str
    y: int
    bands: tuple[Band, ...]


@dataclass(frozen=True)
class Heatmap:
    title: str
    subtitle: str
    width: int
    height: int
    days: tuple[tuple[str, int], ...]  # (day name, y of its heading)
    rows: tuple[Row, ...]
    ticks: tuple[tuple[int, str], ...]
    legend_y: int
    empty: bool


def _slot_text(slot: int) -> str:
    minutes = slot * weeks.SLOT_MINUTES
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _bands(day: tuple[bool, ...]) -> tuple[Band, ...]:
    return tuple(
        Band(
            LEFT + start * SLOT_WIDTH,
            (end - start) * SLOT_WIDTH,
            f"{_slot_text(start)}–{_slot_text(end) if end < weeks.SLOTS_PER_DAY else '24:00'}",
        )
        for start, end in weeks.runs(day)
    )


def heatmap(
    cell: MatrixCell,
    product_name: str,
    language_name: str,
    teams: list[Team],
    as_of: date,
) -> Heatmap:
    """The heatmap of ``cell``; ``teams`` are the teams that speak its language."""
    desk: Calendar = cell.calendar.target  # type: ignore[assignment]
    zone = desk.spec.timezone
    monday = weeks.reference_monday(as_of)
    series: list[tuple[str, str, weeks.Week]] = []
    for ref in cell.available:
        channel = ref.target
        if channel is None:
            continue
        calendar = (channel.calendar or cell.calendar).target or desk
        series.append(("channel", channel.name, weeks.week(calendar.spec, zone, monday)))
    by_tier: dict[str, list[weeks.Week]] = {}
    for team in teams:
        calendar = team.calendar.target if team.calendar is not None else None
        if calendar is not None:
            by_tier.setdefault(team.tier, []).append(weeks.week(calendar.spec, zone, monday))
    for tier, tier_weeks in by_tier.items():
        label = tier.replace("_", " ")
        series.append(("tier", label[:1].upper() + label[1:], weeks.union(tier_weeks)))
    rows, days = [], []
    y = TOP
    for day in range(7):
        days.append((SCHEMA_DAYS[day], y + 12))
        y += ROW_HEIGHT
        for kind, label, grid in series:
            rows.append(Row(kind, label, y, _bands(grid[day])))
            y += ROW_HEIGHT
        y += DAY_GAP - ROW_HEIGHT + 6
    width = LEFT + weeks.SLOTS_PER_DAY * SLOT_WIDTH + 20
    ticks = tuple((LEFT + hour * 2 * SLOT_WIDTH, f"{hour:02d}:00") for hour in range(0, 25, 3))
    return Heatmap(
        title=f"Weekly coverage: {product_name}, {language_name}",
        subtitle=(
            f"Local time of the support desk ({desk.name}, {zone}); week of {monday.isoformat()}"
        ),
        width=width,
        height=y + 70,
        days=tuple(days),
        rows=tuple(rows),
        ticks=ticks,
        legend_y=y + 10,
        empty=not series,
    )
