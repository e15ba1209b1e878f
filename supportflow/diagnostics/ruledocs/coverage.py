"""W7xx: coverage over time (W700–W749) and SLA feasibility (W750–W799).

The coverage rules come from one sweep of the real calendars (see
``supportflow.analysis.coverage``). ``validate`` sweeps the fixed reference year so its
findings do not change from one day to the next; ``supportflow coverage`` gives the dates
for any horizon.
"""

from supportflow.diagnostics.catalogue import declare

NO_TEAM_ON_SHIFT = declare(
    "W701",
    title="Channel open, but no team on shift",
    description="""
    The support matrix offers this channel for the product and language, and the
    channel is open (its own calendar, else the cell's), but no team that routing
    can send those tickets to, and that speaks the language, is on shift. Customers
    are served in hours nobody works. The finding sums up when (in the reference
    year); `supportflow coverage` lists the exact intervals with dates. A team
    without a calendar is taken to work the channel's hours, and one that lists no
    languages to speak them all; self-service channels take no tickets and are
    not checked.
    """,
    hint=(
        "Give a team that speaks the language hours that cover the channel's, route the"
        " tickets to one that has them, or narrow the cell's calendar."
    ),
    bad="""
    languages: [sv]
    products:
      online: {name: Online}
    calendars:
      always: {timezone: Europe/Stockholm, hours: 24/7}
      office: {timezone: Europe/Stockholm, hours: mon-fri 08:00-17:00}
    channels:
      phone: {kind: phone}
    support_matrix:
      online:
        sv: {calendar: always, available: [phone]}
    teams:
      desk: {tier: first_line, calendar: office, languages: [sv]}
    routing:
      front_door: desk
    """,
    good="""
    languages: [sv]
    products:
      online: {name: Online}
    calendars:
      office: {timezone: Europe/Stockholm, hours: mon-fri 08:00-17:00}
    channels:
      phone: {kind: phone}
    support_matrix:
      online:
        sv: {calendar: office, available: [phone]}
    teams:
      desk: {tier: first_line, calendar: office, languages: [sv]}
    routing:
      front_door: desk
    """,
)

ESCALATION_WAITS = declare(
    "W702",
    title="Escalation into a closed tier",
    description="""
    While the channel is open and a step's from-team is on shift, the step can fire
    into a team whose calendar is closed, so the ticket waits until that tier opens.
    Steps count when a ticket of the cell can be with their from-team: routing, then
    the steps of every ladder that applies to it. A 24/7 line escalating into an
    office-hours 2nd line is the usual case; it may be what you intend, but the
    customer's promise should say so.
    """,
    hint=(
        "Give the receiving tier hours that cover the from-team's, add an on-call step,"
        " or state in the cell's promise that escalations wait for office hours."
    ),
    bad="""
    languages: [en]
    products:
      online: {name: Online}
    calendars:
      always: {timezone: UTC, hours: 24/7}
      office: {timezone: Europe/Stockholm, hours: mon-fri 08:00-17:00}
    channels:
      chat: {kind: chat}
    support_matrix:
      online:
        en: {calendar: always, available: [chat]}
    teams:
      first-line: {tier: first_line, calendar: always, languages: [en]}
      second-line: {tier: second_line, calendar: office, languages: [en]}
    routing:
      front_door: first-line
    escalations:
      request-process:
        steps:
          - {from: first-line, to: second-line, when: manual}
    """,
    good="""
    languages: [en]
    products:
      online: {name: Online}
    calendars:
      office: {timezone: Europe/Stockholm, hours: mon-fri 08:00-17:00}
    channels:
      chat: {kind: chat}
    support_matrix:
      online:
        en: {calendar: office, available: [chat]}
    teams:
      first-line: {tier: first_line, calendar: office, languages: [en]}
      second-line: {tier: second_line, calendar: office, languages: [en]}
    routing:
      front_door: first-line
    escalations:
      request-process:
        steps:
          - {from: first-line, to: second-line, when: manual}
    """,
)

TARGET_MISSED = declare(
    "W703",
    title="Target due before any responsible team opens",
    description="""
    A ticket arriving while the channel is open is due (by a priority's response,
    update or resolution target) before any team responsible for it is on shift, so
    the target is missed whatever the team does. The responsible teams are the ones
    routing sends the ticket to (for `assessment`, the triage team); the due instant
    counts on the target's calendar (for assessment the triage `during` calendar),
    else on the ticket's hours (the cell's `hours` entry, the channel's calendar or
    the cell's), as `supportflow route` counts it. A 24/7 cell with a 30-minute P1
    first response and a team that is closed at night is the usual case.
    """,
    hint=(
        "Count the target on the responsible team's calendar (`calendar:` in the target),"
        " narrow the channel's hours, or give a responsible team hours that cover it."
    ),
    bad="""
    languages: [en]
    products:
      online: {name: Online}
    calendars:
      always: {timezone: Europe/Stockholm, hours: 24/7}
      office: {timezone: Europe/Stockholm, hours: mon-fri 08:00-17:00}
    channels:
      portal: {kind: ticket_portal}
    support_matrix:
      online:
        en: {calendar: always, available: [portal]}
    teams:
      desk: {tier: first_line, calendar: office, languages: [en]}
    routing:
      front_door: desk
    priorities:
      P1:
        level: 1
        definition: Down.
        targets:
          first_response: 30m
    """,
    good="""
    languages: [en]
    products:
      online: {name: Online}
    calendars:
      always: {timezone: Europe/Stockholm, hours: 24/7}
      office: {timezone: Europe/Stockholm, hours: mon-fri 08:00-17:00}
    channels:
      portal: {kind: ticket_portal}
    support_matrix:
      online:
        en: {calendar: always, available: [portal]}
    teams:
      desk: {tier: first_line, calendar: office, languages: [en]}
    routing:
      front_door: desk
    priorities:
      P1:
        level: 1
        definition: Down.
        targets:
          first_response: {within: 30m, calendar: office}
    """,
)

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
