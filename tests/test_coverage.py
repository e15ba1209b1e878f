"""Coverage gaps, exact to the minute, against a brute-force oracle over short horizons.

The oracle (tests/businesstime_oracle.py) decides each calendar minute by minute from the
definition and shares no code with the engine or the analysis; here it is turned into one
bit per minute, and each gap reason is decided per minute straight from its definition. The
horizons cross the Stockholm DST weekends, Easter (Swedish public holidays), Eid al-Fitr
(Saudi public holidays) and Riyadh's Sunday-to-Thursday week; one team works an overnight
shift.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from supportflow.analysis.coverage import Gap, analyse_coverage
from supportflow.analysis.instants import micros
from supportflow.api import load_valid_policy
from tests.businesstime_oracle import Oracle
from tests.policy_files import write_policy

MINUTE_US = 60_000_000
POLICY = """\
languages: [sv, ar]
products:
  online: {name: Online}
request_types:
  question: {name: Question}
  incident: {name: Incident}
calendars:
  always: {timezone: UTC, hours: 24/7}
  office: {timezone: Europe/Stockholm, hours: mon-fri 08:00-17:00, holidays: SE}
  night: {timezone: Europe/Stockholm, hours: mon-fri 22:00-06:00}
  ksa: {timezone: Asia/Riyadh, hours: sun-thu 09:00-18:00, holidays: SA}
channels:
  phone: {kind: phone}
  chat: {kind: chat, calendar: ksa, accepts: [question]}
  guides: {kind: self_service}
support_matrix:
  online:
    sv: {calendar: always, available: [phone, chat, guides]}
    ar: {calendar: ksa, available: [phone]}
teams:
  desk: {tier: first_line, calendar: office, languages: [sv, ar]}
  nights: {tier: first_line, calendar: night, languages: [sv]}
  incidents: {tier: operations, calendar: always, languages: [ar]}
  second: {tier: second_line, calendar: office, languages: [sv]}
routing:
  front_door: desk
  rules:
    - match: {request_types: [incident], languages: [sv]}
      to: nights
    - match: {request_types: [incident], languages: [ar]}
      to: incidents
escalations:
  up:
    steps:
      - {from: nights, to: second, when: manual}
      - {from: incidents, to: desk, when: manual}
priorities:
  P1:
    level: 1
    definition: Down.
    targets:
      first_response: 30m
      resolution: {within: 4h, clock: calendar}
  P2:
    level: 2
    definition: Slow.
    targets:
      first_response: {within: 9h, calendar: office}
  P3:
    level: 3
    definition: A question.
    targets:
      first_response: {within: 9h, calendar: ksa}
