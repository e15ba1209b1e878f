"""Support matrix and priority matrix rules."""

from __future__ import annotations

from collections.abc import Iterator

from supportflow.findings import Finding
from supportflow.model import Policy
from supportflow.rules.registry import RuleDoc, declare, semantic_rule

AVAILABLE_AND_COMING_SOON = declare(
    "E501",
    "Channel both available and coming soon",
    """
    A support matrix cell lists the same channel as available and as coming
    soon. Customers would be told both that they can use it and that they
    cannot yet.
    """,
    "Keep the channel in one of the two lists.",
    """
    support_matrix:
      online:
        de: {calendar: office, available: [portal, guides], coming_soon: [guides]}
    """,
    """
    support_matrix:
      online:
        de: {calendar: office, available: [portal], coming_soon: [guides]}
    """,
)
AVAILABLE_BUT_NOT_OPEN = declare(
    "E502",
    "Cell offers a channel that is not open yet",
    """
    The cell lists the channel as available, but the channel itself has
    `status: coming_soon`. Either the channel has opened, or the cell should
    say coming soon.
    """,
    "Move the channel to the cell's `coming_soon:` list, or set the channel's status to available.",
    """
    channels:
      chat: {kind: chat, status: coming_soon}
    support_matrix:
      online:
        en: {calendar: always, available: [chat]}
    """,
    """
    channels:
      chat: {kind: chat, status: coming_soon}
    support_matrix:
      online:
        en: {calendar: always, coming_soon: [chat]}
    """,
)
INCOMPLETE_PRIORITY_MATRIX = declare(
    "E405",
    "Priority matrix has a gap",
    """
    An impact × urgency matrix derives the priority; every impact level
    needs a priority for every urgency level, and only declared levels may
    appear. A gap leaves some tickets with no priority.
    """,
    "Give every impact and urgency pair a priority.",
    """
    priority_matrix:
      impact: [high, low]
      urgency: [high, low]
      priority:
        high: {high: P1, low: P2}
        low: {high: P3}
    """,
    """
    priority_matrix:
      impact: [high, low]
      urgency: [high, low]
      priority:
        high: {high: P1, low: P2}
        low: {high: P3, low: P4}
    """,
)


@semantic_rule(AVAILABLE_AND_COMING_SOON)
def check_both(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    for (product, language), cell in policy.source.matrix.items():
        available = set(cell.value.get("available", []))
        for entry in cell.each("coming_soon"):
            if entry.value in available:
                yield doc.finding(
                    f"{product}/{language}: channel '{entry.value}' is listed as available"
                    " and as coming soon",
                    entry.at(),
                )


@semantic_rule(AVAILABLE_BUT_NOT_OPEN)
def check_status(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    channels = policy.source.section("channels")
    for (product, language), cell in policy.source.matrix.items():
        for entry in cell.each("available"):
            channel = channels.get(entry.value)
            if channel is not None and channel.value.get("status") == "coming_soon":
                yield doc.finding(
                    f"{product}/{language}: channel '{entry.value}' is offered as available,"
                    " but its status is coming_soon",
                    entry.at(),
                    related=(channel.at("status"),),
                )


@semantic_rule(INCOMPLETE_PRIORITY_MATRIX)
def check_priority_matrix(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    matrix = policy.source.single.get("priority_matrix")
    if matrix is None:
        return
    impacts, urgencies = matrix.value["impact"], matrix.value["urgency"]
    table = matrix.child("priority")
    for impact, row in table.items():
        if impact not in impacts:
            yield doc.finding(f"'{impact}' is not an impact level", row.at(key=True))
            continue
        for urgency, cell in row.items():
            if urgency not in urgencies:
                yield doc.finding(f"'{urgency}' is not an urgency level", cell.at(key=True))
    for impact in impacts:
        row = table.value.get(impact)
        missing = [u for u in urgencies if not isinstance(row, dict) or u not in row]
        if missing:
            where = table.child(impact).at(key=True) if row is not None else table.at(key=True)
            yield doc.finding(
                f"impact '{impact}' has no priority for urgency {', '.join(missing)}", where
            )
