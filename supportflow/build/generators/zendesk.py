"""Zendesk: schedules, SLA policies and deletion schedules, as the API's request bodies.

Field names and limits are in ``generators/zendesk/README.md``, with the
documentation they come from; the payload schemas are beside it. What Zendesk
cannot express becomes a build warning that says what was exported instead.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from importlib import resources
from typing import Any

from supportflow.build.generator import BuildContext, OutputFile
from supportflow.build.helpdesk import (
    day_lengths,
    label,
    ranked,
    target_calendars,
    target_minutes,
)
from supportflow.build.zones import same_clock
from supportflow.businesstime.holidays import public_holiday_names
from supportflow.businesstime.spec import MINUTES_PER_DAY
from supportflow.model import Calendar, Policy, RetentionRule
from supportflow.runtime.document import dumps

name = "zendesk"
description = "Zendesk schedules, SLA policies and deletion schedules (API request bodies)."

WEEK = 7 * MINUTES_PER_DAY
PRIORITIES = ("urgent", "high", "normal", "low")
METRICS = {
    "first_response": "first_reply_time",
    "next_update": "periodic_update_time",
    "resolution": "total_resolution_time",
}
OBJECTS = {"tickets": "zen:ticket", "user_accounts": "zen:user", "attachments": "zen:attachment"}
ARCHIVE_DAYS = 120  # Zendesk deletes only tickets archived this long after closing


def render(context: BuildContext) -> list[OutputFile]:
    policy = context.policy
    return [
        _json("zendesk/schedules.json", schedules(policy, context)),
        _json("zendesk/sla_policies.json", sla_policies(policy, context)),
        _json("zendesk/deletion_schedules.json", deletion_schedules(policy, context)),
    ]


def _json(path: str, value: Any) -> OutputFile:
    return OutputFile(path, dumps(value, sort_keys=False).encode())


def time_zones() -> dict[str, str]:
    text = (
        resources.files("supportflow") / "generators" / "zendesk" / "time_zones.json"
    ).read_text(encoding="utf-8")
    return dict(json.loads(text))


# --- schedules -------------------------------------------------------------------------------


def schedules(policy: Policy, context: BuildContext) -> list[dict[str, Any]]:
    """One entry per calendar: the create-schedule, workweek and holiday bodies."""
    zones = time_zones()
    entries = []
    for calendar in policy.calendars.values():
        zone = _zone(calendar, zones, context)
        if zone is None:
            continue
        work = intervals(calendar)
        if not work:
            context.warn(
                name,
                f"calendar {calendar.id} has no weekly hours; Zendesk needs at least one"
                " interval, so it is not exported",
                calendar.hours_where,
            )
            continue
        entries.append(
            {
                "schedule": {"name": calendar.name, "time_zone": zone},
                "workweek": {"intervals": work},
                "holidays": holidays(calendar, context),
            }
        )
    return entries


def _zone(calendar: Calendar, zones: dict[str, str], context: BuildContext) -> str | None:
    """Zendesk's name for the calendar's zone, or one with the same clock (with a warning)."""
    iana = calendar.spec.timezone
    if iana in zones:
        return zones[iana]
    twins = sorted({zones[z] for z in same_clock(iana, tuple(sorted(zones)), context.as_of)})
    if twins:
        context.warn(
            name,
            f"calendar {calendar.id}: Zendesk has no time zone for {iana}; the schedule uses"
            f" '{twins[0]}', which keeps the same clock for the next 10 years"
            f"{_others(twins[1:])}; pick another in Zendesk if you prefer",
            calendar.where,
        )
        return twins[0]
    context.warn(
        name,
        f"calendar {calendar.id}: Zendesk has no time zone for {iana} nor one with the same"
        " clock; the schedule is not exported",
        calendar.where,
    )
    return None


def _others(names: list[str], shown: int = 5) -> str:
    if not names:
        return ""
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return f" (as do {', '.join(repr(n) for n in names[:shown])}{more})"


def intervals(calendar: Calendar) -> list[dict[str, int]]:
    """Weekly shifts as minutes from Sunday 00:00, split at every midnight, merged, sorted."""
    by_day: dict[int, list[tuple[int, int]]] = {}
    for shift in calendar.spec.shifts:
        day = (shift.weekday + 1) % 7  # Zendesk's week starts on Sunday
        by_day.setdefault(day, []).append((shift.start, min(shift.end, MINUTES_PER_DAY)))
        if shift.end > MINUTES_PER_DAY:  # overnight: the rest is the next day's morning
            by_day.setdefault((day + 1) % 7, []).append((0, shift.end - MINUTES_PER_DAY))
    out = []
    for day in sorted(by_day):
        for start, end in _merge(by_day[day]):
            base = day * MINUTES_PER_DAY
            out.append({"start_time": base + start, "end_time": base + end})
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def holiday_window(as_of: date) -> tuple[date, date]:
    """From the as-of date to two years later minus a day: inside the API's ±2-year window."""
    try:
        end = as_of.replace(year=as_of.year + 2)
    except ValueError:  # 29 February
        end = as_of.replace(year=as_of.year + 2, day=28)
    return as_of, end - timedelta(days=1)


