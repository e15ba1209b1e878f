"""SLA feasibility: can the targets be met by the ladders and the order of work as written?

These compare lengths as written, not instants: business days count at the
calendar's business-day hours (8h when none is declared). Whether a tier is
open when a step fires is the coverage analysis's question.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

from supportflow.analysis.graph import process_graph
from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding
from supportflow.diagnostics.ruledocs.coverage import (
    ASSESSMENT_LONGER_THAN_RESPONSE,
    RESOLVING_TIER_TOO_LATE,
    STEP_AFTER_BREACH,
)
from supportflow.model import Calendar, Ladder, Policy, Priority, Ref, Step, Target
from supportflow.rules.check import rule
from supportflow.shortforms import format_duration

DEFAULT_BUSINESS_DAY = timedelta(hours=8)


def length(target: Target, fallback: Ref[Calendar] | None = None) -> timedelta:
    """The target's length; business days at the business-day hours of its calendar,
    else of ``fallback`` (the team whose hours count), else 8h."""
    chosen = target.calendar or fallback
    calendar = chosen.target if chosen is not None else None
    day = target.business_day or (calendar.spec.business_day if calendar else None)
    return target.nominal(day.hours if day and day.hours else DEFAULT_BUSINESS_DAY)


def _delay(step: Step) -> timedelta | None:
    """How long the ticket stays in the step's ``from`` tier before the step fires."""
    waited = step.when.time_in_tier
    if waited is None or step.when.manual or step.kind != "handover":
        return None
    team = step.source.target
    return length(waited, team.calendar if team else None)


def _for(step: Step, priority: str) -> bool:
    named = step.when.priorities
    return not named or any(ref.id == priority for ref in named)


def _handled(ladder: Ladder, priorities: list[Priority]) -> list[Priority]:
    match = ladder.applies_to
    if match is None or match.priorities is None:
        return priorities
    named = {ref.id for ref in match.priorities}
    return [priority for priority in priorities if priority.id in named]


def _timed_steps(ladder: Ladder) -> dict[str, list[tuple[int, timedelta]]]:
    by_team: dict[str, list[tuple[int, timedelta]]] = {}
    for index, step in enumerate(ladder.steps):
        delay = _delay(step)
        if delay is not None:
            by_team.setdefault(step.source.id, []).append((index, delay))
    return by_team


def _entries(ladder: Ladder) -> list[str]:
    """The ladder's first tiers: teams it moves tickets from but never to."""
    into = {step.to.id for step in ladder.steps if step.kind == "handover"}
    return list(dict.fromkeys(s.source.id for s in ladder.steps if s.source.id not in into))


def _breaches(step: Step, delay: timedelta, priority: Priority) -> bool:
    resolution = priority.targets.get("resolution")
    named = any(ref.id == priority.id for ref in step.when.priorities)
    return named and resolution is not None and delay >= length(resolution)


@rule(RESOLVING_TIER_TOO_LATE)
def check_ladder_delays(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    graph = process_graph(policy)

    def resolves(team_id: str) -> bool:
        team = policy.teams.get(team_id)
        return graph.resolves(team_id, team.resolves if team else None)

    priorities = [p for p in policy.priorities.values() if "resolution" in p.targets]
    for ladder in policy.escalations.values():
        timed = _timed_steps(ladder)
        if not timed:
            continue
        for priority in _handled(ladder, priorities):
            target = priority.targets["resolution"]
            for entry in _entries(ladder):
                path = _walk(ladder, timed, entry, priority, resolves)
                if not path:
                    continue
                total = sum((delay for _, delay in path), timedelta(0))
                steps = [ladder.steps[index] for index, _ in path]
                if total < length(target) or any(
                    _breaches(step, delay, priority)
                    for step, (_, delay) in zip(steps, path, strict=True)
                ):
                    continue
                parts = " + ".join(
                    f"{format_duration(delay)} in {step.source.id}"
                    for step, (_, delay) in zip(steps, path, strict=True)
                )
                yield doc.finding(
                    f"escalation '{ladder.id}': a {priority.id} ticket reaches"
                    f" '{steps[-1].to.id}', the first tier that resolves, after"
                    f" {format_duration(total)} ({parts}); the {priority.id} resolution target"
                    f" is {target}",
                    steps[-1].where,
                    related=(*(step.where for step in steps[:-1]), target.where),
                )


def _walk(
    ladder: Ladder,
    timed: dict[str, list[tuple[int, timedelta]]],
    entry: str,
    priority: Priority,
    resolves: Callable[[str], bool],
) -> list[tuple[int, timedelta]] | None:
    """The timed steps a ticket nobody resolves follows from ``entry`` to the first tier that
    resolves (from each tier, the one that fires first); None if it never gets there."""
    path: list[tuple[int, timedelta]] = []
    seen = {entry}
    team = entry
    while not resolves(team):
        choices = [(d, i) for i, d in timed.get(team, ()) if _for(ladder.steps[i], priority.id)]
        if not choices:
            return None
        delay, index = min(choices)
        path.append((index, delay))
        team = ladder.steps[index].to.id
        if team in seen:
            return None  # a loop, reported as E610
        seen.add(team)
    return path


@rule(STEP_AFTER_BREACH)
def check_steps_after_breach(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    for ladder in policy.escalations.values():
        for index, step in enumerate(ladder.steps):
            delay = _delay(step)
            if delay is None:
                continue
            for ref in step.when.priorities:
                priority = ref.target
                if priority is None or not _breaches(step, delay, priority):
                    continue
                resolution = priority.targets["resolution"]
                yield doc.finding(
                    f"{ladder.label(index)} fires for {priority.id} after"
                    f" {format_duration(delay)} in '{step.source.id}', when the {priority.id}"
                    f" resolution target ({resolution}) is already breached",
                    step.when.time_in_tier.where if step.when.time_in_tier else step.where,
                    related=(resolution.where,),
                )


@rule(ASSESSMENT_LONGER_THAN_RESPONSE)
def check_assessment_gates(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    assessed = sorted(
        (
            (length(p.targets["assessment"]), p)
            for p in policy.priorities.values()
            if "assessment" in p.targets
        ),
        key=lambda pair: (-pair[0], pair[1].id),
    )
    for priority in policy.priorities.values():
        response = priority.targets.get("first_response")
        if response is None:
            continue
        longest = next(((n, p) for n, p in assessed[:2] if p is not priority), None)
        if longest is None or longest[0] <= length(response):
            continue
        other = longest[1]
        yield doc.finding(
            f"{other.id}'s assessment target ({other.targets['assessment']}) is longer than"
            f" {priority.id}'s first response target ({response}); the priority is known only"
            " after assessment",
            response.where,
            related=(other.targets["assessment"].where,),
        )
