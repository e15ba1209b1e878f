"""The process graph: how tickets reach teams and move between them.

Nodes are team ids. Tickets come in through intake (the front door, routing
rules, the incident owner, the triage team) and move along every ladder's
steps: a ``handover`` moves the ticket, an ``assist`` brings a team in while
the ticket stays put, and a step's ``notify`` (or an incident action's) tells a
team without involving it. The graph is built once per policy as plain dicts,
so reachability costs no import; :meth:`ProcessGraph.loops` imports networkx
only when the handovers contain a circle at all, to list every one of them.

Reachability honours step order: a step fires only once its ``from`` team is
involved (holds the ticket or assists) and every step in its ``after:`` list
can fire, so a step waiting on a step that never fires never fires either.
"""

from __future__ import annotations

import itertools
import weakref
from collections import deque
from collections.abc import Iterator
from typing import Literal

from supportflow.diagnostics.findings import Location
from supportflow.frozen import field, frozen
from supportflow.model import Ladder, Policy, Step

Reach = Literal["holds", "assists", "notified"]
MAX_LOOPS = 100  # elementary circles listed; a dense graph can have exponentially many


@frozen
class Intake:
    """A way a ticket reaches a team without a step: ``how`` is said in findings."""

    team: str
    how: str
    where: Location


@frozen
class StepEdge:
    """One step of one ladder: ``source`` and ``target`` are its team ids."""

    ladder: Ladder
    index: int
    step: Step
    source: str
    target: str
    serial: int  # the step's number among every ladder's steps, in the order written

    @property
    def label(self) -> str:
        return self.ladder.label(self.index)


@frozen
class ProcessGraph:
    """Intake and steps by team, and what :meth:`build` found reachable."""

    teams: frozenset[str]
    intake: dict[str, list[Intake]] = field(default_factory=dict)
    steps_from: dict[str, list[StepEdge]] = field(default_factory=dict)
    steps_into: dict[str, list[StepEdge]] = field(default_factory=dict)
    handovers: dict[str, list[StepEdge]] = field(default_factory=dict)
    notified_by: dict[str, list[Location]] = field(default_factory=dict)
    reach: dict[str, Reach] = field(default_factory=dict)
    firing: set[int] = field(default_factory=set)

    def fires(self, edge: StepEdge) -> bool:
        """Whether the step can ever fire: its team is involved and its order allows it."""
        return edge.serial in self.firing

    def handovers_from(self, team: str) -> list[StepEdge]:
        return self.handovers.get(team, [])

    def resolves(self, team: str, written: bool | None) -> bool:
        """``resolves:`` as written; unwritten, a team resolves when no handover leads on."""
        return written if written is not None else not self.handovers_from(team)

    def loops(self) -> Iterator[list[str]]:
        """Every elementary circle of handovers between different teams (up to MAX_LOOPS + 1),
        as team ids in order; networkx is imported only when a circle exists."""
        nontrivial = _circular_teams(self._handover_successors())
        if not nontrivial:
            return iter(())
        import networkx as nx

        graph = nx.DiGraph()
        for team in sorted(nontrivial):
            for edge in self.handovers_from(team):
                if edge.target in nontrivial and edge.target != team:
                    graph.add_edge(team, edge.target)
        return itertools.islice(nx.simple_cycles(graph), MAX_LOOPS + 1)

    def handovers_between(self, source: str, target: str) -> list[StepEdge]:
        return [edge for edge in self.handovers.get(source, ()) if edge.target == target]

    def _handover_successors(self) -> dict[str, list[str]]:
        return {
            team: [e.target for e in edges if e.target != team]
            for team, edges in self.handovers.items()
        }


def _circular_teams(successors: dict[str, list[str]]) -> set[str]:
    """Teams on some circle: members of strongly connected components larger than one
    (Tarjan's algorithm, iterative, linear in teams and steps)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: set[str] = set()
    counter = 0
    for root in successors:
        if root in index:
            continue
        work = [(root, iter(successors.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(successors.get(child, ()))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.update(component)
    return found


_LAST: list[tuple[weakref.ref[Policy], ProcessGraph]] = []


def process_graph(policy: Policy) -> ProcessGraph:
    """The policy's process graph, built once and shared by every rule of one run."""
    if _LAST and _LAST[0][0]() is policy:
        return _LAST[0][1]
    graph = build(policy)
    _LAST[:] = [(weakref.ref(policy), graph)]
    return graph


