"""Time the process-graph and SLA-feasibility rules at N and 10·N teams, against networkx.

The policy is the issue's shape, built as the typed model (no YAML, so only the
rules are timed): N teams, 5·N escalation steps over N/10 ladders, a routing
rule into each ladder, two priorities, time-driven steps, step order (`after:`) and
assist steps, and no loops (a sound policy is the common case). The peer is
what a plain networkx implementation does for the two graph questions that
matter most: build a DiGraph of the same steps, find every team reachable from
intake (`nx.descendants`) and decide whether a loop exists
(`nx.is_directed_acyclic_graph`). supportflow answers more: step order, dead
ends, loops with every step located, unreachable teams with the reason, and
the three feasibility rules. "one pass" times a bare loop over the steps: on a
shared machine it grows past 10x too, which is memory, not the algorithm.

    python benchmarks/process_graph.py [--size N] [--runs R]
"""

from __future__ import annotations

import argparse
import copy
import gc
import time
from datetime import timedelta

import networkx as nx

from supportflow.diagnostics.findings import Location
from supportflow.model import (
    Ladder,
    Policy,
    Priority,
    Ref,
    Routing,
    RoutingRule,
    Step,
    Target,
    Team,
    Trigger,
)
from supportflow.model.teams import Match
from supportflow.rules import feasibility, graph
from supportflow.rules.check import checks_in

HERE = Location("synthetic.yaml", 1, 1)
CHECKS = checks_in(graph) + checks_in(feasibility)


def synthetic(size: int) -> Policy:
    """N teams in N/10 ladders of 50 steps each; every ladder climbs its ten teams."""
    teams = {
        f"t{i}": Team(id=f"t{i}", tier="first_line", where=HERE, name=f"t{i}") for i in range(size)
    }

    def ref(team: int) -> Ref[Team]:
        return Ref(f"t{team}", HERE, teams[f"t{team}"])

    ladders = {}
    for number in range(size // 10):
        base = number * 10
        steps: list[Step] = []
        for k in range(50):
            source, to = base + k % 10, base + k % 10 + 1 + k // 10
            if to >= min(base + 10, size):
                to = source + 1 if source + 1 < min(base + 10, size) else source
            if to == source:
                continue
            delay = Target(timedelta(hours=1 + k % 3), None, "business")
            steps.append(
                Step(
                    source=ref(source),
                    to=ref(to),
                    when=Trigger(where=HERE, time_in_tier=delay),
                    where=HERE,
                    id=f"s{k}",
                    kind="assist" if k % 11 == 5 else "handover",
                    after=(Ref(f"s{k - 1}", HERE),) if k % 7 == 3 else (),
                )
            )
        by_id = {step.id: step for step in steps}
        for step in steps:  # linked as resolve links them
            for after in step.after:
                object.__setattr__(after, "target", by_id.get(after.id))
        ladders[f"l{number}"] = Ladder(id=f"l{number}", where=HERE, steps=tuple(steps))
    rules = tuple(  # one rule into each ladder's first team
        RoutingRule(match=Match(where=HERE), to=ref(base), where=HERE)
        for base in range(10, size, 10)
    )
    targets = {"resolution": Target(timedelta(hours=8), None, "business")}
    priorities = {
        p: Priority(p, p, level, "x", HERE, HERE, targets) for level, p in ((1, "P1"), (2, "P2"))
    }
    return Policy(
        files=("synthetic.yaml",),
        teams=teams,
        escalations=ladders,
        routing=Routing(front_door=ref(0), where=HERE, rules=rules),
        priorities=priorities,
    )


def ours(policy: Policy) -> int:
    return sum(len(list(check(policy, doc))) for doc, check in CHECKS)


def peer(policy: Policy) -> int:
    digraph = nx.DiGraph()
    digraph.add_nodes_from(policy.teams)
    for ladder in policy.escalations.values():
        digraph.add_edges_from((s.source.id, s.to.id) for s in ladder.steps)
    assert policy.routing is not None
    intake = {policy.routing.front_door.id, *(rule.to.id for rule in policy.routing.rules)}
    reached = set(intake)
    for team in intake:
        reached |= nx.descendants(digraph, team)
    return len(reached) + int(not nx.is_directed_acyclic_graph(digraph))


def one_pass(policy: Policy) -> int:
    """The floor: one pass over every step, keyed as the graph keys them."""
    seen = {
        (ladder.id, index): (step.source.id, step.to.id)
        for ladder in policy.escalations.values()
        for index, step in enumerate(ladder.steps)
    }
    return len(seen)


def best(run, policy: Policy, runs: int) -> float:
    samples = []
    for _ in range(runs):
        fresh = copy.copy(policy)  # a new object: the graph is built again
        gc.collect()
        start = time.process_time()
        run(fresh)
        samples.append(time.process_time() - start)
    return min(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000, help="N teams (and 10·N)")
    parser.add_argument("--runs", type=int, default=3, help="runs per size; the best counts")
    args = parser.parse_args()
    print("CPU seconds, best of --runs (the machine may be shared; CPU time is steadier)")
    print(
        f"{'teams':>8}{'steps':>9}{'supportflow':>14}{'networkx':>12}{'ratio':>8}{'one pass':>11}"
    )
    figures = []
    for size in (args.size, 10 * args.size):
        policy = synthetic(size)
        steps = sum(len(ladder.steps) for ladder in policy.escalations.values())
        timed = [best(run, policy, args.runs) for run in (ours, peer, one_pass)]
        figures.append(timed)
        mine, theirs, floor = timed
        print(
            f"{size:>8,}{steps:>9,}{mine:>13.3f}s{theirs:>11.3f}s{mine / theirs:>8.1f}"
            f"{floor:>10.4f}s"
        )
    growth = [large / small for small, large in zip(*figures, strict=True)]
    print(
        f"growth for 10x the teams: supportflow {growth[0]:.1f}, networkx {growth[1]:.1f},"
        f" one pass over the steps {growth[2]:.1f}"
    )


if __name__ == "__main__":
    main()
