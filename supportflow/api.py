"""The Python API: what the CLI wraps and other programs call.

``validate_policy`` reports every finding; ``load_valid_policy`` refuses: it
hands back the model only when the policy has no errors, and otherwise raises
:class:`PolicyError` with a message a process owner can act on.

The pipeline is load → schema → merge → resolve → rules. Each stage says
whether its output can be used: the loader whether every file and include was
read (else every id defined in a lost file would be reported as unknown), the
schema stage whether every value has a shape later stages can read. Problems the
loader recovers from, unknown keys and badly formed values do not stop the
rules: one typo should not hide the policy's other problems.
"""

from __future__ import annotations

import os

from supportflow.businesstime.spec import CalendarSpec
from supportflow.compile.loader import InputError, LoadedFile, load_policy
from supportflow.compile.merge import merge
from supportflow.compile.paused_gc import paused_gc
from supportflow.compile.resolve import resolve
from supportflow.compile.schema import check_files
from supportflow.diagnostics.findings import Finding, Severity, sort_findings
from supportflow.frozen import frozen
from supportflow.model import Policy
from supportflow.rules.run import run_rules

__all__ = [
    "InputError",
    "PolicyError",
    "Validation",
    "load_calendar_spec",
    "load_valid_policy",
    "validate_policy",
]


@frozen
class Validation:
    """What ``validate`` found; ``policy`` is None when loading or the schema failed."""

    files: list[LoadedFile]
    findings: list[Finding]
    policy: Policy | None


class PolicyError(ValueError):
    """The policy cannot be used: it is unreadable, has errors, or lacks what was asked for."""


def validate_policy(target: str | os.PathLike[str]) -> Validation:
    """Validate the policy folder or file at ``target``; raises ``InputError`` if unreadable."""
    with paused_gc():  # every stage builds trees; see paused_gc for the cost it saves
        loaded = load_policy(target)
        shapes = check_files(loaded.files)
        findings = [*loaded.findings, *shapes.findings]
        policy = None
        if loaded.complete and shapes.readable:
            source, merge_findings = merge(loaded.files)
            policy, resolve_findings = resolve(source)
            findings += merge_findings + resolve_findings + run_rules(policy)
    return Validation(loaded.files, sort_findings(findings), policy)


def load_valid_policy(path: str | os.PathLike[str]) -> Policy:
    """The resolved policy at ``path``; raises PolicyError naming the first errors."""
    try:
        result = validate_policy(path)
    except InputError as error:
        raise PolicyError(str(error)) from error
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    if errors or result.policy is None:
        shown = "; ".join(f"{f.location}: {f.rule_id} {f.message}" for f in errors[:3])
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        raise PolicyError(
            f"the policy at {os.fspath(path)} has {len(errors)} error(s): {shown}{more};"
            " run `supportflow validate` for details"
        )
    return result.policy


def load_calendar_spec(policy_path: str | os.PathLike[str], calendar_id: str) -> CalendarSpec:
    """One calendar of a valid policy, ready for the business-time engine."""
    policy = load_valid_policy(policy_path)
    calendar = policy.calendars.get(calendar_id)
    if calendar is None:
        known = ", ".join(sorted(policy.calendars)) or "none"
        raise PolicyError(f"the policy has no calendar {calendar_id!r} (calendars: {known})")
    return calendar.spec
