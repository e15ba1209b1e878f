"""E6xx: the process graph: escalation ladders and their steps, how tickets reach teams,
the lifecycle, languages promised against teams, and retention."""

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

ESCALATION_LOOP = declare(
    "E610",
    title="Escalation loop",
    description="""
    Handover steps lead a ticket round in a circle of teams, possibly through
    several ladders, so it can be passed on forever without anyone resolving
    it. Every elementary circle is reported once, at its first step, and the
    finding lists every step of the circle. Reminders are not a loop: a
    bounded `repeat:` on a step sends its notifications again without moving
    the ticket, and an `assist` step does not move it either.
    """,
    hint="Remove or redirect one step of the circle; use `repeat:` for reminders.",
    bad="""
    teams:
      first-line: {tier: first_line}
      second-line: {tier: second_line}
    routing: {front_door: first-line}
    escalations:
      up:
        steps:
          - {from: first-line, to: second-line, when: {time_in_tier: 4h}}
      back:
        steps:
          - {from: second-line, to: first-line, when: manual}
    """,
    good="""
    teams:
      first-line: {tier: first_line}
      second-line: {tier: second_line}
    routing: {front_door: first-line}
    escalations:
      up:
        steps:
          - from: first-line
            to: second-line
            when: {time_in_tier: 4h}
            notify: [second-line]
            repeat: {times: 3, every: 1h}
    """,
)

UNREACHABLE_TEAM = declare(
    "W611",
    title="Team no ticket reaches",
    description="""
    No ticket can reach the team: it is not the front door, no routing rule
    sends tickets to it, it neither owns incidents nor triages, nothing
    notifies it, and no step that can fire leads to it. A step can fire once
    its `from` team holds the ticket or assists, and once every step in its
    `after:` list can fire. Checked once the policy has a `routing:` section.
    """,
    hint="Route tickets to the team, add a step to it, or remove it.",
    bad="""
    teams:
      first-line: {tier: first_line}
      third-line: {tier: third_line}
    routing: {front_door: first-line}
    """,
    good="""
    teams:
      first-line: {tier: first_line}
      third-line: {tier: third_line}
    routing: {front_door: first-line}
    escalations:
      standard:
        steps:
          - {from: first-line, to: third-line, when: manual}
    """,
)

DEAD_END = declare(
    "W612",
    title="Tier with no way onward that does not resolve",
    description="""
    Tickets reach the team, it says it does not resolve them
    (`resolves: false`), and no handover step that can fire leads onward, so
    its tickets stop there. Who resolves is written on the team:
    `resolves: true` for a team that resolves what it holds (it may still
    escalate some), `resolves: false` for one that only passes tickets on.
    A team that says nothing resolves when no handover leads onward from it.
    An `assist` step is no way onward: the ticket stays with the team.
    """,
    hint="Add a handover step from the team, or say `resolves: true`.",
    bad="""
    teams:
      dispatch: {tier: first_line, resolves: false}
      consultants: {tier: consultants}
    routing: {front_door: dispatch}
    escalations:
      help:
        steps:
          - {from: dispatch, to: consultants, kind: assist, when: manual}
    """,
    good="""
    teams:
      dispatch: {tier: first_line, resolves: false}
      consultants: {tier: consultants}
    routing: {front_door: dispatch}
    escalations:
      help:
        steps:
          - {from: dispatch, to: consultants, when: manual}
    """,
)

UNREACHABLE_STATE = declare(
    "W620",
    title="Lifecycle state no ticket reaches",
    description="""
    No chain of transitions leads from the `initial` state to this state, so
    no ticket is ever in it.
    """,
    hint="Add a transition into the state, or remove it.",
    bad="""
    lifecycle:
      initial: open
      states:
        open: {}
        on-hold: {}
        solved: {final: true}
      transitions:
        - {from: open, to: solved, on: solved}
        - {from: on-hold, to: solved, on: solved}
    """,
    good="""
    lifecycle:
      initial: open
      states:
        open: {}
        on-hold: {}
        solved: {final: true}
      transitions:
        - {from: open, to: on-hold, on: agent_reply}
        - {from: open, to: solved, on: solved}
        - {from: on-hold, to: solved, on: solved}
    """,
)

