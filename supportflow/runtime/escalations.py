"""Escalation ladders in runtime.json, and which of their steps apply to one ticket.

A step's trigger is written as given. For one ticket (see ``PlannedStep.applies``):

- a ladder applies when its ``applies_to`` matches the ticket (a key the ticket does
  not carry, such as a severity on a ticket without one, does not match);
- a step's ``priorities`` and ``severities`` narrow it to those tickets; the step then
  fires when the ticket reaches its ``from`` team, or after ``time_in_tier`` if that is
  given too;
- ``time_in_tier`` alone fires after that long in the tier;
- ``manual`` and a ``condition`` alone are judgement calls: they have no instant;
- a step ``after`` other steps fires no earlier than they do (see ``Runtime``);
- an ``assist`` step brings its ``to`` team in without moving the ticket.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from supportflow.frozen import frozen
from supportflow.model import Ladder, Policy, Step
from supportflow.runtime.routing import match_document
from supportflow.runtime.targets import TimeTarget, length_document, target_document

TriggerKind = Literal["manual", "condition", "time_in_tier", "priorities", "severities"]
StepKind = Literal["handover", "assist"]


def _step_document(order: int, step: Step) -> dict[str, Any]:
    when = step.when
    return {
        "order": order,
        "id": step.id,
        "kind": step.kind,
        "after": [ref.id for ref in step.after],
        "from": step.source.id,
        "to": step.to.id,
        "trigger": {
            "manual": when.manual,
            "time_in_tier": target_document(when.time_in_tier) if when.time_in_tier else None,
            "priorities": [ref.id for ref in when.priorities] or None,
            "severities": [ref.id for ref in when.severities] or None,
            "condition": when.condition,
        },
        "notify": [ref.id for ref in step.notify],
        "notifies_customer": step.notifies_customer,
        "repeat": (
            {"times": step.repeat.times, "every": length_document(step.repeat.every)}
            if step.repeat is not None
            else None
        ),
        "customer_contact": step.customer_contact,
        "note": step.note,
    }


def _ladder_document(ladder: Ladder) -> dict[str, Any]:
    return {
        "id": ladder.id,
        "name": ladder.name,
        "applies_to": match_document(ladder.applies_to),
        "steps": [_step_document(order, step) for order, step in enumerate(ladder.steps, 1)],
    }


def escalations_document(policy: Policy) -> list[dict[str, Any]]:
    return [_ladder_document(ladder) for ladder in policy.escalations.values()]


# The ticket's values in this order: the match keys a ladder or trigger may name.
VALUE_KEYS = ("products", "languages", "channels", "request_types", "priorities", "severities")
Values = tuple[str | None, ...]
Condition = tuple[tuple[int, frozenset[str]], ...]


@frozen
class PlannedStep:
    """A step compiled once: which tickets it applies to, and what makes it fire.

    ``conditions`` are the ladder's ``applies_to`` and the trigger's levels, each a
    position in the ticket's values and the values allowed there. ``delay`` is set
    for ``time_in_tier``; a level-triggered step fires on arrival; manual and
    condition steps are untimed (``timed`` False). ``ref`` (``ladder#order``) names
    the step for ``after`` and in output; both are worked out by ``steps_by_team``,
    once, while the document loads.
    """

    ladder: str
    order: int
    step_id: str | None
    kind: StepKind
    after: tuple[str, ...]  # refs (``ladder#order``) of the steps this one comes after
    source: str
    to: str
    trigger: TriggerKind
    delay: TimeTarget | None
    notify: tuple[str, ...]
    conditions: Condition
    ref: str
    timed: bool

    def applies(self, values: Values) -> bool:
        return all(values[position] in allowed for position, allowed in self.conditions)


def _conditions(match: Mapping[str, list[str]] | None, when: Mapping[str, Any]) -> Condition:
    named = dict(match or {})
    for key in ("priorities", "severities"):
        if when[key] is not None:  # the ladder's and the trigger's lists must both hold
            named[key] = [v for v in when[key] if key not in named or v in named[key]]
    return tuple((VALUE_KEYS.index(key), frozenset(allowed)) for key, allowed in named.items())


def _kind(when: Mapping[str, Any]) -> TriggerKind:
    if when["manual"]:
        return "manual"
    if when["time_in_tier"] is not None:
        return "time_in_tier"
    if when["priorities"] is not None:
        return "priorities"
    if when["severities"] is not None:
        return "severities"
    return "condition"


def steps_by_team(ladders: list[Mapping[str, Any]]) -> dict[str, tuple[PlannedStep, ...]]:
    """Every step, compiled, by its ``from`` team, in document order."""
    by_team: dict[str, list[PlannedStep]] = {}
    for ladder in ladders:
        orders = {step["id"]: step["order"] for step in ladder["steps"] if step["id"]}
        for step in ladder["steps"]:
            when = step["trigger"]
            kind = _kind(when)
            delay = when["time_in_tier"]
            planned = PlannedStep(
                ladder=ladder["id"],
                order=step["order"],
                step_id=step["id"],
                kind=step["kind"],
                after=tuple(f"{ladder['id']}#{orders[name]}" for name in step["after"]),
                source=step["from"],
                to=step["to"],
                trigger=kind,
                delay=TimeTarget.from_document(delay) if kind == "time_in_tier" else None,
                notify=tuple(step["notify"]),
                conditions=_conditions(ladder["applies_to"], when),
                ref=f"{ladder['id']}#{step['order']}",
                timed=kind not in ("manual", "condition"),
            )
            by_team.setdefault(planned.source, []).append(planned)
    return {team: tuple(steps) for team, steps in by_team.items()}
