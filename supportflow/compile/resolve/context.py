"""What every section builder shares: the findings so far, references, located errors."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

from supportflow.compile.merge import Entry
from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding, Location
from supportflow.model import Ref
from supportflow.shortforms import ShortFormError

T = TypeVar("T")
CUSTOMER = "customer"  # may be notified like a team, but is not one


class Resolution:
    """One resolve run: findings collected while the model is built."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def report(self, finding: Finding) -> None:
        self.findings.append(finding)

    def syntax(self, rule: RuleDoc, entry: Entry, error: ShortFormError) -> None:
        self.findings.append(syntax_finding(rule, entry, error))


def ref(entry: Entry, table: Mapping[str, T]) -> Ref[T]:
    """The id in ``entry``, linked to what it names in ``table`` (if anything)."""
    return Ref(entry.value, entry.at(), table.get(entry.value))


def refs(entries: Iterable[Entry], table: Mapping[str, T]) -> tuple[Ref[T], ...]:
    return tuple(ref(entry, table) for entry in entries)


def optional_ref(entry: Entry | None, table: Mapping[str, T]) -> Ref[T] | None:
    return ref(entry, table) if entry is not None else None


def optional_refs(entry: Entry | None, table: Mapping[str, T]) -> tuple[Ref[T], ...] | None:
    """A list of ids, or None when the key is absent (which means 'any')."""
    return refs(entry.elements(), table) if entry is not None else None


def string_location(entry: Entry, offset: int) -> Location:
    """The location of character ``offset`` inside a one-line scalar, past any quote."""
    start = entry.at()
    line = entry.file.source_line(start.line) if start.line else ""
    quoted = 1 if line[start.column - 1 : start.column] in ("'", '"') else 0
    return Location(start.file, start.line, start.column + quoted + offset)


def syntax_finding(rule: RuleDoc, entry: Entry, error: ShortFormError) -> Finding:
    """A short-form parse error, pointing at the offending character of the value."""
    shown = repr(entry.value)
    message = error.message if shown in error.message else f"{error.message} in {shown}"
    return rule.finding(
        message,
        string_location(entry, error.offset),
        hint=error.hint or rule.hint,
    )
