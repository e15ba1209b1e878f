"""Planning: what each kind of ticket's targets and timeline are worked out into, once.

A kind of ticket (the values its routing row and steps look at) always meets the same
targets and steps. ``Planner`` builds, the first time a kind of ticket needs them, how
each target and step delay counts (``clocks.Clock``), each step's ``plans.StepPlan``
and, where instants cannot change the order, the timeline's ``plans.Schedule``; each
is shared by every kind of ticket that cannot tell it apart. ``Runtime`` then times
one ticket with them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from typing import Any, NamedTuple, TypeVar
from zoneinfo import ZoneInfo

from supportflow.businesstime import BusinessCalendar
from supportflow.businesstime.spec import BusinessDay, CalendarSpec
from supportflow.runtime.clocks import DAY_US, ELAPSED, ONE_US, Clock, Search
from supportflow.runtime.escalations import PlannedStep, Values
from supportflow.runtime.plans import UNORDERED, Schedule, StepPlan, TimedStep, untimed_entry
from supportflow.runtime.results import Escalation
from supportflow.runtime.targets import TimeTarget

T = TypeVar("T")
TargetPlan = tuple[str, TimeTarget, str, Clock]  # kind, target, calendar it counts on, clock


class Calendars(NamedTuple):
    """The document's calendars as plans read them."""

    specs: Mapping[str, CalendarSpec]
    zones: Mapping[str, ZoneInfo]
    always: AbstractSet[str]  # open every minute of every day
    safe_bounds: Mapping[str, tuple[int, int]]  # see ``Runtime``
    compiled: Callable[[str, BusinessDay | None], BusinessCalendar]  # with a business day