def holidays(calendar: Calendar, context: BuildContext) -> list[dict[str, Any]]:
    """Whole closed days that would otherwise be open, one holiday per date."""
    spec = calendar.spec
    first, last = holiday_window(context.as_of)
    open_weekdays = {shift.weekday for shift in spec.shifts}
    special = dict(spec.special_days)
    closed: dict[date, str] = {}
    for source in spec.holidays:
        for year in range(first.year, last.year + 1):
            for ordinal, title in sorted(public_holiday_names(source, year).items()):
                day = date.fromordinal(ordinal)
                if first <= day <= last and day not in spec.open_dates and day not in special:
                    closed.setdefault(day, title)
    for day, hours in sorted(special.items()):
        if not first <= day <= last:
            continue
        if not hours:
            closed.setdefault(day, "Closed")
        else:
            context.warn(
                name,
                f"calendar {calendar.id}: special hours on {day.isoformat()} cannot be"
                " expressed (Zendesk holidays are whole days); that day keeps its usual hours"
                " in Zendesk",
                calendar.where,
            )
    for day in spec.closed_dates:
        if first <= day <= last:
            closed[day] = closed.get(day, "Closed")
    exported = [
        {"holiday": {"name": title, "start_date": day.isoformat(), "end_date": day.isoformat()}}
        for day, title in sorted(closed.items())
        if day.weekday() in open_weekdays or day in spec.closed_dates or day in special
    ]
    if exported and any(shift.end > MINUTES_PER_DAY for shift in spec.shifts):
        context.warn(
            name,
            f"calendar {calendar.id} has overnight shifts, which belong to the day they start;"
            " a Zendesk holiday closes one calendar day, so on a closed day the night shift's"
            " hours after midnight stay open and the previous night's hours after midnight close",
            calendar.where,
        )
    return exported


# --- SLA policies ----------------------------------------------------------------------------


