"""runtime.json: the fully resolved policy, as plain JSON values, for ticket routers and timers.

Built from the typed model and an as-of date (never the clock), so the same policy and
date give the same document. ``supportflow route`` evaluates this same document in
memory, so a preview and a deployed runtime read one thing. Lists whose order means
something (routing rules, ladder steps, weekly shifts) keep it; maps are written with
sorted keys by ``dumps``.

Calendars carry their closed dates for ``HORIZON_MONTHS`` months from the as-of date;
the runtime refuses to answer for instants outside that window (``Runtime._inside``),
so a stale file is an error rather than a wrong deadline.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from supportflow import __version__
from supportflow.model import Policy
from supportflow.runtime.calendars import calendar_document
from supportflow.runtime.escalations import escalations_document
from supportflow.runtime.routing import matrix_document, routing_document
from supportflow.runtime.targets import target_document
from supportflow.shortforms import Period

FORMAT = "supportflow-runtime/v1"
HORIZON_MONTHS = 24


def horizon_end(as_of: date, months: int = HORIZON_MONTHS) -> date:
    """The same day ``months`` later (the month's last day when it has no such day)."""
    year, month = divmod(as_of.month - 1 + months, 12)
    year += as_of.year
    for day in (as_of.day, 30, 29, 28):
        try:
            return date(year, month + 1, day)
        except ValueError:
            continue
    raise AssertionError("every month has a 28th")


def _ids(refs: Any) -> list[str]:
    return [ref.id for ref in refs]


def _teams(policy: Policy) -> dict[str, Any]:
    return {
        team.id: {
            "name": team.name,
            "tier": team.tier,
            "calendar": team.calendar.id if team.calendar is not None else None,
            "languages": _ids(team.languages),
            "external": team.external,
        }
        for team in policy.teams.values()
    }


def _channels(policy: Policy) -> dict[str, Any]:
    return {
        channel.id: {
            "name": channel.name,
            "kind": channel.kind,
            "status": channel.status,
            "calendar": channel.calendar.id if channel.calendar is not None else None,
            "accepts": _ids(channel.accepts) if channel.accepts is not None else None,
        }
        for channel in policy.channels.values()
    }


def _levels(levels: Any) -> list[dict[str, Any]]:
    return [
        {"id": level.id, "name": level.name, "level": level.level}
        for level in sorted(levels.values(), key=lambda level: (level.level, level.id))
    ]


def _targets(policy: Policy) -> dict[str, Any]:
    return {
        priority.id: {kind: target_document(t) for kind, t in priority.targets.items()}
        for priority in policy.priorities.values()
    }


def _incident(policy: Policy) -> dict[str, Any] | None:
    incident = policy.incident
    if incident is None:
        return None
    restore = incident.restore_target
    return {
        "priorities": _ids(incident.priorities) or None,
        "severities": _ids(incident.severities) or None,
        "request_types": _ids(incident.request_types) or None,
        "owner": incident.owner.id if incident.owner is not None else None,
        "availability": incident.availability.id if incident.availability else None,
        "perform": incident.perform,
        "restore_target": target_document(restore) if restore is not None else None,
        "actions": [
            {
                "action": action.action,
                "notify": _ids(action.notify),
                "notifies_customer": action.notifies_customer,
            }
            for action in incident.actions
        ],
    }


def _lifecycle(policy: Policy) -> dict[str, Any] | None:
    lifecycle = policy.lifecycle
    if lifecycle is None:
        return None
    return {
        "initial": lifecycle.initial.id,
        "states": {
            state.id: {
                "name": state.name,
                "sla": state.sla,
                "owner": state.owner,
                "final": state.final,
                "monitored": state.monitored,
            }
            for state in lifecycle.states.values()
        },
        "transitions": [
            {"from": t.source.id, "to": t.to.id, "on": t.on} for t in lifecycle.transitions
        ],
        "reply_to_closed": lifecycle.reply_to_closed,
        "one_issue_per_case": lifecycle.one_issue_per_case,
    }


def _period(period: Period) -> dict[str, Any]:
    """Calendar time as written: months (years are 12) stay months, days stay days."""
    return {
        "iso": period.iso(),
        "months": period.months,
        "days": period.days,
        "seconds": period.seconds,
    }


def _retention(policy: Policy) -> list[dict[str, Any]]:
    protection = policy.data_protection
    rules = protection.retention if protection is not None else ()
    return [
        {
            "data": rule.data,
            "condition": rule.condition,
            "status": rule.status.id if rule.status is not None else None,
            "after": _period(rule.after) if rule.after is not None else None,
            "delete": rule.delete,
        }
        for rule in rules
    ]


def build_document(policy: Policy, as_of: date) -> dict[str, Any]:
    """The runtime document of ``policy``, with closed dates from ``as_of`` for 24 months."""
    until = horizon_end(as_of)
    organization = policy.organization
    return {
        "format": FORMAT,
        "generated_by": f"supportflow {__version__}; generated, do not edit",
        "as_of": as_of.isoformat(),
        "horizon": {"from": as_of.isoformat(), "until": until.isoformat()},
        "organization": organization.name if organization is not None else None,
        "request_types": list(policy.request_types),
        "channels": _channels(policy),
        "priorities": _levels(policy.priorities),
        "severities": _levels(policy.severities),
        "teams": _teams(policy),
        "calendars": {
            calendar.id: calendar_document(calendar, as_of, until)
            for calendar in policy.calendars.values()
        },
        "support_matrix": matrix_document(policy),
        "routing": routing_document(policy),
        "targets": _targets(policy),
        "escalations": escalations_document(policy),
        "incident": _incident(policy),
        "lifecycle": _lifecycle(policy),
        "retention": _retention(policy),
    }


def dumps(document: Any, sort_keys: bool = True) -> str:
    """The document as runtime.json text: sorted keys, two-space indent, final newline.

    The same text as ``json.dumps(document, indent=2, sort_keys=sort_keys,
    ensure_ascii=False) + "\\n"``, made twice as fast: ``json`` falls back to its
    pure-Python encoder whenever ``indent`` is set, yielding every token, while this joins
    each container's items at once with the C string escaper. Only JSON values are
    accepted: keys must be strings, and any other type is a ``TypeError``.
    """
    escape = json.encoder.encode_basestring  # the C escaper json uses for ensure_ascii=False
    scalars: dict[type, Callable[[Any], str]] = {
        str: escape,
        int: int.__repr__,
        float: json.dumps,  # repr, NaN and Infinity as json writes them
        bool: {True: "true", False: "false"}.__getitem__,
        type(None): lambda _: "null",
    }
    scalar = scalars.get

    def text(value: Any, indent: str) -> str:
        if (write := scalar(type(value))) is not None:
            return write(value)
        inner = indent + "  "
        if type(value) is dict:
            if not value:
                return "{}"
            items = sorted(value.items()) if sort_keys else value.items()
            parts = [
                escape(key) + ": " + (escape(item) if type(item) is str else text(item, inner))
                for key, item in items
            ]
            return "{\n" + inner + (",\n" + inner).join(parts) + "\n" + indent + "}"
        if type(value) is list or type(value) is tuple:
            if not value:
                return "[]"
            parts = [escape(item) if type(item) is str else text(item, inner) for item in value]
            return "[\n" + inner + (",\n" + inner).join(parts) + "\n" + indent + "]"
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")

    return text(document, "") + "\n"
