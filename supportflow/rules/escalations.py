"""Escalation ladder rules that need no graph: each step on its own.

Whole-ladder analysis (unreachable tiers, loops, hours when a step reaches
nobody) belongs to the graph and coverage analyses.
"""

from __future__ import annotations

from collections.abc import Iterator

from supportflow.findings import Finding
from supportflow.model import Policy
from supportflow.rules.registry import RuleDoc, declare, semantic_rule

SELF_ESCALATION = declare(
    "E601",
    "Step escalates a team to itself",
    """
    An escalation step moves a ticket from a team to the same team. Nothing
    changes hands; a reminder to the same team is a `repeat:` on the step
    that led there, which is bounded.
    """,
    "Point `to:` at the next tier, or use `repeat:` for reminders.",
    """
    escalations:
      standard:
        steps:
          - {from: first-line, to: first-line, when: {time_in_tier: 4h}}
    """,
    """
    escalations:
      standard:
        steps:
          - {from: first-line, to: second-line, when: {time_in_tier: 4h}}
    """,
)


@semantic_rule(SELF_ESCALATION)
def check_self_steps(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    for ladder_id, ladder in policy.source.section("escalations").items():
        for step in ladder.child("steps").elements():
            if step.value["from"] == step.value["to"]:
                yield doc.finding(
                    f"escalation '{ladder_id}' has a step from '{step.value['from']}' to itself",
                    step.at("to"),
                )
