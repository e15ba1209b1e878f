"""Which teams a cell's tickets can reach: routing candidates, ladders that apply, steps.

Coverage asks this for a whole population (one product, language, channel and request
type), not for one ticket, so the answers are sets: every team routing *can* send those
tickets to, every ladder that *can* apply. A routing rule or ladder that also narrows by
priority or severity can match some of the tickets, so it counts and routing goes on to
the next rule; a rule without such conditions takes them all and routing stops there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from supportflow.model import Ladder, Match, Policy, Ref, Step, Team


@dataclass(frozen=True)
class Population:
    """The tickets of one product, language, channel and request type (None: untyped)."""

    product: str
    language: str
    channel: str
    request_type: str | None


def _allows(refs: tuple[Ref, ...] | None, value: str | None) -> bool:
    return refs is None or (value is not None and any(ref.id == value for ref in refs))


def matches(match: Match | None, who: Population) -> tuple[bool, bool]:
    """(can match, matches every ticket): the second is False when priority or severity
    narrow it further."""
    if match is None:
        return True, True
    fits = (
        _allows(match.products, who.product)
        and _allows(match.languages, who.language)
        and _allows(match.channels, who.channel)
        and _allows(match.request_types, who.request_type)
    )
    return fits, fits and match.priorities is None and match.severities is None


def routed_teams(policy: Policy, who: Population) -> tuple[Team, ...]:
    """Every team routing can send these tickets to, in routing order."""
    routing = policy.routing
    if routing is None:
        return ()
    found: dict[str, Team] = {}
    for rule in routing.rules:
        can, always = matches(rule.match, who)
        if can and rule.to.target is not None:
            found.setdefault(rule.to.id, rule.to.target)
        if always:
            return tuple(found.values())
    if routing.front_door.target is not None:
        found.setdefault(routing.front_door.id, routing.front_door.target)
    return tuple(found.values())


class Ladders:
    """The policy's steps indexed by from-team once, so each population's walk touches only
    the steps it can take; walks are shared by populations with the same start and ladders."""

    def __init__(self, policy: Policy) -> None:
        self.ladders = tuple(policy.escalations.values())
        self._everywhere = frozenset(
            position for position, ladder in enumerate(self.ladders) if ladder.applies_to is None
        )
        self._narrowed = [
            (position, ladder.applies_to)
            for position, ladder in enumerate(self.ladders)
            if ladder.applies_to is not None
        ]
        self._by_source: dict[str, list[tuple[int, int, Step]]] = {}
        for position, ladder in enumerate(self.ladders):
            for index, step in enumerate(ladder.steps):
                self._by_source.setdefault(step.source.id, []).append((position, index, step))
        self._walks: dict[tuple, list[tuple[Ladder, int, Step]]] = {}

    def applicable(self, who: Population) -> frozenset[int]:
        """Positions of the ladders that can apply to these tickets."""
        if not self._narrowed:
            return self._everywhere
        return self._everywhere | {
            position for position, match in self._narrowed if matches(match, who)[0]
        }

    def reachable(self, teams: Iterable[Team], who: Population) -> list[tuple[Ladder, int, Step]]:
        """Steps (ladder, index, step) whose from-team a ticket can be with, starting from
        ``teams``: one walk following each applicable step once, in ladder and step order."""
        start = tuple(sorted({team.id for team in teams}))
        ladders = self.applicable(who)
        key = (start, ladders)
        if key not in self._walks:
            self._walks[key] = self._walk(start, ladders)
        return self._walks[key]

    def _walk(self, start: tuple[str, ...], ladders: frozenset[int]) -> list:
        seen = set(start)
        queue = list(start)
        found: list[tuple[int, int, Step]] = []
        while queue:
            for position, index, step in self._by_source.get(queue.pop(), ()):
                if position not in ladders:
                    continue
                found.append((position, index, step))
                if step.to.id not in seen:
                    seen.add(step.to.id)
                    queue.append(step.to.id)
        found.sort(key=lambda item: item[:2])
        return [(self.ladders[position], index, step) for position, index, step in found]


def speaks(team: Team, language: str) -> bool:
    """A team that lists no languages is not restricted: the policy does not say it cannot."""
    return not team.languages or any(ref.id == language for ref in team.languages)
