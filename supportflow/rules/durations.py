"""Targets and lengths outside the priorities: escalation triggers, repeats, incidents."""

from __future__ import annotations

from collections.abc import Iterator

from supportflow.findings import Finding
from supportflow.model import Policy
from supportflow.resolve import BAD_TARGET, parse_target, syntax_finding
from supportflow.rules.registry import RuleDoc, semantic_rule
from supportflow.schedule import ScheduleSyntaxError, parse_duration
from supportflow.source import Entry


def _trigger_targets(policy: Policy) -> Iterator[Entry]:
    for ladder in policy.source.section("escalations").values():
        for step in ladder.child("steps").elements():
            when = step.child("when")
            if isinstance(when.value, dict) and "time_in_tier" in when.value:
                yield when.child("time_in_tier")
    incident = policy.source.single.get("incident")
    if incident is not None and "restore_target" in incident.value:
        yield incident.child("restore_target")


@semantic_rule(BAD_TARGET)
def check_other_targets(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    findings: list[Finding] = []
    for entry in _trigger_targets(policy):
        parse_target(entry, findings)
    yield from findings
    for ladder in policy.source.section("escalations").values():
        for step in ladder.child("steps").elements():
            every = step.get("repeat") and step.child("repeat", "every")
            if every is None:
                continue
            try:
                if parse_duration(every.value).total_seconds() <= 0:
                    raise ScheduleSyntaxError("a repeat interval must be longer than zero", 0)
            except ScheduleSyntaxError as error:
                yield syntax_finding(doc, every, error)
