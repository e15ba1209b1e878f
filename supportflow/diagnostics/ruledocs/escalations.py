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

UNKNOWN_STEP = declare(
    "E602",
    title="Unknown step",
    description="""
    A step's `after:` names a step id that its ladder does not define. Step ids
    belong to their ladder: `after:` orders the steps of one ladder.
    """,
    hint="Give the earlier step that `id:`, or fix the id in `after:`.",
    bad="""
    teams:
      second-line: {tier: second_line}
      third-line: {tier: third_line}
      management: {tier: management}
    escalations:
      standard:
        steps:
          - {id: management-check, from: second-line, to: management, when: manual}
          - {from: second-line, to: third-line, after: [management-chek], when: manual}
    """,
    good="""
    teams:
      second-line: {tier: second_line}
      third-line: {tier: third_line}
      management: {tier: management}
    escalations:
      standard:
        steps:
          - {id: management-check, from: second-line, to: management, when: manual}
          - {from: second-line, to: third-line, after: [management-check], when: manual}
    """,
)

DUPLICATE_STEP = declare(
    "E603",
    title="Step id used twice in a ladder",
    description="""
    Two steps of one ladder have the same `id:`, so an `after:` naming it
    could mean either. `after:` uses the first.
    """,
    hint="Give each step of the ladder its own id.",
    bad="""
    teams:
      first-line: {tier: first_line}
      second-line: {tier: second_line}
      management: {tier: management}
    escalations:
      standard:
        steps:
          - {id: up, from: first-line, to: second-line, when: manual}
          - {id: up, from: second-line, to: management, when: manual}
    """,
    good="""
    teams:
      first-line: {tier: first_line}
      second-line: {tier: second_line}
      management: {tier: management}
    escalations:
      standard:
        steps:
          - {id: to-second-line, from: first-line, to: second-line, when: manual}
          - {id: to-mgmt, from: second-line, to: management, when: manual}
    """,
)

STEPS_WAIT_FOR_EACH_OTHER = declare(
    "E604",
    title="Steps wait for each other",
    description="""
    Steps whose `after:` lists lead round in a circle: each may fire only
    after the next was considered, so none of them ever fires. The finding
    lists every step of the circle.
    """,
    hint="Remove one `after:` entry so the steps have a first one.",
    bad="""
    teams:
      second-line: {tier: second_line}
      third-line: {tier: third_line}
      management: {tier: management}
    escalations:
      standard:
        steps:
          - {id: to-mgmt, from: second-line, to: management, after: [to-3rd], when: manual}
          - {id: to-3rd, from: second-line, to: third-line, after: [to-mgmt], when: manual}
    """,
    good="""
    teams:
      second-line: {tier: second_line}
      third-line: {tier: third_line}
      management: {tier: management}
    escalations:
      standard:
        steps:
          - {id: to-mgmt, from: second-line, to: management, when: manual}
          - {id: to-3rd, from: second-line, to: third-line, after: [to-mgmt], when: manual}
    """,
)
