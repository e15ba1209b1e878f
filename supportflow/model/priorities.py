"""Severities, priorities with their time targets, and the priority matrix."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from supportflow.businesstime.spec import BusinessDay
from supportflow.diagnostics.findings import Location
from supportflow.frozen import field, frozen
from supportflow.model.base import Ref
from supportflow.model.calendars import Calendar
from supportflow.shortforms import Clock, format_duration

TARGET_KINDS = ("assessment", "first_response", "next_update", "resolution")


@frozen
class Target:
    """How long something may take, on which clock, and whose hours count.

    Exactly one of ``within`` and ``business_days`` is set. Business days stay a
    count: what one means is the calendar's declared property.
    """

    within: timedelta | None
    business_days: int | None
    clock: Clock
    where: Location = field(default=Location(""), compare=False)
    calendar: Ref[Calendar] | None = None
    business_day: BusinessDay | None = None
    illustrative: bool = False

    def nominal(self, business_day_hours: timedelta) -> timedelta:
        """A comparable length: business days counted at the given hours each."""
        if self.within is not None:
            return self.within
        assert self.business_days is not None
        return self.business_days * business_day_hours

    def __str__(self) -> str:
        if self.business_days is not None:
            unit = "business day" if self.business_days == 1 else "business days"
            return f"{self.business_days} {unit}"
        return format_duration(self.within or timedelta(0))


@frozen
class Severity:
    """How bad an issue is, by level (1 is the worst)."""

    id: str
    name: str
    level: int
    definition: str
    where: Location


@frozen
class Priority:
    """How urgently a ticket is handled, by level (1 first), with its time targets by kind."""

    id: str
    name: str
    level: int
    definition: str
    where: Location
    level_where: Location
    targets: Mapping[str, Target] = field(default_factory=dict)


@frozen
class PriorityCell:
    """One urgency of one impact row; ``where`` is the urgency key."""

    urgency: str
    priority: Ref[Priority]
    where: Location


@frozen
class PriorityRow:
    """One impact row of the priority matrix, a cell per urgency."""

    impact: str
    where: Location
    cells: tuple[PriorityCell, ...]


@frozen
class PriorityMatrix:
    """impact × urgency → priority; ``table_where`` is the ``priority:`` key."""

    impact: tuple[str, ...]
    urgency: tuple[str, ...]
    rows: tuple[PriorityRow, ...]
    where: Location
    table_where: Location