STUCK_STATE = declare(
    "E621",
    title="Lifecycle state with no way out",
    description="""
    A state that is not `final: true` has no transition out of it: a ticket
    that enters it stays there for ever, with its SLA clock in whatever state
    it was.
    """,
    hint="Add a transition out of the state, or mark it `final: true`.",
    bad="""
    lifecycle:
      initial: open
      states:
        open: {}
        waiting: {sla: paused, owner: customer}
        solved: {final: true}
      transitions:
        - {from: open, to: waiting, on: agent_reply}
        - {from: open, to: solved, on: solved}
    """,
    good="""
    lifecycle:
      initial: open
      states:
        open: {}
        waiting: {sla: paused, owner: customer}
        solved: {final: true}
      transitions:
        - {from: open, to: waiting, on: agent_reply}
        - {from: waiting, to: open, on: customer_reply}
        - {from: open, to: solved, on: solved}
    """,
)

LIFECYCLE_CONTRADICTION = declare(
    "E622",
    title="Transition contradicts the lifecycle's own rules",
    description="""
    A transition does what the lifecycle says never happens: it leaves a
    final state although `reply_to_closed` says a reply to a closed case is
    ignored or opens a new linked case, or it acts on a customer reply in a
    state that is not monitored (`monitored: false`).
    """,
    hint=(
        "Remove the transition, or change `reply_to_closed` (or `monitored`) to say what "
        "really happens."
    ),
    bad="""
    lifecycle:
      initial: open
      states:
        open: {}
        closed: {final: true}
      transitions:
        - {from: open, to: closed, on: solved}
        - {from: closed, to: open, on: customer_reply}
      reply_to_closed: ignored
    """,
    good="""
    lifecycle:
      initial: open
      states:
        open: {}
        closed: {final: true}
      transitions:
        - {from: open, to: closed, on: solved}
        - {from: closed, to: open, on: customer_reply}
      reply_to_closed: reopen
    """,
)

NO_TEAM_SPEAKS_LANGUAGE = declare(
    "W630",
    title="Offered in a language its team does not speak",
    description="""
    The support matrix offers a product in a language over a channel, but a
    team that takes those tickets (the front door, or a routing rule that can
    match them) does not list that language. Customers are promised support
    nobody can give. Teams without a `languages:` list are not judged.
    """,
    hint=(
        "Add the language to the team, route the language to a team that speaks it, or stop"
        " offering it."
    ),
    bad="""
    languages: [en, sv]
    products:
      online: {name: Online}
    calendars:
      always: {timezone: UTC, hours: 24/7}
    channels:
      phone: {kind: phone}
    support_matrix:
      online:
        sv: {calendar: always, available: [phone]}
    teams:
      desk: {tier: first_line, languages: [en]}
    routing: {front_door: desk}
    """,
    good="""
    languages: [en, sv]
    products:
      online: {name: Online}
    calendars:
      always: {timezone: UTC, hours: 24/7}
    channels:
      phone: {kind: phone}
    support_matrix:
      online:
        sv: {calendar: always, available: [phone]}
    teams:
      desk: {tier: first_line, languages: [en]}
      swedish-desk: {tier: first_line, languages: [sv]}
    routing:
      front_door: desk
      rules:
        - {match: {languages: [sv]}, to: swedish-desk}
    """,
)

LANGUAGE_NOT_OFFERED = declare(
    "W631",
    title="Team speaks a language no channel offers",
    description="""
    A team lists a language in which the support matrix offers no product
    over any available channel, so no customer can reach the team in it.
    """,
    hint="Offer the language in a support matrix cell, or remove it from the team.",
    bad="""
    languages: [en, fi]
    products:
      online: {name: Online}
    calendars:
      always: {timezone: UTC, hours: 24/7}
    channels:
      chat: {kind: chat}
    support_matrix:
      online:
        en: {calendar: always, available: [chat]}
    teams:
      desk: {tier: first_line, languages: [en, fi]}
    routing: {front_door: desk}
    """,
    good="""
    languages: [en, fi]
    products:
      online: {name: Online}
    calendars:
      always: {timezone: UTC, hours: 24/7}
    channels:
      chat: {kind: chat}
    support_matrix:
      online:
        en: {calendar: always, available: [chat]}
        fi: {calendar: always, available: [chat]}
    teams:
      desk: {tier: first_line, languages: [en, fi]}
    routing: {front_door: desk}
    """,
)

