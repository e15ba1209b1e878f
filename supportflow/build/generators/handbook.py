"""The internal handbook: ``OUT/handbook/README.md``, Markdown for GitHub and GitLab.

Tables of teams, hours, the support matrix, targets and retention; Mermaid
flowcharts of each escalation ladder and a state diagram of the lifecycle,
which both forges draw in place; and the findings about the policy.
"""

from __future__ import annotations

from typing import Any

from babel.dates import get_day_names
from markupsafe import Markup

from supportflow.build.generator import BuildContext, OutputFile
from supportflow.build.site import assets, mermaid
from supportflow.build.site.durations import duration_text, period_text
from supportflow.build.site.hours import is_always_open, openings
from supportflow.build.site.markdown import code, code_block, table
from supportflow.build.site.translations import page_language
from supportflow.build.site.wording import match_text, trigger_text
from supportflow.model import Calendar, Policy, Ref

name = "handbook"
description = assets.manifest(name)["description"]
ENGLISH = page_language("en")
TARGET_COLUMNS = ("assessment", "first_response", "next_update", "resolution")


def render(context: BuildContext) -> list[OutputFile]:
    policy = context.policy
    values = {
        "org_name": policy.organization.name if policy.organization else "Support",
        "teams": _teams(policy),
        "calendars": _calendars(policy),
        "matrix": _matrix(policy),
        "targets": _targets(policy),
        "assessment": _assessment(policy),
        "severities": table(
            ("Severity", "Level", "Definition"),
            ((s.name, s.level, s.definition) for s in policy.severities.values()),
        )
        if policy.severities
        else None,
        "front_door": _name(policy.routing.front_door) if policy.routing else "",
        "routing": _routing(policy),
        "ladders": _ladders(policy),
        "incident": _incident(policy),
        "lifecycle": _lifecycle(policy),
        **_data_protection(policy),
        **_findings(context),
        **_coverage(context),
    }
    text = assets.environment(name, markdown=True).get_template("README.md.j2").render(values)
    return [OutputFile("handbook/README.md", text.encode("utf-8"))]


def _name(ref: Ref[Any]) -> str:
    target = ref.target
    return getattr(target, "name", None) or ref.id


def hours_summary(calendar: Calendar) -> str:
    """'mon-fri 08:00–17:00'-style weekly hours in English."""
    if is_always_open(calendar.spec):
        return "24/7"
    days = get_day_names("abbreviated", context="stand-alone", locale=ENGLISH.locale)
    parts = []
    for o in openings(calendar.spec):
        span = days[o.days[0]] if len(o.days) == 1 else f"{days[o.days[0]]}–{days[o.days[-1]]}"
        if 1 < len(o.days) < 3:
            span = ", ".join(days[d] for d in o.days)
        parts.append(f"{span} {o.opens_iso}–{o.closes_iso}" + (" (+1 day)" if o.overnight else ""))
    return "; ".join(parts)


def _teams(policy: Policy) -> Markup:
    return table(
        ("Team", "Id", "Tier", "Hours", "Languages", "External", "Contact"),
        (
            (
                t.name,
                code(t.id),
                t.tier.replace("_", " "),
                _name(t.calendar) if t.calendar else "",
                ", ".join(r.id for r in t.languages),
                "yes" if t.external else "",
                t.contact or "",
            )
            for t in policy.teams.values()
        ),
    )


def _calendars(policy: Policy) -> Markup:
    return table(
        ("Calendar", "Id", "Time zone", "Weekly hours", "Holidays", "Business day"),
        (
            (
                c.name,
                code(c.id),
                c.spec.timezone,
                hours_summary(c),
                ", ".join(
                    f"{h.country}-{h.subdivision}" if h.subdivision else h.country
                    for h in c.spec.holidays
                ),
                f"{duration_text(c.spec.business_day.hours, ENGLISH.locale)}"
                if c.spec.business_day.hours
                else "same time next business day",
            )
            for c in policy.calendars.values()
        ),
    )


def _matrix(policy: Policy) -> Markup | None:
    if not policy.support_matrix:
        return None
    return table(
        ("Product", "Language", "Hours", "Available", "Coming soon"),
        (
            (
                _name(cell.product),
                cell.language.id,
                _name(cell.calendar),
                ", ".join(_name(r) for r in cell.available),
                ", ".join(_name(r) for r in cell.coming_soon),
            )
            for cell in policy.support_matrix
        ),
    )


def _target_text(target: Any) -> str:
    if target is None:
        return ""
    clock = "calendar time" if target.clock == "calendar" else "business hours"
    where = f", {_name(target.calendar)}" if target.calendar is not None else ""
    mark = " (illustrative)" if target.illustrative else ""
    return f"{target} ({clock}{where}){mark}"


def _targets(policy: Policy) -> Markup | None:
    if not policy.priorities:
        return None
    return table(
        ("Priority", "Level", "Definition", *(k.replace("_", " ") for k in TARGET_COLUMNS)),
        (
            (
                p.name,
                p.level,
                p.definition,
                *(_target_text(p.targets.get(kind)) for kind in TARGET_COLUMNS),
            )
            for p in sorted(policy.priorities.values(), key=lambda p: p.level)
        ),
    )


