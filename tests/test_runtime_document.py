"""runtime.json: its schema, its determinism, and calendars that mean what the policy means."""

from __future__ import annotations

import copy
import json
import random
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from supportflow import __version__
from supportflow.api import load_valid_policy
from supportflow.build.generator import BuildContext
from supportflow.build.generators import runtime as runtime_generator
from supportflow.businesstime import BusinessCalendar
from supportflow.resources import schema
from supportflow.runtime import build_document, dumps
from supportflow.runtime.calendars import calendar_spec
from supportflow.runtime.document import horizon_end
from supportflow.runtime.loading import RuntimeFileError, check_document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ["pagero", "pagonxt", "paymentus", "dutch-customer-success", "crm-insight"]
TIMELINE = ROOT / "tests" / "fixtures" / "runtime" / "timeline.yaml"
AS_OF = date(2027, 1, 1)


def _document(path: Path | str, as_of: date = AS_OF) -> dict:
    return json.loads(dumps(build_document(load_valid_policy(path), as_of)))


def test_the_runtime_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(schema("runtime.v1.schema.json"))


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_example_builds_a_document_the_schema_accepts(name: str) -> None:
    policy = load_valid_policy(ROOT / "examples" / name)
    [output] = runtime_generator.render(BuildContext(policy, AS_OF, __version__))
    assert output.path == "runtime.json"
    check_document(json.loads(output.data), output.path)


def test_the_generator_is_described_by_its_manifest() -> None:
    manifest = json.loads((ROOT / "generators" / "runtime" / "manifest.json").read_text())
    assert manifest["name"] == runtime_generator.name
    assert manifest["description"] == runtime_generator.description
    assert manifest["outputs"] == ["runtime.json"]


def test_the_same_policy_and_date_give_the_same_bytes() -> None:
    policy = load_valid_policy(ROOT / "examples" / "pagero")
    first = dumps(build_document(policy, AS_OF))
    second = dumps(build_document(load_valid_policy(ROOT / "examples" / "pagero"), AS_OF))
    assert first == second
    assert dumps(build_document(policy, AS_OF + timedelta(days=1))) != first


def test_the_schema_refuses_a_broken_document_naming_where() -> None:
    document = _document(TIMELINE)
    broken = copy.deepcopy(document)
    broken["calendars"]["office"]["weekly"][0]["day"] = "monday"
    with pytest.raises(RuntimeFileError, match=r"at calendars/office/weekly/0/day: 'monday'"):
        check_document(broken)
    missing = copy.deepcopy(document)
    del missing["routing"]["table"][0]["team"]
    with pytest.raises(RuntimeFileError, match=r"routing/table/0.*'team' is a required"):
        check_document(missing)


def test_overnight_shifts_stay_on_the_day_they_start() -> None:
    calendars = _document(TIMELINE)["calendars"]
    assert calendars["nights"]["weekly"][0] == {"day": "mon", "open": "22:00", "close": "06:00"}
    assert [s["day"] for s in calendars["nights"]["weekly"]] == ["mon", "tue", "wed", "thu", "fri"]
    assert calendars["always"]["weekly"][6] == {"day": "sun", "open": "00:00", "close": "24:00"}
    assert calendars["nights"]["business_day"] == {"same_time_next_day": True}
    assert calendars["office"]["business_day"] == {"minutes": 480}


def test_closed_dates_name_holidays_and_resolve_precedence() -> None:
    office = _document(TIMELINE)["calendars"]["office"]
    closed = {entry["date"]: entry["name"] for entry in office["closed"]}
    assert closed["2027-12-25"] == "Christmas Day"
    assert closed["2027-03-03"] == "closed (policy)"
    assert closed["2027-03-05"] == "closed (special day)"
    assert "2027-01-06" not in closed  # Epiphany, reopened with `open:`
    assert office["special_days"] == [
        {"date": "2027-03-04", "hours": [{"open": "10:00", "close": "12:00"}]}
    ]
    dates = [entry["date"] for entry in office["closed"]]
    assert dates == sorted(dates)


def test_closed_dates_cover_exactly_the_horizon() -> None:
    document = _document(TIMELINE)
    assert document["horizon"] == {"from": "2027-01-01", "until": "2029-01-01"}
    dates = [entry["date"] for entry in document["calendars"]["office"]["closed"]]
    assert "2027-01-01" in dates and "2028-12-25" in dates
    assert dates[0] >= "2027-01-01" and dates[-1] < "2029-01-01"
    later = _document(TIMELINE, date(2027, 6, 1))["calendars"]["office"]["closed"]
    assert "2027-01-01" not in {entry["date"] for entry in later}
    assert "2029-01-01" in {entry["date"] for entry in later}


def test_the_horizon_keeps_the_day_or_takes_the_months_last() -> None:
    assert horizon_end(date(2027, 1, 31)) == date(2029, 1, 31)
    assert horizon_end(date(2028, 2, 29)) == date(2030, 2, 28)
    assert horizon_end(date(2027, 1, 1), 1) == date(2027, 2, 1)


def _policy_calendars() -> list[tuple[str, object]]:
    found = []
    for path in [*(ROOT / "examples" / name for name in EXAMPLES), TIMELINE]:
        policy = load_valid_policy(path)
        found += [(f"{path.name}/{cid}", policy) for cid in policy.calendars]
    return found


