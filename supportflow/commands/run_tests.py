"""``supportflow test``: expectations about tickets, checked against a policy.

Each case's ticket is routed exactly as ``supportflow route`` routes it (same
runtime document, same evaluator, same default ``--as-of``), then compared with the
case's ``expect``. One PASS or FAIL line per case, a failed one naming expected
against got; then which teams and escalation steps no case exercised. A team is
exercised when a case expects it (as the team, or as the ``from`` or ``to`` of a
matched escalation); a step when an expected escalation matched it. A step that
merely appears in a timeline is not covered: nothing asserted it.

Tests files are named on the command line; without any, every ``*.yaml`` in the
policy folder's ``.supportflow-tests/`` folder runs (hidden, so the policy loader,
which reads every other YAML file in the folder, never mistakes them for policy).

Exit codes: 0 every case passes, 1 a case fails, 2 bad input (a tests file that does
not read, a ticket the policy does not take), with ``file:line:col`` locations.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from supportflow.commands.route import Preview, fail, valid_policy
from supportflow.commands.ticket_cases import Case, CasesError, read_cases
from supportflow.model import Policy
from supportflow.runtime import (
    Escalation,
    RouteResult,
    RuntimeInputError,
    TicketError,
)

TESTS_FOLDER = ".supportflow-tests"


@dataclass
class Outcome:
    case: Case
    file: str
    problems: list[str]


class Coverage:
    """Teams and steps that some case asserted something about."""

    def __init__(self) -> None:
        self.teams: set[str] = set()
        self.steps: set[str] = set()

    def unexercised(self, policy: Policy) -> tuple[list[str], list[str]]:
        teams = [team for team in policy.teams if team not in self.teams]
        steps = [
            f"{ladder.id}#{order} ({step.source.id} → {step.to.id})"
            for ladder in policy.escalations.values()
            for order, step in enumerate(ladder.steps, start=1)
            if f"{ladder.id}#{order}" not in self.steps
        ]
        return teams, steps


def _show(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def _step_fields(step: Escalation) -> dict[str, Any]:
    """What an expectation can name about a step (not whom it notifies)."""
    return {key: value for key, value in step.fields().items() if key != "notify"}


def _describe(fields: Mapping[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in fields.items() if k != "where") + "}"


def _check_escalations(
    expected: tuple[Mapping[str, Any], ...], got: tuple[Escalation, ...], coverage: Coverage
) -> list[str]:
    if not expected:
        return [f"escalations: expected none, got {len(got)}"] if got else []
    problems = []
    used: set[int] = set()
    for want in expected:
        keys = [key for key in want if key != "where"]
        for index, step in enumerate(got):
            fields = _step_fields(step)
            if index not in used and all(fields[key] == want[key] for key in keys):
                used.add(index)
                coverage.steps.add(step.ref)
                coverage.teams.update((step.source, step.to))
                break
        else:
            near = [_describe(_step_fields(s)) for s in got if s.to == want.get("to", s.to)]
            problems.append(
                f"escalation {_describe(want)}: expected at {want['where']}, got "
                + ("; ".join(near) if near else "no such step")
            )
    return problems


def _check_incident(expected: bool | Mapping[str, Any], result: RouteResult) -> list[str]:
    got = result.incident
    if isinstance(expected, bool):
        if expected != (got is not None):
            return [f"incident: expected {expected}, got {got is not None}"]
        return []
    if got is None:
        return ["incident: expected one to start, got none"]
    problems = []
    for key, want in expected.items():
        have = got.owner if key == "owner" else got.restore_due
        if have != want:
            problems.append(f"incident.{key}: expected {_show(want)}, got {_show(have)}")
    return problems


def check(case: Case, result: RouteResult, coverage: Coverage) -> list[str]:
    """Every difference between the case's expectations and the route result."""
    problems = []
    if case.refused is not None:
        return [f"expected the ticket to be refused ({case.refused}), got team {result.team}"]
    if case.team is not None:
        coverage.teams.add(case.team)
        if result.team != case.team:
            problems.append(f"team: expected {case.team}, got {_show(result.team)}")
    if case.calendar is not None and result.calendar != case.calendar:
        problems.append(f"calendar: expected {case.calendar}, got {result.calendar}")
    if case.opens_at is not None and result.opens_at != case.opens_at:
        problems.append(
            f"opens_at: expected {case.opens_at.isoformat()}, got {result.opens_at.isoformat()}"
        )
    for kind, want in case.due.items():
        target = result.targets.get(kind)
        if target is None:
            have = ", ".join(result.targets) or "none"
            problems.append(f"due.{kind}: expected {want.isoformat()}, got no such target ({have})")
        elif target.due != want:
            got = target.due.isoformat()
            problems.append(f"due.{kind}: expected {want.isoformat()}, got {got}")
    if case.escalations is not None:
        problems += _check_escalations(case.escalations, result.escalations, coverage)
    if case.incident is not None:
        problems += _check_incident(case.incident, result)
    return problems


