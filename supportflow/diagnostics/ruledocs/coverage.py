"""W7xx: coverage over time and SLA feasibility (W750–W799: feasibility)."""

from supportflow.diagnostics.catalogue import declare

RESOLVING_TIER_TOO_LATE = declare(
    "W750",
    title="Ladder reaches a resolving tier only after the resolution target",
    description="""
    Following a ladder's `time_in_tier` steps (from each tier, the step that
    fires first), the delays add up to the resolution target of a priority
    the ladder handles, or more, before the ticket reaches a tier that
    resolves. The ticket is overdue before anyone who can resolve it has it.
    Who resolves is the team's `resolves:`; a team that says nothing
    resolves when no handover leads onward from it. Lengths are compared as
    written (business days at the calendar's business-day hours, else 8h);
    `supportflow coverage` checks real instants.
    """,
    hint="Shorten the time_in_tier delays, let an earlier tier resolve, or lengthen the target.",
    bad="""
    teams:
      first-line: {tier: first_line}
      second-line: {tier: second_line}
      third-line: {tier: third_line}
    routing: {front_door: first-line}
    priorities:
      P1: {level: 1, definition: Down., targets: {resolution: 4h}}
    escalations:
      standard:
        steps:
          - {from: first-line, to: second-line, when: {time_in_tier: 2h}}
          - {from: second-line, to: third-line, when: {time_in_tier: 2h}}
    """,
    good="""
    teams:
      first-line: {tier: first_line}
      second-line: {tier: second_line}
      third-line: {tier: third_line}
    routing: {front_door: first-line}
    priorities:
      P1: {level: 1, definition: Down., targets: {resolution: 4h}}
    escalations:
      standard:
        steps:
          - {from: first-line, to: second-line, when: {time_in_tier: 1h}}
          - {from: second-line, to: third-line, when: {time_in_tier: 1h}}
    """,
)

STEP_AFTER_BREACH = declare(
    "W751",
    title="Step fires only after its priority's target is breached",
    description="""
    A step for a named priority fires after a time in the tier that is as
    long as that priority's resolution target, or longer: by the time it
    escalates, the ticket is already overdue.
    """,
    hint="Fire the step well before the target, e.g. at half of it.",
    bad="""
    teams:
      first-line: {tier: first_line}
      second-line: {tier: second_line}
    routing: {front_door: first-line}
    priorities:
      P1: {level: 1, definition: Down., targets: {resolution: 4h}}
    escalations:
      standard:
        steps:
          - {from: first-line, to: second-line, when: {time_in_tier: 8h, priorities: [P1]}}
    """,
    good="""
    teams:
      first-line: {tier: first_line}
      second-line: {tier: second_line}
    routing: {front_door: first-line}
    priorities:
      P1: {level: 1, definition: Down., targets: {resolution: 4h}}
    escalations:
      standard:
        steps:
          - {from: first-line, to: second-line, when: {time_in_tier: 2h, priorities: [P1]}}
    """,
)

ASSESSMENT_LONGER_THAN_RESPONSE = declare(
    "W752",
    title="Assessment takes longer than a response it gates",
    description="""
    A ticket's priority is known only once it is assessed, so every
    assessment target gates every priority's first response. When one
    priority's assessment may take longer than another priority's first
    response, a ticket that turns out to be of the faster priority is late
    before anyone knows it. (Within one priority, the same order is E403.)
    """,
    hint="Assess within the shortest first-response target, or lengthen that target.",
    bad="""
    priorities:
      P1: {level: 1, definition: Down., targets: {assessment: 15m, first_response: 30m}}
      P3: {level: 3, definition: Minor., targets: {assessment: 1h, first_response: 1 business day}}
    """,
    good="""
    priorities:
      P1: {level: 1, definition: Down., targets: {assessment: 15m, first_response: 30m}}
      P3: {level: 3, definition: Minor., targets: {assessment: 15m, first_response: 1 business day}}
    """,
)
