"""Process graph rules: escalation loops, teams no ticket reaches, and dead ends.

Each reads the one :class:`~supportflow.analysis.graph.ProcessGraph` of the
policy, built once for the whole run.
"""

from __future__ import annotations

from collections.abc import Iterator

from supportflow.analysis.graph import MAX_LOOPS, ProcessGraph, StepEdge, process_graph
from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding
from supportflow.diagnostics.ruledocs.escalations import (
    DEAD_END,
    ESCALATION_LOOP,
    UNREACHABLE_TEAM,
)
from supportflow.model import Policy
from supportflow.rules.check import rule


@rule(ESCALATION_LOOP)
def check_loops(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    graph = process_graph(policy)
    circles = list(graph.loops())
    for count, circle in enumerate(circles[:MAX_LOOPS], 1):
        teams, edges = _circle_steps(graph, circle)
        more = (
            f"; there are more than {MAX_LOOPS} loops, the others are not listed"
            if count == MAX_LOOPS and len(circles) > MAX_LOOPS
            else ""
        )
        yield doc.finding(
            f"escalation loop: {' → '.join([*teams, teams[0]])}"
            f" (steps {', '.join(edge.label for edge in edges)}){more}",
            edges[0].step.where,
            related=tuple(edge.step.where for edge in edges[1:]),
        )


def _circle_steps(graph: ProcessGraph, circle: list[str]) -> tuple[list[str], list[StepEdge]]:
    """The circle's teams starting where its first-written step leaves, and every step
    that moves a ticket along it (parallel steps from other ladders included)."""
    size = len(circle)
    legs = [graph.handovers_between(circle[i], circle[(i + 1) % size]) for i in range(size)]
    first = min(range(size), key=lambda i: legs[i][0].step.where)
    teams = circle[first:] + circle[:first]
    return teams, [edge for leg in legs[first:] + legs[:first] for edge in leg]


@rule(UNREACHABLE_TEAM)
def check_unreachable(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    if policy.routing is None:
        return  # no way in is written yet, so every team would be reported
    graph = process_graph(policy)
    for team in policy.teams.values():
        if team.id in graph.reach:
            continue
        into = graph.steps_into.get(team.id, [])
        if into:
            reason = (
                f"only steps that never fire lead to it ({', '.join(e.label for e in into)}):"
                " their teams are never reached, or they wait for steps that never fire"
            )
        else:
            reason = (
                "it is not the front door, no routing rule or step leads to it, and it"
                " neither owns incidents, triages nor is notified"
            )
        yield doc.finding(
            f"no ticket reaches team '{team.id}': {reason}",
            team.where,
            related=tuple(edge.step.where for edge in into),
        )


@rule(DEAD_END)
def check_dead_ends(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    graph = process_graph(policy)
    for team in policy.teams.values():
        if graph.reach.get(team.id) != "holds" or team.resolves is not False:
            continue
        onward = [edge for edge in graph.handovers_from(team.id) if graph.fires(edge)]
        if not onward:
            assists = [
                e.label for e in graph.steps_from.get(team.id, ()) if e.step.kind == "assist"
            ]
            but = f" (assist steps {', '.join(assists)} leave it with the team)" if assists else ""
            yield doc.finding(
                f"team '{team.id}' holds tickets and does not resolve them (`resolves: false`),"
                f" but no handover step leads onward{but}",
                team.where,
            )