def _assessment(policy: Policy) -> str | None:
    triage = policy.triage
    if triage is None:
        return None
    parts = []
    if triage.team is not None:
        parts.append(f"Priority is assessed by {_name(triage.team)}")
    if triage.during is not None:
        parts.append(f"during {_name(triage.during)}")
    text = " ".join(parts) + "." if parts else ""
    if triage.reassessment:
        text += f" Reassessment: {triage.reassessment}"
    return text.strip() or None


def _routing(policy: Policy) -> Markup | None:
    route = policy.routing
    if route is None or not route.rules:
        return None
    return table(
        ("#", "Rule", "Matches", "Channels", "Team"),
        (
            (
                number,
                rule.name or "",
                match_text(rule.match),
                ", ".join(r.id for r in rule.match.channels)
                if rule.match.channels is not None
                else "any",
                _name(rule.to),
            )
            for number, rule in enumerate(route.rules, 1)
        ),
    )


def _ladders(policy: Policy) -> list[dict[str, Any]]:
    found = []
    for ladder in policy.escalations.values():
        triggers = {n: trigger_text(step) for n, step in enumerate(ladder.steps, 1)}
        found.append(
            {
                "name": ladder.name or ladder.id,
                "description": ladder.description,
                "mermaid": mermaid.ladder_flowchart(ladder, triggers),
                "table": table(
                    ("Step", "From", "To", "When", "Notify", "Customer", "Note"),
                    (
                        (
                            n,
                            _name(step.source),
                            _name(step.to),
                            triggers[n],
                            ", ".join(_name(r) for r in step.notify),
                            "notified" if step.notifies_customer else step.customer_contact or "",
                            step.note or "",
                        )
                        for n, step in enumerate(ladder.steps, 1)
                    ),
                ),
            }
        )
    return found


def _incident(policy: Policy) -> dict[str, Any] | None:
    incident = policy.incident
    if incident is None:
        return None
    levels = ", ".join(_name(r) for r in (*incident.priorities, *incident.severities))
    return {
        "levels": levels or "no level",
        "perform": "all" if incident.perform == "all" else "one or more",
        "table": table(
            ("Action", "Notify", "Customer", "Note"),
            (
                (
                    a.action.replace("_", " "),
                    ", ".join(_name(r) for r in a.notify),
                    "notified" if a.notifies_customer else "",
                    a.note or "",
                )
                for a in incident.actions
            ),
        ),
    }


def _lifecycle(policy: Policy) -> dict[str, Any] | None:
    life = policy.lifecycle
    if life is None:
        return None
    return {
        "mermaid": mermaid.lifecycle_diagram(life),
        "table": table(
            ("State", "Id", "SLA clock", "Owner", "Final", "Monitored"),
            (
                (
                    s.name or s.id,
                    code(s.id),
                    s.sla or "",
                    (s.owner or "").replace("_", " "),
                    "yes" if s.final else "",
                    "yes" if s.monitored else "no",
                )
                for s in life.states.values()
            ),
        ),
    }


def _data_protection(policy: Policy) -> dict[str, Markup | None]:
    dp = policy.data_protection
    if dp is None:
        return {"retention": None, "redaction": None, "access": None}
    retention = table(
        ("Data", "Condition", "Status", "After", "Action"),
        (
            (
                r.data.replace("_", " "),
                (r.condition or "").replace("_", " "),
                r.status.id if r.status else "",
                period_text(r.after, ENGLISH.locale) if r.after else "",
                r.delete + (" (illustrative)" if r.illustrative else ""),
            )
            for r in dp.retention
        ),
    )
    redaction = table(
        ("Name", "Pattern", "Replacement"),
        ((r.name, code(r.pattern, True), code(r.replacement, True)) for r in dp.redaction),
    )
    access = None
    if dp.access is not None:
        a = dp.access
        access = table(
            ("Role-based", "MFA", "SSO", "Training required", "Revoke on termination"),
            [
                (
                    "yes" if a.role_based else "no",
                    a.mfa or "",
                    "yes" if a.sso else "no",
                    "yes" if a.training_required else "no",
                    (a.revoke_on_termination or "").replace("_", " "),
                )
            ],
        )
    return {
        "retention": retention if dp.retention else None,
        "redaction": redaction if dp.redaction else None,
        "access": access,
    }


def _coverage(context: BuildContext) -> dict[str, Any]:
    """The coverage gaps over the 12 months from the as-of date, in the very text
    ``supportflow coverage --as-of`` prints. Its head names "the policy", not a path
    (the bytes must not depend on the checkout) nor the organisation's free text: the
    lines are a code block, where Markdown escapes do not apply, so only ids go in."""
    from supportflow.analysis.coverage import analyse_coverage
    from supportflow.analysis.coverage_report import coverage_text, year_from

    policy = context.policy
    start, end = year_from(context.as_of)
    report = coverage_text(analyse_coverage(policy, start, end), policy, "the policy")
    return {"coverage_as_of": context.as_of.isoformat(), "coverage": code_block(report)}


def _findings(context: BuildContext) -> dict[str, Any]:
    """The validation findings: the coverage W7xx among them, over validate's reference year."""
    findings = context.findings
    rows = (
        (str(f.location), f.severity.label, code(f.rule_id), f.message, f.hint) for f in findings
    )
    return {
        "findings_source": Markup(
            "Validation findings (`supportflow validate`): the warnings and notes a buildable"
            " policy may still have."
        ),
        "findings": table(("Where", "Severity", "Rule", "Message", "Hint"), rows)
        if findings
        else None,
    }
