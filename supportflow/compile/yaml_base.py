"""What the YAML reader's stages share: limits, marks and the values of plain scalars.

:mod:`supportflow.compile.yaml_reader` checks a file's text and hands it to
:mod:`yaml_events`, which builds a :class:`Parsed` from these. A reader that spares
PyYAML's import for common files (not written yet) would build the same from them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from typing import Any

from supportflow.diagnostics.findings import Finding
from supportflow.frozen import frozen

Path_ = tuple[str | int, ...]


@frozen
class Mark:
    """A 1-based position in a file's text; columns count characters, not bytes."""

    line: int
    column: int


COLUMN_BITS = 32
COLUMN_MASK = (1 << COLUMN_BITS) - 1


def mark_code(line: int, column: int) -> int:
    """A 1-based mark packed into one int, never 0: a file of a million marks builds no objects."""
    return line << COLUMN_BITS | column


def mark_of(code: int) -> Mark:
    return Mark(code >> COLUMN_BITS, code & COLUMN_MASK)


class MarkTable(Mapping[Path_, Mark]):
    """Marks by path, kept as :func:`mark_code` ints in ``codes`` and shown as :class:`Mark`."""

    __slots__ = ("codes",)

    def __init__(self, codes: dict[Path_, int]) -> None:
        self.codes = codes

    def __getitem__(self, path: Path_) -> Mark:
        return mark_of(self.codes[path])

    def __iter__(self) -> Iterator[Path_]:
        return iter(self.codes)

    def __len__(self) -> int:
        return len(self.codes)

    def __repr__(self) -> str:
        return f"MarkTable({len(self.codes)} marks)"


@frozen
class Limits:
    """Bounds that keep hostile or broken input cheap to refuse.

    Real policies are far inside every bound: a large one is ~50 KB, a few
    thousand values, nested fewer than ten levels, with a handful of anchors.

    - ``max_file_bytes``: 20x a large policy; checked with ``stat`` before reading.
    - ``max_depth``: 64 levels keeps every recursive walk in later stages far from
      Python's recursion limit (1000).
    - ``max_nodes``: values after alias expansion; 200k is ~50x a large policy and
      a few tens of MB of Python objects at most.
    - ``max_alias_uses``: each use copies its anchor; a thousand uses is far more
      than shared hours or contacts need, and stops alias-heavy generated files
      before they cost time.
    - ``max_files``: files per policy, so a wrong target (a home folder) fails fast.
    """

    max_file_bytes: int = 1_000_000
    max_depth: int = 64
    max_nodes: int = 200_000
    max_alias_uses: int = 1_000
    max_files: int = 1_000


PLAIN_CONSTANTS: dict[str, Any] = {
    "": None,
    "~": None,
    "null": None,
    "Null": None,
    "NULL": None,
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_NOT_FINITE = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
NUMBER_START = frozenset("+-.0123456789")


class BadNumber(ValueError):
    """A plain scalar that looks like a number no policy can use."""


def resolve_plain(text: str) -> Any:
    """The value of an unquoted, untagged scalar.

    YAML 1.2 core, with every doubtful case kept as the text written:

    - null: empty, ``~``, ``null``/``Null``/``NULL``; booleans: only
      ``true``/``false`` in those three spellings (``no``, ``yes``, ``on``, ``off``,
      ``y``, ``n`` stay text, so the language code ``no`` survives);
    - integers: decimal only, without leading zeros or underscores. ``010``,
      ``0o17``, ``0x1F`` and ``1_000`` stay text: YAML 1.1 and 1.2 disagree on
      them, and an id or postcode must not lose its zero;
    - floats: 1.2 core syntax (``1.5``, ``1e3``), again without leading zeros, so
      ``08.30`` stays text; ``.inf``/``.nan`` and overflow raise :class:`BadNumber`;
    - everything else is text: ``12:30`` (no base 60), ``2026-12-24`` (no dates).
    """
    if text in PLAIN_CONSTANTS:
        return PLAIN_CONSTANTS[text]
    if text[0] not in NUMBER_START:
        return text
    if _INT.fullmatch(text):
        try:
            return int(text)
        except ValueError:  # beyond Python's int-from-text digit limit
            raise BadNumber(f"the integer {text[:20]}... has too many digits") from None
    if _FLOAT.fullmatch(text):
        number = float(text)
        if math.isinf(number):
            raise BadNumber(f"the number {text[:40]} is too large")
        return number
    if _NOT_FINITE.fullmatch(text):
        raise BadNumber(f"'{text}' is not a finite number")
    return text


@frozen
class Parsed:
    """One file's text, values and marks; ``usable`` is False when ``data`` cannot be trusted."""

    text: str | None  # None when the input is not UTF-8 text
    data: Any
    key_marks: MarkTable
    value_marks: MarkTable
    findings: list[Finding]
    usable: bool
