"""Run every semantic rule over a resolved policy.

A rule that crashes becomes an internal-error finding, as in cfn-lint, instead
of taking the run down.
"""

from __future__ import annotations

import contextlib
from types import ModuleType

from supportflow.diagnostics.findings import Finding, Location
from supportflow.diagnostics.ruledocs.internal import RULE_CRASHED
from supportflow.model import Policy
from supportflow.rules import RULE_MODULES
from supportflow.rules.check import checks_in


def run_rules(policy: Policy) -> list[Finding]:
    """Every check's findings, module by module in ``RULE_MODULES`` order.

    A module may define ``start(policy)`` for costly work its checks share (the coverage
    sweep); every ``start`` runs first, and the checks of modules that started work run
    last, so work handed to other processes overlaps every other check. A ``start`` that
    fails is left for the module's checks to meet again, where the failure becomes their
    internal-error finding.
    """
    starting = [module for module in RULE_MODULES if hasattr(module, "start")]
    for module in starting:
        with contextlib.suppress(Exception):
            module.start(policy)
    others = [module for module in RULE_MODULES if not hasattr(module, "start")]
    found = {module: _module_findings(policy, module) for module in [*others, *starting]}
    return [finding for module in RULE_MODULES for finding in found[module]]


def _module_findings(policy: Policy, module: ModuleType) -> list[Finding]:
    findings: list[Finding] = []
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
