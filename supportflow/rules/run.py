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
    started: set[str] = set()
    for module in RULE_MODULES:
        begin = getattr(module, "start", None)
        if begin is not None:
            started.add(module.__name__)
            with contextlib.suppress(Exception):
                begin(policy)
    by_module = {
        module.__name__: _module_findings(policy, module)
        for module in sorted(RULE_MODULES, key=lambda module: module.__name__ in started)
    }
    return [finding for module in RULE_MODULES for finding in by_module[module.__name__]]


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