class Runner:
    """Routes every case exactly as ``supportflow route`` would, and checks it."""

    def __init__(self, policy: Policy) -> None:
        self.preview = Preview(policy)
        self.coverage = Coverage()

    def run(self, case: Case) -> list[str]:
        try:
            result = self.preview.route(case.ticket, case.at)
        except TicketError as error:
            if case.refused is None:
                raise
            if case.refused.lower() not in str(error).lower():
                return [f"refused: expected a refusal saying {case.refused!r}, got {str(error)!r}"]
            return []
        return check(case, result, self.coverage)


def _files(policy: str, given: tuple[str, ...]) -> list[Path]:
    if given:
        return [Path(name) for name in given]
    folder = Path(policy) / TESTS_FOLDER
    found = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    if not found:
        fail(f"no tests files given, and none in {folder} (*.yaml)")
    return found


def render_text(outcomes: list[Outcome], teams: list[str], steps: list[str]) -> str:
    lines = []
    for outcome in outcomes:
        if outcome.problems:
            lines.append(f"FAIL  {outcome.case.name}  ({outcome.case.where})")
            lines += [f"      {problem}" for problem in outcome.problems]
        else:
            lines.append(f"PASS  {outcome.case.name}")
    failed = sum(1 for outcome in outcomes if outcome.problems)
    lines.append(f"{len(outcomes) - failed} passed, {failed} failed")
    if teams:
        lines.append(f"teams no case exercised: {', '.join(teams)}")
    if steps:
        lines.append(f"steps no case exercised: {', '.join(steps)}")
    return "\n".join(lines) + "\n"


def render_junit(outcomes: list[Outcome], teams: list[str], steps: list[str]) -> str:
    failed = sum(1 for outcome in outcomes if outcome.problems)
    suites = ET.Element("testsuites", tests=str(len(outcomes)), failures=str(failed))
    suite = ET.SubElement(
        suites, "testsuite", name="supportflow test", tests=str(len(outcomes)), failures=str(failed)
    )
    for outcome in outcomes:
        case = ET.SubElement(suite, "testcase", name=outcome.case.name, classname=outcome.file)
        if outcome.problems:
            failure = ET.SubElement(case, "failure", message=outcome.problems[0])
            failure.text = f"{outcome.case.where}\n" + "\n".join(outcome.problems)
    if teams or steps:
        out = ET.SubElement(suite, "system-out")
        out.text = "\n".join(
            [f"teams no case exercised: {', '.join(teams)}"] * bool(teams)
            + [f"steps no case exercised: {', '.join(steps)}"] * bool(steps)
        )
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"


@click.command("test")
@click.argument("policy", type=click.Path(path_type=str))
@click.argument("tests", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["text", "junit"]), default="text")
def command(policy: str, tests: tuple[str, ...], fmt: str) -> None:
    """Check the ticket cases in TESTS (default: POLICY/.supportflow-tests/*.yaml)."""
    model = valid_policy(policy, fmt)
    cases: list[tuple[str, Case]] = []
    problems: list[str] = []
    for path in _files(policy, tests):
        try:
            cases += [(str(path), case) for case in read_cases(path, str(path))]
        except CasesError as error:
            problems += error.problems
    runner = Runner(model)
    outcomes = []
    for file, case in cases:
        try:
            outcomes.append(Outcome(case, file, runner.run(case)))
        except RuntimeInputError as error:
            problems.append(f"{case.where}: {error}")
    if problems:
        for problem in problems:
            click.echo(f"supportflow: error: {problem}", err=True)
        sys.exit(2)
    teams, steps = runner.coverage.unexercised(model)
    render = render_junit if fmt == "junit" else render_text
    click.echo(render(outcomes, teams, steps), nl=False)
    if any(outcome.problems for outcome in outcomes):
        sys.exit(1)
