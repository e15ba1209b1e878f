"""Promises against capability: what the support matrix offers, against the languages
of the teams that take those tickets and the channels a cell's hours name.

The teams that take a product × language × channel's tickets are the routing
rules that can match them and the front door (unless a rule with no other
condition takes them all first). Rules are indexed by what they match, so each
cell and channel costs a few dictionary probes, not a pass over the rules.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding
from supportflow.diagnostics.ruledocs.escalations import (
    HOURS_FOR_CHANNEL_NOT_OFFERED,
    HOURS_FOR_EVERY_TICKET,
    LANGUAGE_NOT_OFFERED,
    NO_TEAM_SPEAKS_LANGUAGE,
)
from supportflow.frozen import frozen
from supportflow.model import Policy, Ref, RoutingRule, Team
from supportflow.rules.check import rule

ANY = "*"


@frozen
class _Indexed:
    """A routing rule with its place in the list: the first rule that matches wins."""

    order: int
    rule: RoutingRule

    @property
    def takes_all(self) -> bool:
        """True when the rule takes every ticket of the products, languages and channels
        it names, whatever their type or priority."""
        match = self.rule.match
        return (
            match.request_types is None and match.priorities is None and (match.severities is None)
        )


def _keys(refs: tuple[Ref[object], ...] | None) -> list[str]:
    return [ref.id for ref in refs] if refs is not None else [ANY]


def _index(policy: Policy) -> dict[tuple[str, str, str], list[_Indexed]]:
    index: dict[tuple[str, str, str], list[_Indexed]] = {}
    for order, routing_rule in enumerate(policy.routing.rules if policy.routing else ()):
        match = routing_rule.match
        for key in itertools.product(
            _keys(match.products), _keys(match.languages), _keys(match.channels)
        ):
            index.setdefault(key, []).append(_Indexed(order, routing_rule))
    return index


def _takers(
    index: dict[tuple[str, str, str], list[_Indexed]],
    front_door: Ref[Team] | None,
    product: str,
    language: str,
    channel: str,
) -> list[Ref[Team]]:
    """The teams that take this product, language and channel's tickets, in rule order."""
    candidates = sorted(
        {
            found.order: found
            for key in itertools.product((product, ANY), (language, ANY), (channel, ANY))
            for found in index.get(key, ())
        }.values(),
        key=lambda found: found.order,
    )
    takers = []
    for found in candidates:
        takers.append(found.rule.to)
        if found.takes_all:
            return takers
    return [*takers, front_door] if front_door is not None else takers


def _speaks(team: Team, language: str) -> bool:
    """Teams that list no languages are not judged."""
    return not team.languages or any(ref.id == language for ref in team.languages)


@rule(NO_TEAM_SPEAKS_LANGUAGE)
def check_promised_languages(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    index = _index(policy)
    front_door = policy.routing.front_door if policy.routing else None
    for cell in policy.support_matrix:
        language = cell.language.id
        silent: dict[str, list[str]] = {}
        teams: dict[str, Team] = {}
        for channel in cell.available:
            for taker in _takers(index, front_door, cell.product.id, language, channel.id):
                if taker.target is not None and not _speaks(taker.target, language):
                    teams[taker.id] = taker.target
                    channels = silent.setdefault(taker.id, [])
                    if not channels or channels[-1] != channel.id:
                        channels.append(channel.id)
        for team_id, channels in silent.items():
            yield doc.finding(
                f"{cell.product.id}/{language}: tickets by {', '.join(channels)} reach team"
                f" '{team_id}', which does not speak {language}",
                cell.where,
                related=(teams[team_id].where,),
            )


@rule(LANGUAGE_NOT_OFFERED)
def check_team_languages(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    offered = {cell.language.id for cell in policy.support_matrix if cell.available}
    for team in policy.teams.values():
        for language in team.languages:
            if language.target is not None and language.id not in offered:
                yield doc.finding(
                    f"team '{team.id}' speaks {language.id}, but no support matrix cell offers"
                    f" {language.id} over an available channel",
                    language.where,
                )


@rule(HOURS_FOR_CHANNEL_NOT_OFFERED)
def check_hours_channels(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    for cell in policy.support_matrix:
        offered = {ref.id for ref in (*cell.available, *cell.coming_soon)}
        for hours in cell.hours:
            for channel in hours.channels or ():
                if channel.target is not None and channel.id not in offered:
                    yield doc.finding(
                        f"{cell.product.id}/{cell.language.id}: hours for channel"
                        f" '{channel.id}', which the cell does not offer",
                        channel.where,
                    )


@rule(HOURS_FOR_EVERY_TICKET)
def check_hours_narrow(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    for cell in policy.support_matrix:
        for hours in cell.hours:
            if hours.channels is None and hours.request_types is None:
                yield doc.finding(
                    f"{cell.product.id}/{cell.language.id}: hours entry '{hours.calendar.id}'"
                    " names no channel or request type, so it applies to every ticket",
                    hours.where,
                    related=(cell.calendar.where,),
                )
