"""Run every registered semantic rule over a resolved policy.

Importing the rule modules registers them. A rule that crashes becomes an
internal-error finding, as in cfn-lint, instead of taking the run down.
"""

from __future__ import annotations

from supportflow.findings import Finding, Location
from supportflow.model import Policy
from supportflow.rules import (  # noqa: F401  (imported to register their rules)
    calendars,
    data_protection,
    durations,
    escalations,
    matrix,
    references,
    targets,
)
from supportflow.rules.registry import SEMANTIC_CHECKS, declare

RULE_CRASHED = declare(
    "E900",
    "A rule failed",
    """
    A rule raised an unexpected error on this policy. The other rules still
    ran. This is a bug in supportflow; please report it with the policy.
    """,
    "Report this with the policy that caused it.",
    "# any policy that makes a rule fail",
    "# the same policy, once the bug is fixed",
)


def run_checks(policy: Policy) -> list[Finding]:
    findings: list[Finding] = []
    for doc, check in SEMANTIC_CHECKS:
        try:
            findings.extend(check(policy, doc))
        except Exception as error:
            first = policy.source.files[0].name if policy.source.files else "<policy>"
            findings.append(
                RULE_CRASHED.finding(
                    f"rule {doc.id} ({doc.title}) failed: {type(error).__name__}: {error}",
                    Location(first),
                )
            )
    return findings
