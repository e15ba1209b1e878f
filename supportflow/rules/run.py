"""Run every semantic rule over a resolved policy.

A rule that crashes becomes an internal-error finding, as in cfn-lint, instead
of taking the run down.
"""

from __future__ import annotations

from supportflow.diagnostics.findings import Finding, Location
from supportflow.diagnostics.ruledocs.internal import RULE_CRASHED
from supportflow.model import Policy
from supportflow.rules import RULE_MODULES
from supportflow.rules.check import checks_in


def run_rules(policy: Policy) -> list[Finding]:
    findings: list[Finding] = []
    for module in RULE_MODULES:
        for doc, check in checks_in(module):
            try:
                findings.extend(check(policy, doc))
            except Exception as error:
                first = policy.files[0] if policy.files else "<policy>"
                findings.append(
                    RULE_CRASHED.finding(
                        f"rule {doc.id} ({doc.title}) failed: {type(error).__name__}: {error}",
                        Location(first),
                    )
                )
    return findings
