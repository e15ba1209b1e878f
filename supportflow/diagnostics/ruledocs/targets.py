"""E4xx: priorities and their time targets."""

from supportflow.diagnostics.catalogue import declare

BAD_TARGET = declare(
    "E401",
    title="Malformed target",
    description="""
    Targets are lengths of time such as `15m`, `4h`, `1h30m`, `PT1H30M`, or
    business days such as `1 business day`. On the calendar clock, `N days`
    means N × 24 hours.
    """,
    hint="Write a length such as '15m', '4h' or '2 business days'.",
    bad="""
    priorities:
      P1:
        level: 1
        definition: Business critical, no workaround.
        targets:
          first_response: quickly
    """,
    good="""
    priorities:
      P1:
        level: 1
        definition: Business critical, no workaround.
        targets:
          first_response: 15m
    """,
)

TARGETS_OUT_OF_ORDER = declare(
    "E402",
    title="Targets out of order",
    description="""
    A more urgent priority (a lower level) has a slower target than a less
    urgent one, e.g. a P1 first response of 4h against a P2 of 1h. Business
    days are compared at the calendar's business-day length (8h when it
    does not say, or counts business days as same time next day).
    """,
    hint="Give the more urgent priority the shorter target, or swap the levels.",
    bad="""
    priorities:
      P1: {level: 1, definition: Down, targets: {first_response: 4h}}
      P2: {level: 2, definition: Degraded, targets: {first_response: 1h}}
    """,
    good="""
    priorities:
      P1: {level: 1, definition: Down, targets: {first_response: 15m}}
      P2: {level: 2, definition: Degraded, targets: {first_response: 1h}}
    """,
)

RESPONSE_AFTER_RESOLUTION = declare(
    "E403",
    title="Response target after resolution target",
    description="""
    Within one priority the targets must come in order: assessment, then
    first response, then resolution. A first response due after the
    resolution cannot be met as written.
    """,
    hint="Make the earlier step's target no longer than the later one's.",
    bad="""
    priorities:
      P3:
        level: 3
        definition: Minor
        targets: {first_response: 2 business days, resolution: 1 business day}
    """,
    good="""
    priorities:
      P3:
        level: 3
        definition: Minor
        targets: {first_response: 1 business day, resolution: 5 business days}
    """,
)

INCOMPLETE_PRIORITY_MATRIX = declare(
    "E405",
    title="Priority matrix has a gap",
    description="""
    An impact × urgency matrix derives the priority; every impact level
    needs a priority for every urgency level, and only declared levels may
    appear. A gap leaves some tickets with no priority.
    """,
    hint="Give every impact and urgency pair a priority.",
    bad="""
    priority_matrix:
      impact: [high, low]
      urgency: [high, low]
      priority:
        high: {high: P1, low: P2}
        low: {high: P3}
    """,
    good="""
    priority_matrix:
      impact: [high, low]
      urgency: [high, low]
      priority:
        high: {high: P1, low: P2}
        low: {high: P3, low: P4}
    """,
)

DUPLICATE_LEVEL = declare(
    "W404",
    title="Two priorities share a level",
    description="""
    Levels order priorities from most to least urgent. Two priorities on one
    level cannot be compared, so target ordering is not checked between them.
    """,
    hint="Give each priority its own level.",
    bad="""
    priorities:
      P1: {level: 1, definition: Down}
      P2: {level: 1, definition: Degraded}
    """,
    good="""
    priorities:
      P1: {level: 1, definition: Down}
      P2: {level: 2, definition: Degraded}
    """,
)
