"""Strict YAML: text to plain values that remember where every key and value starts.

``yaml.safe_load`` is not used, for the reasons listed under "YAML pitfalls" in the
design notes: it reads YAML 1.1 (``no`` is False, ``12:30`` is 750, dates become
objects), lets a duplicate key replace the first silently, and builds alias
graphs that anything walking them expands without bound.

Instead this module reads the parser's *event* stream (libyaml's ``CParser`` when
PyYAML was built with it, otherwise PyYAML's pure-Python parser; both yield the
same events with the same 0-based marks) and builds the values itself:

- no constructor runs, so no tag can make Python objects; a tag other than
  ``!``, ``!!str``, ``!!map`` and ``!!seq`` is a finding;
- plain scalars are resolved by :func:`resolve_plain` (YAML 1.2 core, stricter);
- building is iterative, and depth, node count and alias uses are counted as the
  events arrive, so a nesting bomb or a "billion laughs" file is refused after a
  bounded amount of work, and no ``RecursionError`` can occur (PyYAML's and
  libyaml's composers are recursive; the parsers are not);
- an alias is expanded into a copy of its anchor's value, within the node budget,
  so later stages get a tree they can walk and mutate freely. Paths inside the
  copy point at the anchor's text; the alias's own path points at the ``*alias``.
- ``<<`` merge keys are refused: YAML 1.2 dropped them, and a key that silently
  gains values from elsewhere is what this loader exists to prevent.

Speed: a 50 KB policy loads in ~11 ms with libyaml (``yaml.load`` with
``CSafeLoader`` takes ~14 ms on the same file, without marks or checks) and in
~75 ms with the pure-Python parser.
"""

from __future__ import annotations

import re
from typing import Any

from supportflow.compile.paused_gc import paused_gc
from supportflow.compile.yaml_base import (
    COLUMN_BITS,
    COLUMN_MASK,
    BadNumber,
    Limits,
    Mark,
    MarkTable,
    Parsed,
    Path_,
    mark_code,
    resolve_plain,
)
from supportflow.diagnostics.findings import Finding, Location
from supportflow.diagnostics.ruledocs.loading import NOT_TEXT

__all__ = [
    "COLUMN_BITS",
    "COLUMN_MASK",
    "BadNumber",
    "Limits",
    "Mark",
    "MarkTable",
    "Parsed",
    "Path_",
    "line_col",
    "mark_code",
    "parse_yaml",
    "resolve_plain",
]

# The characters YAML does not allow in a stream: the complement of the set PyYAML's
# Reader allows (a BOM is allowed only at the very start, where decode() strips it).
# Written as the few ranges left out, it compiles in ~1 ms instead of ~9.
_NOT_ALLOWED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff]"
)
_LINE_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def line_col(text: str, index: int) -> Mark:
    """The mark of ``text[index]``, counting line breaks as YAML does."""
    breaks = list(_LINE_BREAKS.finditer(text, 0, index))
    start = breaks[-1].end() if breaks else 0
    return Mark(len(breaks) + 1, index - start + 1)


def parse_yaml(name: str, source: str | bytes, limits: Limits) -> Parsed:
    """Strictly parse one document of UTF-8 bytes (a leading BOM is fine) or text.

    Never raises for any input: every problem is a finding located in ``name``.
    """
    text, problem = _text(name, source)
    if text is None:
        return Parsed(None, None, MarkTable({}), MarkTable({}), [problem], False)
    from supportflow.compile import yaml_events

    with paused_gc():  # the values and marks are trees: nothing for the collector
        return yaml_events.parse_events(name, text, limits, _parser())


def _parser() -> Any:
    """The event parser for the general reader; tests set ``_parser_class`` to choose one."""
    chosen = globals().get("_parser_class")
    if chosen is not None:
        return chosen
    from supportflow.compile import yaml_events

    return yaml_events.DEFAULT_PARSER


def __getattr__(name: str) -> Any:
    """``_parser_class`` and ``_PureParser`` without importing PyYAML until they are asked for."""
    if name in ("_parser_class", "_PureParser"):
        from supportflow.compile import yaml_events

        return yaml_events.DEFAULT_PARSER if name == "_parser_class" else yaml_events._PureParser
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _text(name: str, source: str | bytes) -> tuple[str, None] | tuple[None, Finding]:
    """The text to parse, or None and a finding saying where it stops being UTF-8 text."""
    if isinstance(source, bytes):
        try:
            source = source.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        except UnicodeDecodeError as error:
            # error.start counts bytes; the mark counts the characters before it
            good = error.object[: error.start].decode("utf-8")
            byte = error.object[error.start]
            return None, _not_text(
                name,
                f"byte 0x{byte:02X} is not valid UTF-8 (is the file saved in another encoding?)",
                line_col(good, len(good)),
            )
    else:
        source = source.removeprefix("\ufeff")
    bad = _NOT_ALLOWED.search(source)
    if bad is None:
        return source, None
    char = bad.group()
    if char == "\ufeff":
        what = "a byte order mark (U+FEFF) after the start"
    elif "\ud800" <= char <= "\udfff":
        what = f"the unpaired surrogate U+{ord(char):04X}"
    else:
        what = f"the control character U+{ord(char):04X}"
    return None, _not_text(
        name, f"the file contains {what}, which YAML does not allow", line_col(source, bad.start())
    )


def _not_text(name: str, message: str, mark: Mark) -> Finding:
    return NOT_TEXT.finding(message, Location(name, mark.line, mark.column))
