"""Escalation ladders: steps from team to team, and what makes each fire."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

from supportflow.diagnostics.findings import Location
from supportflow.model.base import Ref
from supportflow.model.priorities import Priority, Severity, Target
from supportflow.model.teams import Match, Team

CustomerContact = Literal[
    "none", "customer_contacts_party", "party_contacts_customer", "case_by_case"
]


@dataclass(frozen=True)
class Trigger:
    """When a step fires: by hand, after time in the tier, for given levels, or on a judgement."""

    where: Location
    manual: bool = False
    time_in_tier: Target | None = None
    priorities: tuple[Ref[Priority], ...] = ()
    severities: tuple[Ref[Severity], ...] = ()
    condition: str | None = None


@dataclass(frozen=True)
class Repeat:
    """The step's notifications, sent again a bounded number of times."""

    times: int
    every: timedelta


@dataclass(frozen=True)
class Step:
    """One step of a ladder; ``source`` is its ``from:`` team."""

    source: Ref[Team]
    to: Ref[Team]
    when: Trigger
    where: Location
    notify: tuple[Ref[Team], ...] = ()
    notifies_customer: bool = False
    repeat: Repeat | None = None
    customer_contact: CustomerContact | None = None
    note: str | None = None


@dataclass(frozen=True)
class Ladder:
    id: str
    where: Location
    steps: tuple[Step, ...]
    name: str | None = None
    description: str | None = None
    applies_to: Match | None = None
