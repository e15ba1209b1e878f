"""The ticket lifecycle and the case reference customers quote."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from supportflow.diagnostics.findings import Location
from supportflow.frozen import frozen
from supportflow.model.base import Ref


@frozen
class State:
    """A lifecycle state: whether the SLA clock runs, who holds the ticket, whether it is final."""

    id: str
    where: Location
    name: str | None = None
    sla: Literal["running", "paused", "stopped"] | None = None
    owner: Literal["support", "customer", "third_party"] | None = None
    final: bool = False
    monitored: bool = True


@frozen
class Transition:
    """A move from one state to another on an event."""

    source: Ref[State]
    to: Ref[State]
    on: str
    where: Location


@frozen
class Lifecycle:
    """The ticket lifecycle: states keyed by id, the initial one, and the moves between them."""

    initial: Ref[State]
    states: Mapping[str, State]
    where: Location
    transitions: tuple[Transition, ...] = ()
    reply_to_closed: Literal["reopen", "new_linked_case", "ignored"] | None = None
    one_issue_per_case: bool = False


@frozen
class CaseReference:
    """The reference shape (each ``#`` a digit) and whether replies must keep it in the subject."""

    format: str
    where: Location
    in_subject: bool = False
