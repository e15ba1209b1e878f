"""Target rules: more urgent priorities must not get slower targets."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import timedelta

from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding
from supportflow.diagnostics.ruledocs.targets import (
    DUPLICATE_LEVEL,
    RESPONSE_AFTER_RESOLUTION,
    TARGETS_OUT_OF_ORDER,
)
from supportflow.model import TARGET_KINDS, Policy, Priority, Target
from supportflow.rules.check import rule

# For comparing targets when no business-day length is declared.
COMPARISON_BUSINESS_DAY = timedelta(hours=8)


def _length(target: Target) -> timedelta:
    """The target's length, business days counted at the declared business-day hours."""
    calendar = target.calendar.target if target.calendar else None
    day = target.business_day or (calendar.spec.business_day if calendar else None)
    return target.nominal(day.hours if day and day.hours else COMPARISON_BUSINESS_DAY)


@rule(TARGETS_OUT_OF_ORDER)
def check_order(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    ranked = sorted(policy.priorities.values(), key=lambda p: (p.level, p.id))
    for kind in TARGET_KINDS:
        for urgent in ranked:
            if kind not in urgent.targets:
                continue
            for calmer in ranked:
                if calmer.level <= urgent.level or kind not in calmer.targets:
                    continue
                if _length(urgent.targets[kind]) > _length(calmer.targets[kind]):
                    yield doc.finding(
                        f"{urgent.id} (level {urgent.level}) has a slower {kind.replace('_', ' ')}"
                        f" target ({urgent.targets[kind]}) than {calmer.id} (level"
                        f" {calmer.level}, {calmer.targets[kind]})",
                        urgent.targets[kind].where,
                        related=(calmer.targets[kind].where,),
                    )
                    break


@rule(RESPONSE_AFTER_RESOLUTION)
def check_sequence(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    ordered = ("assessment", "first_response", "resolution")
    for priority in policy.priorities.values():
        present = [kind for kind in ordered if kind in priority.targets]
        for earlier, later in itertools.pairwise(present):
            if _length(priority.targets[earlier]) > _length(priority.targets[later]):
                yield doc.finding(
                    f"{priority.id}: the {earlier.replace('_', ' ')} target"
                    f" ({priority.targets[earlier]}) is longer than the"
                    f" {later.replace('_', ' ')} target ({priority.targets[later]})",
                    priority.targets[earlier].where,
                    related=(priority.targets[later].where,),
                )


@rule(DUPLICATE_LEVEL)
def check_levels(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    seen: dict[int, Priority] = {}
    for priority in policy.priorities.values():
        first = seen.setdefault(priority.level, priority)
        if first is not priority:
            yield doc.finding(
                f"{priority.id} has level {priority.level}, like {first.id}",
                priority.level_where,
                related=(first.level_where,),
            )
