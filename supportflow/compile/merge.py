"""Merge the files of one policy into sections keyed by id.

A policy may span a folder (one file per product or team); ids defined in one
file are referenced from the others. Each merged value remembers the file and
path it came from, so later stages report findings where the user wrote them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from supportflow.diagnostics.findings import Finding, Location
from supportflow.diagnostics.ruledocs.references import (
    DUPLICATE_ID,
    DUPLICATE_LANGUAGE,
    DUPLICATE_SECTION,
)
from supportflow.frozen import field, frozen

if TYPE_CHECKING:
    from supportflow.compile.loader import LoadedFile

# Sections keyed by id, with what one entry is called in messages.
KEYED_SECTIONS = {
    "products": "product",
    "channels": "channel",
    "calendars": "calendar",
    "request_types": "request type",
    "severities": "severity",
    "priorities": "priority",
    "teams": "team",
    "escalations": "escalation",
}
SINGLE_SECTIONS = (
    "organization",
    "priority_matrix",
    "triage",
    "routing",
    "incident",
    "lifecycle",
    "case_reference",
    "data_protection",
)


class Entry:
    """A value and where it was written: its file and its path inside that file.

    Resolve makes one for nearly every value of a policy (half a million for 10,000
    teams), so it is a plain slotted class rather than a frozen dataclass, whose
    ``__init__`` costs twice as much; nothing assigns to an entry after creation.
    """

    __slots__ = ("file", "path", "value")

    def __init__(self, value: Any, file: LoadedFile, path: tuple[str | int, ...]) -> None:
        self.value = value
        self.file = file
        self.path = path

    def at(self, *sub: str | int, key: bool = False) -> Location:
        """Where the value (or ``sub`` inside it) is written."""
        return self.file.location((*self.path, *sub) if sub else self.path, key=key)

    def child(self, *sub: str | int) -> Entry:
        value = self.value
        for part in sub:
            value = value[part]
        return Entry(value, self.file, (*self.path, *sub))

    def items(self) -> Iterator[tuple[str, Entry]]:
        """The entries of a mapping value; nothing when the value is not a mapping."""
        if isinstance(self.value, dict):
            file, path = self.file, self.path
            for key, value in self.value.items():
                yield key, Entry(value, file, (*path, key))

    def elements(self) -> Iterator[Entry]:
        """The entries of a list value; nothing when the value is not a list."""
        if isinstance(self.value, list):
            file, path = self.file, self.path
            for index, value in enumerate(self.value):
                yield Entry(value, file, (*path, index))

    def each(self, key: str) -> list[Entry]:
        """The elements of the list under ``key``; none when the key is absent."""
        found = self.get(key)
        return list(found.elements()) if found is not None else []

    def get(self, key: str) -> Entry | None:
        value = self.value
        if isinstance(value, dict) and key in value:
            return Entry(value[key], self.file, (*self.path, key))
        return None


@frozen
class PolicySource:
    """Every file's sections merged; the input of the resolve and check stages."""

    files: list[LoadedFile]
    keyed: dict[str, dict[str, Entry]] = field(default_factory=dict)
    single: dict[str, Entry] = field(default_factory=dict)
    languages: dict[str, Entry] = field(default_factory=dict)
    matrix: dict[tuple[str, str], Entry] = field(default_factory=dict)
    matrix_products: dict[str, Entry] = field(default_factory=dict)

    def section(self, name: str) -> dict[str, Entry]:
        return self.keyed.get(name, {})


def merge(files: list[LoadedFile]) -> tuple[PolicySource, list[Finding]]:
    """Merge files in order; the first definition wins and later ones are findings."""
    source = PolicySource(files=files, keyed={name: {} for name in KEYED_SECTIONS})
    findings: list[Finding] = []
    for loaded in files:
        root = Entry(loaded.data, loaded, ())
        for name, singular in KEYED_SECTIONS.items():
            section = root.get(name)
            if section is not None:
                findings.extend(_merge_keyed(source.keyed[name], section, singular))
        for name in SINGLE_SECTIONS:
            entry = root.get(name)
            if entry is None:
                continue
            if name in source.single:
                first = source.single[name]
                findings.append(
                    DUPLICATE_SECTION.finding(
                        f"'{name}' is already defined in another file",
                        entry.at(key=True),
                        related=(first.at(key=True),),
                    )
                )
            else:
                source.single[name] = entry
        languages = root.get("languages")
        if languages is not None:
            findings.extend(_merge_languages(source.languages, languages))
        matrix = root.get("support_matrix")
        if matrix is not None:
            findings.extend(_merge_matrix(source, matrix))
    return source, findings


def _merge_keyed(target: dict[str, Entry], section: Entry, singular: str) -> Iterator[Finding]:
    for key, entry in section.items():
        if key in target:
            yield _duplicate(f"{singular} '{key}'", entry, target[key])
        else:
            target[key] = entry


def _merge_languages(target: dict[str, Entry], languages: Entry) -> Iterator[Finding]:
    for entry in languages.elements():
        code = entry.value
        if not isinstance(code, str):
            continue
        if code in target and target[code].file is languages.file:
            yield DUPLICATE_LANGUAGE.finding(
                f"language '{code}' is listed twice", entry.at(), related=(target[code].at(),)
            )
        target.setdefault(code, entry)


def _merge_matrix(source: PolicySource, matrix: Entry) -> Iterator[Finding]:
    for product, row in matrix.items():
        source.matrix_products.setdefault(product, row)
        for language, cell in row.items():
            if (product, language) in source.matrix:
                first = source.matrix[(product, language)]
                yield _duplicate(f"support matrix cell {product}/{language}", cell, first)
            else:
                source.matrix[(product, language)] = cell


def _duplicate(what: str, entry: Entry, first: Entry) -> Finding:
    return DUPLICATE_ID.finding(
        f"{what} is already defined in another file",
        entry.at(key=True),
        related=(first.at(key=True),),
    )
