"""What a kind of ticket's timeline is worked out into, once, so a ticket only times it.

A kind of ticket (its product, language, channel, request type, priority and severity)
always meets the same steps: ``StepPlan`` is one of them with everything about its
timing that does not depend on the ticket's instant. Where instants cannot change the
order of the timeline either, ``Schedule`` is that order, with every untimed entry
already built; ``UNORDERED`` marks the kinds of ticket left to the search over teams
by arrival instant (see ``Runtime._timeline``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple
from zoneinfo import ZoneInfo

from supportflow.runtime.clocks import Clock
from supportflow.runtime.escalations import PlannedStep
from supportflow.runtime.results import Escalation, make_escalation


class StepPlan(NamedTuple):
    """A step as one kind of ticket times it, worked out once: the clock its delay counts
    on (None for a step with no instant) and how its ``to`` team is reached. The timeline
    unpacks it whole, so the step's own fields it reads for every ticket are copied here."""

    step: PlannedStep
    to: str
    ref: str
    moves: bool  # a handover: the ticket moves to ``to`` (an assist leaves it where it is)
    clock: Clock | None
    next_open_us: Callable[[int], int] | None  # None: reached the moment the step fires
    zone: ZoneInfo  # what ``reached_at`` is read in
    safe_lo: int  # ``Clock``'s bounds, for ``reached_at``'s calendar
    safe_hi: int
    # the step's entries with no instant, by the step that reached its team (``via``):
    # they are the same for every ticket, so each is built once and shared
    untimed: dict[str | None, Escalation]


class TimedStep(NamedTuple):
    """A timed step in a schedule: its place in the timeline, the team arrival (slot) it
    counts from, the arrival it makes when it moves the ticket (0: none), and the timed
    steps it comes after that the ticket meets first, with their places."""

    index: int
    plan: StepPlan
    via: str | None
    source: int
    target: int
    gates: tuple[tuple[str, int], ...]  # a gate with no instant leaves the step untimed


class Schedule(NamedTuple):
    """A kind of ticket's timeline with its order worked out: every untimed entry built
    (None where a timed one goes), the timed steps, and how many timed arrivals (teams
    reached at an instant, the routed team first) they count from."""

    skeleton: tuple[Escalation | None, ...]
    timed: tuple[TimedStep, ...]
    arrivals: int


UNORDERED = object()  # a kind of ticket whose timeline's order depends on its instants


def untimed_entry(plan: StepPlan, via: str | None) -> Escalation:
    """A step with no instant (untimed, or out of a team only an untimed step reaches):
    it depends on the step and ``via`` alone, so it is built once and shared."""
    escalation = plan.untimed.get(via)
    if escalation is None:
        escalation = plan.untimed[via] = make_escalation((plan.step, None, None, via))
    return escalation
