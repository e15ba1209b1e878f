"""Tests files for ``supportflow test``: cases of a ticket and what is expected of it.

Read with the policy's strict YAML reader, so ``no`` stays the Norwegian language and
times stay text, and every problem is reported as ``file:line:col: message``::

    cases:
      - name: Finnish chat P1 on a Saturday morning reaches the service desk
        ticket: {product: payroll, language: fi, channel: chat, type: incident,
                 priority: P1, at: "2027-02-06T10:45:00+02:00"}
        expect:
          team: service-desk
          due: {first_response: "2027-02-06T11:15:00+02:00"}
          escalations: [{to: second-line, reached_at: "2027-02-08T08:00:00+02:00"}]
          incident: false
      - name: German guides are not open yet
        ticket: {product: online, language: de, channel: guides, type: question, at: ...}
        expect: {refused: coming soon}

``calendar`` is the calendar the ticket's targets count on, ``opens_at`` the first
instant it is open at or after the ticket's arrival. ``refused`` expects the
ticket to be turned away, with a message containing that text; a ticket turned away
by a case that does not expect it is bad input. An expected escalation matches a
step of the timeline when every key it gives is equal (``ladder``, ``step``, ``id``,
``kind``, ``from``, ``to``, ``trigger``, ``via``, and the instants ``fires_at`` and
``reached_at``, where null means "no fixed time").
``escalations: []`` expects none. Instants are compared as instants, so any offset
may be used.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from supportflow.compile.yaml_reader import Limits, Path_, parse_yaml
from supportflow.runtime import Ticket

TICKET_KEYS = ("product", "language", "channel", "type", "priority", "severity", "at")
REQUIRED_TICKET_KEYS = ("product", "language", "channel", "at")
EXPECT_KEYS = ("team", "calendar", "opens_at", "due", "escalations", "incident", "refused")
ESCALATION_KEYS = (
    "ladder", "step", "id", "kind", "from", "to", "trigger", "via", "fires_at", "reached_at",
)  # fmt: skip
INSTANT_KEYS = ("fires_at", "reached_at")
INCIDENT_KEYS = ("owner", "restore_due")


class CasesError(ValueError):
    """A tests file cannot be used; ``problems`` are ``file:line:col: message`` lines."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Case:
    name: str
    where: str
    ticket: Ticket
    at: datetime
    team: str | None = None
    calendar: str | None = None
    opens_at: datetime | None = None
    due: Mapping[str, datetime] = field(default_factory=dict)
    escalations: tuple[Mapping[str, Any], ...] | None = None
    incident: bool | Mapping[str, Any] | None = None
    refused: str | None = None


