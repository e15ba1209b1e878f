"""Redaction patterns that compile but cannot do their job.

A pattern that does not compile is reported while the model is built (E801).
These checks read the compiled patterns: a backspace that YAML's double quotes
made out of ``\\b``, and a pattern that matches the empty string.
"""

from __future__ import annotations

from collections.abc import Iterator

from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding
from supportflow.diagnostics.ruledocs.data_protection import (
    BACKSPACE_IN_PATTERN,
    EMPTY_MATCH_PATTERN,
)
from supportflow.model import Policy, RedactionRule
from supportflow.rules.check import rule

BACKSPACE = "\b"
# Texts to look for empty matches in: an empty ticket, and one with words,
# punctuation and digits, so boundaries and lookarounds get their chance.
PROBES = ("", "password: hunter2, card 4111 1111 1111 1111. Hej!")


def _rules(policy: Policy) -> tuple[RedactionRule, ...]:
    return policy.data_protection.redaction if policy.data_protection else ()


@rule(BACKSPACE_IN_PATTERN)
def check_backspaces(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    for redaction in _rules(policy):
        count = redaction.pattern.count(BACKSPACE)
        if count:
            yield doc.finding(
                f"redaction pattern '{redaction.name}' holds {count} backspace character(s)"
                " (U+0008), which YAML's double quotes made out of \\b; it redacts nothing",
                redaction.where,
            )


@rule(EMPTY_MATCH_PATTERN)
def check_empty_matches(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    for redaction in _rules(policy):
        if redaction.compiled is not None and _matches_empty(redaction):
            yield doc.finding(
                f"redaction pattern '{redaction.name}' matches empty text, so it would put"
                f" '{redaction.replacement}' between characters instead of hiding anything:"
                f" {redaction.pattern}",
                redaction.where,
            )


def _matches_empty(redaction: RedactionRule) -> bool:
    assert redaction.compiled is not None
    return any(
        match.start() == match.end()
        for probe in PROBES
        for match in redaction.compiled.finditer(probe)
    )
