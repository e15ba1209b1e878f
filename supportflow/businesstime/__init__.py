"""Exact business time: compile a ``CalendarSpec`` into UTC open intervals and query them.

``BusinessCalendar(spec).due(start, timedelta(hours=4))`` for one ticket, ``due_many`` for
millions. See ``calendar`` for the representation and DESIGN.md for the semantics.
"""

from supportflow.businesstime.calendar import BusinessCalendar, NoOpenTimeError

__all__ = ["BusinessCalendar", "NoOpenTimeError"]