CONFLICTING_RETENTION = declare(
    "E640",
    title="Two retention periods for the same data",
    description="""
    Two retention rules cover the same data on the same condition (and the
    same lifecycle state) but give different periods, so nobody can say when
    the data is deleted.
    """,
    hint="Keep one rule, with the period that applies.",
    bad="""
    data_protection:
      retention:
        - {data: tickets, condition: inactive, after: 365d, delete: delete}
        - {data: tickets, condition: inactive, after: 730d, delete: delete}
    """,
    good="""
    data_protection:
      retention:
        - {data: tickets, condition: inactive, after: 365d, delete: delete}
        - {data: tickets, condition: on_request, delete: delete}
    """,
)

DATA_WITHOUT_RETENTION = declare(
    "W641",
    title="Data kept with no retention rule",
    description="""
    The policy states retention rules, and collects data of a kind that none
    of them covers. In play are: tickets, always; user accounts, when
    a ticket portal channel exists (customers log in); chat transcripts, when
    a chat channel is offered in the support matrix. Call recordings and
    attachments are not assumed: say what happens to them when you keep them.
    """,
    hint="Add a retention rule for the data (for example `after_status` closed, or `on_request`).",
    bad="""
    data_protection:
      retention:
        - {data: user_accounts, condition: on_request, delete: delete}
    """,
    good="""
    data_protection:
      retention:
        - {data: tickets, condition: on_request, delete: delete}
    """,
)

REDACTION_MISSES_EXAMPLES = declare(
    "W642",
    title="Redaction pattern matches none of its examples",
    description="""
    A redaction rule lists `examples:` of what it must redact, and its
    pattern matches none of them: the pattern is probably wrong, and the
    data it was written for stays readable.
    """,
    hint="Fix the pattern until it matches the examples, or correct the examples.",
    bad="""
    data_protection:
      redaction:
        - name: Swedish personal identity numbers
          pattern: '\\b\\d{6}-\\d{4}\\b'
          examples: ['19811224+1234']
    """,
    good="""
    data_protection:
      redaction:
        - name: Swedish personal identity numbers
          pattern: '\\b\\d{6}[-+]\\d{4}\\b'
          examples: ['811224-1234', '811224+1234']
    """,
)

HOURS_FOR_CHANNEL_NOT_OFFERED = declare(
    "W632",
    title="Cell hours for a channel the cell does not offer",
    description="""
    An entry of a support matrix cell's `hours:` names a channel that the
    cell lists neither as available nor as coming soon, so the hours promise
    something customers cannot use.
    """,
    hint="Offer the channel in the cell, or drop it from the hours entry.",
    bad="""
    calendars:
      always: {timezone: UTC, hours: 24/7}
      weekdays: {timezone: Europe/Madrid, hours: mon-fri 08:00-19:00}
    channels:
      portal: {kind: ticket_portal}
      on-call: {kind: on_call}
    support_matrix:
      hub:
        en:
          calendar: always
          available: [portal]
          hours: [{channels: [on-call], calendar: weekdays}]
    """,
    good="""
    calendars:
      always: {timezone: UTC, hours: 24/7}
      weekdays: {timezone: Europe/Madrid, hours: mon-fri 08:00-19:00}
    channels:
      portal: {kind: ticket_portal}
      on-call: {kind: on_call}
    support_matrix:
      hub:
        en:
          calendar: always
          available: [portal, on-call]
          hours: [{channels: [on-call], calendar: weekdays}]
    """,
)

HOURS_FOR_EVERY_TICKET = declare(
    "W633",
    title="Cell hours entry that names no channel or request type",
    description="""
    An entry of a support matrix cell's `hours:` names neither `channels:`
    nor `request_types:`, so it applies to every ticket of the cell and
    every later entry and the cell's own `calendar:` are never used.
    """,
    hint="Name the channels or request types the hours are for, or change the cell's calendar.",
    bad="""
    calendars:
      always: {timezone: UTC, hours: 24/7}
      weekdays: {timezone: Europe/Madrid, hours: mon-fri 08:00-19:00}
    channels:
      portal: {kind: ticket_portal}
    support_matrix:
      hub:
        en: {calendar: always, available: [portal], hours: [{calendar: weekdays}]}
    """,
    good="""
    calendars:
      weekdays: {timezone: Europe/Madrid, hours: mon-fri 08:00-19:00}
    channels:
      portal: {kind: ticket_portal}
    support_matrix:
      hub:
        en: {calendar: weekdays, available: [portal]}
    """,
)
