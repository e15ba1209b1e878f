"""Escalation ladder rules that need no graph: each step on its own.

Whole-ladder analysis (unreachable tiers, loops, hours when a step reaches
nobody) belongs to the graph and coverage analyses.
"""

from __future__ import annotations

from collections.abc import Iterator

from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding
from supportflow.diagnostics.ruledocs.escalations import SELF_ESCALATION
from supportflow.model import Policy
from supportflow.rules.check import rule


@rule(SELF_ESCALATION)
def check_self_steps(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    for ladder in policy.escalations.values():
        for step in ladder.steps:
            if step.source.id == step.to.id:
                yield doc.finding(
                    f"escalation '{ladder.id}' has a step from '{step.source.id}' to itself",
                    step.to.where,
                )