class _Reader:
    """Checks one file's values, collecting every problem with its position."""

    def __init__(self, name: str, parsed: Any) -> None:
        self.name = name
        self.parsed = parsed
        self.problems: list[str] = []

    def at(self, path: Path_, *, key: bool = False) -> str:
        marks = self.parsed.key_marks if key else self.parsed.value_marks
        for end in range(len(path), -1, -1):
            mark = marks.get(path[:end]) or self.parsed.value_marks.get(path[:end])
            if mark is not None:
                return f"{self.name}:{mark.line}:{mark.column}"
        return f"{self.name}:1:1"

    def problem(self, path: Path_, message: str, *, key: bool = False) -> None:
        self.problems.append(f"{self.at(path, key=key)}: {message}")

    def mapping(self, value: Any, path: Path_, allowed: tuple[str, ...], what: str) -> bool:
        if not isinstance(value, dict):
            self.problem(path, f"{what} must be a mapping")
            return False
        for key in value:
            if key not in allowed:
                self.problem(
                    (*path, key), f"unknown key {key!r} in {what} (allowed: {', '.join(allowed)})",
                    key=True,
                )  # fmt: skip
        return True

    def text(self, value: Any, path: Path_, what: str) -> str | None:
        if isinstance(value, str) and value.strip():
            return value
        self.problem(path, f"{what} must be text")
        return None

    def instant(self, value: Any, path: Path_, what: str) -> datetime | None:
        if not isinstance(value, str):
            self.problem(path, f"{what} must be an ISO 8601 instant in quotes")
            return None
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            self.problem(path, f"{what} {value!r} is not an ISO 8601 instant")
            return None
        if parsed.utcoffset() is None:
            self.problem(path, f"{what} {value!r} has no UTC offset; add one, e.g. +02:00")
            return None
        return parsed

    def case(self, value: Any, path: Path_) -> Case | None:
        if not self.mapping(value, path, ("name", "ticket", "expect"), "a case"):
            return None
        for key in ("name", "ticket", "expect"):
            if key not in value:
                self.problem(path, f"the case has no {key!r}")
        if any(key not in value for key in ("name", "ticket", "expect")):
            return None
        name = self.text(value["name"], (*path, "name"), "name")
        ticket, at = self.ticket(value["ticket"], (*path, "ticket"))
        expect = value["expect"]
        expect_path = (*path, "expect")
        if not self.mapping(expect, expect_path, EXPECT_KEYS, "expect") or not expect:
            if expect == {}:
                self.problem(expect_path, f"expect is empty; give one of {', '.join(EXPECT_KEYS)}")
            return None
        team, calendar, refused = (
            self.text(expect[key], (*expect_path, key), key) if key in expect else None
            for key in ("team", "calendar", "refused")
        )
        if refused is not None and len(expect) > 1:
            self.problem(expect_path, "a case that expects a refusal expects nothing else")
        opens_at = None
        if "opens_at" in expect:
            opens_at = self.instant(expect["opens_at"], (*expect_path, "opens_at"), "opens_at")
        due = self.due(expect.get("due"), (*expect_path, "due"))
        escalations = self.escalations(expect.get("escalations"), (*expect_path, "escalations"))
        incident = self.incident(expect.get("incident"), (*expect_path, "incident"))
        if name is None or ticket is None or at is None:
            return None
        return Case(
            name, self.at(path), ticket, at, team, calendar, opens_at, due, escalations,
            incident, refused,
        )  # fmt: skip

    def ticket(self, value: Any, path: Path_) -> tuple[Ticket | None, datetime | None]:
        if not self.mapping(value, path, TICKET_KEYS, "ticket"):
            return None, None
        missing = [key for key in REQUIRED_TICKET_KEYS if key not in value]
        if missing:
            self.problem(path, f"the ticket has no {', '.join(missing)}")
            return None, None
        texts = {
            key: self.text(value[key], (*path, key), key)
            for key in TICKET_KEYS
            if key in value and key != "at"
        }
        at = self.instant(value["at"], (*path, "at"), "at")
        if None in texts.values():
            return None, at
        return Ticket.from_mapping(texts), at

    def due(self, value: Any, path: Path_) -> dict[str, datetime]:
        if value is None or not self.mapping(value, path, tuple(value or ()), "due"):
            return {}
        found = {}
        for kind, instant in value.items():
            parsed = self.instant(instant, (*path, kind), f"due.{kind}")
            if parsed is not None:
                found[kind] = parsed
        return found

    def escalations(self, value: Any, path: Path_) -> tuple[Mapping[str, Any], ...] | None:
        if value is None:
            return None
        if not isinstance(value, list):
            self.problem(path, "escalations must be a list")
            return None
        found = []
        for index, item in enumerate(value):
            item_path = (*path, index)
            if not self.mapping(item, item_path, ESCALATION_KEYS, "an escalation"):
                continue
            if not item:
                self.problem(item_path, "an expected escalation needs at least one key, e.g. to")
                continue
            expected: dict[str, Any] = {"where": self.at(item_path)}
            for key, given in item.items():
                if key in INSTANT_KEYS and given is not None:
                    expected[key] = self.instant(given, (*item_path, key), key)
                elif key == "step" and not isinstance(given, int):
                    self.problem((*item_path, key), "step is the step's 1-based number")
                else:
                    expected[key] = given
            found.append(expected)
        return tuple(found)

    def incident(self, value: Any, path: Path_) -> bool | Mapping[str, Any] | None:
        if value is None or isinstance(value, bool):
            return value
        if not self.mapping(value, path, INCIDENT_KEYS, "incident"):
            return None
        expected: dict[str, Any] = dict(value)
        if "restore_due" in value:
            expected["restore_due"] = self.instant(
                value["restore_due"], (*path, "restore_due"), "restore_due"
            )
        return expected


def read_cases(path: Path, name: str) -> list[Case]:
    """Every case of the tests file at ``path`` (shown as ``name``); raises CasesError."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CasesError([f"{name}: cannot read the tests file ({error.strerror})"]) from None
    parsed = parse_yaml(name, raw, Limits())
    if parsed.findings or not parsed.usable:
        raise CasesError([f"{f.location}: {f.message}" for f in parsed.findings] or [
            f"{name}:1:1: a tests file is a mapping with a 'cases' list"
        ])  # fmt: skip
    reader = _Reader(name, parsed)
    data = parsed.data
    cases: list[Case] = []
    if reader.mapping(data, (), ("cases",), "a tests file"):
        listed = data.get("cases")
        if not isinstance(listed, list) or not listed:
            reader.problem(("cases",), "'cases' must be a non-empty list of cases")
        else:
            for index, value in enumerate(listed):
                case = reader.case(value, ("cases", index))
                if case is not None:
                    cases.append(case)
    if reader.problems:
        raise CasesError(reader.problems)
    return cases
