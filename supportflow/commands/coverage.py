"""``supportflow coverage``: when does each offered channel fall short, to the minute?

The horizon is ``--from``/``--to`` (instants with offsets), else the 12 months from
``--as-of`` (a date, read as 00:00 UTC). Without ``--as-of`` the date is today's, or the
date of ``SOURCE_DATE_EPOCH`` when that is set, as reproducible builds expect. ``validate``
reports the same gaps over a fixed reference year instead (see ``supportflow.rules.coverage``).

Exit codes: 0 when the sweep ran (gaps are its answer, not a failure), 1 when the policy has
errors (its findings are printed), 2 for bad input.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

import click

from supportflow import __version__
from supportflow.analysis.coverage_report import a_year_after, coverage_text
from supportflow.api import validate_policy
from supportflow.compile.loader import InputError
from supportflow.diagnostics.catalogue import all_rules
from supportflow.diagnostics.findings import Severity
from supportflow.formats import Report, render

if TYPE_CHECKING:
    from supportflow.analysis.coverage import Coverage, Gap

MAX_YEARS = 10


def _instant(text: str, what: str) -> datetime:
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise click.BadParameter(
            f"{text!r} is not an ISO 8601 instant, e.g. 2027-02-06T10:45:00+02:00",
            param_hint=what,
        ) from None
    if value.tzinfo is None:
        raise click.BadParameter(
            f"{text!r} has no UTC offset; write e.g. {text}Z or {text}+01:00", param_hint=what
        )
    return value


def _as_of(text: str | None) -> date:
    if text is not None:
        try:
            return date.fromisoformat(text.strip())
        except ValueError:
            raise click.BadParameter(
                f"{text!r} is not a date like 2027-01-01", param_hint="--as-of"
            ) from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC).date()
        except (ValueError, OverflowError, OSError):
            raise click.UsageError(
                f"SOURCE_DATE_EPOCH={epoch!r} is not a whole number of seconds"
            ) from None
    return datetime.now(UTC).date()


def horizon(start: str | None, end: str | None, as_of: str | None) -> tuple[datetime, datetime]:
    """The sweep's ``[from, to)`` from the command's options."""
    if as_of is not None and start is not None:
        raise click.UsageError("give --as-of or --from, not both")
    if start is not None:
        lo = _instant(start, "--from")
    else:
        lo = datetime.combine(_as_of(as_of), datetime.min.time(), UTC)
    if end is not None:
        hi = _instant(end, "--to")
    else:
        first = lo.astimezone(UTC)
        hi = datetime.combine(a_year_after(first.date()), first.timetz())
    if hi <= lo:
        raise click.UsageError(f"--to ({hi.isoformat()}) must be after --from ({lo.isoformat()})")
    if hi - lo > timedelta(days=366 * MAX_YEARS):
        raise click.UsageError(f"the horizon is longer than {MAX_YEARS} years; shorten it")
    if lo.year < 3 or hi.year > 9990:
        raise click.UsageError("the horizon must lie within the years 3..9990")
    return lo, hi


def _details(gap: Gap) -> dict[str, object]:
    details: dict[str, object] = {
        "request_types": list(gap.request_types),
        "teams": [team.id for team in gap.teams],
    }
    if gap.reason == "escalation_waits":
        details |= {
            "ladder": gap.ladder,
            "step": (gap.step_index or 0) + 1,
            "step_id": gap.step.id if gap.step is not None else None,
            "kind": gap.step.kind if gap.step is not None else None,
            "from": gap.teams[0].id,
            "to": gap.teams[1].id,
        }
    if gap.reason == "target_missed":
        details |= {"priority": gap.priority, "target": gap.target_kind, "within": str(gap.target)}
    return details


def _json(coverage: Coverage, path: str) -> str:
    """One gap record per line (each dumped by the C encoder: a year has many intervals)."""
    from supportflow.analysis.instants import isoformat_many

    records = []
    for gap in coverage.gaps:
        calendar = gap.cell.calendar.target
        zone = calendar.spec.timezone if calendar is not None else "UTC"
        fixed = {"product": gap.product, "language": gap.language, "channel": gap.channel.id}
        extra = _details(gap)
        starts, ends = (
            isoformat_many(gap.intervals[0], zone),
            isoformat_many(gap.intervals[1], zone),
        )
        for start, end in zip(starts, ends, strict=True):
            record = {**fixed, "start": start, "end": end, "reason": gap.reason, **extra}
            records.append(json.dumps(record, ensure_ascii=False))
    head = json.dumps(
        {"policy": path, "from": coverage.start.isoformat(), "to": coverage.end.isoformat()},
        ensure_ascii=False,
    )
    body = ",\n  ".join(records)
    return f'{head[:-1]}, "gaps": [\n  {body}\n]}}\n' if records else f'{head[:-1]}, "gaps": []}}\n'


@click.command("coverage")
@click.argument("policy_path", metavar="POLICY", type=click.Path(path_type=str))
@click.option("--from", "start", help="Start of the sweep, an instant with offset.")
@click.option("--to", "end", help="End of the sweep, an instant with offset.")
@click.option("--as-of", "as_of", help="Sweep the 12 months from this date (00:00 UTC).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def command(
    policy_path: str, start: str | None, end: str | None, as_of: str | None, fmt: str
) -> None:
    """Report when each channel the support matrix offers falls short, to the minute."""
    try:
        lo, hi = horizon(start, end, as_of)
    except click.UsageError as error:
        click.echo(f"supportflow: error: {error.format_message()}", err=True)
        sys.exit(2)
    try:
        result = validate_policy(policy_path)
    except InputError as error:
        click.echo(f"supportflow: error: {error}", err=True)
        sys.exit(2)
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    if errors or result.policy is None:
        by_name = {file.name: file for file in result.files}
        report = Report(
            findings=result.findings,
            files=sorted({*by_name, *(f.location.file for f in result.findings)}),
            source_lines=lambda name, line: (
                by_name[name].source_line(line) if name in by_name and line > 0 else None
            ),
            rules=all_rules(),
            tool_version=__version__,
        )
        click.echo(render(fmt, report), nl=False)
        sys.exit(1)
    from supportflow.analysis.coverage import analyse_coverage

    coverage = analyse_coverage(result.policy, lo, hi)
    click.echo(
        _json(coverage, policy_path)
        if fmt == "json"
        else coverage_text(coverage, result.policy, policy_path),
        nl=False,
    )
