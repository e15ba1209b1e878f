"""The support matrix: product × language → hours and channels."""

from __future__ import annotations

from supportflow.diagnostics.findings import Location
from supportflow.frozen import frozen
from supportflow.model.base import Ref
from supportflow.model.calendars import Calendar
from supportflow.model.catalog import Channel, Language, Product, RequestType


@frozen
class HoursOverride:
    """Hours for some channels and request types of one cell; None means any."""

    calendar: Ref[Calendar]
    where: Location
    channels: tuple[Ref[Channel], ...] | None = None
    request_types: tuple[Ref[RequestType], ...] | None = None
    illustrative: bool = False

    def applies(self, channel: str, request_type: str | None) -> bool:
        if self.channels is not None and all(ref.id != channel for ref in self.channels):
            return False
        if self.request_types is None:
            return True
        return any(ref.id == request_type for ref in self.request_types)


@frozen
class MatrixCell:
    """One product and language; ``where`` is the language key inside the product row.

    ``calendar`` is the cell's hours; ``hours`` overrides them for some channels
    and request types (PagoNxt: incidents 24/7, escalations Mon–Fri 08–19).
    """

    product: Ref[Product]
    language: Ref[Language]
    calendar: Ref[Calendar]
    where: Location
    available: tuple[Ref[Channel], ...] = ()
    coming_soon: tuple[Ref[Channel], ...] = ()
    note: str | None = None
    hours: tuple[HoursOverride, ...] = ()

    def calendar_for(self, channel: str, request_type: str | None = None) -> Ref[Calendar]:
        """The calendar for tickets of ``request_type`` arriving by ``channel``: the first
        override that matches, else the cell's calendar. Without a request type, only
        overrides that name no request types apply."""
        for override in self.hours:
            if override.applies(channel, request_type):
                return override.calendar
        return self.calendar
