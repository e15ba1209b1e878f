"""The runtime evaluator: one ticket at one instant → team, due times and escalation timeline.

Built from a runtime document only (``build_document`` in memory, or runtime.json on
disk), so ``supportflow route`` and a deployed router give the same answers. A ticket
pays only for what depends on its instant: the routing table is a dict, calendars that
say the same thing share one compiled calendar, and what each target and step counts
on (``clocks``), which steps a kind of ticket meets and, where instants cannot change
it, their order (``plans``) are worked out once and shared (``planning``).

The timeline (``RouteResult.escalations``):

- the ticket reaches its routed team at ``at``;
- a step out of a team fires ``time_in_tier`` after the ticket reached that team,
  counted on the team's calendar (every minute, for a team with no calendar), or on
  arrival for a step triggered by the ticket's priority or severity; a manual or
  judgement-call step has no instant (``fires_at`` None);
- ``reached_at`` is the first instant at or after ``fires_at`` when the receiving
  team's calendar is open (a team with no calendar is taken to be reachable at once);
- a team reached by several steps counts from the earliest ``reached_at``;
- a step ``after`` other steps fires no earlier than the latest of them that the
  ticket has already met, and has no instant if one of those has none;
- an ``assist`` step is timed like any other, but the ticket stays where it is:
  its ``to`` team brings help and does not take the ticket on (no steps out of it);
- after an untimed step the chain goes on with unknown times: steps out of a team
  that only an untimed step reaches are listed with ``fires_at`` and ``reached_at``
  None and name that step in ``via``, so the whole path stays visible.

Every instant an answer uses is read in the calendar it is used with, and its local
date there must lie in ``[from + 1 day, until)`` of the document's horizon: the day
before is needed for overnight shifts that reach into it (see ``_inside``). Other
instants raise ``HorizonError``: a stale runtime.json refuses rather than guesses.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
from heapq import heappop, heappush
from typing import Any
from zoneinfo import ZoneInfo

from supportflow.businesstime import BusinessCalendar
from supportflow.businesstime.spec import BusinessDay, CalendarSpec
from supportflow.frozen import replace
from supportflow.runtime.calendars import calendar_spec
from supportflow.runtime.clocks import DAY_US, ONE_US, US, count
from supportflow.runtime.escalations import PlannedStep, Values, steps_by_team
from supportflow.runtime.planning import Calendars, Planner
from supportflow.runtime.plans import UNORDERED, StepPlan, untimed_entry
from supportflow.runtime.results import (
    Escalation,
    IncidentStart,
    RouteResult,
    TargetDue,
    make_escalation,
)
from supportflow.runtime.routing import Key, table_index
from supportflow.runtime.targets import TimeTarget
from supportflow.runtime.ticket import (
    HorizonError,
    RuntimeInputError,
    Ticket,
    TicketError,
    did_you_mean,
    unknown,
)

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# an instant this far inside the UTC span of a calendar's horizon bounds has its local date
# inside them in any zone (UTC offsets stay under 26 hours): no datetime needed to check it
MARGIN_US = 2 * DAY_US


def _later(known: int | None, candidate: int) -> bool:
    """Whether ``candidate`` improves on a team's arrival (an unknown one is always later)."""
    return known is None or candidate < known


def _micros(value: datetime) -> int:
    """An aware instant as epoch microseconds: exact, and cheap to hash and compare."""
    return (value - EPOCH) // ONE_US


def _local(value: int, zone: ZoneInfo) -> datetime:
    """Epoch µs as a datetime in ``zone`` (what ``astimezone`` gives, fold and all:
    ``fromtimestamp`` goes through the zone's ``fromutc`` too)."""
    seconds, micros = divmod(value, US)
    local = datetime.fromtimestamp(seconds, zone)
    return local.replace(microsecond=micros) if micros else local


def _always_open(spec: CalendarSpec) -> bool:
    """Open every minute of every day: business time is then plain elapsed time."""
    whole_days = {shift.weekday for shift in spec.shifts if shift.start == 0 and shift.end >= 1440}
    return len(whole_days) == 7 and not spec.closed_dates and not spec.special_days


