"""Zendesk and Freshdesk payloads: the vendors' schemas, the rules schemas cannot say,
worked examples checked by hand from the seeds, and the warnings for what cannot be said."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from tests.build_support import AS_OF, AWKWARD, EXAMPLE_NAMES, EXAMPLES, ROOT, build
from tests.policy_files import write_policy

SCHEMAS = {
    "zendesk/schedules.json": "zendesk/schemas/schedules.schema.json",
    "zendesk/sla_policies.json": "zendesk/schemas/sla_policies.schema.json",
    "zendesk/deletion_schedules.json": "zendesk/schemas/deletion_schedules.schema.json",
    "freshdesk/sla_policies.json": "freshdesk/schemas/sla_policies.schema.json",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every example and the awkward policy, built once with both helpdesk generators."""
    root = tmp_path_factory.mktemp("payloads")
    sources = {name: EXAMPLES / name for name in EXAMPLE_NAMES}
    sources["awkward"] = write_policy(root / "awkward-policy", AWKWARD)
    outs = {}
    for name, source in sources.items():
        out = root / name
        result = build(str(source), "-o", str(out), "--as-of", AS_OF,
                       "--only", "zendesk", "--only", "freshdesk")  # fmt: skip
        assert result.exit_code == 0, result.output
        outs[name] = out
    return outs


def load(out: Path, path: str) -> list[dict]:
    return json.loads((out / path).read_text(encoding="utf-8"))


