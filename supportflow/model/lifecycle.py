"""The ticket lifecycle and the case reference customers quote."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from supportflow.diagnostics.findings import Location
from supportflow.model.base import Ref


@dataclass(frozen=True)
class State:
    id: str
    where: Location
    name: str | None = None
    sla: Literal["running", "paused", "stopped"] | None = None
    owner: Literal["support", "customer", "third_party"] | None = None
    final: bool = False
    monitored: bool = True


@dataclass(frozen=True)
class Transition:
    source: Ref[State]
    to: Ref[State]
    on: str
    where: Location


@dataclass(frozen=True)
class Lifecycle:
    initial: Ref[State]
    states: Mapping[str, State]
    where: Location
    transitions: tuple[Transition, ...] = ()
    reply_to_closed: Literal["reopen", "new_linked_case", "ignored"] | None = None
    one_issue_per_case: bool = False


@dataclass(frozen=True)
class CaseReference:
    """The reference shape (each ``#`` a digit) and whether replies must keep it in the subject."""

    format: str
    where: Location
    in_subject: bool = False
