"""Findings: what every stage reports instead of raising.

A finding is data (rule id, severity, message, location, hint). Formatters turn
findings into text, JSON, SARIF, JUnit or GitHub annotations; nothing in the
engine prints.
"""

from __future__ import annotations

import enum

from supportflow.frozen import field, frozen


class Severity(enum.IntEnum):
    """Ordered so that ``--fail-on`` can compare levels."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.upper()]


@frozen(order=True)
class Location:
    """A 1-based line and column in a policy file; ``file`` is as the user named it."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


@frozen
class Finding:
    """One located problem, with the rule that found it and a hint on fixing it."""

    rule_id: str
    severity: Severity
    message: str
    location: Location
    hint: str = ""
    related: tuple[Location, ...] = field(default=())

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.file, loc.line, loc.column, self.rule_id, self.message)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Sort by (file, line, column, id) and drop exact duplicates, as cfn-lint does."""
    unique = {(f.sort_key, f.hint, f.related): f for f in findings}
    return sorted(unique.values(), key=lambda f: f.sort_key)


def worst(findings: list[Finding]) -> Severity | None:
    return max((f.severity for f in findings), default=None)
