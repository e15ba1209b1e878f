"""Every finding carries a rule id that is documented here.

Load and schema stages report under ids declared with :func:`declare`; semantic
rules are classes registered with :func:`semantic_rule`. ``supportflow rules``
and ``supportflow explain`` read this registry, so a rule cannot exist without
its documentation, a bad example and a good one.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from supportflow.findings import Finding, Location, Severity

_ID = re.compile(r"^[EWI]\d{3}$")
_SEVERITY_BY_PREFIX = {"E": Severity.ERROR, "W": Severity.WARNING, "I": Severity.INFO}
DOCS_URL = "https://supportflow.dev/rules/{id}"


@dataclass(frozen=True)
class RuleDoc:
    """A rule's stable id and documentation; the id's letter fixes its severity."""

    id: str
    title: str
    description: str
    hint: str
    bad: str
    good: str

    @property
    def severity(self) -> Severity:
        return _SEVERITY_BY_PREFIX[self.id[0]]

    @property
    def url(self) -> str:
        return DOCS_URL.format(id=self.id)

    def finding(
        self,
        message: str,
        location: Location,
        hint: str | None = None,
        related: tuple[Location, ...] = (),
    ) -> Finding:
        return Finding(
            rule_id=self.id,
            severity=self.severity,
            message=message,
            location=location,
            hint=self.hint if hint is None else hint,
            related=related,
        )


REGISTRY: dict[str, RuleDoc] = {}


def declare(id: str, title: str, description: str, hint: str, bad: str, good: str) -> RuleDoc:
    """Register a rule's documentation; examples are dedented so callers can indent them."""
    if not _ID.match(id):
        raise ValueError(f"rule id {id!r} must be E, W or I followed by three digits")
    if id in REGISTRY:
        raise ValueError(f"rule id {id} is declared twice")
    doc = RuleDoc(
        id=id,
        title=title,
        description=textwrap.dedent(description).strip(),
        hint=hint,
        bad=textwrap.dedent(bad).strip("\n"),
        good=textwrap.dedent(good).strip("\n"),
    )
    REGISTRY[id] = doc
    return doc


SemanticCheck = Callable[..., Iterator[Finding]]
SEMANTIC_CHECKS: list[tuple[RuleDoc, SemanticCheck]] = []


def semantic_rule(doc: RuleDoc) -> Callable[[SemanticCheck], SemanticCheck]:
    """Register ``check(policy, doc)`` to run over every resolved policy."""

    def register(check: SemanticCheck) -> SemanticCheck:
        SEMANTIC_CHECKS.append((doc, check))
        return check

    return register


def load_all_rules() -> dict[str, RuleDoc]:
    """Import every module that declares rules, so the registry is complete."""
    import supportflow.loader
    import supportflow.rules.checks
    import supportflow.schema  # noqa: F401

    return dict(sorted(REGISTRY.items()))