"""
HORIZONS = [
    ("2027-03-25T00:00:00+00:00", "2027-03-30T00:00:00+00:00"),  # Easter, DST starts
    ("2027-10-29T00:00:00+00:00", "2027-11-02T00:00:00+00:00"),  # DST ends
    ("2027-03-07T00:00:00+00:00", "2027-03-15T00:00:00+00:00"),  # Eid al-Fitr in Riyadh
]
LOOKAHEAD_DAYS = 8


@pytest.fixture(scope="module")
def policy(tmp_path_factory):
    return load_valid_policy(write_policy(tmp_path_factory.mktemp("coverage"), POLICY))


class Bits:
    """One bool per UTC minute from ``lo``, for every calendar, decided by the oracle."""

    def __init__(self, policy, lo: datetime, minutes: int) -> None:
        self.lo = lo
        self.open = {}
        for calendar_id, calendar in policy.calendars.items():
            oracle = Oracle(calendar.spec)
            self.open[calendar_id] = np.array(
                [oracle.is_open(lo + timedelta(minutes=m)) for m in range(minutes)], bool
            )

    def due_mid(self, calendar_id: str, m: int, minutes: int) -> float:
        """Due instant (in minutes from lo) of a ticket arriving at minute m + 30 s."""
        bits = self.open[calendar_id]
        if bits[m]:
            # 30 s of minute m count; then minutes - 1 whole minutes and 30 s more
            later = np.flatnonzero(bits[m + 1 :])
            return m + 1 + later[minutes - 1] + 0.5
        later = np.flatnonzero(bits[m + 1 :])
        return m + 1 + later[minutes - 1] + 1.0

    def next_open_mid(self, calendar_ids: list[str], m: int) -> float:
        if any(self.open[c][m] for c in calendar_ids):
            return m + 0.5
        return min(m + 1 + np.flatnonzero(self.open[c][m + 1 :])[0] for c in calendar_ids)


def _minutes(gap: Gap, lo: datetime) -> set[int]:
    start = micros(lo)
    found: set[int] = set()
    for a, b in zip(gap.intervals[0], gap.intervals[1], strict=True):
        assert (a - start) % MINUTE_US == 0 and (b - start) % MINUTE_US == 0
        found.update(range((a - start) // MINUTE_US, (b - start) // MINUTE_US))
    return found


def _gaps(policy, lo, hi) -> dict[tuple, Gap]:
    coverage = analyse_coverage(policy, lo, hi)
    keyed = {}
    for gap in coverage.gaps:
        detail = gap.ladder and gap.step_index, gap.priority, gap.target_kind
        for request_type in gap.request_types:
            key = (gap.language, gap.channel.id, gap.reason, request_type, *detail)
            assert key not in keyed
            keyed[key] = gap
    return keyed


# Who handles each population, as the policy above routes it.
CASES = {
    ("sv", "phone", "question"): ("always", ["office"], ["desk"]),
    ("sv", "phone", "incident"): ("always", ["night"], ["nights"]),
    ("sv", "chat", "question"): ("ksa", ["office"], ["desk"]),
    ("ar", "phone", "question"): ("ksa", ["office"], ["desk"]),
    ("ar", "phone", "incident"): ("ksa", ["always"], ["incidents"]),
}
STEPS = {
    ("sv", "phone", "incident"): [(0, "night", "office")],
    ("ar", "phone", "incident"): [(1, "always", "office")],
}
TARGETS = {  # priority, kind -> (minutes, clock, due calendar or None for the ticket's hours)
    ("P1", "first_response"): (30, "business", None),
    ("P1", "resolution"): (240, "calendar", None),
    ("P2", "first_response"): (540, "business", "office"),
    ("P3", "first_response"): (540, "business", "ksa"),
}


@pytest.mark.parametrize(("start", "end"), HORIZONS)
def test_every_gap_matches_the_minute_oracle(policy, start: str, end: str) -> None:
    lo, hi = datetime.fromisoformat(start), datetime.fromisoformat(end)
    minutes = int((hi - lo) / timedelta(minutes=1))
    bits = Bits(policy, lo, minutes + LOOKAHEAD_DAYS * 1440)
    gaps = _gaps(policy, lo, hi)
    expected: dict[tuple, set[int]] = {}
    for (language, channel, request_type), (hours, team_cals, _) in CASES.items():
        channel_open = bits.open[hours][:minutes]
        covered = np.any([bits.open[c][:minutes] for c in team_cals], axis=0)
        key = (language, channel, request_type)
        expected[(language, channel, "no_team_on_shift", request_type, None, None, None)] = set(
            np.flatnonzero(channel_open & ~covered).tolist()
        )
        for index, source, to in STEPS.get(key, []):
            waits = channel_open & bits.open[source][:minutes] & ~bits.open[to][:minutes]
            expected[(language, channel, "escalation_waits", request_type, index, None, None)] = (
                set(np.flatnonzero(waits).tolist())
            )
        for (priority, kind), (length, clock, due_cal) in TARGETS.items():
            missed = set()
            for m in np.flatnonzero(channel_open).tolist():
                reach = bits.next_open_mid(team_cals, m)
                if clock == "calendar":
                    due = m + 0.5 + length
                else:
                    due = bits.due_mid(due_cal or hours, m, length)
                if due < reach:
                    missed.add(m)
            expected[(language, channel, "target_missed", request_type, None, priority, kind)] = (
                missed
            )
    for key, minute_set in expected.items():
        gap = gaps.pop(key, None)
        got = _minutes(gap, lo) if gap is not None else set()
        assert got == minute_set, (key, sorted(got ^ minute_set)[:5])
    assert not gaps, sorted(gaps)


def test_self_service_channels_take_no_tickets(policy) -> None:
    lo = datetime(2027, 3, 1, tzinfo=UTC)
    coverage = analyse_coverage(policy, lo, lo + timedelta(days=7))
    assert coverage.gaps
    assert all(gap.channel.id != "guides" for gap in coverage.gaps)


def test_no_routing_means_nothing_to_compare(tmp_path: Path) -> None:
    text = POLICY.split("routing:")[0]  # teams, but no routing
    policy = load_valid_policy(write_policy(tmp_path, text))
    lo = datetime(2027, 3, 1, tzinfo=UTC)
    assert analyse_coverage(policy, lo, lo + timedelta(days=7)).gaps == []


def test_calendars_that_say_the_same_are_swept_once_and_named_each(tmp_path: Path) -> None:
    """A twin of a calendar (its own id, the same hours) gives the same gaps and is
    compiled once, but each gap names the calendar its team really has."""
    twin = POLICY.replace(
        "  night:", "  office-copy: {timezone: Europe/Stockholm, hours: mon-fri 08:00-17:00,"
        " holidays: SE}\n  night:"
    ).replace("second: {tier: second_line, calendar: office", "second: {tier: second_line,"
              " calendar: office-copy")  # fmt: skip
    plain = load_valid_policy(write_policy(tmp_path / "plain", POLICY))
    copied = load_valid_policy(write_policy(tmp_path / "twin", twin))
    lo, hi = datetime(2027, 3, 25, tzinfo=UTC), datetime(2027, 4, 2, tzinfo=UTC)

    def shape(gap: Gap) -> tuple:
        return (gap.cell.language.id, gap.channel.id, gap.reason, gap.step_index,
                gap.priority, gap.target_kind, gap.request_types,
                gap.intervals[0], gap.intervals[1])  # fmt: skip

    expected = analyse_coverage(plain, lo, hi).gaps
    found = analyse_coverage(copied, lo, hi).gaps
    assert [shape(g) for g in found] == [shape(g) for g in expected]
    waits = [g for g in found if g.reason == "escalation_waits" and g.teams[1].id == "second"]
    assert waits and all(g.calendars[1].id == "office-copy" for g in waits)

    from supportflow.analysis.calendars import Calendars

    calendars = Calendars(micros(lo), micros(hi))
    office, copy = copied.calendars["office"], copied.calendars["office-copy"]
    assert calendars.key(office) == calendars.key(copy) != calendars.key(copied.calendars["night"])
    assert calendars.compiled(office) is calendars.compiled(copy)


SAME_TIME = """\
languages: [en]
products:
  online: {name: Online}