class Planner:
    """Targets, step plans and schedules for kinds of ticket, built once and shared."""

    def __init__(
        self,
        steps: Mapping[str, tuple[PlannedStep, ...]],
        targets: Mapping[str, Mapping[str, TimeTarget]],
        team_calendar: Mapping[str, str | None],
        calendars: Calendars,
    ) -> None:
        self._steps = steps
        self._targets = targets
        self._team_calendar = team_calendar
        self._calendars = calendars
        # each kind of ticket's schedule (its ``values``, which fix its routing row and so
        # its team and calendar): kinds of ticket are few, the routing table's keys times
        # priorities and severities; filled from schedules shared by kinds of ticket that
        # the steps downstream of the team cannot tell apart
        self._schedules: dict[Values, Schedule | object] = {}
        self._shared_schedules: dict[tuple[str, str | None, Values], Schedule | object] = {}
        self._downstream_of: dict[str, tuple[tuple[int, ...], bool]] = {}
        # the steps out of each team that apply, planned, shared by every kind of ticket
        # that the team's steps cannot tell apart: keyed on the positions in ``values``
        # those steps look at
        self._positions = {
            team: tuple(sorted({position for step in steps for position, _ in step.conditions}))
            for team, steps in steps.items()
        }
        # and on the ticket's calendar only where a team without one makes the plans read it
        self._reads_ticket_calendar = {
            team
            for team, steps in steps.items()
            if team_calendar.get(team) is None
            or any(team_calendar.get(step.to) is None for step in steps)
        }
        self._team_plans: dict[tuple[str, str | None, Values], tuple[StepPlan, ...]] = {}
        self._target_plans: dict[tuple[str, str], tuple[TargetPlan, ...]] = {}
        self._pieces: dict[Any, Any] = {}

    def schedule(self, team: str, values: Values, calendar_id: str) -> Schedule | object:
        """The schedule of tickets with ``values``, routed to ``team`` on ``calendar_id``
        (which ``values`` fix), or ``UNORDERED``."""
        schedule = self._schedules.get(values)
        if schedule is None:
            schedule = self._schedules[values] = self._shared_schedule(team, values, calendar_id)
        return schedule

    def _shared_schedule(self, team: str, values: Values, calendar_id: str) -> Schedule | object:
        """The schedule of tickets routed to ``team`` with ``values``, shared by every kind
        of ticket that the steps it can reach cannot tell apart."""
        positions, reads_calendar = self._downstream(team)
        seen = tuple([values[position] for position in positions])
        key = (team, calendar_id if reads_calendar else None, seen)
        schedule = self._shared_schedules.get(key)
        if schedule is None:
            schedule = self._shared_schedules[key] = self._schedule(team, values, calendar_id)
        return schedule

    def _downstream(self, team: str) -> tuple[tuple[int, ...], bool]:
        """What the plans of the teams ``team``'s steps can lead to read: the positions in
        ``values``, and whether the ticket's calendar (worked out once per routed team)."""
        found = self._downstream_of.get(team)
        if found is None:
            reached, todo = {team}, [team]
            while todo:
                for step in self._steps.get(todo.pop(), ()):
                    if step.to not in reached:
                        reached.add(step.to)
                        todo.append(step.to)
            positions = {p for member in reached for p in self._positions.get(member, ())}
            reads = not reached.isdisjoint(self._reads_ticket_calendar)
            found = self._downstream_of[team] = (tuple(sorted(positions)), reads)
        return found

    def _schedule(self, team: str, values: Values, calendar_id: str) -> Schedule | object:
        """``Runtime._search`` run on which arrivals are timed, not on their instants: the order
        it meets steps in, with every untimed entry built, and the timed steps to time.
        ``UNORDERED`` when instants would decide the order: two timed arrivals pending at
        once (steps branching out of a team, or two timed ways into one)."""
        # a team's arrival: whether it is timed, the step that brought it, and its slot
        # among the timed arrivals (0: the routed team)
        arrival: dict[str, tuple[bool, str | None, int]] = {team: (True, None, 0)}
        done: set[str] = set()
        pending, untimed = [team], []
        skeleton: list[Escalation | None] = []
        timed: list[TimedStep] = []
        met: dict[str, int | None] = {}  # steps met so far: a timed one's place, else None
        slots = 1
        while pending or untimed:
            if len(pending) > 1:
                return UNORDERED
            source = pending.pop() if pending else untimed.pop(0)
            if source in done:
                continue
            done.add(source)
            is_timed, via, slot = arrival[source]
            for plan in self.steps_out(source, values, calendar_id):
                step, to = plan.step, plan.to
                lands = is_timed and plan.clock is not None
                gates = tuple((ref, met[ref]) for ref in step.after if ref in met)
                if any(place is None for _, place in gates):  # as ``_gated``: a step it
                    lands = False  # comes after has no instant, so it has none either
                met[plan.ref] = len(skeleton) if lands else None
                target = 0
                if plan.moves and to not in done:
                    before = arrival.get(to)
                    if lands:  # a second one into ``to`` makes two pending
                        target, slots = slots, slots + 1
                        arrival[to] = (True, plan.ref, target)
                        pending.append(to)
                    elif before is None:
                        arrival[to] = (False, plan.ref, 0)
                        untimed.append(to)
                if lands:
                    timed.append(TimedStep(len(skeleton), plan, via, slot, target, gates))
                    skeleton.append(None)
                else:
                    skeleton.append(untimed_entry(plan, via))
        return Schedule(tuple(skeleton), tuple(timed), slots)

    def steps_out(self, source: str, values: Values, calendar_id: str) -> tuple[StepPlan, ...]:
        """The plans of the steps out of ``source`` that apply to tickets with ``values``."""
        seen = tuple([values[position] for position in self._positions.get(source, ())])
        key = (source, calendar_id if source in self._reads_ticket_calendar else None, seen)
        plans = self._team_plans.get(key)
        if plans is None:
            plans = self._team_plans[key] = tuple(
                self._plan(step, calendar_id)
                for step in self._steps.get(source, ())
                if step.applies(values)
            )
        return plans

    def _plan(self, step: PlannedStep, calendar_id: str) -> StepPlan:
        """How ``step`` is timed for a ticket on ``calendar_id``: ``Runtime._fires`` and
        ``_reached`` worked out as far as they do not depend on the ticket's instant."""
        to_calendar = self._team_calendar.get(step.to)
        landed_in = to_calendar or calendar_id
        opens = None
        if to_calendar is not None and to_calendar not in self._calendars.always:
            opens = self._shared(self._calendars.compiled(to_calendar, None).next_open_us)
        lo, hi = self._shared(self._calendars.safe_bounds[landed_in])
        clock = self._step_clock(step, calendar_id)
        zone = self._calendars.zones[landed_in]
        moves = step.kind != "assist"
        return StepPlan(step, step.to, step.ref, moves, clock, opens, zone, lo, hi, {})

    def _step_clock(self, step: PlannedStep, calendar_id: str) -> Clock | None:
        """The clock a step's delay counts on (``Runtime._fires``), None when it has none."""
        if not step.timed:
            return None
        source_calendar = self._team_calendar.get(step.source)
        delay = step.delay
        fires_in = (delay.calendar if delay is not None else None) or source_calendar or calendar_id
        if step.after:  # waits for other steps' instants: ``Runtime._gated``, on datetimes
            return self._bare_clock(None, 0, fires_in)
        if delay is None:  # fires on arrival
            return self._bare_clock(ELAPSED, 0, fires_in)
        if delay.calendar is None and source_calendar is None:  # counts every minute
            days = delay.business_days
            length = delay.within_us if days is None else days * DAY_US
            assert length is not None
            return self._bare_clock(ELAPSED, length, fires_in)
        return self._clock(delay, fires_in)

    def targets(self, priority: str, calendar_id: str) -> tuple[TargetPlan, ...]:
        """A priority's targets for tickets on ``calendar_id``, each with its clock."""
        key = (priority, calendar_id)
        found = self._target_plans.get(key)
        if found is None:
            plans = []
            for kind, target in self._targets.get(priority, {}).items():
                chosen = target.calendar or calendar_id
                plans.append((kind, target, chosen, self._clock(target, chosen)))
            found = self._target_plans[key] = tuple(plans)
        return found

    def _clock(self, target: TimeTarget, chosen: str) -> Clock:
        """How ``target`` counts on calendar ``chosen`` (``Runtime._due``, resolved once)."""
        within = target.within_us
        if target.clock == "calendar" or (within is not None and chosen in self._calendars.always):
            assert within is not None  # business days never run on the calendar clock
            return self._bare_clock(ELAPSED, within, chosen)
        lo, hi = self._calendars.safe_bounds[chosen]
        zone = self._calendars.zones[chosen]
        calendar = self._calendars.compiled(chosen, None)
        if within is not None:
            return self._shared(Clock(within, calendar.due_us, zone, lo, hi))
        assert target.business_days is not None
        rule = target.business_day or self._calendars.specs[chosen].business_day
        if rule.hours is not None:  # business days of fixed hours are that much open
            # time: the shifts decide, so the calendar compiled with its own rule answers
            length = target.business_days * (rule.hours // ONE_US)
            return self._shared(Clock(length, calendar.due_us, zone, lo, hi))
        search = self._calendars.compiled(chosen, target.business_day).add_business_days_us
        return self._shared(Clock(target.business_days, search, zone, lo, hi))

    def _bare_clock(self, search: Search | None, length: int, chosen: str) -> Clock:
        """A clock that needs no calendar search, read in calendar ``chosen``."""
        lo, hi = self._calendars.safe_bounds[chosen]
        return self._shared(Clock(length, search, self._calendars.zones[chosen], lo, hi))

    def _shared(self, piece: T) -> T:
        """One object for equal pieces of plans (clocks, a calendar's search): the kinds
        of ticket and the calendars that share them then touch the same memory, which
        stays in the CPU's cache."""
        return self._pieces.setdefault(piece, piece)