def _check_aware(value: datetime) -> None:
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise RuntimeInputError(f"{value!r} has no UTC offset; give an aware instant")


class Runtime:
    """Answers ``route(ticket, at)`` and ``due(target, start)`` from a runtime document."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        horizon = document["horizon"]
        self.horizon = (date.fromisoformat(horizon["from"]), date.fromisoformat(horizon["until"]))
        self._specs = {cid: calendar_spec(c) for cid, c in document["calendars"].items()}
        # calendars that say the same thing (one office's hours copied for each team) share
        # one compiled calendar: its years are compiled once, and stay warm for all of them
        self._compiled: dict[CalendarSpec, BusinessCalendar] = {}
        self._calendars: dict[tuple[str, BusinessDay | None], BusinessCalendar] = {
            (cid, None): self._compile(spec) for cid, spec in self._specs.items()
        }
        self._zones = {cid: ZoneInfo(spec.timezone) for cid, spec in self._specs.items()}
        self._always = {cid for cid, spec in self._specs.items() if _always_open(spec)}
        first = self.horizon[0] + timedelta(days=1)
        self._bounds = {
            cid: (
                datetime.combine(first, time(), tzinfo=zone),
                datetime.combine(self.horizon[1], time(), tzinfo=zone),
            )
            for cid, zone in self._zones.items()
        }
        self._safe_bounds = {
            cid: (_micros(lo) + MARGIN_US, _micros(hi) - MARGIN_US)
            for cid, (lo, hi) in self._bounds.items()
        }
        self._routes = table_index(document["routing"])
        columns = document["routing"]["columns"]
        self._by_priority, self._by_severity = "priority" in columns, "severity" in columns
        self._targets = {
            priority: {kind: TimeTarget.from_document(t) for kind, t in targets.items()}
            for priority, targets in document["targets"].items()
        }
        self._team_calendar = {tid: team["calendar"] for tid, team in document["teams"].items()}
        self._priorities = {p["id"] for p in document["priorities"]}
        self._severities = {s["id"] for s in document["severities"]}
        self._steps = steps_by_team(document["escalations"])
        calendars = Calendars(
            self._specs, self._zones, self._always, self._safe_bounds, self._calendar
        )
        self._planner = Planner(self._steps, self._targets, self._team_calendar, calendars)
        incident = document["incident"]
        self._incident = incident
        # what opens an incident: a ticket with one of these priorities, severities or types
        self._incident_opens = (
            (
                frozenset(incident["priorities"] or ()),
                frozenset(incident["severities"] or ()),
                frozenset(incident["request_types"] or ()),
            )
            if incident is not None
            else None
        )
        self._restore = (
            TimeTarget.from_document(incident["restore_target"])
            if incident is not None and incident["restore_target"] is not None
            else None
        )

    # ---- public API --------------------------------------------------------------------

    def route(self, ticket: Ticket | Mapping[str, str | None], at: datetime) -> RouteResult:
        """Team, due times and escalation timeline for ``ticket`` arriving at ``at``.

        Raises ``TicketError`` for a ticket the policy does not take and
        ``HorizonError`` for an instant the document has no closed dates for.
        """
        if not isinstance(ticket, Ticket):
            ticket = Ticket.from_mapping(ticket)
        _check_aware(at)
        key = self._key(ticket)
        row = self._routes.get(key)
        if row is None:
            raise self._refusal(ticket)
        calendar_id: str = row["calendar"]
        at_us = _micros(at)
        if calendar_id in self._always:
            opens_at = self._inside(at, calendar_id)
        else:
            if not self._safe(at_us, calendar_id):  # else ``at`` is well inside the horizon
                self._inside(at, calendar_id)
            opens_us = self._calendars[(calendar_id, None)].next_open_us(at_us)
            opens_at = _local(opens_us, self._zones[calendar_id])
            if not self._safe(opens_us, calendar_id):
                opens_at = self._inside(opens_at, calendar_id)
        targets = {}
        if ticket.priority is not None:
            for kind, target, chosen, clock in self._planner.targets(ticket.priority, calendar_id):
                due_us = count(clock, at_us)
                if due_us is None:
                    due = self._due(target, at, calendar_id)
                else:
                    due = _local(due_us, clock.zone)
                targets[kind] = TargetDue(kind, due, chosen, target.clock, target.text)
        team = row["team"]
        values = (*key[:4], ticket.priority, ticket.severity)
        escalations = ()
        if team is not None:
            escalations = self._timeline(team, at, at_us, values, calendar_id)
        return RouteResult(
            ticket=ticket,
            at=at,
            team=team,
            rule=row["rule"],
            calendar=calendar_id,
            opens_at=opens_at,
            targets=targets,
            escalations=escalations,
            incident=self._incident_start(ticket, at, calendar_id),
        )

    def target(self, priority: str, kind: str) -> TimeTarget:
        """A priority's target by kind (``first_response``, ``resolution`` …)."""
        if priority not in self._targets:
            raise unknown("priority", priority, self._targets)
        targets = self._targets[priority]
        if kind not in targets:
            hint = did_you_mean(kind, targets)
            raise TicketError(f"priority {priority!r} has no {kind} target{hint}")
        return targets[kind]

    def due(self, target: TimeTarget, start: datetime, calendar: str | None = None) -> datetime:
        """When ``target`` is due for a clock started at ``start``.

        ``calendar`` is the ticket's calendar; it is needed only when the target does
        not name its own.
        """
        _check_aware(start)
        chosen = target.calendar or calendar
        if chosen is None:
            raise RuntimeInputError(
                f"the {target.text} target counts on the ticket's calendar; pass calendar="
            )
        if chosen not in self._zones:
            raise unknown("calendar", chosen, self._zones)
        return self._due(target, start, chosen)

    # ---- evaluation --------------------------------------------------------------------

    def _inside(self, value: datetime, calendar_id: str) -> datetime:
        """``value`` in the calendar's zone, if its local date is inside the horizon.

        Both sides are in the same zone object, so the comparison is on wall-clock
        fields: exactly the local-date rule, and cheap.
        """
        zone = self._zones[calendar_id]
        if value.tzinfo is not zone:
            value = value.astimezone(zone)
        lo, hi = self._bounds[calendar_id]
        if lo <= value < hi:
            return value
        first, until = self.horizon
        raise HorizonError(
            f"{value.isoformat()} ({calendar_id}) is outside the runtime's horizon: it carries"
            f" closed days from {first} until {until}, so it answers for local dates"
            f" {lo.date()} to {(hi - timedelta(days=1)).date()}; build it with an --as-of"
            " that covers this date"
        )

    def _calendar(
        self, calendar_id: str, business_day: BusinessDay | None = None
    ) -> BusinessCalendar:
        key = (calendar_id, business_day)
        calendar = self._calendars.get(key)
        if calendar is None:
            spec = replace(self._specs[calendar_id], business_day=business_day)
            calendar = self._calendars[key] = self._compile(spec)
        return calendar

    def _compile(self, spec: CalendarSpec) -> BusinessCalendar:
        calendar = self._compiled.get(spec)
        if calendar is None:
            calendar = self._compiled[spec] = BusinessCalendar(spec)
        return calendar

    def _due(self, target: TimeTarget, start: datetime, calendar_id: str) -> datetime:
        chosen = target.calendar or calendar_id
        start = self._inside(start, chosen)
        if target.clock == "calendar" or (target.within is not None and chosen in self._always):
            assert target.within is not None  # business days never run on the calendar clock
            due = (start.astimezone(UTC) + target.within).astimezone(self._zones[chosen])
        elif target.within is not None:
            due = self._calendars[(chosen, None)].due(start, target.within)
        else:
            assert target.business_days is not None
            calendar = self._calendar(chosen, target.business_day)
            due = calendar.add_business_days(start, target.business_days)
        return self._inside(due, chosen)

    def _key(self, ticket: Ticket) -> Key:
        if ticket.priority is not None and ticket.priority not in self._priorities:
            raise unknown("priority", ticket.priority, self._priorities)
        if ticket.severity is not None and ticket.severity not in self._severities:
            raise unknown("severity", ticket.severity, self._severities)
        return (
            ticket.product,
            ticket.language,
            ticket.channel,
            ticket.request_type,
            ticket.priority if self._by_priority else None,
            ticket.severity if self._by_severity else None,
        )

    def _timeline(
        self, team: str, at: datetime, at_us: int, values: Values, calendar_id: str
    ) -> tuple[Escalation, ...]:
        """The ticket's steps in the order a search over teams by arrival instant meets
        them (``_search``); untimed arrivals come last. Where that order cannot depend on
        the instants, it is worked out once per kind of ticket (``Planner.schedule``) and
        a ticket only times its timed steps."""
        schedule = self._planner.schedule(team, values, calendar_id)
        if schedule is UNORDERED:
            return self._search(team, at, at_us, values, calendar_id)
        skeleton, timed, arrivals = schedule  # type: ignore[misc]
        out = list(skeleton)
        # each slot is written by the step that makes its arrival before any step reads it
        reached = [(at, at_us)] * arrivals
        time_step = self._time_step
        for index, plan, via, source, target, gates in timed:
            fired = {ref: out[place].fires_at for ref, place in gates} if gates else None
            escalation, landed_us = time_step(plan, *reached[source], via, calendar_id, fired)
            out[index] = escalation
            if target:
                reached[target] = (escalation.reached_at, landed_us)
        return tuple(out)

    def _search(
        self, team: str, at: datetime, at_us: int, values: Values, calendar_id: str
    ) -> tuple[Escalation, ...]:
        """Dijkstra over teams by arrival instant; untimed arrivals come last."""
        # a team's arrival: the instant (and its epoch µs), and the step that brought it
        arrival: dict[str, tuple[datetime | None, int | None, str | None]] = {
            team: (at, at_us, None)
        }
        done: set[str] = set()
        known: list[tuple[int, int, str]] = [(at_us, 0, team)]
        untimed: list[str] = []
        counter = 1
        out: list[Escalation] = []
        fired: dict[str, datetime | None] = {}
        while known or untimed:
            source = heappop(known)[2] if known else untimed.pop(0)
            if source in done:
                continue
            done.add(source)
            reached, reached_us, via = arrival[source]
            for plan in self._planner.steps_out(source, values, calendar_id):
                if reached is None or reached_us is None or plan.clock is None:
                    escalation, landed_us = untimed_entry(plan, via), None
                else:
                    escalation, landed_us = self._time_step(
                        plan, reached, reached_us, via, calendar_id, fired
                    )
                fired[plan.ref] = escalation.fires_at
                out.append(escalation)
                to = plan.to
                if not plan.moves or to in done:
                    continue
                before = arrival.get(to)
                if landed_us is not None:
                    if before is None or _later(before[1], landed_us):
                        arrival[to] = (escalation.reached_at, landed_us, plan.ref)
                        heappush(known, (landed_us, counter, to))
                        counter += 1
                elif before is None:
                    arrival[to] = (None, None, plan.ref)
                    untimed.append(to)
        return tuple(out)

    def _time_step(
        self,
        plan: StepPlan,
        reached: datetime,
        reached_us: int,
        via: str | None,
        calendar_id: str,
        fired: Mapping[str, datetime | None] | None,
    ) -> tuple[Escalation, int | None]:
        """A timed step out of a team the ticket reached at ``reached``, and when it reaches
        its team in epoch µs. On epoch µs where the clock covers the step and every instant
        is well inside the horizon, else on datetimes, which answer or refuse exactly.
        ``fired``: the instants of the steps met so far, for a step gated by others."""
        step, _, _, _, clock, opens, zone, lo, hi, _ = plan
        assert clock is not None
        fires_us = count(clock, reached_us)
        if fires_us is not None and lo <= fires_us < hi:
            landed_us = fires_us if opens is None else opens(fires_us)
            if landed_us < hi:
                fires = _local(fires_us, clock.zone)
                if landed_us == fires_us and zone is clock.zone:
                    return make_escalation((step, fires, fires, via)), landed_us
                return make_escalation((step, fires, _local(landed_us, zone), via)), landed_us
        fires = self._fires(step, reached, calendar_id)
        if step.after:
            fires = self._gated(step, fires, fired or {}, calendar_id)
        landed = None if fires is None else self._reached(step.to, fires, calendar_id)
        escalation = make_escalation((step, fires, landed, via))
        return escalation, None if landed is None else _micros(landed)

    def _safe(self, value: int, calendar_id: str) -> bool:
        """Whether an epoch-µs instant is well inside the calendar's horizon (see MARGIN_US)."""
        lo, hi = self._safe_bounds[calendar_id]
        return lo <= value < hi

    def _gated(
        self,
        step: PlannedStep,
        fires: datetime | None,
        fired: Mapping[str, datetime | None],
        calendar_id: str,
    ) -> datetime | None:
        """``fires`` held back until the steps ``step`` comes after have fired."""
        met = [fired[ref] for ref in step.after if ref in fired]
        gates = [gate for gate in met if gate is not None]
        if fires is None or len(gates) < len(met):
            return None
        latest = max([fires, *gates], key=lambda value: value.timestamp())
        return self._inside(latest, self._team_calendar.get(step.source) or calendar_id)

    def _fires(self, step: PlannedStep, reached: datetime, calendar_id: str) -> datetime | None:
        if not step.timed:
            return None
        team_calendar = self._team_calendar.get(step.source)
        if step.delay is None:
            return self._inside(reached, team_calendar or calendar_id)
        delay = step.delay
        if delay.calendar is None and team_calendar is None:
            delay = replace(delay, clock="calendar", business_days=None)
            if delay.within is None:
                assert step.delay.business_days is not None
                delay = replace(delay, within=timedelta(days=step.delay.business_days))
        return self._due(delay, reached, team_calendar or calendar_id)

    def _reached(self, team: str, fires: datetime, calendar_id: str) -> datetime:
        team_calendar = self._team_calendar.get(team)
        if team_calendar is None:
            return self._inside(fires, calendar_id)
        start = self._inside(fires, team_calendar)
        if team_calendar in self._always:
            return start
        return self._inside(self._calendars[(team_calendar, None)].next_open(start), team_calendar)

    def _incident_start(
        self, ticket: Ticket, at: datetime, calendar_id: str
    ) -> IncidentStart | None:
        if self._incident_opens is None:
            return None
        priorities, severities, types = self._incident_opens
        if (
            ticket.priority not in priorities
            and ticket.severity not in severities
            and ticket.request_type not in types
        ):
            return None
        incident = self._incident
        owner = incident["owner"]
        restore = None
        if self._restore is not None:
            restore = self._due(self._restore, at, incident["availability"] or calendar_id)
        return IncidentStart(owner, restore)

    def _refusal(self, ticket: Ticket) -> TicketError:
        """Why the routing table has no row for ``ticket``: the first thing that is wrong."""
        cells = {(c["product"], c["language"]): c for c in self.document["support_matrix"]}
        products = {product for product, _ in cells}
        if ticket.product not in products:
            return unknown("product", ticket.product, products)
        languages = {language for product, language in cells if product == ticket.product}
        cell = cells.get((ticket.product, ticket.language))
        if cell is None:
            return TicketError(
                f"{ticket.product} has no support in {ticket.language!r}"
                f"{did_you_mean(ticket.language, languages)}"
            )
        channels = self.document["channels"]
        if ticket.channel not in channels:
            return unknown("channel", ticket.channel, channels)
        if ticket.channel in cell["coming_soon"]:
            return TicketError(
                f"{ticket.channel} is coming soon for {ticket.product} in {ticket.language},"
                f" not offered yet (offered: {', '.join(cell['available'])})"
            )
        if ticket.channel not in cell["available"]:
            return TicketError(
                f"{ticket.product} in {ticket.language} is not offered on {ticket.channel}"
                f" (offered: {', '.join(cell['available'])})"
            )
        types = self.document["request_types"]
        if ticket.request_type is None and types:
            return TicketError(f"give the ticket's request type ({', '.join(types)})")
        if ticket.request_type not in types:
            if not types:
                return TicketError("the policy defines no request types; leave the type out")
            return unknown("request type", str(ticket.request_type), types)
        accepts = channels[ticket.channel]["accepts"] or types
        return TicketError(
            f"{ticket.channel} does not take {ticket.request_type} requests"
            f" (it takes: {', '.join(accepts)})"
        )
