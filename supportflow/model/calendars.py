"""Calendars: opening hours in a zone, compiled later by the business-time engine."""

from __future__ import annotations

from supportflow.businesstime.spec import CalendarSpec
from supportflow.diagnostics.findings import Location
from supportflow.frozen import frozen


@frozen
class Calendar:
    """Opening hours, holidays and special days in one zone, for the business-time engine."""

    id: str
    name: str
    spec: CalendarSpec
    where: Location
    hours_where: Location
    illustrative: bool = False
    business_day_where: Location | None = None  # None when the default (8h) applies
