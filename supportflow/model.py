"""The typed, frozen policy model that analyses and generators compute from.

It holds parsed values (zones, shifts, dates, durations) rather than the text
the user wrote. Sections that later stages do not compute with yet stay in the
merged :class:`~supportflow.source.PolicySource`, which keeps their locations.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from supportflow.schedule import CalendarSpec
from supportflow.source import PolicySource
from supportflow.targets import Target


@dataclass(frozen=True)
class Calendar:
    id: str
    name: str
    spec: CalendarSpec


@dataclass(frozen=True)
class Priority:
    id: str
    name: str
    level: int
    definition: str
    targets: Mapping[str, Target]


@dataclass(frozen=True)
class Policy:
    """A resolved policy; ``source`` keeps every section with its file locations."""

    source: PolicySource
    calendars: Mapping[str, Calendar]
    priorities: Mapping[str, Priority]
