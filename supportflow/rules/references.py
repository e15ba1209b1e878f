"""Dangling references: every id a policy mentions must be defined somewhere in it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from supportflow.findings import Finding
from supportflow.model import Policy
from supportflow.rules.registry import RuleDoc, declare, semantic_rule
from supportflow.source import Entry

UNKNOWN_CALENDAR = declare(
    "E201",
    "Unknown calendar",
    "A support matrix cell, channel, team or target names a calendar that no file defines.",
    "Define the calendar under `calendars:`, or fix the id.",
    """
    support_matrix:
      online:
        en: {calendar: office-hours, available: [chat]}
    """,
    """
    calendars:
      office-hours: {timezone: Europe/Stockholm, hours: mon-fri 08:00-17:00}
    support_matrix:
      online:
        en: {calendar: office-hours, available: [chat]}
    """,
)
UNKNOWN_TEAM = declare(
    "E202",
    "Unknown team",
    "Routing, an escalation step, a notification or the incident owner names an undefined team.",
    "Define the team under `teams:`, or fix the id.",
    """
    routing:
      front_door: service-desk
    """,
    """
    teams:
      service-desk: {tier: first_line}
    routing:
      front_door: service-desk
    """,
)
UNKNOWN_CHANNEL = declare(
    "E203",
    "Unknown channel",
    "A support matrix cell or routing rule names a channel that no file defines.",
    "Define the channel under `channels:`, or fix the id.",
    """
    support_matrix:
      online:
        en: {calendar: always, available: [webchat]}
    """,
    """
    channels:
      webchat: {kind: chat}
    support_matrix:
      online:
        en: {calendar: always, available: [webchat]}
    """,
)
UNKNOWN_LANGUAGE = declare(
    "E204",
    "Unknown language",
    """
    A support matrix cell, team or routing rule uses a language that is not in
    the policy's `languages:` list. Listing languages once keeps the help
    center, the teams and the matrix in step.
    """,
    "Add the code to `languages:`, or fix it.",
    """
    languages: [en]
    support_matrix:
      online:
        sv: {calendar: office, available: [chat]}
    """,
    """
    languages: [en, sv]
    support_matrix:
      online:
        sv: {calendar: office, available: [chat]}
    """,
)
UNKNOWN_PRODUCT = declare(
    "E205",
    "Unknown product",
    "The support matrix or a rule names a product that no file defines.",
    "Define the product under `products:`, or fix the id.",
    """
    support_matrix:
      onlien:
        en: {calendar: always, available: [chat]}
    """,
    """
    products:
      online: {name: Online}
    support_matrix:
      online:
        en: {calendar: always, available: [chat]}
    """,
)
UNKNOWN_REQUEST_TYPE = declare(
    "E206",
    "Unknown request type",
    "A channel or rule names a request type that no file defines.",
    "Define it under `request_types:`, or fix the id.",
    """
    channels:
      portal: {kind: ticket_portal, accepts: [incidents]}
    """,
    """
    request_types:
      incident: {name: Incident}
    channels:
      portal: {kind: ticket_portal, accepts: [incident]}
    """,
)
UNKNOWN_LEVEL = declare(
    "E207",
    "Unknown priority or severity",
    "A trigger, rule or priority matrix names a priority or severity that no file defines.",
    "Define it under `priorities:` or `severities:`, or fix the id.",
    """
    incident:
      trigger: {severities: [sev0]}
      actions: [{action: update_status_page}]
    """,
    """
    severities:
      sev1: {level: 1, definition: Service down.}
    incident:
      trigger: {severities: [sev1]}
      actions: [{action: update_status_page}]
    """,
)
UNKNOWN_STATE = declare(
    "E208",
    "Unknown lifecycle state",
    "A transition, the initial state or a retention rule names a state the lifecycle lacks.",
    "Define the state under `lifecycle.states`, or fix the id.",
    """
    lifecycle:
      initial: new
      states: {open: {}, closed: {final: true}}
    """,
    """
    lifecycle:
      initial: open
      states: {open: {}, closed: {final: true}}
    """,
)

CUSTOMER = "customer"


def _check(
    doc: RuleDoc, what: str, entries: Iterable[Entry], known: Iterable[str]
) -> Iterator[Finding]:
    known = list(known)
    for entry in entries:
        value = entry.value
        if isinstance(value, str) and value not in known:
            close = difflib.get_close_matches(value, known, n=1)
            hint = f"Did you mean '{close[0]}'?" if close else doc.hint
            yield doc.finding(f"unknown {what} '{value}'", entry.at(), hint=hint)


def _values(entry: Entry | None) -> list[Entry]:
    return [value for _, value in entry.items()] if entry is not None else []


def _one(entry: Entry | None) -> list[Entry]:
    return [entry] if entry is not None else []


def _field(entries: Iterable[Entry], key: str) -> list[Entry]:
    return [found for entry in entries if (found := entry.get(key)) is not None]


def _matches(policy: Policy) -> list[Entry]:
    """Every `match:`/`applies_to:` block, where routing and escalations select tickets."""
    source = policy.source
    routing = source.single.get("routing")
    rules = routing.each("rules") if routing else []
    ladders = source.section("escalations").values()
    return _field(rules, "match") + _field(ladders, "applies_to")


def _steps(policy: Policy) -> list[Entry]:
    return [
        step
        for ladder in policy.source.section("escalations").values()
        for step in ladder.each("steps")
    ]


@semantic_rule(UNKNOWN_CALENDAR)
def check_calendars(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    source = policy.source
    refs = [cell.child("calendar") for cell in source.matrix.values()]
    refs += _field(source.section("channels").values(), "calendar")
    refs += _field(source.section("teams").values(), "calendar")
    for key, name in (("triage", "during"), ("incident", "availability")):
        refs += _field(_one(source.single.get(key)), name)
    targets = [
        target
        for priority in source.section("priorities").values()
        for target in _values(priority.get("targets"))
    ]
    targets += _field(_one(source.single.get("incident")), "restore_target")
    targets += [
        t for step in _steps(policy) if (w := step.get("when")) and (t := w.get("time_in_tier"))
    ]
    refs += _field(targets, "calendar")
    yield from _check(doc, "calendar", refs, source.section("calendars"))


@semantic_rule(UNKNOWN_TEAM)
def check_teams(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    source = policy.source
    routing = source.single.get("routing")
    refs = _field(_one(routing), "front_door") + _field(
        routing.each("rules") if routing else [], "to"
    )
    for step in _steps(policy):
        refs += _field([step], "from") + _field([step], "to")
        refs += [n for n in step.each("notify") if n.value != CUSTOMER]
    incident = source.single.get("incident")
    refs += _field(_one(incident), "owner")
    for action in incident.each("actions") if incident else []:
        refs += [n for n in action.each("notify") if n.value != CUSTOMER]
    refs += _field(_one(source.single.get("triage")), "team")
    yield from _check(doc, "team", refs, source.section("teams"))


@semantic_rule(UNKNOWN_CHANNEL)
def check_channels(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    source = policy.source
    refs: list[Entry] = []
    for cell in source.matrix.values():
        refs += cell.each("available") + cell.each("coming_soon")
    for match in _matches(policy):
        refs += match.each("channels")
    yield from _check(doc, "channel", refs, source.section("channels"))


@semantic_rule(UNKNOWN_LANGUAGE)
def check_languages(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    source = policy.source
    known = source.languages
    for (_, language), cell in source.matrix.items():
        if language not in known:
            yield doc.finding(
                f"support matrix language '{language}' is not in `languages:`",
                cell.at(key=True),
            )
    refs: list[Entry] = []
    for team in source.section("teams").values():
        refs += team.each("languages")
    for match in _matches(policy):
        refs += match.each("languages")
    refs += _field(_one(source.single.get("organization")), "default_language")
    yield from _check(doc, "language", refs, known)


@semantic_rule(UNKNOWN_PRODUCT)
def check_products(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    source = policy.source
    products = source.section("products")
    for product, row in source.matrix_products.items():
        if product not in products:
            close = difflib.get_close_matches(product, list(products), n=1)
            yield doc.finding(
                f"unknown product '{product}' in the support matrix",
                row.at(key=True),
                hint=f"Did you mean '{close[0]}'?" if close else doc.hint,
            )
    refs = [ref for match in _matches(policy) for ref in match.each("products")]
    yield from _check(doc, "product", refs, products)


@semantic_rule(UNKNOWN_REQUEST_TYPE)
def check_request_types(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    source = policy.source
    refs: list[Entry] = []
    for channel in source.section("channels").values():
        refs += channel.each("accepts")
    for match in _matches(policy):
        refs += match.each("request_types")
    yield from _check(doc, "request type", refs, source.section("request_types"))


@semantic_rule(UNKNOWN_LEVEL)
def check_levels(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    source = policy.source
    priorities: list[Entry] = []
    severities: list[Entry] = []
    blocks = _matches(policy) + _field(_one(source.single.get("incident")), "trigger")
    blocks += [
        w for step in _steps(policy) if (w := step.get("when")) and isinstance(w.value, dict)
    ]
    for block in blocks:
        priorities += block.each("priorities")
        severities += block.each("severities")
    matrix = source.single.get("priority_matrix")
    if matrix is not None:
        for row in _values(matrix.get("priority")):
            priorities += _values(row)
    yield from _check(doc, "priority", priorities, source.section("priorities"))
    yield from _check(doc, "severity", severities, source.section("severities"))


@semantic_rule(UNKNOWN_STATE)
def check_states(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    source = policy.source
    lifecycle = source.single.get("lifecycle")
    if lifecycle is None:
        return
    refs = _field([lifecycle], "initial")
    for transition in lifecycle.each("transitions"):
        refs += _field([transition], "from") + _field([transition], "to")
    protection = source.single.get("data_protection")
    refs += _field(protection.each("retention") if protection else [], "status")
    yield from _check(doc, "lifecycle state", refs, lifecycle.value.get("states", {}))
