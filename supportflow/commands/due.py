"""``supportflow due``: when is a ticket due, in business time?

The calendar comes either from short-form options (``--tz``, ``--hours``, ``--closed``,
``--holidays``) or from a policy (``--policy``, ``--calendar``). One ticket prints a line (or a
JSON object); ``--batch`` reads CSV ``start,duration`` and writes ``start,duration,due`` (or
JSON Lines with ``--format json``), streaming in chunks (see ``due_batch``). Any bad input is a
one-line error and exit code 2, never a traceback.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, date, datetime, timedelta
from typing import IO, TYPE_CHECKING

import click

from supportflow.businesstime.spec import BusinessDay, CalendarSpec, HolidaySource
from supportflow.diagnostics.findings import Severity
from supportflow.diagnostics.ruledocs.calendars import REPEATED_DAY
from supportflow.frozen import replace
from supportflow.shortforms import (
    MAX_BUSINESS_DAYS,
    ShortFormError,
    format_duration,
    parse_business_day,
    parse_duration,
    parse_hours,
)
from supportflow.shortforms.holiday_codes import holiday_problem, parse_holiday_code
from supportflow.shortforms.hours import repeated_days
from supportflow.shortforms.zones import zone_problem

if TYPE_CHECKING:
    from supportflow.businesstime import BusinessCalendar


def _parse_start(text: str) -> datetime:
    from supportflow.businesstime.instants import parse_instant

    try:
        return parse_instant(text)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--start") from None


def _parse_duration(text: str, what: str) -> timedelta:
    try:
        return parse_duration(text)
    except ShortFormError as exc:
        raise click.BadParameter(f"{text!r}: {exc}", param_hint=what) from None


def _business_day(text: str) -> BusinessDay:
    try:
        return parse_business_day(text)
    except ShortFormError as exc:
        raise click.BadParameter(f"{text!r}: {exc}", param_hint="--business-day") from None


def _spec_from_options(
    tz: str | None,
    hours: tuple[str, ...],
    closed: tuple[str, ...],
    holidays: tuple[str, ...],
) -> CalendarSpec:
    if not hours:
        raise click.UsageError("no opening hours: give --hours (e.g. 'mon-fri 08:00-17:00')")
    if not tz:
        raise click.UsageError("no time zone: give --tz (e.g. Europe/Stockholm)")
    _check_zone(tz)
    shifts = []
    for text in hours:
        try:
            shifts.extend(parse_hours(text))
        except ShortFormError as exc:
            raise click.BadParameter(f"{text!r}: {exc}", param_hint="--hours") from None
    for repeat in repeated_days(hours):
        _warn(REPEATED_DAY.id, f"--hours {hours[repeat.text]!r}: {repeat.message}", repeat.hint)
    closed_dates = set()
    for text in closed:
        try:
            closed_dates.add(date.fromisoformat(text.strip()))
        except ValueError:
            raise click.BadParameter(
                f"{text!r} is not a date like 2026-12-24", param_hint="--closed"
            ) from None
    return CalendarSpec(
        timezone=tz,
        shifts=tuple(sorted(shifts)),
        holidays=tuple(_holiday_source(text) for text in holidays),
        closed_dates=frozenset(closed_dates),
    )


def _warn(rule_id: str, message: str, hint: str) -> None:
    click.echo(f"supportflow: warning: {rule_id} {message}\n    hint: {hint}", err=True)


def _check_zone(name: str) -> None:
    """The checks ``validate`` runs on ``timezone:``: unknown is an error, legacy a warning."""
    problem = zone_problem(name)
    if problem is None:
        return
    if problem.rule.severity is Severity.ERROR:
        raise click.BadParameter(f"{problem.message}. {problem.hint}", param_hint="--tz")
    _warn(problem.rule.id, problem.message, problem.hint)


def _holiday_source(text: str) -> HolidaySource:
    """The parser and checks ``validate`` runs on ``holidays:``, with the same messages."""
    try:
        source = parse_holiday_code(text)
    except ShortFormError as exc:
        raise click.BadParameter(f"{exc.message}. {exc.hint}", param_hint="--holidays") from None
    problem = holiday_problem(source)
    if problem is not None:
        raise click.BadParameter(f"{problem.message}. {problem.hint}", param_hint="--holidays")
    return source


def _spec_from_policy(policy: str, calendar_id: str | None) -> CalendarSpec:
    if not calendar_id:
        raise click.UsageError("--policy needs --calendar <id> to pick one of its calendars")
    from supportflow.api import PolicyError, load_calendar_spec

    try:
        return load_calendar_spec(policy, calendar_id)
    except PolicyError as exc:
        raise click.UsageError(str(exc)) from None


def _calendar(spec: CalendarSpec) -> BusinessCalendar:
    from supportflow.businesstime import BusinessCalendar

    try:
        return BusinessCalendar(spec)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None


@click.command("due")
@click.option("--start", help="Ticket creation instant, ISO 8601 with offset (…Z or …+01:00).")
@click.option("--duration", help="Business time to add: 15m, 4h, 1h30m, 2d (=48h), PT1H30M.")
@click.option("--business-days", type=click.IntRange(min=0), help="Add N business days instead.")
@click.option(
    "--business-day",
    "business_day",
    help="What one business day means: 8h, or 'same time next business day' (same-time).",
)
@click.option("--tz", help="IANA time zone of the opening hours, e.g. Europe/Stockholm.")
@click.option(
    "--hours", multiple=True, help="Opening hours, e.g. 'mon-fri 08:00-17:00'; repeatable."
)
@click.option("--closed", multiple=True, help="A closed date, YYYY-MM-DD; repeatable.")
@click.option("--holidays", multiple=True, help="Public holidays: SE or SE-AB; repeatable.")
@click.option("--policy", help="Policy directory or file to take the calendar from.")
@click.option("--calendar", "calendar_id", help="Calendar id inside --policy.")
@click.option(
    "--batch",
    type=click.File("rb"),
    help="CSV with header start,duration ('-' = stdin); writes start,duration,due.",
)
@click.option(
    "--on-error",
    type=click.Choice(["fail", "skip"]),
    default="fail",
    help="--batch: stop at the first bad row (exit 2), or report each on stderr, write the"
    " good rows' deadlines and exit 1.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    help="json: one object; with --batch, JSON Lines (one object per row).",
)
def command(
    start: str | None,
    duration: str | None,
    business_days: int | None,
    business_day: str | None,
    tz: str | None,
    hours: tuple[str, ...],
    closed: tuple[str, ...],
    holidays: tuple[str, ...],
    policy: str | None,
    calendar_id: str | None,
    batch: IO[bytes] | None,
    on_error: str,
    fmt: str,
) -> None:
    """Compute when a ticket is due, counting only business time."""
    if policy:
        if tz or hours or closed or holidays:
            raise click.UsageError("give either --policy/--calendar or --tz/--hours, not both")
        spec = _spec_from_policy(policy, calendar_id)
    else:
        spec = _spec_from_options(tz, hours, closed, holidays)
    if business_day:
        spec = replace(spec, business_day=_business_day(business_day))
    calendar = _calendar(spec)
    if batch is not None:
        if start or duration or business_days is not None:
            raise click.UsageError("--batch reads start and duration from the CSV; drop them")
        from supportflow.commands.due_batch import run_batch

        skipped = run_batch(
            calendar,
            batch,
            sys.stdout.buffer,
            fmt=fmt,
            on_error=on_error,
            report=lambda line: click.echo(line, err=True),
        )
        if skipped:
            click.get_current_context().exit(1)
        return
    if not start:
        raise click.UsageError("missing --start (or use --batch)")
    if (duration is None) == (business_days is None):
        raise click.UsageError("give exactly one of --duration or --business-days")
    if business_days is not None and business_days > MAX_BUSINESS_DAYS:
        raise click.BadParameter(
            f"{business_days} is more than 100 years of days; at most {MAX_BUSINESS_DAYS}",
            param_hint="--business-days",
        )
    from supportflow.businesstime.instants import iso

    ticket_start = _parse_start(start)
    result: dict[str, object] = {"timezone": spec.timezone}
    try:
        if duration is not None:
            amount = _parse_duration(duration, "--duration")
            due = calendar.due(ticket_start, amount)
            result["duration"] = format_duration(amount)
        else:
            assert business_days is not None
            due = calendar.add_business_days(ticket_start, business_days)
            result["business_days"] = business_days
            rule = spec.business_day
            result["business_day"] = (
                "same-time" if rule.hours is None else format_duration(rule.hours)
            )
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    result["start"] = iso(ticket_start.astimezone(calendar.zone))
    result["due"] = iso(due)
    result["due_utc"] = iso(due.astimezone(UTC))
    if fmt == "json":
        click.echo(json.dumps(result, sort_keys=True))
    else:
        click.echo(f"due {result['due']} ({spec.timezone}) = {result['due_utc']}")
