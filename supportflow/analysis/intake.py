"""Which teams a cell's tickets can reach: routing candidates, ladders that apply, steps.

Coverage asks this for a whole population (one product, language, channel and request
type), not for one ticket, so the answers are sets: every team routing *can* send those
tickets to, every ladder that *can* apply. A routing rule or ladder that also narrows by
priority or severity can match some of the tickets, so it counts and routing goes on to
the next rule; a rule without such conditions takes them all and routing stops there.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from supportflow.frozen import frozen
from supportflow.model import Ladder, Match, Policy, Step, Team


@frozen
class Population:
    """The tickets of one product, language, channel and request type (None: untyped)."""

    product: str
    language: str
    channel: str
    request_type: str | None


class MatchIndex:
    """Which of many matches (routing rules, ladders' ``applies_to``) can fit a population.

    One bit per match under each value it names, and one for "any", per dimension: a
    population costs four ANDs and the matches that fit it, never a scan of all of them.
    """

    _DIMENSIONS = ("products", "languages", "channels", "request_types")

    def __init__(self, matches: Sequence[Match | None]) -> None:
        self._count = len(matches)
        self._any = [0] * len(self._DIMENSIONS)
        self._by_value: list[dict[str, int]] = [{} for _ in self._DIMENSIONS]
        self._narrowed = 0  # matches that also narrow by priority or severity
        for position, match in enumerate(matches):
            bit = 1 << position
            if match is not None and (match.priorities is not None or match.severities is not None):
                self._narrowed |= bit
            for dimension, name in enumerate(self._DIMENSIONS):
                refs = getattr(match, name) if match is not None else None
                if refs is None:
                    self._any[dimension] |= bit
                    continue
                by_value = self._by_value[dimension]
                for ref in refs:
                    by_value[ref.id] = by_value.get(ref.id, 0) | bit

    def mask(self, who: Population) -> int:
        """One bit per match that can fit these tickets (bit ``i`` for match ``i``)."""
        values = (who.product, who.language, who.channel, who.request_type)
        mask = (1 << self._count) - 1
        for dimension, value in enumerate(values):
            named = self._by_value[dimension].get(value, 0) if value is not None else 0
            mask &= self._any[dimension] | named
        return mask

    def fits(self, who: Population) -> Iterator[tuple[int, bool]]:
        """(position, takes every ticket) of each match that can fit, in order; the flag is
        False when priority or severity narrow the match further."""
        mask = self.mask(who)
        while mask:
            low = mask & -mask
            yield low.bit_length() - 1, not low & self._narrowed
            mask ^= low


class Router:
    """Every team routing can send a population to: the rules that can match, in order, up
    to the first that takes every ticket, else on to the front door."""

    def __init__(self, policy: Policy) -> None:
        self._routing = policy.routing
        rules = self._routing.rules if self._routing is not None else ()
        self._rules = rules
        self._index = MatchIndex([rule.match for rule in rules])

    def teams(self, who: Population) -> tuple[Team, ...]:
        if self._routing is None:
            return ()
        found: dict[str, Team] = {}
        for position, takes_all in self._index.fits(who):
            to = self._rules[position].to
            if to.target is not None:
                found.setdefault(to.id, to.target)
            if takes_all:
                return tuple(found.values())
        front_door = self._routing.front_door
        if front_door.target is not None:
            found.setdefault(front_door.id, front_door.target)
        return tuple(found.values())


class Ladders:
    """The policy's steps indexed by from-team once, so each population's walk touches only
    the steps it can take; walks are shared by populations with the same start and ladders."""

    def __init__(self, policy: Policy) -> None:
        self.ladders = tuple(policy.escalations.values())
        self._index = MatchIndex([ladder.applies_to for ladder in self.ladders])
        self._by_source: dict[str, list[tuple[int, int, Step]]] = {}
        for position, ladder in enumerate(self.ladders):
            for index, step in enumerate(ladder.steps):
                self._by_source.setdefault(step.source.id, []).append((position, index, step))
        self._walks: dict[tuple, list[tuple[Ladder, int, Step]]] = {}

    def applicable(self, who: Population) -> int:
        """The ladders that can apply to these tickets, one bit per ladder position."""
        return self._index.mask(who)

    def reachable(self, teams: Iterable[Team], who: Population) -> list[tuple[Ladder, int, Step]]:
        """Steps (ladder, index, step) whose from-team a ticket can be with, starting from
        ``teams``: one walk following each applicable step once, in ladder and step order."""
        start = tuple(sorted({team.id for team in teams}))
        ladders = self.applicable(who)
        key = (start, ladders)
        if key not in self._walks:
            self._walks[key] = self._walk(start, ladders)
        return self._walks[key]

    def _walk(self, start: tuple[str, ...], ladders: int) -> list:
        seen = set(start)
        queue = list(start)
        found: list[tuple[int, int, Step]] = []
        while queue:
            for position, index, step in self._by_source.get(queue.pop(), ()):
                if not ladders >> position & 1:
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
