"""Escalation ladder rules that need no process graph: steps and their order in one ladder.

Whole-process analysis (loops across ladders, unreachable teams, dead ends)
is in :mod:`supportflow.rules.graph`.
"""

from __future__ import annotations

from collections.abc import Iterator

from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding
from supportflow.diagnostics.ruledocs.escalations import (
    DUPLICATE_STEP,
    SELF_ESCALATION,
    STEPS_WAIT_FOR_EACH_OTHER,
    UNKNOWN_STEP,
)
from supportflow.diagnostics.suggestions import near_miss_hint
from supportflow.model import Ladder, Policy
from supportflow.rules.check import rule


@rule(SELF_ESCALATION)
def check_self_steps(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    for ladder in policy.escalations.values():
        for step in ladder.steps:
            if step.source.id == step.to.id:
                yield doc.finding(
                    f"escalation '{ladder.id}' has a step from '{step.source.id}' to itself",
                    step.to.where,
                )


@rule(UNKNOWN_STEP)
def check_after_ids(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    for ladder in policy.escalations.values():
        known = [step.id for step in ladder.steps if step.id]
        for step in ladder.steps:
            for after in step.after:
                if after.target is None:
                    yield doc.finding(
                        f"escalation '{ladder.id}' has no step '{after.id}'",
                        after.where,
                        hint=near_miss_hint(after.id, known, doc.hint),
                    )


@rule(DUPLICATE_STEP)
def check_step_ids(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    for ladder in policy.escalations.values():
        first: dict[str, int] = {}
        for index, step in enumerate(ladder.steps):
            if step.id is None:
                continue
            earlier = first.setdefault(step.id, index)
            if earlier != index:
                yield doc.finding(
                    f"escalation '{ladder.id}' has two steps with id '{step.id}'",
                    step.where,
                    related=(ladder.steps[earlier].where,),
                )


def waiting_circles(ladder: Ladder) -> list[list[int]]:
    """Circles of ``after:`` among the ladder's steps, as step indexes, each found once.

    An iterative depth-first search: a step met again while it is still on
    the path closes a circle.
    """
    index_of = {id(step): index for index, step in enumerate(ladder.steps)}
    waits = [
        [index_of[id(ref.target)] for ref in step.after if ref.target is not None]
        for step in ladder.steps
    ]
    state = [0] * len(waits)  # 0 new, 1 on the path, 2 done
    circles: list[list[int]] = []
    for root in range(len(waits)):
        if state[root]:
            continue
        path, stack = [root], [iter(waits[root])]
        state[root] = 1
        while stack:
            following = next(stack[-1], None)
            if following is None:
                state[path.pop()] = 2
                stack.pop()
            elif state[following] == 1:
                circles.append(path[path.index(following) :])
            elif state[following] == 0:
                state[following] = 1
                path.append(following)
                stack.append(iter(waits[following]))
    return circles


@rule(STEPS_WAIT_FOR_EACH_OTHER)
def check_after_circles(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    for ladder in policy.escalations.values():
        for circle in waiting_circles(ladder):
            names = [ladder.label(index) for index in circle]
            first = ladder.steps[circle[0]]
            yield doc.finding(
                f"steps wait for each other, so none of them fires: {' → '.join(names)}"
                f" → {names[0]}",
                first.where,
                related=tuple(ladder.steps[index].where for index in circle[1:]),
            )
