"""Exact business time: compile a ``CalendarSpec`` into UTC open intervals and query them.

``BusinessCalendar(spec).due(start, timedelta(hours=4))`` for one ticket, ``due_many`` for
millions. See ``calendar`` for the representation and ARCHITECTURE.md for the semantics.

The package is self-contained: ``spec`` holds its input, ``holidays`` its one link
to the ``holidays`` package. ``BusinessCalendar`` is imported only when first used,
so reading a spec costs nothing; numpy only by its batch API.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from supportflow.businesstime.calendar import BusinessCalendar, NoOpenTimeError

__all__ = ["BusinessCalendar", "NoOpenTimeError"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from supportflow.businesstime import calendar

        return getattr(calendar, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
