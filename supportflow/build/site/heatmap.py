"""The weekly coverage heatmap of one product and language: weekdays × hours.

For each day, one row per channel open in that language and one per tier
staffed by a team that speaks it, in the support desk's local time. Every band
carries its hours as text and every row its name, and channels and tiers differ
by fill pattern as well as colour, so the picture reads in greyscale and print.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache

from babel import Locale

from supportflow.build.site import week as weeks
from supportflow.build.site.channel_hours import channel_hours
from supportflow.build.site.hours import day_names
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


@cache
def _bands(day: int) -> tuple[Band, ...]:
    """The bands of one day's open slots; the same few days recur across every heatmap."""
    return tuple(
        Band(
            LEFT + start * SLOT_WIDTH,
            (end - start) * SLOT_WIDTH,
            f"{_slot_text(start)}–{_slot_text(end) if end < weeks.SLOTS_PER_DAY else '24:00'}",
        )
        for start, end in weeks.runs(day)
    )


class Staffing:
    """Which calendars staff each tier, per language, gathered once for every heatmap.

    Teams are grouped by language and tier into sets of calendar ids, so a cell's
    tier row is one union of a few distinct calendars however many teams share them.
    """

    def __init__(self, teams: Iterable[Team], calendars: Mapping[str, Calendar]) -> None:
        self._calendars = calendars
        self._weeks: dict[tuple[frozenset[str], str, date], weeks.Week] = {}
        self._own_weeks: dict[str, tuple[str, weeks.Week]] = {}
        grouped: dict[str, dict[str, set[str]]] = {}
        for team in teams:
            if team.calendar is None or team.calendar.target is None:
                continue
            for language in [ref.id for ref in team.languages] or [_EVERY_LANGUAGE]:
                grouped.setdefault(language, {}).setdefault(team.tier, set()).add(team.calendar.id)
        self._tiers = {
            language: {tier: frozenset(ids) for tier, ids in tiers.items()}
            for language, tiers in grouped.items()
        }

    def tiers(self, language: str) -> list[tuple[str, frozenset[str]]]:
        """(tier, calendar ids) for the teams that speak ``language`` (or every language)."""
        merged: dict[str, frozenset[str]] = {}
        for source in (self._tiers.get(language, {}), self._tiers.get(_EVERY_LANGUAGE, {})):
            for tier, ids in source.items():
                merged[tier] = merged.get(tier, frozenset()) | ids
        return list(merged.items())

    def week(self, calendar_ids: frozenset[str], zone: str, monday: date) -> weeks.Week:
        """When any of the calendars is open, in ``zone``'s week; each union is made once,
        the calendars of each zone united in that zone's own week before it is moved."""
        key = (calendar_ids, zone, monday)
        if key not in self._weeks:
            by_zone: dict[str, list[weeks.Week]] = {}
            for cid in calendar_ids:
                own_zone, week = self._own(cid)
                by_zone.setdefault(own_zone, []).append(week)
            self._weeks[key] = weeks.union(
                weeks.moved(weeks.union(own), own_zone, zone, monday)
                for own_zone, own in by_zone.items()
            )
        return self._weeks[key]

    def _own(self, calendar_id: str) -> tuple[str, weeks.Week]:
        """A calendar's zone and its week there, painted once per calendar."""
        found = self._own_weeks.get(calendar_id)
        if found is None:
            spec = self._calendars[calendar_id].spec
            found = self._own_weeks[calendar_id] = (spec.timezone, weeks.own_week(spec.shifts))
        return found


_EVERY_LANGUAGE = "*"


def _week(calendar: Calendar, zone: str, monday: date) -> weeks.Week:
    """One calendar's week seen in ``zone``."""
    spec = calendar.spec
    return weeks.moved(weeks.own_week(spec.shifts), spec.timezone, zone, monday)


def heatmap(
    cell: MatrixCell,
    product_name: str,
    language_name: str,
    staffing: Staffing,
    as_of: date,
) -> Heatmap:
    """The heatmap of ``cell``: its open channels and the tiers staffed in its language."""
    desk: Calendar = cell.calendar.target  # type: ignore[assignment]
    zone = desk.spec.timezone
    monday = weeks.reference_monday(as_of)
    series: list[tuple[str, str, weeks.Week]] = []
    for ref in cell.available:
        channel = ref.target
        if channel is None:
            continue
        hours = channel_hours(cell, channel)
        calendar = hours.default or desk
        series.append(("channel", channel.name, _week(calendar, zone, monday)))
        for types, special in hours.by_request_type:
            label = f"{channel.name} ({', '.join(types)})"
            series.append(("channel", label, _week(special, zone, monday)))
    for tier, calendar_ids in staffing.tiers(cell.language.id):
        label = tier.replace("_", " ")
        grid = staffing.week(calendar_ids, zone, monday)
        series.append(("tier", label[:1].upper() + label[1:], grid))
    rows, days = [], []
    names = day_names(Locale.parse("en"))  # the heatmap is for process owners, in English
    y = TOP
    for day in range(7):
        days.append((names[day], y + 12))
        y += ROW_HEIGHT
        for kind, label, grid in series:
            rows.append(Row(kind, label, y, _bands(weeks.day_of(grid, day))))
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
