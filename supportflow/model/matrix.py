"""The support matrix: product × language → hours and channels."""

from __future__ import annotations

from dataclasses import dataclass

from supportflow.diagnostics.findings import Location
from supportflow.model.base import Ref
from supportflow.model.calendars import Calendar
from supportflow.model.catalog import Channel, Language, Product


@dataclass(frozen=True)
class MatrixCell:
    """One product and language; ``where`` is the language key inside the product row."""

    product: Ref[Product]
    language: Ref[Language]
    calendar: Ref[Calendar]
    where: Location
    available: tuple[Ref[Channel], ...] = ()
    coming_soon: tuple[Ref[Channel], ...] = ()
    note: str | None = None
