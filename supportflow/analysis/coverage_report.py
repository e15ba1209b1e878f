"""The coverage report in text: one line per cell, reason and wording.

Shared by ``supportflow coverage`` and the handbook, so a process owner reads the same
lines in both; ``year_from`` is the 12 months both sweep when given only a date.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from supportflow.analysis.coverage import Coverage
from supportflow.analysis.gap_words import sentence
from supportflow.model import Policy


def a_year_after(day: date) -> date:
    """The same date a year later; 29 February becomes 1 March."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28) + timedelta(days=1)


def year_from(day: date) -> tuple[datetime, datetime]:
    """``[day, a year after)``, both at 00:00 UTC: the horizon of ``--as-of``."""
    return (
        datetime.combine(day, datetime.min.time(), UTC),
        datetime.combine(a_year_after(day), datetime.min.time(), UTC),
    )


def coverage_text(coverage: Coverage, policy: Policy, name: str) -> str:
    """The report about ``name``; channels that share a line are listed together."""
    lines: dict[tuple[int, str, str], list[str]] = {}
    cells: dict[int, str] = {}
    for gap in coverage.gaps:
        said = sentence(gap, policy, coverage.start, coverage.end)
        cells[id(gap.cell)] = f"{gap.product}/{gap.language}"
        lines.setdefault((id(gap.cell), gap.reason, said), []).append(gap.channel.id)
    head = f"coverage of {name} from {coverage.start.isoformat()} to {coverage.end.isoformat()}"
    out = [head]
    for (cell, _, said), channels in lines.items():
        out.append(f"{cells[cell]} {', '.join(channels)}: {said}")
    intervals = sum(len(gap.intervals[0]) for gap in coverage.gaps)
    if coverage.gaps:
        out.append(
            f"{len(coverage.gaps)} gap{'s' if len(coverage.gaps) != 1 else ''}"
            f" ({intervals} interval{'s' if intervals != 1 else ''}) in {len(cells)}"
            f" product × language cell{'s' if len(cells) != 1 else ''};"
            " --format json lists every interval"
        )
    else:
        out.append("no coverage gaps")
    return "\n".join(out) + "\n"
