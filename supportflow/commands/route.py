"""``supportflow route``: one ticket at one instant → team, due times, escalation timeline.

The policy is validated first (errors are printed as ``validate`` prints them, exit 1),
then turned into the runtime document in memory and evaluated by the same
:class:`supportflow.runtime.Runtime` a deployment loads from runtime.json, so the
preview cannot disagree with the runtime. Bad input (an unknown product, a channel the
cell does not offer, an instant without an offset) is one line and exit code 2.

The document's holiday horizon starts at ``--as-of``; by default a week before the
ticket, so any ticket gets 23 months of closed dates ahead of it.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, date, datetime, timedelta
from typing import NoReturn
from zoneinfo import ZoneInfo

import click

from supportflow import __version__
from supportflow.api import validate_policy
from supportflow.compile.loader import InputError
from supportflow.diagnostics.catalogue import all_rules
from supportflow.diagnostics.findings import Severity
from supportflow.formats import Report, render
from supportflow.model import Policy
from supportflow.runtime import (
    RouteResult,
    Runtime,
    RuntimeInputError,
    Ticket,
    TicketError,
    build_document,
)

AS_OF_LEAD = timedelta(days=7)


def fail(message: str) -> NoReturn:
    """One line on stderr and exit code 2: the CLI's answer to bad input."""
    click.echo(f"supportflow: error: {message}", err=True)
    sys.exit(2)


def valid_policy(path: str, fmt: str) -> Policy:
    """The policy at ``path``; its error findings are printed as validate does, then exit 1."""
    try:
        result = validate_policy(path)
    except InputError as error:
        fail(str(error))
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    if errors or result.policy is None:
        by_name = {file.name: file for file in result.files}

        def source_line(name: str, line: int) -> str | None:
            file = by_name.get(name)
            return file.source_line(line) if file is not None and line > 0 else None

        report = Report(
            findings=result.findings,
            files=sorted({*by_name, *(f.location.file for f in result.findings)}),
            source_lines=source_line,
            rules=all_rules(),
            tool_version=__version__,
        )
        click.echo(render("json" if fmt == "json" else "text", report), nl=False)
        sys.exit(1)
    return result.policy


def parse_instant(text: str, what: str = "--at") -> datetime:
    """An ISO 8601 instant with an offset; naive or malformed text is refused."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            f"{what} {text!r} is not an ISO 8601 instant, e.g. 2027-02-06T10:45:00+02:00"
        ) from None
    if value.utcoffset() is None:
        raise ValueError(f"{what} {text!r} has no UTC offset; write e.g. {text}+02:00 or {text}Z")
    return value


def default_as_of(at: datetime) -> date:
    return at.astimezone(UTC).date() - AS_OF_LEAD


def check_levels(policy: Policy, ticket: Ticket) -> None:
    """A policy with priorities needs the ticket's: its targets depend on it."""
    if ticket.priority is None and policy.priorities:
        raise TicketError(
            f"give the ticket's priority (--priority: {', '.join(policy.priorities)})"
        )
    if ticket.priority is not None and not policy.priorities:
        raise TicketError(
            f"the policy defines no priorities, so priority {ticket.priority!r} means nothing;"
            " leave it out"
        )


class Preview:
    """What ``supportflow route`` answers, for callers that hold a valid policy.

    One runtime document per horizon start, built from the model on first use: the
    command routes one ticket, ``supportflow test`` and the tests route thousands.
    """

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self._runtimes: dict[date, Runtime] = {}

    def runtime(self, as_of: date) -> Runtime:
        runtime = self._runtimes.get(as_of)
        if runtime is None:
            runtime = self._runtimes[as_of] = Runtime(build_document(self.policy, as_of))
        return runtime

    def route(self, ticket: Ticket, at: datetime, as_of: date | None = None) -> RouteResult:
        check_levels(self.policy, ticket)
        return self.runtime(as_of or default_as_of(at)).route(ticket, at)


# ---- text output -------------------------------------------------------------------------


def _when(value: datetime | None) -> str:
    """Local time with its zone and offset, and UTC alongside."""
    if value is None:
        return "no fixed time"
    offset = value.strftime("%z")
    zone = getattr(value.tzinfo, "key", None)
    named = f"{zone} ({offset[:3]}:{offset[3:]})" if zone else f"({offset[:3]}:{offset[3:]})"
    seconds = ":%S" if value.second else ""
    local = value.strftime(f"%a %Y-%m-%d %H:%M{seconds}")
    utc = value.astimezone(UTC).strftime(f"%Y-%m-%d %H:%M{seconds}")
    return f"{local} {named} = {utc} UTC"


