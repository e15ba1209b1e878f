"""Severities, priorities and their targets, the priority matrix and triage."""

from __future__ import annotations

from collections.abc import Mapping

from supportflow.compile.merge import Entry
from supportflow.compile.resolve.context import Resolution, optional_ref, ref
from supportflow.compile.resolve.targets import target
from supportflow.model import (
    TARGET_KINDS,
    Calendar,
    Priority,
    PriorityCell,
    PriorityMatrix,
    PriorityRow,
    Severity,
    Target,
    Team,
    Triage,
)


def severities(section: dict[str, Entry]) -> dict[str, Severity]:
    return {
        severity_id: Severity(
            id=severity_id,
            name=entry.value.get("name", severity_id),
            level=entry.value["level"],
            definition=entry.value["definition"],
            where=entry.at(key=True),
        )
        for severity_id, entry in section.items()
    }


def priorities(
    section: dict[str, Entry], calendars: Mapping[str, Calendar], run: Resolution
) -> dict[str, Priority]:
    """Every priority; a target that does not parse is reported and left out."""
    built: dict[str, Priority] = {}
    for priority_id, entry in section.items():
        targets: dict[str, Target] = {}
        written = entry.get("targets")
        for kind in TARGET_KINDS:
            target_entry = written.get(kind) if written is not None else None
            if target_entry is not None and (parsed := target(target_entry, calendars, run)):
                targets[kind] = parsed
        value = entry.value
        built[priority_id] = Priority(
            id=priority_id,
            name=value.get("name", priority_id),
            level=value["level"],
            definition=value["definition"],
            where=entry.at(key=True),
            level_where=entry.at("level"),
            targets=targets,
        )
    return built


def priority_matrix(
    entry: Entry | None, priorities: Mapping[str, Priority]
) -> PriorityMatrix | None:
    if entry is None:
        return None
    table = entry.child("priority")
    rows = tuple(
        PriorityRow(
            impact=impact,
            where=row.at(key=True),
            cells=tuple(
                PriorityCell(urgency, ref(cell, priorities), cell.at(key=True))
                for urgency, cell in row.items()
            ),
        )
        for impact, row in table.items()
    )
    return PriorityMatrix(
        impact=tuple(entry.value["impact"]),
        urgency=tuple(entry.value["urgency"]),
        rows=rows,
        where=entry.at(key=True),
        table_where=table.at(key=True),
    )


def triage(
    entry: Entry | None, teams: Mapping[str, Team], calendars: Mapping[str, Calendar]
) -> Triage | None:
    if entry is None:
        return None
    return Triage(
        where=entry.at(key=True),
        team=optional_ref(entry.get("team"), teams),
        during=optional_ref(entry.get("during"), calendars),
        reassessment=entry.value.get("reassessment"),
    )
