"""Time targets, in short form ('15m', '1 business day') or long form (within, clock, calendar)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from supportflow.compile.merge import Entry
from supportflow.compile.resolve.context import Resolution, optional_ref
from supportflow.diagnostics.ruledocs.calendars import BAD_BUSINESS_DAY
from supportflow.diagnostics.ruledocs.targets import BAD_TARGET
from supportflow.model import Calendar, Target
from supportflow.shortforms import Clock, ShortFormError, parse_business_day, parse_target_length


def target(entry: Entry, calendars: Mapping[str, Calendar], run: Resolution) -> Target | None:
    """The target written at ``entry``, or None after reporting why it does not parse."""
    if isinstance(entry.value, str):  # the short form: a length on the business clock
        length = _length(entry, "business", run)
        if length is None:
            return None
        return Target(within=length[0], business_days=length[1], clock="business", where=entry.at())
    clock = _clock(entry.value.get("clock", "business"))
    business_day = None
    day_entry = entry.get("business_day")
    if day_entry is not None:
        try:
            business_day = run.parsed(parse_business_day, day_entry.value)
        except ShortFormError as error:
            run.syntax(BAD_BUSINESS_DAY, day_entry, error)
            return None
    length = _length(entry.child("within"), clock, run)
    if length is None:
        return None
    return Target(
        within=length[0],
        business_days=length[1],
        clock=clock,
        where=entry.at(),
        calendar=optional_ref(entry.get("calendar"), calendars),
        business_day=business_day,
        illustrative=bool(entry.value.get("illustrative", False)),
    )


def _length(
    entry: Entry, clock: Clock, run: Resolution
) -> tuple[timedelta | None, int | None] | None:
    """The length written at ``entry`` (``within`` or business days), or None once reported."""
    try:
        return run.parsed(parse_target_length, entry.value, clock)
    except ShortFormError as error:
        run.syntax(BAD_TARGET, entry, error)
        return None


def _clock(value: str) -> Clock:
    return "calendar" if value == "calendar" else "business"
