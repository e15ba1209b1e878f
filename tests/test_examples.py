"""Every example validates without errors and models what its seed states.

The assertions read the resolved policy, so they hold the examples to the
seeds in ../shared/seeds/, not to whatever the YAML happens to say. Warnings an
example really deserves stay visible; ``test_example_warnings`` pins them, and
tests/test_coverage_examples.py the coverage gaps (W70x) their real hours cause.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from supportflow.api import validate_policy
from supportflow.businesstime.spec import BusinessDay, HolidaySource
from supportflow.diagnostics.findings import Severity
from supportflow.shortforms import Period, parse_hours

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NAMES = ["pagero", "pagonxt", "paymentus", "dutch-customer-success", "crm-insight"]


def _policy(name: str):
    result = validate_policy(EXAMPLES / name)
    assert [f for f in result.findings if f.severity is Severity.ERROR] == []
    assert result.policy is not None
    return result.policy


def test_there_is_one_example_per_seed() -> None:
    assert sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir()) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_example_has_no_errors(name: str) -> None:
    _policy(name)


def test_example_warnings() -> None:
    """The process-graph and retention warnings the examples deserve (ids W6xx)."""
    found = {
        name: sorted(
            (f.rule_id, f.message)
            for f in validate_policy(EXAMPLES / name).findings
            if f.rule_id[1] == "6"
        )
        for name in NAMES
    }
    assert found == {
        "pagero": [
            (
                "W641",
                "no retention rule says when chat transcripts are deleted"
                " (collected through the channel shown)",
            )
        ],
        "pagonxt": [],
        "paymentus": [],
        "dutch-customer-success": [],
        "crm-insight": [],
    }


def _ids(refs) -> list[str]:
    return [ref.id for ref in refs]


def _cells(policy) -> dict[tuple[str, str], tuple[str, list[str], list[str]]]:
    return {
        (cell.product.id, cell.language.id): (
            cell.calendar.id,
            _ids(cell.available),
            _ids(cell.coming_soon),
        )
        for cell in policy.support_matrix
    }


def test_pagero_tables_cell_by_cell() -> None:
    policy = _policy("pagero")
    every = ["guides", "ticket-portal", "chat", "phone"]
    no_chat = ["guides", "ticket-portal", "phone"]
    assert _cells(policy) == {
        ("online", "en"): ("always", every, []),
        ("online", "sv"): ("cet-office", ["ticket-portal", "chat", "phone"], []),
        ("online", "fi"): ("fi-office", every, []),
        ("online", "de"): ("cet-office", ["ticket-portal"], ["guides"]),
        ("online", "es"): ("cet-office", ["ticket-portal", "chat", "phone"], []),
        ("online", "fr"): ("cet-office", ["ticket-portal"], ["guides"]),
        ("online", "ar"): ("ksa-office", ["ticket-portal"], []),
        ("online", "pl"): ("cet-office-short", ["guides", "ticket-portal"], []),
        ("health", "en"): ("cet-office", no_chat, []),
        ("health", "de"): ("cet-office", no_chat, []),
        ("tms", "en"): ("cet-office", no_chat, []),
        ("tms", "sv"): ("cet-office", no_chat, []),
    }
    # Every reference in the matrix is linked to what it names.
    for cell in policy.support_matrix:
        assert cell.calendar.target is policy.calendars[cell.calendar.id]
        assert all(ref.target is policy.channels[ref.id] for ref in cell.available)


def test_pagero_hours_and_zones() -> None:
    calendars = _policy("pagero").calendars
    assert calendars["always"].spec.shifts == parse_hours("24/7")
    assert calendars["cet-office"].spec.timezone == "Europe/Stockholm"
    assert calendars["cet-office"].spec.shifts == parse_hours("mon-fri 08:00-17:00")
    assert calendars["cet-office-short"].spec.shifts == parse_hours("mon-fri 08:00-16:00")
    assert calendars["fi-office"].spec.timezone == "Europe/Helsinki"
    assert calendars["fi-office"].spec.shifts == parse_hours("mon-fri 08:00-16:00")
    ksa = calendars["ksa-office"].spec
    assert ksa.timezone == "Asia/Riyadh"
    assert {s.weekday for s in ksa.shifts} == {6, 0, 1, 2, 3}  # Sunday–Thursday
    assert {(s.start, s.end) for s in ksa.shifts} == {(9 * 60, 18 * 60)}


def test_pagero_process_and_incident() -> None:
    policy = _policy("pagero")
    ladder = policy.escalations["request-process"].steps
    steps = [(s.source.id, s.to.id) for s in ladder]
    assert steps == [
        ("first-line", "second-line"),
        ("second-line", "management"),
        ("second-line", "third-line"),
        ("third-line", "management"),
    ]
    # Management escalation is evaluated before any escalation to 3rd line.
    to_third = next(s for s in ladder if s.to.id == "third-line")
    (check,) = to_third.after
    assert check.id == "management-check" and check.target is ladder[1]
    assert ladder[1].id == "management-check" and ladder[1].to.id == "management"
    incident = policy.incident
    assert _ids(incident.severities) == ["sev1"] and incident.priorities == ()
    assert incident.severities[0].target.level == 1
    assert {a.action for a in incident.actions} == {
        "contact_affected_customers",
        "update_status_page",
    }
    protection = policy.data_protection
    assert protection.access.mfa == "required"
    assert {r.data for r in protection.retention} == {"tickets", "user_accounts"}
    closed = next(r for r in protection.retention if r.condition == "after_status")
    assert closed.status.id == "closed" and closed.after == Period(days=730)
    passwords = next(r for r in protection.redaction if "Password" in r.name)
    assert passwords.compiled.search("password: hunter2")
    for redaction in protection.redaction:  # each pattern matches its own examples
        assert redaction.examples
        assert all(redaction.compiled.search(example) for example in redaction.examples)


def test_pagonxt_hours_per_channel_and_request_type() -> None:
    policy = _policy("pagonxt")
    channels = policy.channels
    assert set(channels) == {"help-desk-portal", "on-call"}  # no invented escalation line
    portal = channels["help-desk-portal"]
    assert _ids(portal.accepts) == ["incident", "service_request", "change_request", "escalation"]
    assert portal.calendar.id == "always"
    assert channels["on-call"].kind == "on_call"
    assert _ids(channels["on-call"].accepts) == ["incident"]
    assert channels["on-call"].calendar.id == "always"
    (cell,) = policy.support_matrix
    assert cell.calendar_for("on-call", "incident").id == "always"
    for request_type in ("incident", "service_request", "change_request"):
        assert cell.calendar_for("help-desk-portal", request_type).id == "always"
    escalation = cell.calendar_for("help-desk-portal", "escalation").target.spec
    assert escalation.timezone == "Europe/Madrid"
    assert escalation.shifts == parse_hours("mon-fri 08:00-19:00")
    assert policy.calendars["always"].spec.shifts == parse_hours("24/7")


def test_pagonxt_relationship_team_and_incident_process() -> None:
    policy = _policy("pagonxt")
    # "available at all times": the Mon–Fri hours belong to the escalation row.
    assert policy.teams["relationship-team"].calendar.id == "always"
    incident = policy.incident
    assert _ids(incident.request_types) == ["incident"]
    assert incident.priorities == () and incident.severities == ()
    assert incident.owner.target is policy.teams["service-manager"]


def test_paymentus_front_door_and_closed_cases() -> None:
    policy = _policy("paymentus")
    assert policy.routing.front_door.id == "customer-care"
    triage = policy.escalations["triage"].steps
    assert {s.source.id for s in triage} == {"customer-care"}
    assert {s.to.id for s in triage} == {"tier-2", "pso", "client-success"}
    assert any(s.notifies_customer for s in triage)
    lifecycle = policy.lifecycle
    assert lifecycle.reply_to_closed == "ignored"  # not monitored; the customer writes anew
    assert lifecycle.one_issue_per_case is True
    assert lifecycle.states["closed"].monitored is False
    assert policy.case_reference.in_subject is True
    assert policy.channels["email"].sends_case_reference is True
    info = policy.request_types["issue"].required_information
    assert len(info) == 5 and any("UAT" in item for item in info)


def test_dutch_priorities_and_assessment() -> None:
    policy = _policy("dutch-customer-success")
    responses = {p.id: str(p.targets["first_response"]) for p in policy.priorities.values()}
    assert responses == {"P1": "15m", "P2": "1h", "P3": "1 business day", "P4": "2 business days"}
    for priority in policy.priorities.values():
        assessment = priority.targets["assessment"]
        assert assessment.within == timedelta(minutes=15) and assessment.clock == "business"
    assert policy.triage.during.target is policy.calendars["office-hours"]
    assert policy.case_reference.format == "HD-#####"
    assert set(policy.request_types) == {"question", "incident"}
    assert {c.kind for c in policy.channels.values()} == {"phone", "email", "ticket_portal"}
    assert policy.calendars["office-hours"].spec.business_day == BusinessDay(
        hours=timedelta(hours=9)
    )


def test_crm_insight_escalation_and_change_requests() -> None:
    policy = _policy("crm-insight")
    assert "no" in policy.languages  # the Norwegian code survives YAML 1.1
    assert policy.calendars["office"].spec.holidays == (HolidaySource("NO"),)
    internal = {(s.source.id, s.to.id): s.kind for s in policy.escalations["internal"].steps}
    assert internal[("second-line", "development")] == "handover"
    # The consultants help the support consultant, who keeps the case.
    assert internal[("second-line", "consultants")] == "assist"
    external = policy.escalations["external"].steps
    assert {s.to.target.tier for s in external} == {"vendor", "customer_operations_provider"}
    assert all(s.customer_contact == "case_by_case" for s in external)
    routes = {(tuple(_ids(r.match.products)), r.to.id) for r in policy.routing.rules}
    assert routes == {
        (("standard-software",), "product-vendors"),
        (("customisations",), "sales-project-lead"),
    }
    waiting = policy.lifecycle.states["waiting-for-customer"]
    assert (waiting.sla, waiting.owner) == ("paused", "customer")