_TRIGGERS = {
    "manual": "by hand",
    "condition": "on a judgement call",
    "time_in_tier": "after time in tier",
    "priorities": "on arrival, for its priority",
    "severities": "on arrival, for its severity",
}


def render_text(result: RouteResult, policy: Policy) -> str:
    """The timeline in each calendar's local time, with UTC alongside."""
    ticket = result.ticket
    if result.rule is None or policy.routing is None:
        how = "the front door"
    else:
        name = policy.routing.rules[result.rule - 1].name
        how = f"routing rule {result.rule}" + (f": {name}" if name else "")
    described = (ticket.product, ticket.language, ticket.channel, ticket.request_type)
    levels = ", ".join(x for x in (ticket.priority, ticket.severity) if x)
    zone = policy.calendars[result.calendar].spec.timezone
    team = f"{result.team} (by {how})" if result.team else "none: the policy has no routing"
    lines = [
        "ticket     " + " / ".join(x for x in described if x) + (f" / {levels}" if levels else ""),
        f"arrives    {_when(result.at.astimezone(ZoneInfo(zone)))}",
        f"team       {team}",
        f"hours      {result.calendar} ({zone}), "
        + ("open" if result.opens_at == result.at else f"opens {_when(result.opens_at)}"),
    ]
    if result.targets:
        lines.append("targets")
        width = max(len(kind) for kind in result.targets)
        for kind, due in result.targets.items():
            lines.append(
                f"  {kind:<{width}}  {due.within} ({due.clock} clock, {due.calendar})"
                f"  due {_when(due.due)}"
            )
    if result.escalations:
        lines.append("escalations")
        for step in result.escalations:
            via = f", reached its team by {step.via}" if step.via else ""
            lines.append(
                f"  {step.ref}  {step.source} → {step.to}"
                + (" (assists; the ticket stays)" if step.kind == "assist" else "")
                + f"  fires {_TRIGGERS[step.trigger]}{via}"
            )
            lines.append(f"      fires    {_when(step.fires_at)}")
            lines.append(f"      reached  {_when(step.reached_at)}")
    if result.incident is not None:
        owner = result.incident.owner or "no owner named"
        lines.append(f"incident   starts; owner {owner}")
        if result.incident.restore_due is not None:
            lines.append(f"  restore due {_when(result.incident.restore_due)}")
    return "\n".join(lines) + "\n"


# ---- the command ---------------------------------------------------------------------------


@click.command("route")
@click.argument("policy", type=click.Path(path_type=str))
@click.option("--product", required=True, help="Product id.")
@click.option("--language", required=True, help="Language code, e.g. fi.")
@click.option("--channel", required=True, help="Channel id the ticket came in by.")
@click.option("--type", "request_type", help="Request type id, e.g. incident.")
@click.option("--priority", help="Priority id, e.g. P1 (required when the policy has priorities).")
@click.option("--severity", help="Severity id, when the ticket has one.")
@click.option("--at", "at_text", required=True, help="Arrival instant with offset (ISO 8601).")
@click.option(
    "--as-of", "as_of_text", help="Start of the holiday horizon (default: a week before --at)."
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def command(
    policy: str,
    product: str,
    language: str,
    channel: str,
    request_type: str | None,
    priority: str | None,
    severity: str | None,
    at_text: str,
    as_of_text: str | None,
    fmt: str,
) -> None:
    """Who handles a ticket, when each target is due and when each step fires."""
    try:
        at = parse_instant(at_text)
    except ValueError as error:
        fail(str(error))
    as_of = None
    if as_of_text is not None:
        try:
            as_of = date.fromisoformat(as_of_text.strip())
        except ValueError:
            fail(f"--as-of {as_of_text!r} is not a date like 2027-01-01")
    model = valid_policy(policy, fmt)
    ticket = Ticket(product, language, channel, request_type, priority, severity)
    preview = Preview(model)
    try:
        result = preview.route(ticket, at, as_of)
    except RuntimeInputError as error:
        fail(str(error))
    if fmt == "json":
        click.echo(json.dumps(result.as_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(render_text(result, preview.policy), nl=False)
