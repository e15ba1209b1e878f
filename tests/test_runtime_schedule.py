"""A schedule (the timeline's order worked out once per kind of ticket) answers exactly as
the search over teams by arrival instant that it stands in for.

Each case routes the same tickets twice: as shipped, and with every kind of ticket left
to the search (``Planner._schedule`` answering ``UNORDERED``). Answers, refusals included, must
be equal; and each case must really have taken both ways where it says so.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from runtime_tickets import random_tickets

from supportflow.api import PolicyError, load_valid_policy
from supportflow.runtime import Runtime, Ticket, build_document, dumps
from supportflow.runtime.planning import Planner
from supportflow.runtime.plans import UNORDERED

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ["pagero", "pagonxt", "paymentus", "dutch-customer-success", "crm-insight"]
TIMELINE = ROOT / "tests" / "fixtures" / "runtime" / "timeline.yaml"


def _runtime(path: Path) -> Runtime:
    document = build_document(load_valid_policy(path), date(2027, 1, 1))
    return Runtime(json.loads(dumps(document)))


def _answer(runtime: Runtime, ticket: Ticket, at: datetime) -> object:
    try:
        return runtime.route(ticket, at).as_json()
    except Exception as refusal:  # a refusal must be the same one both ways
        return type(refusal).__name__, str(refusal)


def _both_ways(
    path: Path, tickets: int, monkeypatch: pytest.MonkeyPatch
) -> tuple[Runtime, list[object], list[object]]:
    """The answers as shipped and by the search alone, and the runtime that scheduled."""
    scheduled = _runtime(path)
    batch = random_tickets(scheduled.document, path.name, tickets)
    shipped = [_answer(scheduled, ticket, at) for ticket, at in batch]
    with monkeypatch.context() as patch:
        patch.setattr(Planner, "_schedule", lambda *_: UNORDERED)
        searched_runtime = _runtime(path)
        searched = [_answer(searched_runtime, ticket, at) for ticket, at in batch]
    return scheduled, shipped, searched


def _kinds(runtime: Runtime) -> tuple[int, int]:
    """How many kinds of ticket took a schedule, and how many the search."""
    schedules = list(runtime._planner._schedules.values())
    unordered = sum(1 for schedule in schedules if schedule is UNORDERED)
    return len(schedules) - unordered, unordered


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_example_is_scheduled_and_answers_as_the_search(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime, shipped, searched = _both_ways(ROOT / "examples" / name, 600, monkeypatch)
    assert shipped == searched
    assert _kinds(runtime)[0] > 0
    assert any(isinstance(answer, dict) and answer["escalations"] for answer in shipped)


def test_branching_steps_are_left_to_the_search_and_the_rest_scheduled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The timeline fixture has it all: severity 1 branches out of the desk to two teams
    at once, a gated step, an assist, a vendor without a calendar, a night calendar."""
    runtime, shipped, searched = _both_ways(TIMELINE, 1500, monkeypatch)
    assert shipped == searched
    scheduled, unordered = _kinds(runtime)
    assert scheduled > 0 and unordered > 0
    branching = runtime._planner._schedules[("app", "en", "phone", "incident", "P1", "sev1")]
    assert branching is UNORDERED


VARIANTS = {
    # the gate of a timed step has no instant, so the gated step has none either, and
    # the night crew's own step then counts from no instant (second line does not
    # branch: its step to third line is manual too)
    "untimed gate": (
        ("kind: assist, when: {time_in_tier: 3h}}", "kind: assist, when: manual}"),
        ("to: third, when: {time_in_tier: 2h}}", "to: third, when: manual}"),
        (
            "after: [check], when: {time_in_tier: 1h}}",
            "after: [check], when: {time_in_tier: 1h}}\n"
            "      - {from: night-crew, to: desk, kind: assist, when: {time_in_tier: 1h}}",
        ),
    ),
    # two timed ways from the desk into second line: the earlier arrival counts
    "two ways in": (
        (
            "      - {from: second, to: third, when: {time_in_tier: 2h}}",
            "      - {from: second, to: third, when: {time_in_tier: 2h}}\n"
            "      - {from: desk, to: second, when: {time_in_tier: 30m}}",
        ),
    ),
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_variants_of_the_timeline_answer_as_the_search(
    variant: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = TIMELINE.read_text()
    for old, new in VARIANTS[variant]:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "policy.yaml"
    path.write_text(text)
    runtime, shipped, searched = _both_ways(path, 1500, monkeypatch)
    assert shipped == searched
    assert all(_kinds(runtime))


CALENDARS = ("always", "office", "nights", None)
TRIGGERS = (
    "{time_in_tier: 30m}",
    "{time_in_tier: 2h}",
    "{time_in_tier: 1 business day}",
    "manual",
    "{condition: Needs a specialist.}",
    "{priorities: [P1]}",
    "{priorities: [P2], time_in_tier: 1h}",
    "{severities: [sev1]}",
)
step_strategy = st.tuples(
    st.integers(0, 5),  # from
    st.integers(1, 5),  # to, moved past from so the ladder stays acyclic
    st.sampled_from(TRIGGERS),
    st.booleans(),  # assist
    st.booleans(),  # after the ladder's previous step
)


def _policy(calendars: list[str | None], ladders: list[list[tuple]]) -> str:
    """The timeline fixture's calendars, channels and priorities, with six teams on the
    given calendars (None: an external team without one) and the given ladders."""
    text = TIMELINE.read_text()
    head = text[: text.index("teams:")]
    lines = [head + "teams:"]
    for index, calendar in enumerate(calendars):
        where = f"calendar: {calendar}" if calendar else "external: true"
        lines.append(
            f"  t{index}: {{name: Team {index}, tier: second_line, {where},"
            " languages: [en, sv], resolves: true}"
        )
    lines += ["routing:", "  front_door: t0", "  rules:"]
    lines += ["    - {match: {languages: [sv]}, to: t1}", "escalations:"]
    lines += ["  chain:", "    steps:"]  # every team is reached
    lines += [f"      - {{from: t{i}, to: t{i + 1}, when: manual}}" for i in range(5)]
    for number, steps in enumerate(ladders):
        lines += [f"  ladder-{number}:", "    steps:"]
        for order, (source, ahead, trigger, assist, after) in enumerate(steps):
            to = min(source + ahead, 5)
            if to == source:
                continue
            extras = ", kind: assist" if assist else ""
            if after and order > 0:
                extras += f", after: [s{order - 1}]"
            lines.append(
                f"      - {{id: s{order}, from: t{source}, to: t{to}, when: {trigger}{extras}}}"
            )
    return "\n".join(lines) + "\n"


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    calendars=st.lists(st.sampled_from(CALENDARS), min_size=6, max_size=6),
    ladders=st.lists(st.lists(step_strategy, min_size=1, max_size=6), min_size=1, max_size=3),
)
def test_random_ladders_are_scheduled_exactly_as_searched(
    calendars: list[str | None],
    ladders: list[list[tuple]],
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path_factory.mktemp("ladders") / "policy.yaml"
    path.write_text(_policy(calendars, ladders))
    try:
        load_valid_policy(path)
    except PolicyError:
        assume(False)  # a ladder the language refuses (a dead end, a step after itself …)
    runtime, shipped, searched = _both_ways(path, 60, monkeypatch)
    assert shipped == searched
    assert sum(_kinds(runtime)) > 0