def sla_policies(policy: Policy, context: BuildContext) -> list[dict[str, Any]]:
    """One SLA policy with every priority's targets; none when the policy has no targets."""
    priorities = ranked(policy)
    for extra in priorities[len(PRIORITIES) :]:
        context.warn(
            name,
            f"priority {label(extra)} (level {extra.level}) has no Zendesk priority: Zendesk has"
            f" four ({', '.join(PRIORITIES)}); its targets are not exported",
            extra.where,
        )
    mapping = list(zip(priorities, PRIORITIES, strict=False))
    metrics = []
    days: list[int | None] = []
    business_calendars: dict[str, None] = {}
    for priority, zendesk in mapping:
        for kind, target in priority.targets.items():
            metric = METRICS.get(kind)
            if metric is None:
                context.warn(
                    name,
                    f"priority {label(priority)}: the {kind.replace('_', ' ')} target ({target})"
                    " has no Zendesk SLA metric; it is not exported",
                    target.where,
                )
                continue
            minutes = target_minutes(target, policy)
            days.append(minutes.business_day)
            for note in minutes.notes:
                context.warn(name, f"priority {label(priority)} {kind.replace('_', ' ')}: {note}",
                             target.where)  # fmt: skip
            if target.clock == "business":
                business_calendars.update(
                    dict.fromkeys(c.id for c in target_calendars(target, policy))
                )
            metrics.append(
                {
                    "priority": zendesk,
                    "metric": metric,
                    "target": minutes.value,
                    "business_hours": target.clock == "business",
                }
            )
    if not metrics:
        return []
    if len(business_calendars) > 1:
        context.warn(
            name,
            "Zendesk counts business hours on each ticket's schedule, and these targets count"
            f" in calendars {', '.join(business_calendars)}; assign each ticket the schedule of"
            " its calendar (by triggers), since the SLA policy cannot name one",
        )
    metric_order = list(METRICS.values())
    metrics.sort(key=lambda m: (PRIORITIES.index(m["priority"]), metric_order.index(m["metric"])))
    described = ", ".join(f"{label(p)} → {z}" for p, z in mapping)
    unused = PRIORITIES[len(mapping) :]
    if unused:
        described += f"; {', '.join(unused)}: no targets"
    title = policy.organization.name if policy.organization else "Support"
    return [
        {
            "sla_policy": {
                "title": f"{title} targets",
                "description": (
                    f"Generated by supportflow {context.version} from the policy. Priorities by"
                    f" level: {described}.{day_lengths(days)}"
                ),
                "position": 1,
                "filter": {"all": [], "any": []},
                "policy_metrics": metrics,
            }
        }
    ]


# --- deletion schedules ----------------------------------------------------------------------


def deletion_schedules(policy: Policy, context: BuildContext) -> list[dict[str, Any]]:
    """One inactive deletion schedule per retention rule Zendesk can run."""
    rules = policy.data_protection.retention if policy.data_protection else ()
    bodies = []
    for rule in rules:
        body = _deletion_schedule(rule, context)
        if body is not None:
            bodies.append({"deletion_schedule": body})
    return bodies


def _deletion_schedule(rule: RetentionRule, context: BuildContext) -> dict[str, Any] | None:
    what = f"retention of {rule.data.replace('_', ' ')}" + (
        f" ({rule.condition.replace('_', ' ')})" if rule.condition else ""
    )

    def skip(reason: str) -> None:
        context.warn(name, f"{what} is not exported: {reason}", rule.where)

    if rule.delete != "delete":
        return skip("a deletion schedule deletes; it cannot anonymise")
    target = OBJECTS.get(rule.data)
    if target is None:
        return skip(f"Zendesk deletion schedules have no object for {rule.data.replace('_', ' ')}")
    if rule.condition != "after_status" or rule.after is None:
        return skip(
            "a deletion schedule deletes after a time without updates; a rule without"
            " 'condition: after_status' and 'after' is carried out by hand"
        )
    if target == "zen:user":
        return skip("the Zendesk docs name no condition for user inactivity; set it up by hand")
    state = rule.status.id if rule.status else "its final state"
    if rule.after.shortest() < timedelta(days=ARCHIVE_DAYS):
        context.warn(
            name,
            f"{what}: Zendesk deletes only tickets archived {ARCHIVE_DAYS} days after closing,"
            f" so 'after: {rule.after.iso()}' takes effect after {ARCHIVE_DAYS} days",
            rule.where,
        )
    data = rule.data.replace("_", " ")
    return {
        "title": f"Delete {data} {rule.after} after {state}",
        "description": (
            f"Generated by supportflow {context.version} from the policy: {rule.data} are deleted"
            f" {rule.after} after {state}. Zendesk counts from the last update."
            " Inactive until an admin activates it: deletion cannot be undone."
        ),
        "object": target,
        "active": False,
        "conditions": {
            "all": [
                {
                    "field": "duration_since_last_update",
                    "operator": "greater_than",
                    "value": rule.after.iso(),
                }
            ],
            "any": [],
        },
    }
