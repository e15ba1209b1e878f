"""Where a new ticket goes: the support matrix and the routing rules, expanded into one table.

Every ticket the matrix accepts (product × language × available channel × request type
the channel takes) gets a row naming its team, the rule that sent it there (1-based,
None for the front door) and the calendar its targets count on: the cell's hours for
that channel and request type when the cell has them, else the channel's own calendar,
else the cell's. When a rule matches on priorities or
severities, the table grows a ``priority`` or ``severity`` column (a row with severity
None is a ticket without one), so a lookup is always one dictionary access.

The expansion walks each rule's own match, through indexes, first rule first, and
stops once every row has its team; it never scans every row per rule.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from itertools import product as cartesian
from typing import Any

from supportflow.model import Channel, Match, MatrixCell, Policy

MATCH_KEYS = ("products", "languages", "request_types", "priorities", "severities", "channels")
Key = tuple[str | None, ...]  # product, language, channel, request type, priority, severity


def match_document(match: Match | None) -> dict[str, list[str]] | None:
    if match is None:
        return None
    document: dict[str, list[str]] = {}
    for name in MATCH_KEYS:
        refs = getattr(match, name)
        if refs is not None:
            document[name] = [ref.id for ref in refs]
    return document


def _ids(refs: Sequence[Any] | None) -> list[str] | None:
    return [ref.id for ref in refs] if refs is not None else None


def matrix_document(policy: Policy) -> list[dict[str, Any]]:
    return [
        {
            "product": cell.product.id,
            "language": cell.language.id,
            "calendar": cell.calendar.id,
            "available": [ref.id for ref in cell.available],
            "coming_soon": [ref.id for ref in cell.coming_soon],
            "hours": [
                {
                    "channels": _ids(hours.channels),
                    "request_types": _ids(hours.request_types),
                    "calendar": hours.calendar.id,
                }
                for hours in cell.hours
            ],
        }
        for cell in policy.support_matrix
    ]


def ticket_calendar(cell: MatrixCell, channel: Channel, request_type: str | None) -> str:
    """The calendar a ticket's targets count on (see the module docstring)."""
    for hours in cell.hours:
        if hours.applies(channel.id, request_type):
            return hours.calendar.id
    return (channel.calendar or cell.calendar).id


class _Universe:
    """The values each key can take, and the matrix cells by product and language."""

    def __init__(self, policy: Policy, by_priority: bool, by_severity: bool) -> None:
        self.policy = policy
        self.cells: dict[tuple[str, str], MatrixCell] = {
            (cell.product.id, cell.language.id): cell for cell in policy.support_matrix
        }
        self.products = list(dict.fromkeys(p for p, _ in self.cells))
        self.languages = list(dict.fromkeys(lang for _, lang in self.cells))
        self.priorities: list[str | None] = list(policy.priorities) if by_priority else [None]
        self.severities: list[str | None] = [*policy.severities, None] if by_severity else [None]

    def types(self, channel_id: str) -> list[str | None]:
        accepts = self.policy.channels[channel_id].accepts
        if accepts is None:
            return [*self.policy.request_types] or [None]
        return [ref.id for ref in accepts] or [None]

    def keys(self, match: Match | None) -> Iterator[Key]:
        """Every row key the match selects (None selects every key)."""

        def chosen(name: str, every: Sequence[str | None]) -> Sequence[str | None]:
            refs = getattr(match, name) if match is not None else None
            if refs is None:
                return every
            wanted = {ref.id for ref in refs}
            return [value for value in every if value in wanted]

        levels = list(
            cartesian(chosen("priorities", self.priorities), chosen("severities", self.severities))
        )
        for product_id in chosen("products", self.products):
            for language_id in chosen("languages", self.languages):
                cell = self.cells.get((product_id, language_id))  # type: ignore[arg-type]
                if cell is None:
                    continue
                for channel_id in chosen("channels", [ref.id for ref in cell.available]):
                    assert channel_id is not None
                    for type_id in chosen("request_types", self.types(channel_id)):
                        for priority_id, severity_id in levels:
                            yield (
                                product_id,
                                language_id,
                                channel_id,
                                type_id,
                                priority_id,
                                severity_id,
                            )


def _uses(policy: Policy, name: str) -> bool:
    rules = policy.routing.rules if policy.routing is not None else ()
    return any(getattr(rule.match, name) is not None for rule in rules)


def routing_document(policy: Policy) -> dict[str, Any]:
    routing = policy.routing
    by_priority, by_severity = _uses(policy, "priorities"), _uses(policy, "severities")
    universe = _Universe(policy, by_priority, by_severity)
    front_door = routing.front_door.id if routing is not None else None
    assigned: dict[Key, tuple[str | None, int | None]] = dict.fromkeys(
        universe.keys(None), (front_door, None)
    )
    pending = set(assigned)
    rules = routing.rules if routing is not None else ()
    for number, rule in enumerate(rules, start=1):
        if not pending:
            break
        for key in universe.keys(rule.match):
            if key in pending:
                pending.discard(key)
                assigned[key] = (rule.to.id, number)
    columns = ["product", "language", "channel", "request_type"]
    columns += ["priority"] * by_priority + ["severity"] * by_severity
    table = []
    for key, (team, number) in assigned.items():
        cell = universe.cells[(key[0], key[1])]  # type: ignore[index]
        calendar = ticket_calendar(cell, policy.channels[key[2]], key[3])  # type: ignore[index]
        values = dict(zip(("product", "language", "channel", "request_type"), key, strict=False))
        values.update(priority=key[4], severity=key[5])
        row: dict[str, Any] = {column: values[column] for column in columns}
        row.update(team=team, rule=number, calendar=calendar)
        table.append(row)
    return {
        "front_door": front_door,
        "rules": [
            {"name": rule.name, "match": match_document(rule.match), "to": rule.to.id}
            for rule in rules
        ],
        "columns": columns,
        "table": table,
    }


def table_index(document: Mapping[str, Any]) -> dict[Key, Mapping[str, Any]]:
    """The routing table keyed by (product, language, channel, type, priority, severity)."""
    columns = document["columns"]
    by_priority, by_severity = "priority" in columns, "severity" in columns
    return {
        (
            row["product"],
            row["language"],
            row["channel"],
            row["request_type"],
            row["priority"] if by_priority else None,
            row["severity"] if by_severity else None,
        ): row
        for row in document["table"]
    }
