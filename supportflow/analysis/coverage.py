"""Coverage over time: when a channel the matrix offers falls short, to the minute.

For every product × language × channel a support-matrix cell offers (``available``; a
``self_service`` channel creates no ticket and is skipped), the sweep compiles the real
calendars over a horizon, every DST change and public holiday included, and reports three
kinds of gap, each as exact merged UTC intervals:

``no_team_on_shift``
    The channel is open (the cell's ``hours`` entry for the channel and request type, else
    the channel's own calendar, else the cell's) but no team that routing can
    send those tickets to and that speaks the language is on shift.
``escalation_waits``
    While the channel is open and a step's from-team is on shift, the step would fire into
    a tier whose calendar is closed: the ticket waits until the tier opens. Steps count
    when a ticket of the cell can be with their from-team (routing, then steps of ladders
    that apply to it).
``target_missed``
    A ticket arriving at that instant is due before any responsible team opens: the teams
    routing sends it to (for ``assessment``, the triage team) have no open time between
    arrival and the due instant of the priority's target, which counts on the target's
    calendar (for assessment the triage ``during`` calendar), else on the ticket's hours
    above, as ``route`` counts it.

What the policy does not state is not taken as a restriction: a team without a calendar
works whenever the channel is open, and a team that lists no languages speaks them all.
A policy without ``routing`` names no team, so there is nothing to compare. Request types
are the channel's ``accepts`` (else all); each is routed on its own and gaps that are the
same for several types are reported once with all of them.

Everything is interval algebra over the calendars' compiled open intervals
(:mod:`supportflow.analysis.intervals`), never a walk over minutes.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from datetime import datetime

from supportflow.analysis import intervals as iv
from supportflow.analysis.calendars import Calendars
from supportflow.analysis.deadlines import due_before
from supportflow.analysis.instants import micros
from supportflow.analysis.intake import Ladders, Population, Router, speaks
from supportflow.businesstime.calendar import BusinessCalendar, NoOpenTimeError
from supportflow.frozen import field, frozen, replace
from supportflow.model import Calendar, Channel, MatrixCell, Policy, Ref, Step, Target, Team

REASONS = ("no_team_on_shift", "escalation_waits", "target_missed")


@frozen(eq=False)
class Gap:
    """One way a cell's channel falls short, and exactly when (``intervals``, epoch µs).

    ``teams``: for ``no_team_on_shift`` the teams that handle the tickets (and speak the
    language), for ``escalation_waits`` the step's from and to teams, for
    ``target_missed`` the responsible teams. ``calendars`` are the ones that shape the gap.
    """

    cell: MatrixCell
    channel: Channel
    reason: str
    request_types: tuple[str, ...]
    teams: tuple[Team, ...]
    intervals: iv.Span
    calendars: tuple[Calendar, ...]
    open_hours: iv.Span
    ladder: str | None = None
    step: Step | None = None
    step_index: int | None = None
    priority: str | None = None
    target_kind: str | None = None
    target: Target | None = None

    @property
    def product(self) -> str:
        return self.cell.product.id

    @property
    def language(self) -> str:
        return self.cell.language.id


@frozen
class Coverage:
    """Every gap over ``[start, end)``, in matrix, channel and reason order."""

    start: datetime
    end: datetime
    gaps: list[Gap] = field(default_factory=list)


def _request_types(policy: Policy, channel: Channel) -> tuple[str | None, ...]:
    if channel.accepts is not None:
        return tuple(ref.id for ref in channel.accepts)
    return tuple(policy.request_types) or (None,)


@frozen
class Sweep:
    """One sweep's state: the horizon in epoch µs, and results shared between populations
    with the same calendars (channels of a cell, cells on the same hours)."""

    policy: Policy
    start: int
    end: int
    calendars: Calendars
    ladders: Ladders
    router: Router
    _hours: dict[int, iv.Span] = field(default_factory=dict)
    _steps: dict[tuple[int, int, int], iv.Span] = field(default_factory=dict)
    _waits: dict[tuple[int, str, str], iv.Span] = field(default_factory=dict)  # by team ids
    _targets: dict[tuple, iv.Span] = field(default_factory=dict)
    _arrivals: dict[tuple, tuple[iv.Span, tuple[int, ...]]] = field(default_factory=dict)

    def team_calendar(self, team: Team, hours: Calendar) -> Calendar:
        """A team's calendar; without one it works the channel's hours."""
        calendar = team.calendar.target if team.calendar is not None else None
        return calendar if calendar is not None else hours

    def team_open(self, team: Team, hours: Calendar) -> iv.Span:
        return self.calendars.open(self.team_calendar(team, hours))

    def _open_hours(self, hours: Calendar) -> iv.Span:
        """The channel's open time within the horizon."""
        key = self.calendars.key(hours)
        if key not in self._hours:
            self._hours[key] = iv.intersect(
                self.calendars.open(hours), iv.span(self.start, self.end)
            )
        return self._hours[key]

    def cell_gaps(self, cell: MatrixCell, channel: Channel) -> Iterator[Gap]:
        grouped: dict[tuple, tuple[list[str], Gap]] = {}
        for request_type in _request_types(self.policy, channel):
            hours = channel_hours(cell, channel, request_type)
            if hours is None:
                continue
            open_hours = self._open_hours(hours)
            if not open_hours[0]:
                continue
            who = Population(cell.product.id, cell.language.id, channel.id, request_type)
            routed = self.router.teams(who)
            handling = tuple(team for team in routed if speaks(team, who.language))
            for gap in self._population_gaps(
                cell, channel, hours, open_hours, who, routed, handling
            ):
                key = (
                    gap.reason,
                    gap.ladder,
                    gap.step_index,
                    gap.priority,
                    gap.target_kind,
                    tuple(team.id for team in gap.teams),
                    gap.intervals,
                )
                types, _ = grouped.setdefault(key, ([], gap))
                if request_type is not None:
                    types.append(request_type)
        for types, gap in grouped.values():
            yield replace(gap, request_types=tuple(types))

    def _population_gaps(
        self,
        cell: MatrixCell,
        channel: Channel,
        hours: Calendar,
        open_hours: iv.Span,
        who: Population,
        routed: tuple[Team, ...],
        handling: tuple[Team, ...],
    ) -> Iterator[Gap]:
        base = {"cell": cell, "channel": channel, "request_types": (), "open_hours": open_hours}
        covered = iv.union(self.team_open(team, hours) for team in handling)
        nobody = iv.subtract(open_hours, covered)
        if nobody[0]:
            calendars = (hours, *(self.team_calendar(t, hours) for t in handling))
            yield Gap(
                **base,
                reason="no_team_on_shift",
                teams=handling,
                intervals=nobody,
                calendars=calendars,
            )
        hours_key = self.calendars.key(hours)
        for ladder, index, step in self.ladders.reachable(routed, who):
            source, target = step.source.target, step.to.target
            if source is None or target is None:
                continue
            waits = self._waits.get((hours_key, source.id, target.id))
            if waits is None:
                waits = self._waits[hours_key, source.id, target.id] = self._step_waits(
                    hours, open_hours, source, target
                )
            if waits[0]:
                yield Gap(
                    **base,
                    reason="escalation_waits",
                    teams=(source, target),
                    intervals=waits,
                    calendars=(
                        hours,
                        self.team_calendar(target, hours),
                        self.team_calendar(source, hours),
                    ),
                    ladder=ladder.id,
                    step=step,
                    step_index=index,
                )
        yield from self._target_gaps(cell, hours, open_hours, handling, base)

    def _step_waits(
        self, hours: Calendar, open_hours: iv.Span, source: Team, target: Team
    ) -> iv.Span:
        source_cal = self.team_calendar(source, hours)
        target_cal = self.team_calendar(target, hours)
        key = (
            self.calendars.key(hours),
            self.calendars.key(source_cal),
            self.calendars.key(target_cal),
        )
        if key not in self._steps:
            working = iv.intersect(open_hours, self.calendars.open(source_cal))
            self._steps[key] = iv.subtract(working, self.calendars.open(target_cal))
        return self._steps[key]

    def _target_gaps(
        self,
        cell: MatrixCell,
        hours: Calendar,
        open_hours: iv.Span,
        handling: tuple[Team, ...],
        base: dict,
    ) -> Iterator[Gap]:
        triage = self.policy.triage
        for priority in self.policy.priorities.values():
            for kind, target in priority.targets.items():
                responsible = handling
                due_calendar = target.calendar.target if target.calendar is not None else None
                if kind == "assessment" and triage is not None:
                    if triage.team is not None and triage.team.target is not None:
                        responsible = (triage.team.target,)
                    if due_calendar is None and triage.during is not None:
                        due_calendar = triage.during.target
                if not responsible:
                    continue  # nobody handles them at all: no_team_on_shift says so
                due_calendar = due_calendar or hours
                missed = self._missed(hours, open_hours, responsible, target, due_calendar)
                if missed[0]:
                    yield Gap(
                        **base,
                        reason="target_missed",
                        teams=responsible,
                        intervals=missed,
                        calendars=(
                            hours,
                            *(self.team_calendar(t, hours) for t in responsible),
                            due_calendar,
                        ),
                        priority=priority.id,
                        target_kind=kind,
                        target=target,
                    )

    def _missed(
        self,
        hours: Calendar,
        open_hours: iv.Span,
        responsible: tuple[Team, ...],
        target: Target,
        due_calendar: Calendar,
    ) -> iv.Span:
        keys = self.calendars.key
        # the teams' union is all that counts: one calendar per distinct spec, in key order
        by_key = {keys(c): c for c in (self.team_calendar(t, hours) for t in responsible)}
        team_cals = tuple(by_key[k] for k in sorted(by_key))
        team_keys = tuple(sorted(by_key))
        key = (keys(hours), team_keys, id(target), keys(due_calendar))
        if key not in self._targets:
            arrivals = self._late_arrivals(hours, open_hours, team_keys, team_cals)
            self._targets[key] = self._compute_missed(arrivals, target, due_calendar)
        return self._targets[key]

    def _late_arrivals(
        self,
        hours: Calendar,
        open_hours: iv.Span,
        team_keys: tuple[int, ...],
        team_cals: tuple[Calendar, ...],
    ) -> tuple[iv.Span, tuple[int, ...]]:
        """Arrivals that can be late, whatever the target: each piece of the channel's
        hours inside a closed stretch of the teams, with the instant the stretch ends.
        Shared by every target of the same hours and teams."""
        key = (self.calendars.key(hours), team_keys)
        if key not in self._arrivals:
            cals = self.calendars
            on_shift = iv.union(cals.open(c) for c in team_cals)
            closed = iv.subtract(iv.span(self.start, cals.hi), on_shift)
            ends_of_closed = list(closed[1])
            if ends_of_closed and ends_of_closed[-1] == cals.hi:  # closed past the range
                ends_of_closed[-1] = min(cals.next_open(c, cals.hi) for c in team_cals)
            pieces = iv.intersect(open_hours, closed)
            opens = tuple(ends_of_closed[bisect_right(closed[0], t) - 1] for t in pieces[0])
            self._arrivals[key] = (pieces, opens)
        return self._arrivals[key]

    def _compute_missed(
        self,
        arrivals: tuple[iv.Span, tuple[int, ...]],
        target: Target,
        due_calendar: Calendar,
    ) -> iv.Span:
        """Arrivals during the channel's hours whose due instant comes before any team opens."""
        (starts, ends), opens = arrivals
        bounds = due_before(self.calendars, target, due_calendar, starts, opens)
        if bounds is None:
            return iv.EMPTY
        late = [
            (start, min(end, bound))
            for start, end, bound in zip(starts, ends, bounds, strict=True)
            if min(end, bound) > start
        ]
        return tuple(start for start, _ in late), tuple(end for _, end in late)


