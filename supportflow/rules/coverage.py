"""Coverage over time as findings: W701 nobody on shift, W702 escalation waits, W703 target
missed, one finding per product × language × channel and reason, on the matrix cell.

``validate`` must say the same thing every day, so it does not sweep "the next 12 months":
it sweeps the fixed reference year ``REFERENCE_YEAR`` (every weekday, DST change and that
year's public holidays), and the message names the year. Dates for any horizon come from
``supportflow coverage``. Moving the reference year is a deliberate change with new
snapshots, never a side effect of the clock.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING

from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding, Location
from supportflow.diagnostics.ruledocs.coverage import (
    ESCALATION_WAITS,
    NO_TEAM_ON_SHIFT,
    TARGET_MISSED,
)
from supportflow.model import Channel, MatrixCell, Policy
from supportflow.parallel import Pending, jobs, split
from supportflow.rules.check import rule

if TYPE_CHECKING:
    from supportflow.analysis.coverage import Gap, Sweep

REFERENCE_YEAR = 2027
REFERENCE_RANGE = (
    datetime(REFERENCE_YEAR, 1, 1, tzinfo=UTC),
    datetime(REFERENCE_YEAR + 1, 1, 1, tzinfo=UTC),
)
SHOWN = 3  # sentences per finding; the rest are counted
# Cells × calendars a process takes on before a second one is worth forking (~0.3 s of
# sweep on a 2-core CI machine; the examples stay far below, 10,000 teams far above).
CELL_CALENDARS_PER_JOB = 20_000
# This process's part, as a share of a child's: it runs every other rule meanwhile (about
# a quarter of the sweep at 10,000 teams); 0.5 measured fastest between 0.3 and 1.
OWN_SHARE = 0.5
_ByReason = dict[str, list[Finding]]
_DOCS = {
    "no_team_on_shift": NO_TEAM_ON_SHIFT,
    "escalation_waits": ESCALATION_WAITS,
    "target_missed": TARGET_MISSED,
}
_Sweeping = Pending[tuple[MatrixCell, Channel], _ByReason]
_last: tuple[Policy, _Sweeping | _ByReason | None] | None = None


def start(policy: Policy) -> None:
    """Begin the reference-year sweep, in other processes for a large policy, so it runs
    while the other rules do; the three rules below take its findings."""
    global _last
    if _last is not None and isinstance(_last[1], Pending):
        _last[1].discard()
    _last = (policy, _begin(policy))


def _begin(policy: Policy) -> _Sweeping | None:
    """None when there is nothing to sweep, or when an id names nothing or a calendar cannot
    be compiled: other rules report why, and a policy with those errors is not analysed."""
    if policy.routing is None or not policy.support_matrix:
        return None  # nothing to sweep, and no need to load the engine for it
    from supportflow.analysis.coverage import analysable, offered, sweep
    from supportflow.analysis.gap_words import sentence  # noqa: F401  # once, before forking

    if not analysable(policy):
        return None
    cells = list(offered(policy))
    processes = jobs(len(cells) * max(len(policy.calendars), 1), CELL_CALENDARS_PER_JOB)
    prepared = sweep(policy, *REFERENCE_RANGE)  # before forking, so no process redoes it
    return Pending(partial(_cell_findings, prepared), split(cells, processes, OWN_SHARE))


def _coverage(policy: Policy) -> _ByReason | None:
    """The sweep's findings by reason, computed once for the three rules of one validation
    (begun by ``start`` when the rules run together), the cells' parts joined in order."""
    global _last
    if _last is None or _last[0] is not policy:
        start(policy)
    assert _last is not None
    state = _last[1]
    if isinstance(state, Pending):
        found: _ByReason = {reason: [] for reason in _DOCS}
        for part in state.results():
            for reason, findings in part.items():
                found[reason].extend(findings)
        _last = (policy, found)
        return found
    return state


def _cell_findings(prepared: Sweep, cells: Sequence[tuple[MatrixCell, Channel]]) -> _ByReason:
    """The findings of ``cells``: one per cell, channel and reason, in the cells' order."""
    from supportflow.analysis.coverage import analyse_coverage
    from supportflow.analysis.gap_words import sentence

    policy = prepared.policy
    coverage = analyse_coverage(policy, *REFERENCE_RANGE, cells, prepared)
    grouped: dict[tuple[str, int, str], list[Gap]] = {}
    for gap in coverage.gaps:
        grouped.setdefault((gap.reason, id(gap.cell), gap.channel.id), []).append(gap)
    found: _ByReason = {reason: [] for reason in _DOCS}
    for (reason, _, _), gaps in grouped.items():
        first = gaps[0]
        said = [sentence(gap, policy, coverage.start, coverage.end) for gap in gaps[:SHOWN]]
        more = f"; and {len(gaps) - SHOWN} more" if len(gaps) > SHOWN else ""
        found[reason].append(
            _DOCS[reason].finding(
                f"{first.product}/{first.language} {first.channel.id}: {'; '.join(said)}{more}"
                f" (swept over {REFERENCE_YEAR}; `supportflow coverage` gives the dates)",
                first.cell.where,
                related=tuple(loc for gap in gaps for loc in _related(gap)),
            )
        )
    return found


def _related(gap: Gap) -> tuple[Location, ...]:
    if gap.step is not None:
        return (gap.step.where,)
    if gap.target is not None:
        return (gap.target.where,)
    return tuple(team.where for team in gap.teams)


def _findings(policy: Policy, reason: str) -> Iterator[Finding]:
    found = _coverage(policy)
    if found is not None:
        yield from found[reason]


@rule(NO_TEAM_ON_SHIFT)
def check_team_on_shift(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    yield from _findings(policy, "no_team_on_shift")


@rule(ESCALATION_WAITS)
def check_escalation_hours(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    yield from _findings(policy, "escalation_waits")


@rule(TARGET_MISSED)
def check_target_reachable(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    yield from _findings(policy, "target_missed")