CALENDARS = _policy_calendars()


@pytest.mark.parametrize(("label", "policy"), CALENDARS, ids=[label for label, _ in CALENDARS])
def test_a_document_calendar_keeps_the_policy_calendars_deadlines(label: str, policy) -> None:
    """The document's closed dates replace the holidays package exactly inside the horizon."""
    calendar_id = label.split("/")[1]
    spec = policy.calendars[calendar_id].spec
    document = build_document(policy, AS_OF)["calendars"][calendar_id]
    ours, truth = BusinessCalendar(calendar_spec(document)), BusinessCalendar(spec)
    rng = random.Random(calendar_id)
    first = datetime(2027, 1, 3, tzinfo=UTC).timestamp()
    span = datetime(2028, 9, 1, tzinfo=UTC).timestamp() - first
    for _ in range(300):
        start = datetime.fromtimestamp(first + rng.random() * span, UTC)
        amount = timedelta(minutes=rng.choice([15, 60, 240, 600, 2400]))
        assert ours.due(start, amount) == truth.due(start, amount)
        assert ours.next_open(start) == truth.next_open(start)
        days = rng.randint(1, 5)
        assert ours.add_business_days(start, days) == truth.add_business_days(start, days)
    assert ours.spec.business_day == spec.business_day


def test_targets_keep_minutes_and_business_days_apart() -> None:
    targets = _document(ROOT / "examples" / "dutch-customer-success")["targets"]
    assert targets["P1"]["first_response"] == {
        "within": "15m",
        "seconds": 900,
        "minutes": 15,
        "business_days": None,
        "clock": "business",
        "calendar": None,
        "business_day": None,
    }
    assert targets["P3"]["first_response"]["business_days"] == 1
    assert targets["P3"]["first_response"]["minutes"] is None
    pagonxt = _document(ROOT / "examples" / "pagonxt")["targets"]
    assert pagonxt["P2"]["resolution"]["calendar"] == "escalation-hours"
    assert pagonxt["P1"]["first_response"]["clock"] == "calendar"


def _rows(document: dict) -> dict[tuple, dict]:
    return {
        (r["product"], r["language"], r["channel"], r["request_type"], r.get("severity")): r
        for r in document["routing"]["table"]
    }


def test_the_routing_table_applies_rules_in_order_then_the_front_door() -> None:
    crm = _rows(_document(ROOT / "examples" / "crm-insight"))
    vendors = crm[("standard-software", "nb", "support", "change_request", None)]
    assert (vendors["team"], vendors["rule"]) == ("product-vendors", 1)
    sales = crm[("customisations", "no", "support", "change_request", None)]
    assert (sales["team"], sales["rule"]) == ("sales-project-lead", 2)
    assert crm[("customisations", "no", "support", "incident", None)]["rule"] is None
    assert len(crm) == 2 * 3 * 1 * 3
    pagonxt = _rows(_document(ROOT / "examples" / "pagonxt"))
    line = pagonxt[("payments-hub", "en", "help-desk-portal", "escalation", None)]
    assert (line["team"], line["calendar"]) == ("relationship-team", "escalation-hours")
    portal = pagonxt[("payments-hub", "en", "help-desk-portal", "service_request", None)]
    assert portal["calendar"] == "always"
    assert ("payments-hub", "en", "on-call", "service_request", None) not in pagonxt


def test_a_rule_on_severities_adds_a_severity_column() -> None:
    document = _document(TIMELINE)
    assert document["routing"]["columns"][-1] == "severity"
    rows = _rows(document)
    assert rows[("app", "en", "phone", "incident", "sev2")]["team"] == "second"
    assert rows[("app", "en", "phone", "incident", None)]["team"] == "desk"
    assert rows[("app", "sv", "phone", "incident", "sev2")]["team"] == "desk"
    assert rows[("app", "en", "night-line", "incident", None)]["calendar"] == "nights"
    assert ("app", "en", "night-line", "question", None) not in rows


def test_the_bytes_do_not_depend_on_the_hash_seed() -> None:
    """Sets of dates iterate in a seed-dependent order; the document must not show it."""
    import os
    import subprocess
    import sys

    script = (
        "import sys; from datetime import date; from supportflow.api import load_valid_policy;"
        " from supportflow.runtime import build_document, dumps;"
        " sys.stdout.write(dumps(build_document(load_valid_policy(sys.argv[1]), date(2027, 1, 1))))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script, str(TIMELINE)],
            capture_output=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


def test_retention_keeps_its_period_as_written(tmp_path: Path) -> None:
    pagero = _document(ROOT / "examples" / "pagero")["retention"]
    assert pagero[0]["after"] == {"iso": "P730D", "months": 0, "days": 730, "seconds": 0}
    assert pagero[1]["after"] is None
    policy = (ROOT / "examples" / "pagero" / "data-protection.yaml").read_text()
    folder = tmp_path / "pagero"
    shutil.copytree(ROOT / "examples" / "pagero", folder)
    (folder / "data-protection.yaml").write_text(policy.replace("after: 730d", "after: 2y"))
    assert _document(folder)["retention"][0]["after"]["months"] == 24
