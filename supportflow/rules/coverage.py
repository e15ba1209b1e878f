"""Coverage over time as findings: W701 nobody on shift, W702 escalation waits, W703 target
missed, one finding per product × language × channel and reason, on the matrix cell.

``validate`` must say the same thing every day, so it does not sweep "the next 12 months":
it sweeps the fixed reference year ``REFERENCE_YEAR`` (every weekday, DST change and that
year's public holidays), and the message names the year. Dates for any horizon come from
``supportflow coverage``. Moving the reference year is a deliberate change with new
snapshots, never a side effect of the clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding, Location
from supportflow.diagnostics.ruledocs.coverage import (
    ESCALATION_WAITS,
    NO_TEAM_ON_SHIFT,
    TARGET_MISSED,
)
from supportflow.model import Policy
from supportflow.rules.check import rule

if TYPE_CHECKING:
    from supportflow.analysis.coverage import Coverage, Gap

REFERENCE_YEAR = 2027
SHOWN = 3  # sentences per finding; the rest are counted
_last: tuple[Policy, Coverage | None] | None = None


def _coverage(policy: Policy) -> Coverage | None:
    """The reference-year sweep, computed once for the three rules of one validation.

    None when there is nothing to sweep, or when an id names nothing or a calendar cannot
    be compiled: other rules report why, and a policy with those errors is not analysed.
    """
    global _last
    if _last is not None and _last[0] is policy:
        return _last[1]
    if policy.routing is None or not policy.support_matrix:
        return None  # nothing to sweep, and no need to load the engine for it
    from supportflow.analysis.coverage import analysable, analyse_coverage

    if not analysable(policy):
        _last = (policy, None)
        return None
    start = datetime(REFERENCE_YEAR, 1, 1, tzinfo=UTC)
    end = datetime(REFERENCE_YEAR + 1, 1, 1, tzinfo=UTC)
    result = analyse_coverage(policy, start, end)
    _last = (policy, result)
    return result


def _related(gap: Gap) -> tuple[Location, ...]:
    if gap.step is not None:
        return (gap.step.where,)
    if gap.target is not None:
        return (gap.target.where,)
    return tuple(team.where for team in gap.teams)


def _findings(policy: Policy, doc: RuleDoc, reason: str) -> Iterator[Finding]:
    coverage = _coverage(policy)
    if coverage is None:
        return
    from supportflow.analysis.gap_words import sentence

    grouped: dict[tuple[int, str], list[Gap]] = {}
    for gap in coverage.gaps:
        if gap.reason == reason:
            grouped.setdefault((id(gap.cell), gap.channel.id), []).append(gap)
    for gaps in grouped.values():
        first = gaps[0]
        said = [sentence(gap, policy, coverage.start, coverage.end) for gap in gaps[:SHOWN]]
        more = f"; and {len(gaps) - SHOWN} more" if len(gaps) > SHOWN else ""
        yield doc.finding(
            f"{first.product}/{first.language} {first.channel.id}: {'; '.join(said)}{more}"
            f" (swept over {REFERENCE_YEAR}; `supportflow coverage` gives the dates)",
            first.cell.where,
            related=tuple(loc for gap in gaps for loc in _related(gap)),
        )


@rule(NO_TEAM_ON_SHIFT)
def check_team_on_shift(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    yield from _findings(policy, doc, "no_team_on_shift")


@rule(ESCALATION_WAITS)
def check_escalation_hours(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    yield from _findings(policy, doc, "escalation_waits")


@rule(TARGET_MISSED)
def check_target_reachable(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    yield from _findings(policy, doc, "target_missed")
