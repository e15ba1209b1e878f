"""Recurring gaps in words: "every Fri 17:00 – Mon 08:00 Europe/Stockholm, and on 11 public
holidays".

A year of exact intervals is unreadable, but most gaps repeat weekly in some zone's wall
clock. ``summarise`` reads the intervals in each candidate zone, keeps the weekly shapes
(weekday, start, wall-clock length) that occur in at least half of the weeks, and compares
the weekly pattern with the real intervals by interval algebra: time outside the pattern is
reported by date (public holidays counted, other dates listed), weekly gaps that did not
happen are dates "except on". The zone whose wall clock explains the most is chosen, so a
gap caused by a Stockholm team's hours reads in Stockholm time even in a UTC cell.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date, timedelta

from supportflow.analysis import intervals as iv
from supportflow.businesstime.zones import offset_segments
from supportflow.frozen import frozen

US = 1_000_000
MINUTE = 60 * US
DAY_MIN = 1440
WEEK_MIN = 7 * DAY_MIN
MONDAY_SHIFT = 3 * DAY_MIN  # 1970-01-01 was a Thursday
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
LISTED_DATES = 3
SEASON_MIN = 4  # weeks a shape must recur in to be a season rather than single dates
SEASON_BREAK = 2  # missing weeks (holidays) a season bridges


@frozen
class Pattern:
    """A gap's shape in ``zone``: weekly (start minute of the week from Monday 00:00, wall
    minutes long), seasonal shapes with the date ranges they recur in, dates outside both
    and dates where they did not happen."""

    zone: str
    weekly: tuple[tuple[int, int], ...]
    holidays: int
    other_dates: tuple[date, ...]
    except_holidays: int
    except_dates: tuple[date, ...]
    always: bool = False
    seasons: tuple[tuple[tuple[tuple[int, int], ...], tuple[tuple[date, date], ...]], ...] = ()


class _Wall:
    """Wall-clock µs in ``zone`` of UTC µs instants within [lo, hi]."""

    def __init__(self, zone: str, lo: int, hi: int) -> None:
        segments = offset_segments(zone, lo // US - 86_400, hi // US + 86_400)
        self._bounds = [start * US for start, _, _ in segments]
        self._offsets = [offset * US for _, _, offset in segments]
        self.key = (*self._bounds, *self._offsets)  # equal keys: the same wall clock

    def __call__(self, t: int) -> int:
        return t + self._offsets[max(bisect_right(self._bounds, t) - 1, 0)]

    def span(self, span: iv.Span) -> iv.Span:
        """A UTC span read on the wall clock (a DST overlap can fold pieces together)."""
        return iv.normal(self._shift(span[0]), self._shift(span[1]))

    def _shift(self, times: Sequence[int]) -> list[int]:
        """Each sorted instant moved by its segment's offset, a segment's run at a time."""
        shifted: list[int] = []
        first = 0
        for k, offset in enumerate(self._offsets):
            last = bisect_left(times, self._bounds[k + 1]) if k + 1 < len(self._bounds) else None
            shifted.extend([t + offset for t in times[first:last]])
            if last is None:
                break
            first = last
        return shifted


def _dates(span: iv.Span) -> list[date]:
    """Every wall date a wall-clock span touches."""
    days: set[int] = set()
    for a, b in zip(*span, strict=True):
        first, last = a // (DAY_MIN * MINUTE), (b - 1) // (DAY_MIN * MINUTE)
        days.update(range(first, last + 1))
    return [date.fromordinal(EPOCH_ORDINAL + day) for day in sorted(days)]


def _week(wall: int) -> int:
    """The Monday-based week number of a wall-clock µs instant."""
    return (wall // MINUTE + MONDAY_SHIFT) // WEEK_MIN


def _day(wall: int) -> date:
    return date.fromordinal(EPOCH_ORDINAL + wall // (DAY_MIN * MINUTE))


def _monday(week: int) -> date:
    return date.fromordinal(EPOCH_ORDINAL + week * 7 - MONDAY_SHIFT // DAY_MIN)


def _weekly_span(
    weekly: Sequence[tuple[int, int]], lo: int, hi: int, first: int, last: int
) -> iv.Span:
    """The weekly shapes repeated in weeks ``first..last``, within the wall range [lo, hi)."""
    if not weekly:
        return iv.EMPTY
    shapes = sorted(weekly)  # week after week, each week's shapes in order: sorted starts
    starts = [
        (week * WEEK_MIN + m - MONDAY_SHIFT) * MINUTE
        for week in range(first, last + 1)
        for m, _ in shapes
    ]
    lengths = [d * MINUTE for _ in range(first, last + 1) for _, d in shapes]
    merged = iv.normal(
        starts, [start + length for start, length in zip(starts, lengths, strict=True)]
    )
    return iv.clip(merged, lo, hi)


def _runs(weeks: list[int]) -> tuple[tuple[int, int], ...]:
    """Sorted week numbers as runs, bridging up to SEASON_BREAK missing weeks (holidays)."""
    runs: list[list[int]] = []
    for week in weeks:
        if runs and week - runs[-1][1] <= SEASON_BREAK + 1:
            runs[-1][1] = week
        else:
            runs.append([week, week])
    return tuple((a, b) for a, b in runs)


@frozen
class _Reading:
    """A gap read on one zone's wall clock: its weekly and seasonal shapes, what they
    repeat into (``regular``), and how much time the two disagree on (``cost``)."""

    zone: str
    wall: iv.Span
    regular: iv.Span
    weekly: tuple[tuple[int, int], ...]
    seasons: tuple[tuple[tuple[tuple[int, int], ...], tuple[tuple[date, date], ...]], ...]
    cost: int


def _read(span: iv.Span, zone: str, to_wall: _Wall, lo: int, hi: int) -> _Reading:
    """The shapes of ``span`` in one zone, and how much time they fail to explain."""
    wall = to_wall.span(span)
    wall_lo, wall_hi = to_wall(lo), to_wall(hi)
    weeks = (wall_hi - wall_lo) / (WEEK_MIN * MINUTE)
    seen: dict[tuple[int, int], list[int]] = {}
    if weeks >= 2:
        for a, b in zip(*wall, strict=True):
            if a > wall_lo and b < wall_hi:
                minute = a // MINUTE + MONDAY_SHIFT
                seen.setdefault((minute % WEEK_MIN, (b - a) // MINUTE), []).append(_week(a))
    weekly = tuple(sorted(s for s, w in seen.items() if len(w) >= max(2, weeks / 2)))
    first_week, last_week = _week(wall_lo) - 1, _week(wall_hi) + 1
    regular = _weekly_span(weekly, wall_lo, wall_hi, first_week, last_week)
    # Seasonal shapes with the same clock times share their weeks (a holiday in one
    # weekday's first week must not split Mon–Thu into two seasons).
    clocks: dict[tuple[int, int], tuple[list[tuple[int, int]], set[int]]] = {}
    if weeks >= 2 * SEASON_MIN:
        for shape, found in seen.items():
            if SEASON_MIN <= len(found) < max(2, weeks / 2):
                shapes, weeks_seen = clocks.setdefault((shape[0] % DAY_MIN, shape[1]), ([], set()))
                shapes.append(shape)
                weeks_seen.update(found)
    by_runs: dict[tuple[tuple[int, int], ...], list[tuple[int, int]]] = {}
    for shapes, weeks_seen in clocks.values():
        by_runs.setdefault(_runs(sorted(weeks_seen)), []).extend(shapes)
    seasons = []
    for runs, shapes in sorted(by_runs.items()):
        spans = [_weekly_span(shapes, wall_lo, wall_hi, a, b) for a, b in runs]
        regular = iv.union([regular, *spans])
        dated = tuple(
            (max(_monday(a), _day(wall_lo)), min(_monday(b) + timedelta(days=6), _day(wall_hi - 1)))
            for a, b in runs
        )
        seasons.append((tuple(sorted(shapes)), dated))
    # time in one and not the other, either way: |A| + |B| - 2 |A ∩ B|
    cost = iv.total(wall) + iv.total(regular) - 2 * iv.total(iv.intersect(wall, regular))
    return _Reading(zone, wall, regular, weekly, tuple(seasons), cost)


def _pattern(reading: _Reading, holidays: set[int]) -> Pattern:
    """The reading in dates: what the shapes miss (holidays counted, other dates listed)
    and where they did not happen."""
    extra = iv.subtract(reading.wall, reading.regular)
    missing = iv.subtract(reading.regular, reading.wall)
    extra_dates = _dates(extra)
    skipped = _dates(missing)
    return Pattern(
        reading.zone,
        reading.weekly,
        sum(d.toordinal() in holidays for d in extra_dates),
        tuple(d for d in extra_dates if d.toordinal() not in holidays),
        sum(d.toordinal() in holidays for d in skipped),
        tuple(d for d in skipped if d.toordinal() not in holidays),
        seasons=reading.seasons,
    )


def summarise(
    span: iv.Span, lo: int, hi: int, zones: Sequence[str], holidays: set[int], whole: iv.Span
) -> Pattern:
    """The most regular description of ``span`` (UTC µs, within [lo, hi)) in one of
    ``zones`` (ties go to the first); ``whole`` is everything that could have been a gap.

    A zone whose wall clock runs exactly like an earlier one's over the range (Stockholm
    and Berlin, say) reads the gap alike and would lose the tie, so it is not tried; nor is
    any zone after one that explains the gap completely.
    """
    if span == whole:
        return Pattern(zones[0], (), 0, (), 0, (), always=True)
    best: _Reading | None = None
    clocks: set[tuple[int, ...]] = set()
    for zone in dict.fromkeys(zones):
        to_wall = _Wall(zone, lo, hi)
        if to_wall.key in clocks:
            continue
        clocks.add(to_wall.key)
        reading = _read(span, zone, to_wall, lo, hi)
        if best is None or reading.cost < best.cost:
            best = reading
        if reading.cost == 0:
            break
    assert best is not None
    return _pattern(best, holidays)


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _days(weekdays: list[int]) -> str:
    runs: list[list[int]] = []
    for day in weekdays:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return ", ".join(
        DAYS[r[0]]
        if len(r) == 1
        else f"{DAYS[r[0]]}–{DAYS[r[-1]]}"
        if len(r) > 2
        else f"{DAYS[r[0]]}, {DAYS[r[1]]}"
        for r in runs
    )


def _weekly_words(weekly: Sequence[tuple[int, int]]) -> str:
    """Shapes with the same clock times on several weekdays share one phrase."""
    groups: dict[tuple[int, int], list[int]] = {}
    for start, length in weekly:
        groups.setdefault((start % DAY_MIN, length), []).append(start // DAY_MIN)
    phrases: list[tuple[int, str]] = []
    for (clock, length), weekdays in groups.items():
        end = clock + length
        if end <= DAY_MIN:
            words = f"{_days(weekdays)} {_clock(clock)} – {_clock(end)}"
            if end == DAY_MIN:
                words = f"{_days(weekdays)} {_clock(clock)} – 24:00"
        elif end <= 2 * DAY_MIN and len(weekdays) > 1:
            words = f"{_days(weekdays)} {_clock(clock)} – {_clock(end - DAY_MIN)} next day"
        else:
            for weekday in weekdays:
                last = (weekday + end // DAY_MIN) % 7
                phrases.append(
                    (
                        weekday * DAY_MIN + clock,
                        f"{DAYS[weekday]} {_clock(clock)} – {DAYS[last]} {_clock(end % DAY_MIN)}",
                    )
                )
            continue
        phrases.append((weekdays[0] * DAY_MIN + clock, words))
    return ", ".join(words for _, words in sorted(phrases))


def _listed(dates: Sequence[date]) -> str:
    shown = ", ".join(d.isoformat() for d in dates[:LISTED_DATES])
    more = f" and {len(dates) - LISTED_DATES} more" if len(dates) > LISTED_DATES else ""
    return f"{shown}{more}"


def describe(pattern: Pattern) -> str:
    """The pattern in words, e.g. "every Sat 00:00 – Mon 08:00 Europe/Stockholm, and on 11
    public holidays"."""
    if pattern.always:
        return "whenever the channel is open"
    parts: list[str] = []
    if pattern.weekly:
        parts.append(f"every {_weekly_words(pattern.weekly)} {pattern.zone}")
    for shapes, dated in pattern.seasons:
        during = " and ".join(f"from {a.isoformat()} to {b.isoformat()}" for a, b in dated)
        lead = "" if parts else "every "
        zone = "" if pattern.weekly else f" {pattern.zone}"
        parts.append(f"{lead}{_weekly_words(shapes)}{zone} {during}")
    if pattern.holidays:
        plural = "s" if pattern.holidays != 1 else ""
        parts.append(f"on {pattern.holidays} public holiday{plural}")
    if pattern.other_dates:
        count = len(pattern.other_dates)
        noun = ("other " if parts else "") + ("date" if count == 1 else "dates")
        where = "" if pattern.weekly or pattern.seasons else f" {pattern.zone}"
        parts.append(f"on {count} {noun}{where} ({_listed(pattern.other_dates)})")
    text = ", and ".join(parts) if len(parts) < 3 else ", ".join(parts[:-1]) + ", and " + parts[-1]
    if pattern.weekly or pattern.seasons:
        skipped = []
        if pattern.except_holidays:
            count = pattern.except_holidays
            skipped.append(f"{count} public holiday{'s' if count != 1 else ''}")
        if pattern.except_dates:
            count = len(pattern.except_dates)
            skipped.append(
                f"{count} {'other ' if skipped else ''}date{'s' if count != 1 else ''}"
                f" ({_listed(pattern.except_dates)})"
            )
        if skipped:
            text += f", except on {' and '.join(skipped)}"
    return text