@pytest.mark.parametrize("payload", sorted(SCHEMAS))
@pytest.mark.parametrize("example", [*EXAMPLE_NAMES, "awkward"])
def test_payload_validates_against_the_schema_from_the_docs(
    built: dict[str, Path], example: str, payload: str
) -> None:
    schema = json.loads((ROOT / "generators" / SCHEMAS[payload]).read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    errors = [error.message for error in validator.iter_errors(load(built[example], payload))]
    assert errors == []


@pytest.mark.parametrize("example", [*EXAMPLE_NAMES, "awkward"])
def test_zendesk_rules_the_schemas_cannot_express(built: dict[str, Path], example: str) -> None:
    first, last = date(2026, 11, 25), date(2028, 11, 24)
    for entry in load(built[example], "zendesk/schedules.json"):
        for interval in entry["workweek"]["intervals"]:
            start, end = interval["start_time"], interval["end_time"]
            assert start < end and start // 1440 == (end - 1) // 1440, interval
        for holiday in entry["holidays"]:
            day = holiday["holiday"]
            assert day["start_date"] == day["end_date"]
            assert first <= date.fromisoformat(day["start_date"]) <= last
    for body in load(built[example], "zendesk/sla_policies.json"):
        pairs = [(m["priority"], m["metric"]) for m in body["sla_policy"]["policy_metrics"]]
        assert len(pairs) == len(set(pairs))


def test_dutch_first_response_targets_in_zendesk_minutes(built: dict[str, Path]) -> None:
    # Seed 003: P1 < 15 min, P2 < 60 min, P3 < 1 day, P4 < 2 days; the example's office
    # hours declare business_day: 9h, so a business day is 540 minutes.
    (body,) = load(built["dutch-customer-success"], "zendesk/sla_policies.json")
    first_reply = {
        m["priority"]: (m["target"], m["business_hours"])
        for m in body["sla_policy"]["policy_metrics"]
        if m["metric"] == "first_reply_time"
    }
    assert first_reply == {
        "urgent": (15, True),
        "high": (60, True),
        "normal": (540, True),
        "low": (1080, True),
    }
    description = body["sla_policy"]["description"]
    assert "P1 (Prio 1) → urgent" in description and "P4 (Prio 4) → low" in description
    assert description.endswith("1 business day = 540 min.")


def test_dutch_first_response_targets_in_freshdesk_seconds(built: dict[str, Path]) -> None:
    (policy,) = load(built["dutch-customer-success"], "freshdesk/sla_policies.json")
    respond = {slot: t["respond_within"] for slot, t in policy["sla_target"].items()}
    # P1 → priority_4 (Urgent) … P4 → priority_1 (Low).
    assert respond == {
        "priority_4": 15 * 60,
        "priority_3": 60 * 60,
        "priority_2": 9 * 3600,
        "priority_1": 2 * 9 * 3600,
    }


def test_resolution_maps_to_total_resolution_time(built: dict[str, Path]) -> None:
    (body,) = load(built["dutch-customer-success"], "zendesk/sla_policies.json")
    resolution = {
        m["priority"]: m["target"]
        for m in body["sla_policy"]["policy_metrics"]
        if m["metric"] == "total_resolution_time"
    }
    assert resolution == {"urgent": 540, "high": 1080, "normal": 5 * 540, "low": 10 * 540}


def test_next_update_maps_to_periodic_update_time(built: dict[str, Path]) -> None:
    (body,) = load(built["crm-insight"], "zendesk/sla_policies.json")
    # CRM Insight: next update within 2 business days of 8h, on the business clock.
    assert body["sla_policy"]["policy_metrics"] == [
        {"priority": "urgent", "metric": "periodic_update_time", "target": 960,
         "business_hours": True},
    ]  # fmt: skip


def test_overnight_shifts_are_split_at_midnight(built: dict[str, Path]) -> None:
    (entry,) = load(built["awkward"], "zendesk/schedules.json")
    # mon 22:00-06:00 → Monday 22:00-24:00 and Tuesday 00:00-06:00; sat 22:00-06:00 wraps
    # to Sunday 00:00-06:00; wed 09:00-12:00, 12:00-17:00 touch and merge.
    assert entry["workweek"]["intervals"] == [
        {"start_time": 0, "end_time": 360},
        {"start_time": 2760, "end_time": 2880},
        {"start_time": 2880, "end_time": 3240},
        {"start_time": 4860, "end_time": 5340},
        {"start_time": 9960, "end_time": 10080},
    ]


def test_zendesk_time_zone_names(built: dict[str, Path]) -> None:
    zones = {
        name: [e["schedule"]["time_zone"] for e in load(out, "zendesk/schedules.json")]
        for name, out in built.items()
    }
    assert zones["dutch-customer-success"] == ["Amsterdam"]
    assert zones["paymentus"] == ["Eastern Time (US & Canada)"]
    assert zones["pagero"] == ["UTC", "Stockholm", "Stockholm", "Helsinki", "Riyadh"]


def test_holidays_are_named_whole_days_on_open_days(built: dict[str, Path]) -> None:
    (entry,) = load(built["dutch-customer-success"], "zendesk/schedules.json")
    days = {h["holiday"]["start_date"]: h["holiday"]["name"] for h in entry["holidays"]}
    assert days["2026-12-25"] == "Christmas Day"
    assert days["2027-04-27"] == "King's Day"
    assert all(date.fromisoformat(d).weekday() < 5 for d in days)  # mon-fri office


def test_retention_becomes_an_inactive_deletion_schedule(built: dict[str, Path]) -> None:
    (body,) = load(built["pagero"], "zendesk/deletion_schedules.json")
    schedule = body["deletion_schedule"]
    assert schedule["object"] == "zen:ticket" and schedule["active"] is False
    assert schedule["conditions"]["all"] == [
        {"field": "duration_since_last_update", "operator": "greater_than", "value": "P730D"}
    ]


def warnings_of(policy: Path, out: Path, *extra: str) -> str:
    result = build(str(policy), "-o", str(out), "--as-of", AS_OF, *extra)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_what_helpdesks_cannot_express_is_a_located_warning(tmp_path: Path) -> None:
    policy = write_policy(tmp_path / "p", AWKWARD)
    text = warnings_of(policy, tmp_path / "out")
    expected = [
        "policy.yaml:9:3: warning [zendesk] calendar nights: Zendesk has no time zone for"
        " Europe/Oslo; the schedule uses 'Amsterdam'",
        "warning [zendesk] priority P5 (Never) (level 5) has no Zendesk priority",
        "warning [freshdesk] priority P5 (Never) (level 5) has no Freshdesk priority",
        "policy.yaml:25:70: warning [freshdesk] priority P1 (Now) first response (10m) is shorter"
        " than Freshdesk's shortest target, 15 minutes; it became 900 s (15 minutes)",
        "warning [zendesk] priority P2 (Soon) first response: 'same time next business day' in"
        " calendar nights became 480 minutes, one full open day",
        "warning [zendesk] calendar nights: special hours on 2026-12-24 cannot be expressed",
        "warning [zendesk] calendar nights has overnight shifts",
    ]
    for line in expected:
        assert line in text
    (fresh,) = json.loads((tmp_path / "out/freshdesk/sla_policies.json").read_text())
    assert fresh["sla_target"]["priority_4"]["respond_within"] == 900
    assert (
        "Adjusted: P1 (Now) first response 10m → 900 s; P1 (Now) resolution none"
        in (fresh["description"])
    )
    assert "1 business day = 480 min." in fresh["description"]
    (zen,) = json.loads((tmp_path / "out/zendesk/sla_policies.json").read_text())
    assert {m["priority"] for m in zen["sla_policy"]["policy_metrics"]} == set(
        ("urgent", "high", "normal", "low")
    )


def test_assessment_targets_have_no_metric(built: dict[str, Path], tmp_path: Path) -> None:
    text = warnings_of(EXAMPLES / "dutch-customer-success", tmp_path / "out")
    assert text.count("the assessment target (15m) has no Zendesk SLA metric") == 4


def test_a_zone_with_no_zendesk_twin_is_not_exported(tmp_path: Path) -> None:
    # Australia/Eucla keeps UTC+08:45, which no Zendesk zone has.
    policy = write_policy(tmp_path / "p", AWKWARD.replace("Europe/Oslo", "Australia/Eucla"))
    text = warnings_of(policy, tmp_path / "out", "--only", "zendesk")
    assert "Zendesk has no time zone for Australia/Eucla nor one with the same clock" in text
    assert json.loads((tmp_path / "out/zendesk/schedules.json").read_text()) == []


def test_fewer_than_four_priorities_fill_every_freshdesk_slot(built: dict[str, Path]) -> None:
    (policy,) = load(built["pagonxt"], "freshdesk/sla_policies.json")
    targets = policy["sla_target"]
    assert targets["priority_4"]["respond_within"] == 900  # P1: 15m, calendar clock
    assert targets["priority_4"]["business_hours"] is False
    assert targets["priority_2"] == targets["priority_1"] == targets["priority_3"]


def test_holiday_window_is_two_years_from_as_of(built: dict[str, Path]) -> None:
    (entry,) = load(built["paymentus"], "zendesk/schedules.json")
    dates = [date.fromisoformat(h["holiday"]["start_date"]) for h in entry["holidays"]]
    assert min(dates) >= date(2026, 11, 25) and max(dates) < date(2028, 11, 25)
    assert max(dates) > date(2028, 11, 25) - timedelta(days=60)  # Thanksgiving 2028 is in
