"""What every section builder shares: the findings so far, references, located errors."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any, TypeVar

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
        self._parsed: dict[tuple[Hashable, ...], Any] = {}

    def parsed(self, parse: Callable[..., T], *args: Hashable) -> T:
        """``parse(*args)``, computed once per distinct arguments in this run.

        A large policy repeats a handful of short forms (10,000 teams' ladders write
        '30m' and '1 business day' 36,000 times); the parsers are pure and return
        immutable values, so each distinct text is parsed once. A text that does not
        parse raises every time, so each place it is written is reported.
        """
        key = (parse, *args)
        try:
            return self._parsed[key]
        except KeyError:
            value = self._parsed[key] = parse(*args)
            return value

    def report(self, finding: Finding) -> None:
        self.findings.append(finding)

    def syntax(self, rule: RuleDoc, entry: Entry, error: ShortFormError) -> None:
        self.findings.append(syntax_finding(rule, entry, error))


def ref(entry: Entry, table: Mapping[str, T]) -> Ref[T]:
    """The id in ``entry``, linked to what it names in ``table`` (if anything)."""
    return Ref(entry.value, entry.at(), table.get(entry.value))


def child_ref(entry: Entry, key: str, table: Mapping[str, T]) -> Ref[T]:
    """``ref(entry.child(key), table)``, without making the Entry."""
    value = entry.value[key]
    return Ref(value, entry.at(key), table.get(value))


def refs(entries: Iterable[Entry], table: Mapping[str, T]) -> tuple[Ref[T], ...]:
    return tuple(ref(entry, table) for entry in entries)


def listed_refs(entry: Entry, key: str, table: Mapping[str, T]) -> tuple[Ref[T], ...]:
    """The ids listed under ``key``, linked; none when the key is absent."""
    found = entry.get(key)
    return element_refs(found, table) if found is not None else ()


def element_refs(entry: Entry, table: Mapping[str, T]) -> tuple[Ref[T], ...]:
    """The ids of a list value, linked; none when the value is not a list.

    ``refs(entry.elements(), table)`` without an Entry per id: teams list every
    language and ladder steps their priorities, a few hundred thousand ids in all.
    """
    ids = entry.value
    if not isinstance(ids, list):
        return ()
    file, path = entry.file, entry.path
    return tuple(
        [Ref(id_, file.location((*path, index)), table.get(id_)) for index, id_ in enumerate(ids)]
    )


def optional_ref(entry: Entry | None, table: Mapping[str, T]) -> Ref[T] | None:
    return ref(entry, table) if entry is not None else None


def optional_refs(entry: Entry | None, table: Mapping[str, T]) -> tuple[Ref[T], ...] | None:
    """A list of ids, or None when the key is absent (which means 'any')."""
    return element_refs(entry, table) if entry is not None else None


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
