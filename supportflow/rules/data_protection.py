"""Data-protection rules: redaction patterns that work, retention that can be applied."""

from __future__ import annotations

import re
from collections.abc import Iterator

from supportflow.findings import Finding
from supportflow.model import Policy
from supportflow.resolve import string_location, syntax_finding
from supportflow.rules.registry import RuleDoc, declare, semantic_rule
from supportflow.schedule import ScheduleSyntaxError, parse_duration
from supportflow.source import Entry

BAD_REDACTION_PATTERN = declare(
    "E801",
    "Redaction pattern does not compile",
    """
    Redaction patterns are regular expressions (Python syntax). One that
    does not compile would redact nothing, and sensitive data would stay
    readable.
    """,
    "Fix the regular expression; quote it with single quotes so backslashes stay as written.",
    """
    data_protection:
      redaction:
        - name: Passwords
          pattern: '(?i)password\\s*[:=\\s*\\S+'
    """,
    """
    data_protection:
      redaction:
        - name: Passwords
          pattern: '(?i)password\\s*[:=]\\s*\\S+'
    """,
)
RETENTION_WITHOUT_PERIOD = declare(
    "E802",
    "Retention rule without a usable period",
    """
    A retention rule that deletes data some time after a status or after
    inactivity needs that time, written as a length such as `730d` or `P90D`;
    without it nothing can ever be deleted on schedule.
    """,
    "Add `after:` with a length such as 365d.",
    """
    data_protection:
      retention:
        - {data: user_accounts, condition: inactive, delete: delete}
    """,
    """
    data_protection:
      retention:
        - {data: user_accounts, condition: inactive, after: 365d, delete: delete}
    """,
)

NEEDS_PERIOD = ("after_status", "inactive")


def _section(policy: Policy, key: str) -> list[Entry]:
    protection = policy.source.single.get("data_protection")
    return protection.each(key) if protection is not None else []


@semantic_rule(BAD_REDACTION_PATTERN)
def check_patterns(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    for rule in _section(policy, "redaction"):
        pattern = rule.child("pattern")
        try:
            re.compile(pattern.value)
        except re.error as error:
            yield doc.finding(
                f"redaction pattern '{rule.value['name']}' does not compile: {error.msg}",
                string_location(pattern, error.pos or 0),
            )


@semantic_rule(RETENTION_WITHOUT_PERIOD)
def check_retention(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    for rule in _section(policy, "retention"):
        after = rule.get("after")
        if after is None:
            if rule.value.get("condition") in NEEDS_PERIOD:
                yield doc.finding(
                    f"retention of {rule.value['data']} on condition"
                    f" '{rule.value['condition']}' needs `after:`",
                    rule.at(),
                )
            continue
        try:
            parse_duration(after.value)
        except ScheduleSyntaxError as error:
            yield syntax_finding(doc, after, error)
