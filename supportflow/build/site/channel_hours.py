"""Which hours a channel keeps in one support-matrix cell, as runtime.json decides them.

A cell's ``hours`` overrides come first (PagoNxt: escalations Mon–Fri 08–19 in a 24/7
cell); then the channel's own calendar; then the cell's. Overrides that name request
types are listed apart, so a page can say "for escalations: …" instead of dropping them.
"""

from __future__ import annotations

from dataclasses import dataclass

from supportflow.model import Calendar, Channel, MatrixCell


@dataclass(frozen=True)
class ChannelHours:
    """``default`` for every request type not listed in ``by_request_type``."""

    default: Calendar | None
    by_request_type: tuple[tuple[tuple[str, ...], Calendar], ...]


def channel_hours(cell: MatrixCell, channel: Channel) -> ChannelHours:
    default = None
    for override in cell.hours:
        if override.request_types is None and override.applies(channel.id, None):
            default = override.calendar.target
            break
    if default is None:
        default = (channel.calendar or cell.calendar).target
    accepted = None if channel.accepts is None else {ref.id for ref in channel.accepts}
    special = []
    for override in cell.hours:
        calendar = override.calendar.target
        if override.request_types is None or calendar is None:
            continue
        if override.channels is not None and all(r.id != channel.id for r in override.channels):
            continue
        types = tuple(
            ref.target.name if ref.target else ref.id
            for ref in override.request_types
            if accepted is None or ref.id in accepted
        )
        if types:  # a channel that does not take these request types keeps its hours
            special.append((types, calendar))
    return ChannelHours(default, tuple(special))
