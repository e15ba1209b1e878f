"""The policy-wide sections of a help-center page, as plain values in one language.

Priorities and their targets, what happens after a request is submitted
(front door, assessment, escalation, incident process), the case reference and
its rules, and data retention. Lengths are CLDR words; the sentences around
them are the templates' UI strings; policy text stays as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from babel.lists import format_list

from supportflow.build.site.durations import duration_text, period_text
from supportflow.build.site.translations import PageLanguage
from supportflow.model import Policy, Ref, Target, Team


@dataclass(frozen=True)
class CustomerStep:
    """An escalation step as a customer hears it: which tier hands over to which, and when."""

    source: str
    to: str
    condition: str | None
    notifies_customer: bool
    contact: str | None


def target(value: Target, language: PageLanguage) -> dict[str, Any]:
    """A target's length in words (or its business-day count) and its clock."""
    if value.within is not None:
        length = duration_text(value.within, language.locale)
        return {"length": length, "days": None, "clock": value.clock}
    return {"length": None, "days": value.business_days, "clock": value.clock}


def team_name(ref: Ref[Team]) -> str:
    return ref.target.name if ref.target is not None else ref.id


def priorities(policy: Policy, language: PageLanguage) -> list[dict[str, Any]]:
    return [
        {
            "name": p.name,
            "definition": p.definition,
            "targets": [(kind, target(t, language)) for kind, t in p.targets.items()],
        }
        for p in sorted(policy.priorities.values(), key=lambda p: p.level)
    ]


def assessment(policy: Policy, language: PageLanguage) -> dict[str, Any] | None:
    """The assessment target when every priority that has one shares it: the triage promise."""
    found = {
        p.targets["assessment"] for p in policy.priorities.values() if "assessment" in p.targets
    }
    return target(found.pop(), language) if len(found) == 1 else None


def steps(policy: Policy) -> list[CustomerStep]:
    """Every hand-over once, in customer terms: from tier to tier (a customer hears "second-
    line support", not a team's internal name), so steps that differ only in teams of the
    same tiers, timers or priorities are said once, however large the organisation."""
    found = dict.fromkeys(
        (
            step.source.target.tier if step.source.target else step.source.id,
            step.to.target.tier if step.to.target else step.to.id,
            step.when.condition,
            step.notifies_customer,
            step.customer_contact,
        )
        for ladder in policy.escalations.values()
        for step in ladder.steps
    )
    return [CustomerStep(*fields) for fields in found]


def incident(policy: Policy, language: PageLanguage) -> dict[str, Any] | None:
    found = policy.incident
    if found is None:
        return None
    levels = [r.target.name for r in (*found.priorities, *found.severities) if r.target]
    restore = found.restore_target
    return {
        "levels": format_list(levels, style="or", locale=language.locale) if levels else "",
        "actions": found.actions,
        "restore": target(restore, language) if restore is not None else None,
    }


def case_reference(policy: Policy) -> dict[str, Any] | None:
    """The format, an example with digits filled in, and which channels send it."""
    ref = policy.case_reference
    if ref is None:
        return None
    digits = iter("1234567890" * (len(ref.format) // 10 + 1))
    example = "".join(next(digits) if ch == "#" else ch for ch in ref.format)
    sent_by = ", ".join(c.name for c in policy.channels.values() if c.sends_case_reference)
    return {
        "format": ref.format,
        "example": example,
        "in_subject": ref.in_subject,
        "sent_by": sent_by,
    }


def lifecycle_rules(policy: Policy) -> list[str]:
    """What a customer must know about cases: replying to a closed one, one issue per case."""
    lifecycle = policy.lifecycle
    if lifecycle is None:
        return []
    rules = [lifecycle.reply_to_closed] if lifecycle.reply_to_closed else []
    return rules + (["one_issue"] if lifecycle.one_issue_per_case else [])


def retention(policy: Policy, language: PageLanguage) -> list[dict[str, Any]]:
    dp = policy.data_protection
    if dp is None:
        return []
    rows = []
    for rule in dp.retention:
        status = rule.status
        state = status.target if status is not None else None
        rows.append(
            {
                "data": rule.data,
                "condition": rule.condition,
                "after": period_text(rule.after, language.locale) if rule.after else "",
                "status": (state.name or state.id) if state else (status.id if status else ""),
                "delete": rule.delete,
            }
        )
    return rows
