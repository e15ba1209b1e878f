"""The Python API for programs that use a policy rather than report on it.

``validate_policy`` reports; the functions here refuse: they hand back parts
of a policy only when it validates without errors, and otherwise raise
:class:`PolicyError` with a message a process owner can act on.
"""

from __future__ import annotations

import os

from supportflow.findings import Severity
from supportflow.loader import InputError
from supportflow.model import Policy
from supportflow.schedule import CalendarSpec
from supportflow.validate import validate_policy


class PolicyError(ValueError):
    """The policy cannot be used: it is unreadable, has errors, or lacks what was asked for."""


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