def channel_hours(cell: MatrixCell, channel: Channel, request_type: str | None) -> Calendar | None:
    """When the channel takes these tickets: the cell's first ``hours`` entry for this
    channel and request type, else the channel's own calendar, else the cell's."""
    for override in cell.hours:
        if override.applies(channel.id, request_type):
            return override.calendar.target
    own = channel.calendar.target if channel.calendar is not None else None
    return own if own is not None else cell.calendar.target


def offered(policy: Policy) -> Iterator[tuple[MatrixCell, Channel]]:
    """Every cell and available channel that takes tickets."""
    for cell in policy.support_matrix:
        for ref in cell.available:
            channel = ref.target
            if channel is not None and channel.kind != "self_service":
                yield cell, channel


def _refs(policy: Policy) -> Iterator[Ref | None]:
    """Every reference the sweep follows."""
    routing = policy.routing
    if routing is not None:
        yield routing.front_door
        yield from (rule.to for rule in routing.rules)
    for cell in policy.support_matrix:
        yield from (cell.product, cell.language, cell.calendar, *cell.available)
        yield from (override.calendar for override in cell.hours)
    for channel in policy.channels.values():
        yield channel.calendar
        yield from channel.accepts or ()
    for team in policy.teams.values():
        yield team.calendar
    for ladder in policy.escalations.values():
        for step in ladder.steps:
            yield from (step.source, step.to)
    for priority in policy.priorities.values():
        yield from (target.calendar for target in priority.targets.values())
    if policy.triage is not None:
        yield from (policy.triage.team, policy.triage.during)