calendars:
  always: {timezone: Europe/Stockholm, hours: 24/7}
  office:
    timezone: Europe/Stockholm
    hours: mon-fri 08:00-17:00
    business_day: same time next business day
  late: {timezone: Europe/Stockholm, hours: wed-fri 08:00-17:00}
channels:
  portal: {kind: ticket_portal}
support_matrix:
  online:
    en: {calendar: always, available: [portal]}
teams:
  desk: {tier: first_line, calendar: late, languages: [en]}
routing:
  front_door: desk
priorities:
  P3:
    level: 3
    definition: Normal.
    targets:
      first_response: {within: 1 business day, calendar: office}
"""


def test_same_time_next_business_day_targets_against_the_engine(tmp_path: Path) -> None:
    """Bisection on 'same time next business day' agrees with asking every minute."""
    from supportflow.businesstime import BusinessCalendar

    policy = load_valid_policy(write_policy(tmp_path, SAME_TIME))
    lo = datetime(2027, 3, 25, tzinfo=UTC)  # Thursday, across the DST weekend to Wednesday
    hi = lo + timedelta(days=6)
    [gap] = [g for g in analyse_coverage(policy, lo, hi).gaps if g.reason == "target_missed"]
    office = BusinessCalendar(policy.calendars["office"].spec)
    minutes = int((hi - lo) / timedelta(minutes=1))
    bits = Bits(policy, lo, minutes + LOOKAHEAD_DAYS * 1440)
    expected = set()
    for m in np.flatnonzero(~bits.open["late"][:minutes]).tolist():
        opens = lo + timedelta(minutes=float(bits.next_open_mid(["late"], m)))
        if office.add_business_days(lo + timedelta(minutes=m, seconds=30), 1) < opens:
            expected.add(m)
    assert expected and _minutes(gap, lo) == expected


UNSTATED = """\
languages: [en, de]
products:
  online: {name: Online}
