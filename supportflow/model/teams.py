"""Teams, who triages, and how new tickets reach them: the front door and routing rules."""

from __future__ import annotations

from supportflow.diagnostics.findings import Location
from supportflow.frozen import frozen
from supportflow.model.base import Ref
from supportflow.model.calendars import Calendar
from supportflow.model.catalog import Channel, Language, Product, RequestType
from supportflow.model.priorities import Priority, Severity


@frozen
class Team:
    """A team or tier. ``resolves`` as written: True, it resolves what it holds; False,
    it only passes tickets on; None, the process graph decides (no step onward:
    it resolves)."""

    id: str
    tier: str
    where: Location
    name: str
    description: str | None = None
    calendar: Ref[Calendar] | None = None
    languages: tuple[Ref[Language], ...] = ()
    external: bool = False
    contact: str | None = None
    illustrative: bool = False
    resolves: bool | None = None


@frozen
class Match:
    """Which tickets a routing rule or ladder applies to; None means any value."""

    where: Location
    products: tuple[Ref[Product], ...] | None = None
    languages: tuple[Ref[Language], ...] | None = None
    request_types: tuple[Ref[RequestType], ...] | None = None
    priorities: tuple[Ref[Priority], ...] | None = None
    severities: tuple[Ref[Severity], ...] | None = None
    channels: tuple[Ref[Channel], ...] | None = None


@frozen
class RoutingRule:
    """Tickets that ``match`` go to team ``to``."""

    match: Match
    to: Ref[Team]
    where: Location
    name: str | None = None
    note: str | None = None


@frozen
class Routing:
    """Every new ticket reaches ``front_door`` unless a rule, tried in order, matches."""

    front_door: Ref[Team]
    where: Location
    rules: tuple[RoutingRule, ...] = ()


@frozen
class Triage:
    """Who assesses priority, in whose hours, and how a customer asks again."""

    where: Location
    team: Ref[Team] | None = None
    during: Ref[Calendar] | None = None
    reassessment: str | None = None
