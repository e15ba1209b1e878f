"""Dangling references: every id a policy mentions must be defined somewhere in it.

The resolve stage links each id to what it names; these rules report the
:class:`~supportflow.model.Ref` objects it could not link, with the closest
known id as a hint. Each lookup is a dict probe, so the cost is linear in the
number of references.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding
from supportflow.diagnostics.ruledocs.references import (
    NO_LANGUAGES,
    UNKNOWN_CALENDAR,
    UNKNOWN_CHANNEL,
    UNKNOWN_LANGUAGE,
    UNKNOWN_LEVEL,
    UNKNOWN_PRODUCT,
    UNKNOWN_REQUEST_TYPE,
    UNKNOWN_STATE,
    UNKNOWN_TEAM,
)
from supportflow.diagnostics.suggestions import near_miss_hint
from supportflow.model import HoursOverride, Match, Policy, Ref, Step, Target
from supportflow.rules.check import rule


def _unknown(
    doc: RuleDoc, what: str, refs: Iterable[Ref[Any] | None], known: Sequence[str]
) -> Iterator[Finding]:
    for ref in refs:
        if ref is not None and ref.target is None:
            hint = near_miss_hint(ref.id, known, doc.hint)
            yield doc.finding(f"unknown {what} '{ref.id}'", ref.where, hint=hint)


def _matches(policy: Policy) -> list[Match]:
    """Every `match:`/`applies_to:` block, where routing and escalations select tickets."""
    rules = [rule.match for rule in policy.routing.rules] if policy.routing else []
    return rules + [
        ladder.applies_to for ladder in policy.escalations.values() if ladder.applies_to
    ]


def _steps(policy: Policy) -> list[Step]:
    return [step for ladder in policy.escalations.values() for step in ladder.steps]


def _targets(policy: Policy) -> list[Target]:
    found = [t for p in policy.priorities.values() for t in p.targets.values()]
    if policy.incident and policy.incident.restore_target:
        found.append(policy.incident.restore_target)
    found += [step.when.time_in_tier for step in _steps(policy) if step.when.time_in_tier]
    return found


def _hours(policy: Policy) -> list[HoursOverride]:
    return [hours for cell in policy.support_matrix for hours in cell.hours]


def _listed(matches: Sequence[Match | HoursOverride], field: str) -> list[Ref[Any]]:
    return [ref for match in matches for ref in getattr(match, field) or ()]


@rule(UNKNOWN_CALENDAR)
def check_calendars(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    refs = [cell.calendar for cell in policy.support_matrix]
    refs += [hours.calendar for hours in _hours(policy)]
    refs += [channel.calendar for channel in policy.channels.values()]
    refs += [team.calendar for team in policy.teams.values()]
    refs += [policy.triage.during if policy.triage else None]
    refs += [policy.incident.availability if policy.incident else None]
    refs += [target.calendar for target in _targets(policy)]
    yield from _unknown(doc, "calendar", refs, list(policy.calendars))


@rule(UNKNOWN_TEAM)
def check_teams(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    refs: list[Ref[Any] | None] = []
    if policy.routing:
        refs.append(policy.routing.front_door)
        refs += [rule.to for rule in policy.routing.rules]
    for step in _steps(policy):
        refs += [step.source, step.to, *step.notify]
    if policy.incident:
        refs.append(policy.incident.owner)
        refs += [team for action in policy.incident.actions for team in action.notify]
    refs.append(policy.triage.team if policy.triage else None)
    yield from _unknown(doc, "team", refs, list(policy.teams))


@rule(UNKNOWN_CHANNEL)
def check_channels(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    refs = [ref for cell in policy.support_matrix for ref in (*cell.available, *cell.coming_soon)]
    refs += _listed(_matches(policy), "channels")
    refs += _listed(_hours(policy), "channels")
    yield from _unknown(doc, "channel", refs, list(policy.channels))


@rule(UNKNOWN_LANGUAGE)
def check_languages(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    if not policy.languages:
        return  # E212 reports the empty list once, instead of every use here
    for cell in policy.support_matrix:
        if cell.language.target is None:
            yield doc.finding(
                f"support matrix language '{cell.language.id}' is not in `languages:`",
                cell.language.where,
            )
    refs: list[Ref[Any] | None] = [ref for team in policy.teams.values() for ref in team.languages]
    refs += _listed(_matches(policy), "languages")
    refs.append(policy.organization.default_language if policy.organization else None)
    yield from _unknown(doc, "language", refs, list(policy.languages))


@rule(UNKNOWN_PRODUCT)
def check_products(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    known = list(policy.products)
    for cell in policy.support_matrix:
        if cell.product.target is None:
            yield doc.finding(
                f"unknown product '{cell.product.id}' in the support matrix",
                cell.product.where,
                hint=near_miss_hint(cell.product.id, known, doc.hint),
            )
    yield from _unknown(doc, "product", _listed(_matches(policy), "products"), known)


@rule(UNKNOWN_REQUEST_TYPE)
def check_request_types(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    refs = [ref for channel in policy.channels.values() for ref in channel.accepts or ()]
    refs += _listed(_matches(policy), "request_types")
    refs += _listed(_hours(policy), "request_types")
    refs += policy.incident.request_types if policy.incident else ()
    yield from _unknown(doc, "request type", refs, list(policy.request_types))


@rule(UNKNOWN_LEVEL)
def check_levels(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    matches = _matches(policy)
    priorities = _listed(matches, "priorities")
    severities = _listed(matches, "severities")
    if policy.incident:
        priorities += policy.incident.priorities
        severities += policy.incident.severities
    for step in _steps(policy):
        priorities += step.when.priorities
        severities += step.when.severities
    if policy.priority_matrix:
        priorities += [cell.priority for row in policy.priority_matrix.rows for cell in row.cells]
    yield from _unknown(doc, "priority", priorities, list(policy.priorities))
    yield from _unknown(doc, "severity", severities, list(policy.severities))


@rule(UNKNOWN_STATE)
def check_states(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    lifecycle = policy.lifecycle
    if lifecycle is None:
        return
    refs: list[Ref[Any] | None] = [lifecycle.initial]
    for transition in lifecycle.transitions:
        refs += [transition.source, transition.to]
    if policy.data_protection:
        refs += [rule.status for rule in policy.data_protection.retention]
    yield from _unknown(doc, "lifecycle state", refs, list(lifecycle.states))


@rule(NO_LANGUAGES)
def check_language_list(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    if policy.languages:
        return
    uses = [cell.language for cell in policy.support_matrix]
    uses += [ref for team in policy.teams.values() for ref in team.languages]
    uses += _listed(_matches(policy), "languages")
    if policy.organization and policy.organization.default_language:
        uses.append(policy.organization.default_language)
    if policy.languages_where is None and not uses:
        return
    codes = ", ".join(dict.fromkeys(ref.id for ref in uses))
    used = f", but {len(uses)} place(s) use a language ({codes})" if uses else ""
    listed = "is empty" if policy.languages_where else "is missing"
    yield doc.finding(f"`languages:` {listed}{used}", policy.languages_where or uses[0].where)