def build(policy: Policy) -> ProcessGraph:
    graph = ProcessGraph(teams=frozenset(policy.teams))
    _add_intake(policy, graph)
    written = (
        (ladder, index, step)
        for ladder in policy.escalations.values()
        for index, step in enumerate(ladder.steps)
    )
    edges = [
        StepEdge(ladder, index, step, step.source.id, step.to.id, serial)
        for serial, (ladder, index, step) in enumerate(written)
    ]
    for edge in edges:
        if edge.source in graph.teams:
            graph.steps_from.setdefault(edge.source, []).append(edge)
            if edge.step.kind == "handover":
                graph.handovers.setdefault(edge.source, []).append(edge)
        if edge.target in graph.teams:
            graph.steps_into.setdefault(edge.target, []).append(edge)
    _spread(policy, graph, edges)
    return graph


def _add_intake(policy: Policy, graph: ProcessGraph) -> None:
    found: list[Intake] = []
    if policy.routing is not None:
        door = policy.routing.front_door
        found.append(Intake(door.id, "the front door", door.where))
        for number, rule in enumerate(policy.routing.rules, 1):
            name = f"routing rule '{rule.name}'" if rule.name else f"routing rule {number}"
            found.append(Intake(rule.to.id, name, rule.to.where))
    incident = policy.incident
    if incident is not None and incident.owner is not None:
        found.append(Intake(incident.owner.id, "the incident owner", incident.owner.where))
    triage = policy.triage
    if triage is not None and triage.team is not None:
        found.append(Intake(triage.team.id, "the triage team", triage.team.where))
    for intake in found:
        if intake.team in graph.teams:
            graph.intake.setdefault(intake.team, []).append(intake)
    if incident is not None:
        for action in incident.actions:
            for ref in action.notify:
                graph.notified_by.setdefault(ref.id, []).append(ref.where)


def _spread(policy: Policy, graph: ProcessGraph, edges: list[StepEdge]) -> None:
    """Reach teams from intake: a worklist over teams and steps, each handled once.

    A step waits for its team to be involved and for every step it comes after;
    ``waiting`` counts what it still waits for, by step serial.
    """
    waiting = [1] * len(edges)
    dependants: dict[int, list[StepEdge]] = {}
    first = 0  # the serial of the ladder's first step
    for ladder in policy.escalations.values():
        position: dict[int, int] | None = None
        for index, step in enumerate(ladder.steps):
            if not step.after:
                continue
            if position is None:
                position = {id(s): first + i for i, s in enumerate(ladder.steps)}
            before = {position[id(r.target)] for r in step.after if id(r.target) in position}
            waiting[first + index] += len(before)
            for serial in before:
                dependants.setdefault(serial, []).append(edges[first + index])
        first += len(ladder.steps)
    teams: deque[str] = deque()
    steps: deque[StepEdge] = deque()

    def involve(team: str, how: Reach) -> None:
        known = graph.reach.get(team)
        if team not in graph.teams or (known is not None and _RANK[known] >= _RANK[how]):
            return
        graph.reach[team] = how
        if how != "notified" and known in (None, "notified"):
            teams.append(team)  # involved for the first time: its steps may fire

    for team in graph.intake:
        involve(team, "holds")
    for team in graph.notified_by:
        involve(team, "notified")
    while teams or steps:
        if teams:
            steps.extend(graph.steps_from.get(teams.popleft(), ()))
            continue
        edge = steps.popleft()
        waiting[edge.serial] -= 1
        if waiting[edge.serial]:
            continue
        graph.firing.add(edge.serial)
        step = edge.step
        involve(step.to.id, "holds" if step.kind == "handover" else "assists")
        for ref in step.notify:
            involve(ref.id, "notified")
        steps.extend(dependants.get(edge.serial, ()))


_RANK: dict[Reach, int] = {"notified": 1, "assists": 2, "holds": 3}
