"""Lifecycle rules: states no ticket reaches, states a ticket never leaves, and
transitions that contradict what the lifecycle itself says about closed cases."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding
from supportflow.diagnostics.ruledocs.escalations import (
    LIFECYCLE_CONTRADICTION,
    STUCK_STATE,
    UNREACHABLE_STATE,
)
from supportflow.model import Lifecycle, Policy, Transition
from supportflow.rules.check import rule

CUSTOMER_REPLY = "customer_reply"


def _leaving(lifecycle: Lifecycle) -> dict[str, list[Transition]]:
    out: dict[str, list[Transition]] = {}
    for transition in lifecycle.transitions:
        out.setdefault(transition.source.id, []).append(transition)
    return out


@rule(UNREACHABLE_STATE)
def check_unreachable_states(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    lifecycle = policy.lifecycle
    if lifecycle is None or lifecycle.initial.target is None:
        return
    out = _leaving(lifecycle)
    seen = {lifecycle.initial.id}
    queue = deque(seen)
    while queue:
        for transition in out.get(queue.popleft(), ()):
            if transition.to.id not in seen:
                seen.add(transition.to.id)
                queue.append(transition.to.id)
    for state in lifecycle.states.values():
        if state.id not in seen:
            yield doc.finding(
                f"no transition from '{lifecycle.initial.id}' leads to state '{state.id}'",
                state.where,
            )


@rule(STUCK_STATE)
def check_stuck_states(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    lifecycle = policy.lifecycle
    if lifecycle is None:
        return
    out = _leaving(lifecycle)
    for state in lifecycle.states.values():
        if not state.final and state.id not in out:
            yield doc.finding(
                f"state '{state.id}' is not final and no transition leaves it", state.where
            )


@rule(LIFECYCLE_CONTRADICTION)
def check_contradictions(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    lifecycle = policy.lifecycle
    if lifecycle is None:
        return
    closed_stays_closed = lifecycle.reply_to_closed in ("ignored", "new_linked_case")
    for transition in lifecycle.transitions:
        state = transition.source.target
        if state is None:
            continue
        if state.final and closed_stays_closed:
            yield doc.finding(
                f"transition from final state '{state.id}' to '{transition.to.id}' on"
                f" '{transition.on}' reopens a closed case, but reply_to_closed is"
                f" '{lifecycle.reply_to_closed}'",
                transition.where,
            )
        elif not state.monitored and transition.on == CUSTOMER_REPLY:
            yield doc.finding(
                f"transition from '{state.id}' on customer_reply, but nobody monitors replies"
                f" in '{state.id}' (monitored: false)",
                transition.where,
                related=(state.where,),
            )
