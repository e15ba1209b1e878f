"""Target rules: more urgent priorities must not get slower targets."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import timedelta

from supportflow.findings import Finding, Location
from supportflow.model import Policy, Priority
from supportflow.rules.registry import RuleDoc, declare, semantic_rule
from supportflow.targets import TARGET_KINDS, Target

# For comparing targets when no business-day length is declared.
COMPARISON_BUSINESS_DAY = timedelta(hours=8)

TARGETS_OUT_OF_ORDER = declare(
    "E402",
    "Targets out of order",
    """
    A more urgent priority (a lower level) has a slower target than a less
    urgent one, e.g. a P1 first response of 4h against a P2 of 1h. Business
    days are compared at the calendar's business-day length (8h when it
    does not say, or counts business days as same time next day).
    """,
    "Give the more urgent priority the shorter target, or swap the levels.",
    """
    priorities:
      P1: {level: 1, definition: Down, targets: {first_response: 4h}}
      P2: {level: 2, definition: Degraded, targets: {first_response: 1h}}
    """,
    """
    priorities:
      P1: {level: 1, definition: Down, targets: {first_response: 15m}}
      P2: {level: 2, definition: Degraded, targets: {first_response: 1h}}
    """,
)
RESPONSE_AFTER_RESOLUTION = declare(
    "E403",
    "Response target after resolution target",
    """
    Within one priority the targets must come in order: assessment, then
    first response, then resolution. A first response due after the
    resolution cannot be met as written.
    """,
    "Make the earlier step's target no longer than the later one's.",
    """
    priorities:
      P3:
        level: 3
        definition: Minor
        targets: {first_response: 2 business days, resolution: 1 business day}
    """,
    """
    priorities:
      P3:
        level: 3
        definition: Minor
        targets: {first_response: 1 business day, resolution: 5 business days}
    """,
)
DUPLICATE_LEVEL = declare(
    "W404",
    "Two priorities share a level",
    """
    Levels order priorities from most to least urgent. Two priorities on one
    level cannot be compared, so target ordering is not checked between them.
    """,
    "Give each priority its own level.",
    """
    priorities:
      P1: {level: 1, definition: Down}
      P2: {level: 1, definition: Degraded}
    """,
    """
    priorities:
      P1: {level: 1, definition: Down}
      P2: {level: 2, definition: Degraded}
    """,
)


def _length(policy: Policy, target: Target) -> timedelta:
    """The target's length, business days counted at the declared business-day hours."""
    calendar = policy.calendars.get(target.calendar or "")
    day = target.business_day or (calendar.spec.business_day if calendar else None)
    return target.nominal(day.hours if day and day.hours else COMPARISON_BUSINESS_DAY)


def _where(policy: Policy, priority: Priority, kind: str) -> Location:
    return policy.source.section("priorities")[priority.id].at("targets", kind)


@semantic_rule(TARGETS_OUT_OF_ORDER)
def check_order(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    ranked = sorted(policy.priorities.values(), key=lambda p: (p.level, p.id))
    for kind in TARGET_KINDS:
        for urgent in ranked:
            if kind not in urgent.targets:
                continue
            for calmer in ranked:
                if calmer.level <= urgent.level or kind not in calmer.targets:
                    continue
                if _length(policy, urgent.targets[kind]) > _length(policy, calmer.targets[kind]):
                    yield doc.finding(
                        f"{urgent.id} (level {urgent.level}) has a slower {kind.replace('_', ' ')}"
                        f" target ({urgent.targets[kind]}) than {calmer.id} (level"
                        f" {calmer.level}, {calmer.targets[kind]})",
                        _where(policy, urgent, kind),
                        related=(_where(policy, calmer, kind),),
                    )
                    break


@semantic_rule(RESPONSE_AFTER_RESOLUTION)
def check_sequence(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    ordered = ("assessment", "first_response", "resolution")
    for priority in policy.priorities.values():
        present = [kind for kind in ordered if kind in priority.targets]
        for earlier, later in itertools.pairwise(present):
            if _length(policy, priority.targets[earlier]) > _length(
                policy, priority.targets[later]
            ):
                yield doc.finding(
                    f"{priority.id}: the {earlier.replace('_', ' ')} target"
                    f" ({priority.targets[earlier]}) is longer than the"
                    f" {later.replace('_', ' ')} target ({priority.targets[later]})",
                    _where(policy, priority, earlier),
                    related=(_where(policy, priority, later),),
                )


@semantic_rule(DUPLICATE_LEVEL)
def check_levels(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    seen: dict[int, Priority] = {}
    for priority in policy.priorities.values():
        first = seen.setdefault(priority.level, priority)
        if first is not priority:
            entries = policy.source.section("priorities")
            yield doc.finding(
                f"{priority.id} has level {priority.level}, like {first.id}",
                entries[priority.id].at("level"),
                related=(entries[first.id].at("level"),),
            )
