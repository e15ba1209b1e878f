"""Escalation ladders: steps from team to team, and what makes each fire."""

from __future__ import annotations

from datetime import timedelta
from typing import Literal

from supportflow.diagnostics.findings import Location
from supportflow.frozen import frozen
from supportflow.model.base import Ref
from supportflow.model.priorities import Priority, Severity, Target
from supportflow.model.teams import Match, Team

CustomerContact = Literal[
    "none", "customer_contacts_party", "party_contacts_customer", "case_by_case"
]
StepKind = Literal["handover", "assist"]


@frozen
class Trigger:
    """When a step fires: by hand, after time in the tier, for given levels, or on a judgement."""

    where: Location
    manual: bool = False
    time_in_tier: Target | None = None
    priorities: tuple[Ref[Priority], ...] = ()
    severities: tuple[Ref[Severity], ...] = ()
    condition: str | None = None


@frozen
class Repeat:
    """The step's notifications, sent again a bounded number of times."""

    times: int
    every: timedelta
    where: Location


@frozen
class Step:
    """One step of a ladder; ``source`` is its ``from:`` team.

    A ``handover`` moves the ticket to ``to``; an ``assist`` brings ``to`` in to
    help while the ticket stays with ``source`` (an edge for reachability, not a
    change of owner). ``after`` names steps of the same ladder that are
    considered before this one may fire; its refs are linked to those steps.
    """

    source: Ref[Team]
    to: Ref[Team]
    when: Trigger
    where: Location
    id: str | None = None
    kind: StepKind = "handover"
    after: tuple[Ref[Step], ...] = ()
    notify: tuple[Ref[Team], ...] = ()
    notifies_customer: bool = False
    repeat: Repeat | None = None
    customer_contact: CustomerContact | None = None
    note: str | None = None


@frozen
class Ladder:
    """An escalation ladder: its steps, and which tickets it applies to (None: any)."""

    id: str
    where: Location
    steps: tuple[Step, ...]
    name: str | None = None
    description: str | None = None
    applies_to: Match | None = None

    def label(self, index: int) -> str:
        """How findings name the step at ``index``: by its id, else by its position."""
        step_id = self.steps[index].id
        return f"{self.id}/{step_id}" if step_id else f"{self.id} step {index + 1}"
