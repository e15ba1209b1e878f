"""The major-incident process."""

from __future__ import annotations

from typing import Literal

from supportflow.diagnostics.findings import Location
from supportflow.frozen import frozen
from supportflow.model.base import Ref
from supportflow.model.calendars import Calendar
from supportflow.model.catalog import RequestType
from supportflow.model.priorities import Priority, Severity, Target
from supportflow.model.teams import Team


@frozen
class IncidentAction:
    """One thing done when a major incident starts, and whom it notifies."""

    action: str
    where: Location
    notify: tuple[Ref[Team], ...] = ()
    notifies_customer: bool = False
    note: str | None = None


@frozen
class Incident:
    """What starts the process (``priorities``, ``severities`` or ``request_types``: any one
    of them) and what is done then."""

    where: Location
    actions: tuple[IncidentAction, ...]
    priorities: tuple[Ref[Priority], ...] = ()
    severities: tuple[Ref[Severity], ...] = ()
    request_types: tuple[Ref[RequestType], ...] = ()
    owner: Ref[Team] | None = None
    perform: Literal["all", "one_or_more"] = "all"
    restore_target: Target | None = None
    availability: Ref[Calendar] | None = None
