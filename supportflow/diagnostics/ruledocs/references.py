"""E2xx: ids that must name something defined, once, somewhere in the policy."""

from supportflow.diagnostics.catalogue import declare

UNKNOWN_CALENDAR = declare(
    "E201",
    title="Unknown calendar",
    description=(
        "A support matrix cell, channel, team or target names a calendar that no file defines."
    ),
    hint="Define the calendar under `calendars:`, or fix the id.",
    bad="""
    support_matrix:
      online:
        en: {calendar: office-hours, available: [chat]}
    """,
    good="""
    calendars:
      office-hours: {timezone: Europe/Stockholm, hours: mon-fri 08:00-17:00}
    support_matrix:
      online:
        en: {calendar: office-hours, available: [chat]}
    """,
)

UNKNOWN_TEAM = declare(
    "E202",
    title="Unknown team",
    description=(
        "Routing, an escalation step, a notification or the incident owner names an undefined team."
    ),
    hint="Define the team under `teams:`, or fix the id.",
    bad="""
    routing:
      front_door: service-desk
    """,
    good="""
    teams:
      service-desk: {tier: first_line}
    routing:
      front_door: service-desk
    """,
)

UNKNOWN_CHANNEL = declare(
    "E203",
    title="Unknown channel",
    description="A support matrix cell or routing rule names a channel that no file defines.",
    hint="Define the channel under `channels:`, or fix the id.",
    bad="""
    support_matrix:
      online:
        en: {calendar: always, available: [webchat]}
    """,
    good="""
    channels:
      webchat: {kind: chat}
    support_matrix:
      online:
        en: {calendar: always, available: [webchat]}
    """,
)

UNKNOWN_LANGUAGE = declare(
    "E204",
    title="Unknown language",
    description="""
    A support matrix cell, team or routing rule uses a language that is not in
    the policy's `languages:` list. Listing languages once keeps the help
    center, the teams and the matrix in step.
    """,
    hint="Add the code to `languages:`, or fix it.",
    bad="""
    languages: [en]
    support_matrix:
      online:
        sv: {calendar: office, available: [chat]}
    """,
    good="""
    languages: [en, sv]
    support_matrix:
      online:
        sv: {calendar: office, available: [chat]}
    """,
)

UNKNOWN_PRODUCT = declare(
    "E205",
    title="Unknown product",
    description="The support matrix or a rule names a product that no file defines.",
    hint="Define the product under `products:`, or fix the id.",
    bad="""
    support_matrix:
      onlien:
        en: {calendar: always, available: [chat]}
    """,
    good="""
    products:
      online: {name: Online}
    support_matrix:
      online:
        en: {calendar: always, available: [chat]}
    """,
)

UNKNOWN_REQUEST_TYPE = declare(
    "E206",
    title="Unknown request type",
    description="A channel or rule names a request type that no file defines.",
    hint="Define it under `request_types:`, or fix the id.",
    bad="""
    channels:
      portal: {kind: ticket_portal, accepts: [incidents]}
    """,
    good="""
    request_types:
      incident: {name: Incident}
    channels:
      portal: {kind: ticket_portal, accepts: [incident]}
    """,
)

UNKNOWN_LEVEL = declare(
    "E207",
    title="Unknown priority or severity",
    description=(
        "A trigger, rule or priority matrix names a priority or severity that no file defines."
    ),
    hint="Define it under `priorities:` or `severities:`, or fix the id.",
    bad="""
    incident:
      trigger: {severities: [sev0]}
      actions: [{action: update_status_page}]
    """,
    good="""
    severities:
      sev1: {level: 1, definition: Service down.}
    incident:
      trigger: {severities: [sev1]}
      actions: [{action: update_status_page}]
    """,
)

UNKNOWN_STATE = declare(
    "E208",
    title="Unknown lifecycle state",
    description=(
        "A transition, the initial state or a retention rule names a state the lifecycle lacks."
    ),
    hint="Define the state under `lifecycle.states`, or fix the id.",
    bad="""
    lifecycle:
      initial: new
      states: {open: {}, closed: {final: true}}
    """,
    good="""
    lifecycle:
      initial: open
      states: {open: {}, closed: {final: true}}
    """,
)

DUPLICATE_ID = declare(
    "E209",
    title="Id defined twice",
    description="""
    Ids name things across every file of a policy folder. The same id defined
    twice, in one file or in two, would leave it unclear which one a
    reference means.
    """,
    hint="Rename one of them, or delete the copy.",
    bad="""
    # teams.yaml
    teams:
      first-line: {tier: first_line}
    # more-teams.yaml
    teams:
      first-line: {tier: second_line}
    """,
    good="""
    # teams.yaml
    teams:
      first-line: {tier: first_line}
    # more-teams.yaml
    teams:
      second-line: {tier: second_line}
    """,
)

DUPLICATE_SECTION = declare(
    "E210",
    title="Section defined in two files",
    description="""
    Sections such as `incident`, `lifecycle` or `routing` describe the whole
    policy once. Written in two files, one would silently replace the other.
    """,
    hint="Keep the section in one file.",
    bad="""
    # a.yaml
    lifecycle: {initial: new, states: {new: {}}}
    # b.yaml
    lifecycle: {initial: open, states: {open: {}}}
    """,
    good="""
    # a.yaml
    lifecycle: {initial: new, states: {new: {}}}
    """,
)

DUPLICATE_LANGUAGE = declare(
    "W211",
    title="Language listed twice",
    description="""
    A language code listed twice is harmless but usually a copy-paste slip,
    e.g. `no` and `no` where `nb` and `nn` were meant.
    """,
    hint="Remove the repeated code.",
    bad="""
    languages: [en, sv, en]
    """,
    good="""
    languages: [en, sv]
    """,
)

NO_LANGUAGES = declare(
    "E212",
    title="Empty language list",
    description="""
    `languages:` is empty (or missing) while teams, the support matrix,
    routing or the organization use languages. Every one of those uses would
    otherwise be reported as an unknown language; the one cause is the
    empty list, so it is reported once, here.
    """,
    hint="List the languages support is given in, e.g. `languages: [en, sv]`.",
    bad="""
    languages: []
    teams:
      first-line: {tier: first_line, languages: [en, sv]}
    """,
    good="""
    languages: [en, sv]
    teams:
      first-line: {tier: first_line, languages: [en, sv]}
    """,
)
