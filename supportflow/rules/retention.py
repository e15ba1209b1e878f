"""Retention and redaction rules: periods that disagree, data kept with no rule, and
redaction patterns that miss their own examples."""

from __future__ import annotations

from collections.abc import Iterator

from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding, Location
from supportflow.diagnostics.ruledocs.escalations import (
    CONFLICTING_RETENTION,
    DATA_WITHOUT_RETENTION,
    REDACTION_MISSES_EXAMPLES,
)
from supportflow.model import Policy, RetentionRule
from supportflow.rules.check import rule


def _period(rule: RetentionRule) -> str:
    return str(rule.after) if rule.after is not None else "no period"


@rule(CONFLICTING_RETENTION)
def check_conflicts(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    protection = policy.data_protection
    if protection is None:
        return
    first: dict[tuple[str, str | None, str | None], RetentionRule] = {}
    for retention in protection.retention:
        status = retention.status.id if retention.status else None
        earlier = first.setdefault((retention.data, retention.condition, status), retention)
        if earlier is not retention and earlier.after != retention.after:
            on = f" on {retention.condition}" if retention.condition else ""
            state = f" ({status})" if status else ""
            yield doc.finding(
                f"two retention periods for {retention.data}{on}{state}: {_period(earlier)}"
                f" and {_period(retention)}",
                retention.where,
                related=(earlier.where,),
            )


def _in_play(policy: Policy) -> dict[str, Location | None]:
    """The data a policy collects, with the channel that collects it (None: every policy)."""
    found: dict[str, Location | None] = {"tickets": None}
    for channel in policy.channels.values():
        if channel.kind == "ticket_portal":
            found.setdefault("user_accounts", channel.where)
    offered = {ref.id for cell in policy.support_matrix for ref in cell.available}
    for channel in policy.channels.values():
        if channel.kind == "chat" and channel.id in offered:
            found.setdefault("chat_transcripts", channel.where)
    return found


@rule(DATA_WITHOUT_RETENTION)
def check_uncovered(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    protection = policy.data_protection
    if protection is None or not protection.retention:
        return  # a policy that states no retention yet is not judged category by category
    covered = {retention.data for retention in protection.retention}
    for data, collected_at in _in_play(policy).items():
        if data not in covered:
            why = " (collected through the channel shown)" if collected_at else ""
            yield doc.finding(
                f"no retention rule says when {data.replace('_', ' ')} are deleted{why}",
                protection.where,
                related=(collected_at,) if collected_at else (),
            )


@rule(REDACTION_MISSES_EXAMPLES)
def check_redaction_examples(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    protection = policy.data_protection
    if protection is None:
        return
    for redaction in protection.redaction:
        if redaction.compiled is None or not redaction.examples:
            continue
        if not any(redaction.compiled.search(example) for example in redaction.examples):
            yield doc.finding(
                f"redaction pattern '{redaction.name}' matches none of its"
                f" {len(redaction.examples)} example(s)",
                redaction.examples_where or redaction.where,
            )
