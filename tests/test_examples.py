"""Every example validates clean and models what its seed states.

The assertions read the resolved policy, so they hold the examples to the
seeds in ../shared/seeds/, not to whatever the YAML happens to say.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from supportflow.schedule import BusinessDay, HolidaySource, parse_hours
from supportflow.validate import validate_policy

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NAMES = ["pagero", "pagonxt", "paymentus", "dutch-customer-success", "crm-insight"]


def _policy(name: str):
    result = validate_policy(EXAMPLES / name)
    assert result.findings == []
    assert result.policy is not None
    return result.policy


def test_there_is_one_example_per_seed() -> None:
    assert sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir()) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_example_validates_clean(name: str) -> None:
    _policy(name)


def _cells(policy) -> dict[tuple[str, str], tuple[str, list[str], list[str]]]:
    return {
        key: (
            cell.value["calendar"],
            cell.value.get("available", []),
            cell.value.get("coming_soon", []),
        )
        for key, cell in policy.source.matrix.items()
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
    source = _policy("pagero").source
    steps = [
        (s["from"], s["to"])
        for s in source.section("escalations")["request-process"].value["steps"]
    ]
    assert steps == [
        ("first-line", "second-line"),
        ("second-line", "management"),
        ("second-line", "third-line"),
        ("third-line", "management"),
    ]
    incident = source.single["incident"].value
    assert incident["trigger"] == {"severities": ["sev1"]}
    assert {a["action"] for a in incident["actions"]} == {
        "contact_affected_customers",
        "update_status_page",
    }
    protection = source.single["data_protection"].value
    assert protection["access"]["mfa"] == "required"
    assert {r["data"] for r in protection["retention"]} == {"tickets", "user_accounts"}
    assert any("Password" in r["name"] for r in protection["redaction"])


def test_pagonxt_channels_against_escalation_hours() -> None:
    policy = _policy("pagonxt")
    channels = {k: e.value for k, e in policy.source.section("channels").items()}
    assert channels["help-desk-portal"]["accepts"] == [
        "incident",
        "service_request",
        "change_request",
    ]
    assert channels["help-desk-portal"]["calendar"] == "always"
    assert channels["on-call"]["kind"] == "on_call"
    assert channels["on-call"]["accepts"] == ["incident"]
    assert channels["on-call"]["calendar"] == "always"
    escalation = policy.calendars[channels["escalation-line"]["calendar"]].spec
    assert escalation.shifts == parse_hours("mon-fri 08:00-19:00")
    assert policy.calendars["always"].spec.shifts == parse_hours("24/7")
    assert policy.source.single["incident"].value["owner"] == "service-manager"


def test_paymentus_front_door_and_closed_cases() -> None:
    source = _policy("paymentus").source
    assert source.single["routing"].value["front_door"] == "customer-care"
    triage = source.section("escalations")["triage"].value["steps"]
    assert {s["from"] for s in triage} == {"customer-care"}
    assert {s["to"] for s in triage} == {"tier-2", "pso", "client-success"}
    lifecycle = source.single["lifecycle"].value
    assert lifecycle["reply_to_closed"] == "new_linked_case"
    assert lifecycle["one_issue_per_case"] is True
    assert source.single["case_reference"].value["in_subject"] is True
    email = source.section("channels")["email"].value
    assert email["auto_reply"]["sends_case_reference"] is True
    info = source.section("request_types")["issue"].value["required_information"]
    assert len(info) == 5 and any("UAT" in item for item in info)


def test_dutch_priorities_and_assessment() -> None:
    policy = _policy("dutch-customer-success")
    responses = {p.id: str(p.targets["first_response"]) for p in policy.priorities.values()}
    assert responses == {"P1": "15m", "P2": "1h", "P3": "1 business day", "P4": "2 business days"}
    for priority in policy.priorities.values():
        assessment = priority.targets["assessment"]
        assert assessment.within == timedelta(minutes=15) and assessment.clock == "business"
    assert policy.source.single["triage"].value["during"] == "office-hours"
    assert policy.source.single["case_reference"].value["format"] == "HD-#####"
    assert set(policy.source.section("request_types")) == {"question", "incident"}
    kinds = {e.value["kind"] for e in policy.source.section("channels").values()}
    assert kinds == {"phone", "email", "ticket_portal"}
    assert policy.calendars["office-hours"].spec.business_day == BusinessDay(
        hours=timedelta(hours=9)
    )


def test_crm_insight_escalation_and_change_requests() -> None:
    policy = _policy("crm-insight")
    source = policy.source
    assert "no" in source.languages  # the Norwegian code survives YAML 1.1
    assert policy.calendars["office"].spec.holidays == (HolidaySource("NO"),)
    teams = {k: e.value for k, e in source.section("teams").items()}
    internal = [
        (s["from"], s["to"]) for s in source.section("escalations")["internal"].value["steps"]
    ]
    assert ("second-line", "development") in internal
    assert ("second-line", "consultants") in internal
    external = source.section("escalations")["external"].value["steps"]
    assert {teams[s["to"]]["tier"] for s in external} == {"vendor", "customer_operations_provider"}
    assert all(s["customer_contact"] == "case_by_case" for s in external)
    routes = {
        (tuple(r["match"]["products"]), r["to"]) for r in source.single["routing"].value["rules"]
    }
    assert routes == {
        (("standard-software",), "product-vendors"),
        (("customisations",), "sales-project-lead"),
    }
    states = source.single["lifecycle"].value["states"]
    assert states["waiting-for-customer"] == {"sla": "paused", "owner": "customer"}
