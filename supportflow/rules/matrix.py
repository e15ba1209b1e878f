"""Support matrix and priority matrix rules."""

from __future__ import annotations

from collections.abc import Iterator

from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding
from supportflow.diagnostics.ruledocs.matrix import (
    AVAILABLE_AND_COMING_SOON,
    AVAILABLE_BUT_NOT_OPEN,
)
from supportflow.diagnostics.ruledocs.targets import INCOMPLETE_PRIORITY_MATRIX
from supportflow.model import Policy
from supportflow.rules.check import rule


@rule(AVAILABLE_AND_COMING_SOON)
def check_both(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    for cell in policy.support_matrix:
        available = {channel.id for channel in cell.available}
        for channel in cell.coming_soon:
            if channel.id in available:
                yield doc.finding(
                    f"{cell.product.id}/{cell.language.id}: channel '{channel.id}' is listed"
                    " as available and as coming soon",
                    channel.where,
                )


@rule(AVAILABLE_BUT_NOT_OPEN)
def check_status(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    for cell in policy.support_matrix:
        for ref in cell.available:
            channel = ref.target
            if channel is not None and channel.status == "coming_soon":
                yield doc.finding(
                    f"{cell.product.id}/{cell.language.id}: channel '{ref.id}' is offered as"
                    " available, but its status is coming_soon",
                    ref.where,
                    related=(channel.status_where or channel.where,),
                )


@rule(INCOMPLETE_PRIORITY_MATRIX)
def check_priority_matrix(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    matrix = policy.priority_matrix
    if matrix is None:
        return
    impacts, urgencies = set(matrix.impact), set(matrix.urgency)
    rows = {}
    for row in matrix.rows:
        if row.impact not in impacts:
            yield doc.finding(f"'{row.impact}' is not an impact level", row.where)
            continue
        rows[row.impact] = row
        for cell in row.cells:
            if cell.urgency not in urgencies:
                yield doc.finding(f"'{cell.urgency}' is not an urgency level", cell.where)
    for impact in matrix.impact:
        row = rows.get(impact)
        given = {cell.urgency for cell in row.cells} if row is not None else set()
        missing = [u for u in matrix.urgency if u not in given]
        if missing:
            yield doc.finding(
                f"impact '{impact}' has no priority for urgency {', '.join(missing)}",
                row.where if row is not None else matrix.table_where,
            )
