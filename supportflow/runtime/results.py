"""What ``Runtime.route`` answers: one ticket's team, due times, timeline and incident.

Plain values, written as ``supportflow route --format json`` prints them (``as_json``);
``Escalation`` keeps the compiled step it times, and reads what the step says through it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from functools import partial
from typing import Any, NamedTuple

from supportflow.frozen import frozen
from supportflow.runtime.escalations import PlannedStep, StepKind, TriggerKind
from supportflow.runtime.ticket import Ticket


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


@frozen
class TargetDue:
    """When one of the ticket's targets is due, and the calendar and clock it counts on."""

    kind: str
    due: datetime
    calendar: str
    clock: str
    within: str

    def as_json(self) -> dict[str, Any]:
        return {
            "due": iso(self.due),
            "calendar": self.calendar,
            "clock": self.clock,
            "within": self.within,
        }


class Escalation(NamedTuple):
    """One step of the ticket's timeline: when it fires and when its team is reached.

    It keeps the compiled step it times, so each ticket builds four fields per step, not
    eleven; what the step says (ladder, teams, trigger …) is read through it. A named
    tuple rather than a frozen class because every timed step of every ticket builds
    one: ``make_escalation`` builds it at a third of a class's cost.
    """

    step: PlannedStep
    fires_at: datetime | None
    reached_at: datetime | None
    via: str | None

    @property
    def ladder(self) -> str:
        return self.step.ladder

    @property
    def order(self) -> int:
        return self.step.order

    @property
    def step_id(self) -> str | None:
        return self.step.step_id

    @property
    def kind(self) -> StepKind:
        return self.step.kind

    @property
    def source(self) -> str:
        return self.step.source

    @property
    def to(self) -> str:
        return self.step.to

    @property
    def trigger(self) -> TriggerKind:
        return self.step.trigger

    @property
    def notify(self) -> tuple[str, ...]:
        return self.step.notify

    @property
    def ref(self) -> str:
        return self.step.ref

    def fields(self) -> dict[str, Any]:
        """Everything the step says, by its JSON names, with the instants as datetimes."""
        step = self.step
        return {
            "ladder": step.ladder,
            "step": step.order,
            "id": step.step_id,
            "kind": step.kind,
            "from": step.source,
            "to": step.to,
            "trigger": step.trigger,
            "fires_at": self.fires_at,
            "reached_at": self.reached_at,
            "via": self.via,
            "notify": list(step.notify),
        }

    def as_json(self) -> dict[str, Any]:
        return {**self.fields(), "fires_at": iso(self.fires_at), "reached_at": iso(self.reached_at)}


@frozen
class IncidentStart:
    """Who owns the incident the ticket opens, and when service must be restored."""

    owner: str | None
    restore_due: datetime | None

    def as_json(self) -> dict[str, Any]:
        return {"owner": self.owner, "restore_due": iso(self.restore_due)}


@frozen
class RouteResult:
    """The answer for one ticket; ``as_json`` is what ``supportflow route`` prints.

    ``calendar`` is the calendar the ticket's targets count on and ``opens_at`` the
    first instant at or after ``at`` when it is open (``at`` itself when open).
    """

    ticket: Ticket
    at: datetime
    team: str | None
    rule: int | None
    calendar: str
    opens_at: datetime
    targets: Mapping[str, TargetDue]
    escalations: tuple[Escalation, ...]
    incident: IncidentStart | None

    def as_json(self) -> dict[str, Any]:
        return {
            "at": iso(self.at),
            "team": self.team,
            "rule": self.rule,
            "calendar": self.calendar,
            "opens_at": iso(self.opens_at),
            "targets": {kind: due.as_json() for kind, due in self.targets.items()},
            "escalations": [step.as_json() for step in self.escalations],
            "incident": self.incident.as_json() if self.incident is not None else None,
        }


make_escalation = partial(tuple.__new__, Escalation)  # Escalation from (step, fires, reached, via)
