"""Time targets, in short form ('15m', '1 business day') or long form (within, clock, calendar)."""

from __future__ import annotations

from collections.abc import Mapping

from supportflow.compile.merge import Entry
from supportflow.compile.resolve.context import Resolution, optional_ref
from supportflow.diagnostics.ruledocs.calendars import BAD_BUSINESS_DAY
from supportflow.diagnostics.ruledocs.targets import BAD_TARGET
from supportflow.model import Calendar, Target
from supportflow.shortforms import Clock, ShortFormError, parse_business_day, parse_target_length


def target(entry: Entry, calendars: Mapping[str, Calendar], run: Resolution) -> Target | None:
    """The target written at ``entry``, or None after reporting why it does not parse."""
    if isinstance(entry.value, str):
        text_entry, clock, options = entry, "business", None
    else:
        text_entry, options = entry.child("within"), entry
        clock = entry.value.get("clock", "business")
    business_day = None
    day_entry = options.get("business_day") if options is not None else None
    if day_entry is not None:
        try:
            business_day = run.parsed(parse_business_day, day_entry.value)
        except ShortFormError as error:
            run.syntax(BAD_BUSINESS_DAY, day_entry, error)
            return None
    try:
        within, days = run.parsed(parse_target_length, text_entry.value, _clock(clock))
    except ShortFormError as error:
        run.syntax(BAD_TARGET, text_entry, error)
        return None
    return Target(
        within=within,
        business_days=days,
        clock=_clock(clock),
        where=entry.at(),
        calendar=optional_ref(options.get("calendar"), calendars) if options else None,
        business_day=business_day,
        illustrative=bool(options and options.value.get("illustrative", False)),
    )


def _clock(value: str) -> Clock:
    return "calendar" if value == "calendar" else "business"
