"""Targets and delays in runtime.json, both ways.

A length is written twice: ``minutes`` for people and helpdesk payloads, and ``seconds``
(an integer, what the runtime reads) because a policy may say ``90s``. A business-day
target keeps its count: what one business day means is the calendar's ``business_day``,
or the target's own when it overrides it, and it is applied only when the ticket's
calendar is known.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from functools import cached_property
from typing import Any

from supportflow.businesstime.spec import BusinessDay
from supportflow.frozen import frozen
from supportflow.model import Target
from supportflow.runtime.calendars import business_day_document, business_day_from
from supportflow.shortforms import Clock


def length_document(value: timedelta) -> dict[str, Any]:
    seconds = value // timedelta(seconds=1)
    minutes, rest = divmod(seconds, 60)
    return {"seconds": seconds, "minutes": minutes if rest == 0 else seconds / 60}


def target_document(target: Target) -> dict[str, Any]:
    return {
        "within": str(target),
        **(
            length_document(target.within)
            if target.within is not None
            else {"seconds": None, "minutes": None}
        ),
        "business_days": target.business_days,
        "clock": target.clock,
        "calendar": target.calendar.id if target.calendar is not None else None,
        "business_day": (
            business_day_document(target.business_day) if target.business_day else None
        ),
    }


@frozen
class TimeTarget:
    """A target as the runtime applies it; ``calendar`` None means the ticket's calendar."""

    within: timedelta | None
    business_days: int | None
    clock: Clock
    calendar: str | None
    business_day: BusinessDay | None
    text: str

    @cached_property
    def within_us(self) -> int | None:
        """``within`` in microseconds, for the runtime's integer fast path (cached)."""
        return self.within // timedelta(microseconds=1) if self.within is not None else None

    @classmethod
    def from_document(cls, document: Mapping[str, Any]) -> TimeTarget:
        seconds = document["seconds"]
        rule = document["business_day"]
        return cls(
            within=timedelta(seconds=seconds) if seconds is not None else None,
            business_days=document["business_days"],
            clock=document["clock"],
            calendar=document["calendar"],
            business_day=business_day_from(rule) if rule is not None else None,
            text=document["within"],
        )
