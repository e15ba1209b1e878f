"""E6xx: escalation ladders and their steps."""

from supportflow.diagnostics.catalogue import declare

SELF_ESCALATION = declare(
    "E601",
    title="Step escalates a team to itself",
    description="""
    An escalation step moves a ticket from a team to the same team. Nothing
    changes hands; a reminder to the same team is a `repeat:` on the step
    that led there, which is bounded.
    """,
    hint="Point `to:` at the next tier, or use `repeat:` for reminders.",
    bad="""
    escalations:
      standard:
        steps:
          - {from: first-line, to: first-line, when: {time_in_tier: 4h}}
    """,
    good="""
    escalations:
      standard:
        steps:
          - {from: first-line, to: second-line, when: {time_in_tier: 4h}}
    """,
)
