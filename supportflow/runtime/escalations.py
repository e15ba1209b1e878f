"""Escalation ladders in runtime.json, and which of their steps apply to one ticket.

A step's trigger is written as given. For one ticket (see ``plan``):

- a ladder applies when its ``applies_to`` matches the ticket (a key the ticket does
  not carry, such as a severity on a ticket without one, does not match);
- a step's ``priorities`` and ``severities`` narrow it to those tickets; the step then
  fires when the ticket reaches its ``from`` team, or after ``time_in_tier`` if that is
  given too;
- ``time_in_tier`` alone fires after that long in the tier;
- ``manual`` and a ``condition`` alone are judgement calls: they have no instant.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from supportflow.model import Ladder, Policy, Step
from supportflow.runtime.routing import match_document
from supportflow.runtime.targets import TimeTarget, length_document, target_document

TriggerKind = Literal["manual", "condition", "time_in_tier", "priorities", "severities"]


def _step_document(order: int, step: Step) -> dict[str, Any]:
    when = step.when
    return {
        "order": order,
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


@dataclass(frozen=True)
class PlannedStep:
    """One step that applies to a ticket; ``delay`` None fires on arrival unless untimed."""

    ladder: str
    order: int
    source: str
    to: str
    trigger: TriggerKind
    delay: TimeTarget | None
    notify: tuple[str, ...]

    @property
    def timed(self) -> bool:
        return self.trigger not in ("manual", "condition")

    @property
    def ref(self) -> str:
        return f"{self.ladder}#{self.order}"


def _matches(match: Mapping[str, list[str]] | None, ticket: Mapping[str, str | None]) -> bool:
    if match is None:
        return True
    return all(ticket[name] in values for name, values in match.items())


def _planned(
    ladder: str, step: Mapping[str, Any], ticket: Mapping[str, str | None]
) -> PlannedStep | None:
    when = step["trigger"]
    priorities, severities = when["priorities"], when["severities"]
    if priorities is not None and ticket["priorities"] not in priorities:
        return None
    if severities is not None and ticket["severities"] not in severities:
        return None
    delay = when["time_in_tier"]
    kind: TriggerKind
    if when["manual"]:
        kind = "manual"
    elif delay is not None:
        kind = "time_in_tier"
    elif priorities is not None:
        kind = "priorities"
    elif severities is not None:
        kind = "severities"
    else:
        kind = "condition"
    return PlannedStep(
        ladder=ladder,
        order=step["order"],
        source=step["from"],
        to=step["to"],
        trigger=kind,
        delay=TimeTarget.from_document(delay) if kind == "time_in_tier" else None,
        notify=tuple(step["notify"]),
    )


def plan(
    ladders: list[Mapping[str, Any]], ticket: Mapping[str, str | None]
) -> dict[str, list[PlannedStep]]:
    """The steps that apply to ``ticket``, by their ``from`` team, in document order.

    ``ticket`` maps the match keys (products, languages, channels, request_types,
    priorities, severities) to the ticket's one value for each.
    """
    by_team: dict[str, list[PlannedStep]] = {}
    for ladder in ladders:
        if not _matches(ladder["applies_to"], ticket):
            continue
        for step in ladder["steps"]:
            planned = _planned(ladder["id"], step, ticket)
            if planned is not None:
                by_team.setdefault(planned.source, []).append(planned)
    return by_team