request_types:
  question: {name: Question}
calendars:
  always: {timezone: UTC, hours: 24/7}
  office: {timezone: Europe/Berlin, hours: mon-fri 09:00-17:00}
channels:
  portal: {kind: ticket_portal}
support_matrix:
  online:
    en: {calendar: office, available: [portal]}
    de: {calendar: always, available: [portal]}
teams:
  anyone: {tier: first_line}
  p1-desk: {tier: operations, calendar: always, languages: [de]}
  office-desk: {tier: first_line, calendar: office, languages: [de]}
routing:
  front_door: anyone
  rules:
    - match: {languages: [de], priorities: [P1]}
      to: p1-desk
    - match: {languages: [de]}
      to: office-desk
priorities:
  P1: {level: 1, definition: Down.}
"""


def test_what_the_policy_does_not_state_is_not_a_restriction(tmp_path: Path) -> None:
    """A team with no calendar works the channel's hours and one with no languages speaks
    them all (en is covered); a rule narrowed by priority takes some tickets and routing
    goes on, so German tickets can reach p1-desk (24/7) or office-desk: any of them on
    shift covers the hour, and nothing is reported for de either."""
    policy = load_valid_policy(write_policy(tmp_path, UNSTATED))
    lo = datetime(2027, 3, 1, tzinfo=UTC)
    assert analyse_coverage(policy, lo, lo + timedelta(days=14)).gaps == []
    # Without the priority rule, German tickets all go to the office team: nights are gaps.
    narrowed = UNSTATED.replace("      to: p1-desk\n", "      to: office-desk\n")
    policy = load_valid_policy(write_policy(tmp_path / "narrowed", narrowed))
    [gap] = analyse_coverage(policy, lo, lo + timedelta(days=14)).gaps
    assert (gap.language, gap.reason, [t.id for t in gap.teams]) == (
        "de",
        "no_team_on_shift",
        ["office-desk"],
    )


ASSIST = """\
languages: [nb]
products:
  crm: {name: CRM}
calendars:
  office: {timezone: Europe/Oslo, hours: mon-fri 08:00-16:00, holidays: "NO"}
  mornings: {timezone: Europe/Oslo, hours: mon-fri 09:00-12:00}
channels:
  support: {kind: email}
support_matrix:
  crm:
    nb: {calendar: office, available: [support]}
teams:
  support: {tier: first_line, calendar: office, languages: [nb]}
  consultants: {tier: consultants, calendar: mornings}
routing:
  front_door: support
escalations:
  internal:
    steps:
      - {id: ask-consultants, from: support, to: consultants, kind: assist, when: manual}
"""


def test_an_assisting_team_that_is_closed_is_reported_in_words(tmp_path: Path) -> None:
    from supportflow.analysis.gap_words import sentence

    policy = load_valid_policy(write_policy(tmp_path, ASSIST))
    lo, hi = datetime(2027, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC)
    [gap] = analyse_coverage(policy, lo, hi).gaps
    assert gap.reason == "escalation_waits"
    assert sentence(gap, policy, lo, hi) == (
        "every Mon–Fri 08:00 – 09:00, Mon–Fri 12:00 – 16:00 Europe/Oslo, except on 6 public"
        " holidays: consultants cannot assist"
        " support (internal/ask-consultants) until consultants opens"
    )


@pytest.mark.parametrize(
    ("old", "new", "error"),
    [
        ("timezone: UTC, hours: 24/7", "timezone: Mars/Olympus, hours: 24/7", "E301"),
        ("front_door: desk", "front_door: nobody", "E2"),
    ],
)
def test_a_policy_with_errors_is_not_swept(tmp_path: Path, old: str, new: str, error: str):
    """Rules run on policies with errors too; the sweep would invent gaps from what is left."""
    from supportflow.api import validate_policy

    assert old in POLICY
    ids = [
        f.rule_id
        for f in validate_policy(write_policy(tmp_path, POLICY.replace(old, new))).findings
    ]
    assert any(rule_id.startswith(error) for rule_id in ids)
    assert not any(rule_id.startswith("W70") for rule_id in ids)
    assert any(
        f.rule_id.startswith("W70")
        for f in validate_policy(write_policy(tmp_path / "ok", POLICY)).findings
    )
