"""Teams, routing, escalation ladders and the incident process: who handles a ticket."""

from __future__ import annotations

from collections.abc import Mapping

from supportflow.compile.merge import Entry
from supportflow.compile.resolve.context import (
    CUSTOMER,
    Resolution,
    child_ref,
    listed_refs,
    optional_ref,
    optional_refs,
    ref,
    refs,
)
from supportflow.compile.resolve.targets import target
from supportflow.diagnostics.ruledocs.targets import BAD_TARGET
from supportflow.frozen import frozen
from supportflow.model import (
    Calendar,
    Channel,
    Incident,
    IncidentAction,
    Ladder,
    Language,
    Match,
    Priority,
    Product,
    Ref,
    Repeat,
    RequestType,
    Routing,
    RoutingRule,
    Severity,
    Step,
    Team,
    Trigger,
)
from supportflow.shortforms import ShortFormError, parse_duration


@frozen
class Tables:
    """The sections a ticket selector or a step can name, by id."""

    products: Mapping[str, Product]
    languages: Mapping[str, Language]
    request_types: Mapping[str, RequestType]
    priorities: Mapping[str, Priority]
    severities: Mapping[str, Severity]
    channels: Mapping[str, Channel]
    calendars: Mapping[str, Calendar]
    teams: Mapping[str, Team]


def teams(
    section: dict[str, Entry],
    calendars: Mapping[str, Calendar],
    languages: Mapping[str, Language],
) -> dict[str, Team]:
    return {
        team_id: Team(
            id=team_id,
            tier=entry.value["tier"],
            where=entry.at(key=True),
            name=entry.value.get("name", team_id),
            description=entry.value.get("description"),
            calendar=optional_ref(entry.get("calendar"), calendars),
            languages=listed_refs(entry, "languages", languages),
            external=entry.value.get("external", False),
            contact=entry.value.get("contact"),
            illustrative=entry.value.get("illustrative", False),
            resolves=entry.value.get("resolves"),
        )
        for team_id, entry in section.items()
    }


def match(entry: Entry, tables: Tables) -> Match:
    return Match(
        where=entry.at(),
        products=optional_refs(entry.get("products"), tables.products),
        languages=optional_refs(entry.get("languages"), tables.languages),
        request_types=optional_refs(entry.get("request_types"), tables.request_types),
        priorities=optional_refs(entry.get("priorities"), tables.priorities),
        severities=optional_refs(entry.get("severities"), tables.severities),
        channels=optional_refs(entry.get("channels"), tables.channels),
    )


def routing(entry: Entry | None, tables: Tables) -> Routing | None:
    if entry is None:
        return None
    return Routing(
        front_door=ref(entry.child("front_door"), tables.teams),
        where=entry.at(key=True),
        rules=tuple(
            RoutingRule(
                match=match(rule.child("match"), tables),
                to=ref(rule.child("to"), tables.teams),
                where=rule.at(),
                name=rule.value.get("name"),
                note=rule.value.get("note"),
            )
            for rule in entry.each("rules")
        ),
    )


def _notified(entry: Entry, teams: Mapping[str, Team]) -> tuple[tuple[Ref[Team], ...], bool]:
    """The teams ``entry`` notifies, and whether it notifies the customer too."""
    entries = entry.each("notify")
    if not entries:
        return (), False
    named = [entry for entry in entries if entry.value != CUSTOMER]
    return refs(named, teams), len(named) < len(entries)


def ladders(section: dict[str, Entry], tables: Tables, run: Resolution) -> dict[str, Ladder]:
    built: dict[str, Ladder] = {}
    for ladder_id, entry in section.items():
        applies_to = entry.get("applies_to")
        built[ladder_id] = Ladder(
            id=ladder_id,
            where=entry.at(key=True),
            steps=_steps(entry.each("steps"), tables, run),
            name=entry.value.get("name"),
            description=entry.value.get("description"),
            applies_to=match(applies_to, tables) if applies_to is not None else None,
        )
    return built


def _steps(entries: list[Entry], tables: Tables, run: Resolution) -> tuple[Step, ...]:
    """The ladder's steps, each ``after`` linked to the steps it names.

    ``after`` may name a later step, or (by mistake) form a circle, so the refs
    are created unlinked and linked once every step exists: the one place the
    model is tied into a cycle. The first step with an id wins; the E603 rule
    reports the others.
    """
    built = [_step(entry, tables, run) for entry in entries]
    by_id: dict[str, Step] = {}
    for step in built:
        if step.id is not None:
            by_id.setdefault(step.id, step)
    for step in built:
        for after in step.after:
            object.__setattr__(after, "target", by_id.get(after.id))
    return tuple(built)


def _step(entry: Entry, tables: Tables, run: Resolution) -> Step:
    value = entry.value
    notify, customer = _notified(entry, tables.teams)
    return Step(
        source=child_ref(entry, "from", tables.teams),
        to=child_ref(entry, "to", tables.teams),
        when=_trigger(entry.child("when"), tables, run),
        where=entry.at(),
        id=value.get("id"),
        kind=value.get("kind", "handover"),
        after=_unlinked(entry.get("after")),
        notify=notify,
        notifies_customer=customer,
        repeat=_repeat(entry.get("repeat"), run),
        customer_contact=value.get("customer_contact"),
        note=value.get("note"),
    )


def _unlinked(entry: Entry | None) -> tuple[Ref[Step], ...]:
    """The steps an ``after`` list names, as refs that ``_steps`` links."""
    return tuple(Ref(after.value, after.at()) for after in entry.elements()) if entry else ()


def _trigger(entry: Entry, tables: Tables, run: Resolution) -> Trigger:
    value = entry.value
    if value == "manual":
        return Trigger(where=entry.at(), manual=True)
    time_in_tier = entry.get("time_in_tier")
    return Trigger(
        where=entry.at(),
        time_in_tier=target(time_in_tier, tables.calendars, run) if time_in_tier else None,
        priorities=listed_refs(entry, "priorities", tables.priorities),
        severities=listed_refs(entry, "severities", tables.severities),
        condition=value.get("condition"),
    )


def _repeat(entry: Entry | None, run: Resolution) -> Repeat | None:
    if entry is None:
        return None
    every = entry.child("every")
    try:
        interval = parse_duration(every.value)
        if interval.total_seconds() <= 0:
            raise ShortFormError("a repeat interval must be longer than zero", 0)
    except ShortFormError as error:
        run.syntax(BAD_TARGET, every, error)
        return None
    return Repeat(times=entry.value["times"], every=interval, where=entry.at())


def incident(entry: Entry | None, tables: Tables, run: Resolution) -> Incident | None:
    if entry is None:
        return None
    trigger = entry.child("trigger")
    actions = []
    for action in entry.each("actions"):
        notify, customer = _notified(action, tables.teams)
        actions.append(
            IncidentAction(
                action=action.value["action"],
                where=action.at(),
                notify=notify,
                notifies_customer=customer,
                note=action.value.get("note"),
            )
        )
    restore = entry.get("restore_target")
    return Incident(
        where=entry.at(key=True),
        actions=tuple(actions),
        priorities=listed_refs(trigger, "priorities", tables.priorities),
        severities=listed_refs(trigger, "severities", tables.severities),
        request_types=listed_refs(trigger, "request_types", tables.request_types),
        owner=optional_ref(entry.get("owner"), tables.teams),
        perform=entry.value.get("perform", "all"),
        restore_target=target(restore, tables.calendars, run) if restore else None,
        availability=optional_ref(entry.get("availability"), tables.calendars),
    )