def analysable(policy: Policy) -> bool:
    """Whether every id the sweep follows names something and every calendar compiles (a
    known zone, known holidays); a policy where one does not has errors (E2xx, E3xx), and
    analysing what is left would invent gaps."""
    if not all(ref is None or ref.resolved for ref in _refs(policy)):
        return False
    for calendar in policy.calendars.values():
        try:
            BusinessCalendar(calendar.spec)
        except NoOpenTimeError:
            continue  # never open: a fact the sweep can use
        except ValueError:
            return False
    return True


def sweep(policy: Policy, start: datetime, end: datetime) -> Sweep:
    """A sweep of ``policy`` over ``[start, end)``, every calendar compiled and opened: the
    shared state that analyses of parts of the cells (in other processes) start from."""
    lo, hi = micros(start), micros(end)
    calendars = Calendars(lo, hi)
    for calendar in policy.calendars.values():
        calendars.open(calendar)
    return Sweep(policy, lo, hi, calendars, Ladders(policy), Router(policy))


def analyse_coverage(
    policy: Policy,
    start: datetime,
    end: datetime,
    cells: Iterable[tuple[MatrixCell, Channel]] | None = None,
    prepared: Sweep | None = None,
) -> Coverage:
    """Every coverage gap of ``policy`` over ``[start, end)`` (aware datetimes), for the
    ``offered`` cells and channels, or only for ``cells``; ``prepared`` is this policy's
    ``sweep`` over the same range, when one was made."""
    coverage = Coverage(start, end)
    if policy.routing is None or end <= start:
        return coverage
    state = prepared if prepared is not None else sweep(policy, start, end)
    for cell, channel in offered(policy) if cells is None else cells:
        gaps = list(state.cell_gaps(cell, channel))
        gaps.sort(key=lambda g: REASONS.index(g.reason))
        coverage.gaps.extend(gaps)
    return coverage
