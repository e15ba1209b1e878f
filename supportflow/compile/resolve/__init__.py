"""The resolve stage: the merged files become the typed, frozen model.

Runs after the schema stage, so shapes are known good; what can still be wrong
is inside the strings (an unknown zone, '25:00', '2026-02-30', a regex that does
not compile). Each such problem is a finding located at the character the user
wrote, and the value is left out or kept as far as it parsed. Ids become
:class:`~supportflow.model.Ref` objects; one that names nothing keeps a None
target for the reference rules to report.

Sections are built in the order their references need: calendars before the
channels and teams that name them, teams before the ladders that move tickets
between them.
"""

from __future__ import annotations

from supportflow.compile.merge import PolicySource
from supportflow.compile.resolve import catalog, lifecycle, priorities, teams
from supportflow.compile.resolve.calendars import calendars
from supportflow.compile.resolve.context import Resolution
from supportflow.compile.resolve.data_protection import data_protection
from supportflow.diagnostics.findings import Finding
from supportflow.model import Policy


def resolve(source: PolicySource) -> tuple[Policy, list[Finding]]:
    """Build the model; values that do not parse are reported and left out."""
    run = Resolution()
    single = source.single.get
    languages = catalog.languages(source)
    products = catalog.products(source.section("products"))
    request_types = catalog.request_types(source.section("request_types"))
    calendar_table = calendars(source.section("calendars"), run)
    channels = catalog.channels(source.section("channels"), request_types, calendar_table)
    severities = priorities.severities(source.section("severities"))
    priority_table = priorities.priorities(source.section("priorities"), calendar_table, run)
    team_table = teams.teams(source.section("teams"), calendar_table, languages)
    tables = teams.Tables(
        products=products,
        languages=languages,
        request_types=request_types,
        priorities=priority_table,
        severities=severities,
        channels=channels,
        calendars=calendar_table,
        teams=team_table,
    )
    ticket_lifecycle = lifecycle.lifecycle(single("lifecycle"))
    policy = Policy(
        files=tuple(file.name for file in source.files),
        organization=catalog.organization(single("organization"), languages),
        languages=languages,
        products=products,
        request_types=request_types,
        channels=channels,
        calendars=calendar_table,
        support_matrix=catalog.support_matrix(
            source, products, languages, calendar_table, channels, request_types
        ),
        severities=severities,
        priorities=priority_table,
        priority_matrix=priorities.priority_matrix(single("priority_matrix"), priority_table),
        triage=priorities.triage(single("triage"), team_table, calendar_table),
        teams=team_table,
        routing=teams.routing(single("routing"), tables),
        escalations=teams.ladders(source.section("escalations"), tables, run),
        incident=teams.incident(single("incident"), tables, run),
        lifecycle=ticket_lifecycle,
        case_reference=lifecycle.case_reference(single("case_reference")),
        data_protection=data_protection(
            single("data_protection"),
            ticket_lifecycle.states if ticket_lifecycle else {},
            run,
        ),
        languages_where=next(
            (f.location(("languages",), key=True) for f in source.files if "languages" in f.data),
            None,
        ),
    )
    return policy, run.findings
