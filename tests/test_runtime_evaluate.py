"""The runtime evaluator: routing, due times, the escalation timeline, refusals, loading."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from supportflow.api import load_valid_policy
from supportflow.runtime import (
    HorizonError,
    Runtime,
    RuntimeFileError,
    RuntimeInputError,
    Ticket,
    TicketError,
    build_document,
    dumps,
    load,
)

ROOT = Path(__file__).resolve().parent.parent
TIMELINE = ROOT / "tests" / "fixtures" / "runtime" / "timeline.yaml"


def _runtime(path: Path, as_of: date = date(2027, 1, 1)) -> Runtime:
    return Runtime(json.loads(dumps(build_document(load_valid_policy(path), as_of))))


@pytest.fixture(scope="module")
def timeline() -> Runtime:
    return _runtime(TIMELINE)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _steps(result) -> dict[str, tuple]:
    return {
        step.ref: (
            step.source,
            step.to,
            step.trigger,
            step.fires_at.isoformat() if step.fires_at else None,
            step.reached_at.isoformat() if step.reached_at else None,
            step.via,
        )
        for step in result.escalations
    }


def test_time_in_tier_counts_on_the_from_team_and_waits_for_the_next_team(timeline) -> None:
    ticket = Ticket("app", "sv", "phone", "incident", "P1", "sev1")
    result = timeline.route(ticket, at("2027-03-01T16:30:00+01:00"))
    assert (result.team, result.rule, result.calendar) == ("desk", None, "office")
    assert result.targets["first_response"].due == at("2027-03-01T17:00:00+01:00")
    assert result.targets["resolution"].due == at("2027-03-01T20:30:00+01:00")
    assert _steps(result) == {
        # desk is 24/7 (UTC): one hour in tier, then second line opens on Tuesday
        "climb#1": (
            "desk",
            "second",
            "time_in_tier",
            "2027-03-01T16:30:00+00:00",
            "2027-03-02T08:00:00+01:00",
            None,
        ),
        # sev1 goes straight to third line on arrival; third line is open
        "severe#1": (
            "desk",
            "third",
            "severities",
            "2027-03-01T15:30:00+00:00",
            "2027-03-01T16:30:00+01:00",
            None,
        ),
        # two office hours after second line was reached
        "climb#2": (
            "second",
            "third",
            "time_in_tier",
            "2027-03-02T10:00:00+01:00",
            "2027-03-02T10:00:00+01:00",
            "climb#1",
        ),
        # third line was reached earliest through severe#1; the manual step has no time,
        # and the chain after it goes on without times
        "climb#3": ("third", "vendor", "manual", None, None, "severe#1"),
        "climb#4": ("vendor", "night-crew", "time_in_tier", None, None, "climb#3"),
        # an assist three office hours in: the questions desk helps, the ticket stays
        "review#1": (
            "second",
            "questions",
            "time_in_tier",
            "2027-03-02T11:00:00+01:00",
            "2027-03-02T11:00:00+01:00",
            "climb#1",
        ),
        # one hour in tier, but not before the check it comes after; then the night shift
        "review#2": (
            "second",
            "night-crew",
            "time_in_tier",
            "2027-03-02T11:00:00+01:00",
            "2027-03-02T22:00:00+01:00",
            "climb#1",
        ),
    }
    kinds = {step.ref: step.kind for step in result.escalations}
    assert (kinds["review#1"], kinds["review#2"]) == ("assist", "handover")
    # the questions desk only assists, so its own steps (urgent#1) never apply here
    assert "urgent#1" not in kinds
    assert result.incident is not None
    assert result.incident.owner == "third"
    assert result.incident.restore_due == at("2027-03-01T23:30:00+00:00")


def test_a_channel_with_its_own_calendar_sets_the_targets_hours(timeline) -> None:
    ticket = Ticket("app", "en", "night-line", "incident", "P2")
    result = timeline.route(ticket, at("2027-03-05T21:00:00+01:00"))
    assert result.calendar == "nights"
    assert result.opens_at == at("2027-03-05T22:00:00+01:00")
    # same time next business day, from the opening at 22:00 on Friday: Saturday has
    # open time (Friday's shift runs into it) but no 22:00, so the day's last closing
    assert result.targets["first_response"].due == at("2027-03-06T06:00:00+01:00")
    assert result.targets["resolution"].due == at("2027-03-08T22:00:00+01:00")
    assert result.incident is None


def test_priority_triggers_narrow_a_step_and_add_time_in_tier(timeline) -> None:
    question = Ticket("app", "sv", "portal", "question", "P1")
    result = timeline.route(question, at("2027-03-04T11:50:00+01:00"))
    assert (result.team, result.rule) == ("questions", 1)
    # 30 minutes on the questions desk's office calendar: a special day open 10–12 only,
    # then 3 March is closed and 5 March is a closed special day: Monday 08:20
    assert _steps(result)["urgent#1"][3:5] == (
        "2027-03-08T08:20:00+01:00",
        "2027-03-08T08:20:00+01:00",
    )
    assert _steps(timeline.route(Ticket("app", "sv", "portal", "question", "P2"), result.at)) == {}


def test_routing_by_severity_and_the_ticket_without_one(timeline) -> None:
    when = at("2027-03-01T09:00:00+01:00")
    degraded = timeline.route(Ticket("app", "en", "phone", "incident", "P2", "sev2"), when)
    assert (degraded.team, degraded.rule) == ("second", 2)
    plain = timeline.route(Ticket("app", "en", "phone", "incident", "P2"), when)
    assert (plain.team, plain.rule) == ("desk", None)
    assert "severe#1" not in _steps(plain)


@pytest.mark.parametrize(
    ("ticket", "message"),
    [
        (
            Ticket("ap", "en", "phone", "incident", "P1"),
            "unknown product 'ap' (did you mean 'app'?)",
        ),
        (Ticket("app", "fi", "phone", "incident", "P1"), "app has no support in 'fi'"),
        (Ticket("app", "sv", "night-line", "incident", "P1"), "not offered on night-line"),
        (Ticket("app", "en", "fax", "incident", "P1"), "unknown channel 'fax'"),
        (Ticket("app", "en", "night-line", "question", "P1"), "night-line does not take question"),
        (Ticket("app", "en", "phone", "incidnet", "P1"), "did you mean 'incident'?"),
        (Ticket("app", "en", "phone", "incident", "P9"), "unknown priority 'P9'"),
        (Ticket("app", "en", "phone", "incident", "P1", "sev9"), "unknown severity 'sev9'"),
    ],
)
def test_tickets_the_policy_does_not_take_are_refused_in_one_line(
    timeline, ticket: Ticket, message: str
) -> None:
    with pytest.raises(TicketError) as caught:
        timeline.route(ticket, at("2027-03-01T09:00:00+01:00"))
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_coming_soon_channels_are_refused_as_coming_soon() -> None:
    pagero = _runtime(ROOT / "examples" / "pagero")
    with pytest.raises(TicketError, match="guides is coming soon for online in de"):
        pagero.route(Ticket("online", "de", "guides", "question"), at("2027-03-01T09:00:00Z"))


def test_instants_outside_the_horizon_are_refused(timeline) -> None:
    """Closed days are known from 2027-01-01 until 2029-01-01 (local dates); the day
    before a start is needed too, for overnight shifts that reach into it."""
    ticket = Ticket("app", "sv", "phone", "incident", "P1")
    with pytest.raises(HorizonError, match="outside the runtime's horizon"):
        timeline.route(ticket, at("2027-01-01T23:59:00+01:00"))
    timeline.route(ticket, at("2027-01-02T01:00:00+01:00"))  # 00:00 in UTC, the desk's zone
    with pytest.raises(HorizonError, match=r"answers for local dates 2027-01-02 to 2028-12-31"):
        timeline.route(ticket, at("2029-01-01T00:30:00+01:00"))
    # arrives inside, but one business day later is past the horizon
    slow = Ticket("app", "sv", "phone", "incident", "P2")
    with pytest.raises(HorizonError):
        timeline.route(slow, at("2028-12-29T16:00:00+01:00"))
    with pytest.raises(RuntimeInputError, match="no UTC offset"):
        timeline.route(ticket, datetime(2027, 3, 1, 9))


def test_due_answers_for_one_target(timeline) -> None:
    start = at("2027-03-01T16:50:00+01:00")
    first_response = timeline.target("P1", "first_response")
    assert timeline.due(first_response, start, calendar="office") == at("2027-03-02T08:20:00+01:00")
    own = timeline.target("P2", "resolution")  # 2 business days on its own nights calendar
    assert timeline.due(own, start) == at("2027-03-03T22:00:00+01:00")
    with pytest.raises(RuntimeInputError, match="pass calendar="):
        timeline.due(first_response, start)
    with pytest.raises(TicketError, match="unknown calendar 'ofice' \\(did you mean 'office'"):
        timeline.due(first_response, start, calendar="ofice")
    with pytest.raises(TicketError, match="no assessment target"):
        timeline.target("P1", "assessment")
    with pytest.raises(TicketError, match="unknown priority"):
        timeline.target("P7", "first_response")


def test_route_and_due_agree(timeline) -> None:
    start = at("2027-06-18T16:20:00+02:00")
    result = timeline.route(Ticket("app", "sv", "portal", "incident", "P2"), start)
    for kind, due in result.targets.items():
        assert timeline.due(timeline.target("P2", kind), start, calendar="office") == due.due


def test_load_reads_a_runtime_file(tmp_path: Path) -> None:
    path = tmp_path / "runtime.json"
    path.write_text(dumps(build_document(load_valid_policy(TIMELINE), date(2027, 1, 1))))
    loaded = load(path)
    ticket = Ticket("app", "sv", "phone", "incident", "P1", "sev1")
    when = at("2027-03-01T16:30:00+01:00")
    assert loaded.route(ticket, when).as_json() == _runtime(TIMELINE).route(ticket, when).as_json()


def test_load_refuses_what_is_not_a_runtime_file(tmp_path: Path) -> None:
    with pytest.raises(RuntimeFileError, match="cannot read the file"):
        load(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(RuntimeFileError, match="not JSON"):
        load(bad)
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"format": "supportflow-runtime/v2"}))
    with pytest.raises(RuntimeFileError, match=r"policy.json: at .*"):
        load(policy)


def test_a_24_7_calendar_counts_plain_elapsed_time_as_the_engine_does(timeline) -> None:
    """The runtime skips the engine for calendars open every minute; check it agrees."""
    from supportflow.businesstime import BusinessCalendar
    from supportflow.runtime.calendars import calendar_spec

    engine = BusinessCalendar(calendar_spec(timeline.document["calendars"]["always"]))
    first_response = timeline.target("P1", "first_response")
    for text in ("2027-03-28T00:45:00+01:00", "2027-10-31T02:50:00+02:00", "2027-06-01T23:59Z"):
        start = at(text)
        assert timeline.due(first_response, start, calendar="always") == engine.due(
            start, first_response.within
        )


def test_a_step_after_an_untimed_one_has_no_instant_either(tmp_path: Path) -> None:
    policy = TIMELINE.read_text().replace(
        "kind: assist, when: {time_in_tier: 3h}", "kind: assist, when: manual"
    )
    (tmp_path / "policy.yaml").write_text(policy)
    runtime = _runtime(tmp_path / "policy.yaml")
    ticket = Ticket("app", "sv", "phone", "incident", "P2")
    steps = _steps(runtime.route(ticket, at("2027-03-01T16:30:00+01:00")))
    assert steps["review#1"][2:5] == ("manual", None, None)
    assert steps["review#2"][2:5] == ("time_in_tier", None, None)


def test_a_ticket_may_be_a_mapping(timeline) -> None:
    when = at("2027-03-01T09:00:00+01:00")
    given = {"product": "app", "language": "en", "channel": "phone", "type": "incident"}
    assert timeline.route({**given, "priority": "P1"}, when).team == "desk"
    with pytest.raises(TicketError, match="the ticket has no language, channel"):
        timeline.route({"product": "app"}, when)


def test_route_targets_agree_with_due_across_dst_and_near_the_horizon(timeline) -> None:
    """route() times targets on epoch µs well inside the horizon and on datetimes near its
    bounds; due() always takes the datetime path, so the two must agree everywhere."""
    ticket = Ticket("app", "sv", "portal", "incident", "P2")
    starts = [
        *(at("2027-03-26T12:00:00+00:00") + timedelta(minutes=47 * i) for i in range(120)),
        *(at("2028-12-24T12:00:00+00:00") + timedelta(minutes=53 * i) for i in range(240)),
    ]
    kinds = tuple(timeline.route(ticket, starts[0]).targets)
    checked = refused = 0
    for start in starts:
        try:
            result = timeline.route(ticket, start)
        except HorizonError:
            with pytest.raises(HorizonError):
                for kind in kinds:
                    timeline.due(timeline.target("P2", kind), start, calendar="office")
            refused += 1
            continue
        for kind, due in result.targets.items():
            expected = timeline.due(timeline.target("P2", kind), start, calendar="office")
            assert (due.due, due.due.isoformat()) == (expected, expected.isoformat())
            checked += 1
    assert checked > 200 and refused > 0
