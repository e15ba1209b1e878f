"""The general YAML reader: PyYAML's event stream built into plain values and marks.

libyaml's ``CParser`` when PyYAML was built with it, otherwise PyYAML's pure-Python
parser; both yield the same events with the same 0-based marks. This is the only
module that imports PyYAML (~15 ms at start-up), and it is imported when the first
file is read, so commands that read no policy never pay for it.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    StreamEndEvent,
)
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from supportflow.compile.yaml_base import (
    COLUMN_BITS,
    NUMBER_START,
    PLAIN_CONSTANTS,
    BadNumber,
    Limits,
    Mark,
    MarkTable,
    Parsed,
    Path_,
    mark_of,
    resolve_plain,
)
from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding, Location
from supportflow.diagnostics.ruledocs.loading import (
    BAD_NUMBER,
    BAD_TAG,
    COMPLEX_KEY,
    DUPLICATE_KEY,
    EMPTY,
    MERGE_KEY,
    MULTI_DOC,
    NOT_MAPPING,
    SYNTAX,
    TAB_INDENT,
    TOO_BIG,
    TOO_DEEP,
)
from supportflow.frozen import frozen


class _PureParser(Reader, Scanner, Parser):
    """PyYAML's pure-Python parser without composer or constructor: events only."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)


try:
    from yaml.cyaml import CParser as DEFAULT_PARSER
except ImportError:  # PyYAML built without libyaml
    DEFAULT_PARSER = _PureParser  # type: ignore[misc,assignment]


_TAG = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = _TAG + "str", _TAG + "map", _TAG + "seq"


_NO_KEY = object()  # a mapping waits for its next key
_DROP = object()  # the value in this slot was reported and is not kept
_OPEN = object()  # an anchor whose value is still being built


@frozen
class _Anchor:
    """An anchored value, kept to expand its aliases: the count and depth guard its size."""

    value: Any
    path: Path_ | None  # None: no marks were recorded for the anchored value
    nodes: int
    depth: int


class _Frame:
    """An open mapping or sequence; ``path`` is None inside a value that is not kept."""

    __slots__ = (
        "anchor",
        "container",
        "deepest",
        "depth",
        "is_map",
        "key",
        "key_path",
        "nodes_at",
        "path",
    )

    def __init__(
        self, is_map: bool, path: Path_ | None, depth: int, anchor: str | None, nodes_at: int
    ) -> None:
        self.is_map = is_map
        self.container: Any = {} if is_map else []
        self.path = path
        self.depth = depth
        self.deepest = depth
        self.anchor = anchor
        self.nodes_at = nodes_at
        self.key: Any = _NO_KEY
        self.key_path: Path_ | None = None  # the path of the value that ``key`` waits for


class _Stop(Exception):
    """A limit was hit; the finding is recorded and the file is abandoned."""


def _mark(yaml_mark: Any) -> Mark:
    return Mark(yaml_mark.line + 1, yaml_mark.column + 1)


def _show_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


# Parser messages (PyYAML's and libyaml's wording) with advice in plain English.
_SYNTAX_HINTS = (
    (
        "mapping values are not allowed",
        "Check the indentation, or quote the value if it contains ': '.",
    ),
    ("could not find expected ':'", "A key needs ': ' after it; check for an unclosed quote."),
    ("expected key", "Line up the keys of one mapping at the same indentation."),
    ("expected '-'", "Line up the items of one list at the same indentation."),
    ("cannot start any token", "Quote the value: it starts with a character YAML reserves."),
    ("end of stream", "Close the quote or bracket opened earlier."),
    ("expected ','", "Separate items with ',' and close the bracket."),
)


_PLAIN_WORDS = (
    ("found unexpected end of stream", "the file ends too early"),
    ("in this context", "here"),
    ("block mapping", "mapping"),
    ("flow mapping", "{...} mapping"),
    ("flow sequence", "[...] list"),
    ("block sequence", "list"),
    ("scalar", "value"),
)


def _plain(parser_text: str) -> str:
    """Parser jargon in the words of the people who write policies."""
    for jargon, plain in _PLAIN_WORDS:
        parser_text = parser_text.replace(jargon, plain)
    return parser_text


class _Builder:
    """Turns one document's events into plain values, marks and findings."""

    def __init__(self, name: str, limits: Limits) -> None:
        self.name = name
        self.limits = limits
        self.key_marks: dict[Path_, int] = {}
        self.value_marks: dict[Path_, int] = {}
        self.findings: list[Finding] = []
        self.usable = True
        self.anchors: dict[str, Any] = {}
        self.nodes = 0
        self.alias_uses = 0
        self.root: Any = None
        self.root_empty = False

    def report(
        self, doc: RuleDoc, message: str, mark: Mark, *, fatal: bool = True, **extra: Any
    ) -> None:
        self.findings.append(doc.finding(message, self.at(mark), **extra))
        self.usable = self.usable and not fatal

    def at(self, mark: Mark) -> Location:
        return Location(self.name, mark.line, mark.column)

    def stop(self, doc: RuleDoc, message: str, mark: Mark) -> None:
        self.report(doc, message, mark)
        raise _Stop

    def run(self, text: str, parser_class: Any) -> None:
        parser = parser_class(text)
        get = parser.get_event
        get()  # stream start
        event = get()
        if type(event) is StreamEndEvent:
            self.report(EMPTY, "the file is empty or holds only comments", Mark(1, 1))
            return
        self.document(get)
        get()  # document end
        event = get()
        if type(event) is DocumentStartEvent:
            self.report(
                MULTI_DOC,
                "a second YAML document starts here; a file holds one policy document",
                _mark(event.start_mark),
            )
        elif not self.usable:
            return  # the root is incomplete; its shape says nothing
        elif self.root_empty:
            self.report(EMPTY, "the file holds no data", Mark(1, 1))
        elif not isinstance(self.root, dict):
            kind = "a list" if isinstance(self.root, list) else "a single value"
            self.report(
                NOT_MAPPING,
                f"the top level is {kind}, but a policy file must be a mapping of sections",
                mark_of(self.value_marks[()]),
            )

    def document(self, get: Any) -> None:
        """Build the root node; depth and node counts are checked per event.

        This loop runs once per event, a million times for a large policy, so the
        common events (an untagged key, an untagged scalar) are handled inline.
        """
        limits = self.limits
        value_marks = self.value_marks
        anchors = self.anchors
        stack: list[_Frame] = []
        frame: _Frame | None = None  # the innermost open collection
        path: Path_ | None
        while True:
            event = get()
            kind = type(event)
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                done = stack.pop()
                if done.anchor is not None:
                    anchors[done.anchor] = _Anchor(
                        done.container,
                        done.path,
                        self.nodes - done.nodes_at,
                        done.deepest - done.depth + 1,
                    )
                if not stack:
                    self.root = done.container
                    return
                frame = stack[-1]
                if done.deepest > frame.deepest:
                    frame.deepest = done.deepest
                value = done.container
            else:
                start = event.start_mark
                code = (start.line + 1) << COLUMN_BITS | (start.column + 1)
                if frame is None:
                    path = ()
                elif frame.is_map:
                    key = frame.key
                    if key is _NO_KEY:
                        if (
                            kind is ScalarEvent
                            and event.tag is None
                            and event.anchor is None
                            and event.value != "<<"
                        ):
                            self.nodes += 1
                            self.take_key(frame, event.value, code)
                            continue
                        if self.key(frame, event, code):
                            continue
                    path = frame.key_path if key is not _DROP and key is not _NO_KEY else None
                else:
                    base = frame.path
                    path = None if base is None else (*base, len(frame.container))
                if path is not None:
                    value_marks[path] = code

                if kind is ScalarEvent:
                    self.nodes += 1
                    if self.nodes > limits.max_nodes:
                        self.too_many(code)
                    text = event.value
                    tag = event.tag
                    if tag is None and event.implicit[0]:
                        if text in PLAIN_CONSTANTS:
                            value = PLAIN_CONSTANTS[text]
                        elif text[0] not in NUMBER_START:
                            value = text
                        else:
                            value = self.number(text, code)
                    elif tag is None or tag == "!" or tag == _STR:
                        value = text
                    else:
                        self.check_collection_tag(tag, _STR, mark_of(code))
                        value = None
                    if event.anchor is not None:
                        anchors[event.anchor] = _Anchor(value, None, 1, 0)
                    if frame is None:
                        self.root_empty = value is None and text == "" and not tag
                        self.root = value
                        return
                elif kind is AliasEvent:
                    value = self.alias(event, code, path, frame)
                    if frame is None:
                        self.root = value
                        return
                else:
                    self.nodes += 1
                    if self.nodes > limits.max_nodes:
                        self.too_many(code)
                    mark = mark_of(code)
                    depth = 1 if frame is None else frame.depth + 1
                    if depth > limits.max_depth:
                        self.stop(
                            TOO_DEEP,
                            f"values are nested deeper than {limits.max_depth} levels",
                            mark,
                        )
                    is_map = kind is MappingStartEvent
                    self.check_collection_tag(event.tag, _MAP if is_map else _SEQ, mark)
                    if event.anchor is not None:
                        anchors[event.anchor] = _OPEN
                    frame = _Frame(is_map, path, depth, event.anchor, self.nodes - 1)
                    stack.append(frame)
                    continue
            # hand the finished value to the collection it belongs to
            if not frame.is_map:
                frame.container.append(value)
            elif frame.key is _NO_KEY:  # the value was a complex key, already reported
                frame.key = _DROP
            else:
                if frame.key is not _DROP:
                    frame.container[frame.key] = value
                frame.key = _NO_KEY

    def too_many(self, code: int) -> None:
        limit = self.limits.max_nodes
        self.stop(TOO_BIG, f"the file has more than {limit:,} values", mark_of(code))

    def take_key(self, frame: _Frame, key: str, code: int) -> None:
        """Record ``key`` as the one ``frame`` waits a value for, unless it is a duplicate."""
        base = frame.path
        if base is None:
            frame.key = key
        elif key in frame.container:
            first = mark_of(self.key_marks[(*base, key)])
            self.report(
                DUPLICATE_KEY,
                f"duplicate key '{key}'; first defined at line {first.line}",
                mark_of(code),
                fatal=False,
                related=(self.at(first),),
            )
            frame.key = _DROP
        else:
            key_path = (*base, key)
            self.key_marks[key_path] = code
            frame.key = key
            frame.key_path = key_path

    def key(self, frame: _Frame, event: Any, code: int) -> bool:
        """Take a key event for ``frame``; False when it opens a collection (a complex key)."""
        kind = type(event)
        mark = mark_of(code)
        if kind is not ScalarEvent:
            self.report(
                COMPLEX_KEY,
                "a key must be text, not an alias"
                if kind is AliasEvent
                else "a key must be text, not a list or mapping; this entry is dropped",
                mark,
                fatal=False,
            )
            if kind is AliasEvent:
                frame.key = _DROP
                return True
            return False  # built like any value, then dropped when it is delivered
        self.nodes += 1
        key: str = event.value
        tag = event.tag
        if event.anchor is not None:
            self.anchors[event.anchor] = _Anchor(key, None, 1, 0)
        if tag is not None and tag != "!" and tag != _STR:
            self.report(BAD_TAG, f"the tag {_show_tag(tag)} is not supported on a key", mark)
            frame.key = _DROP
        elif key == "<<" and tag is None and event.implicit[0]:
            self.report(MERGE_KEY, "'<<' merge keys are not supported", mark)
            frame.key = _DROP
        else:
            self.take_key(frame, key, code)
        return True

    def number(self, text: str, code: int) -> Any:
        """A plain scalar that may be a number; a bad number is reported and read as null."""
        try:
            return resolve_plain(text)
        except BadNumber as error:
            self.report(BAD_NUMBER, str(error), mark_of(code))
            return None

    def check_collection_tag(self, tag: str | None, allowed: str, mark: Mark) -> None:
        if tag is not None and tag != "!" and tag != allowed:
            self.report(BAD_TAG, f"the tag {_show_tag(tag)} is not supported", mark)

    def alias(self, event: Any, code: int, path: Path_ | None, parent: _Frame | None) -> Any:
        """A copy of the anchored value, paid for from the node budget before it is made."""
        limits = self.limits
        mark = mark_of(code)
        name = event.anchor
        anchor = self.anchors.get(name)
        if anchor is None:
            self.report(
                SYNTAX,
                f"the alias *{name} has no anchor &{name} before it",
                mark,
                hint=f"Put &{name} on a value above this line, or fix the alias's name.",
            )
            return None
        if anchor is _OPEN:
            self.report(
                SYNTAX,
                f"the alias *{name} is inside the value it refers to",
                mark,
                hint="An alias cannot repeat the value that contains it; that would never end.",
            )
            return None
        self.alias_uses += 1
        if self.alias_uses > limits.max_alias_uses:
            self.stop(TOO_BIG, f"aliases are used more than {limits.max_alias_uses:,} times", mark)
        self.nodes += anchor.nodes
        if self.nodes > limits.max_nodes:
            self.stop(
                TOO_BIG,
                f"expanding the alias *{name} takes the file past {limits.max_nodes:,} values",
                mark,
            )
        if parent is not None:
            depth = parent.depth + anchor.depth
            if depth > limits.max_depth:
                self.stop(
                    TOO_DEEP,
                    f"expanding *{name} nests values over {limits.max_depth} levels deep",
                    mark,
                )
            parent.deepest = max(parent.deepest, depth)
        source = anchor.path if path is not None else None
        return self.copy(anchor.value, source, path or ())

    def copy(self, value: Any, source: Path_ | None, target: Path_) -> Any:
        """Deep-copy ``value``, copying the marks under ``source`` to ``target``."""
        if isinstance(value, dict):
            items: Any = value.items()
            out: Any = {}
        elif isinstance(value, list):
            items = enumerate(value)
            out = []
        else:
            return value
        for key, item in items:
            child_source = None
            child_target = (*target, key)
            if source is not None:
                child_source = (*source, key)
                for marks in (self.key_marks, self.value_marks):
                    found = marks.get(child_source)
                    if found is not None:
                        marks[child_target] = found
            copied = self.copy(item, child_source, child_target)
            if isinstance(out, dict):
                out[key] = copied
            else:
                out.append(copied)
        return out

    def syntax(self, error: yaml.YAMLError, text: str) -> None:
        """Report a parser error at its mark: a tab in the indentation there, or plain YAML."""
        problem_mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        if problem_mark is None:
            self.report(SYNTAX, f"invalid YAML: {error}", Mark(0, 0))
            return
        mark = _mark(problem_mark)
        lines = text.splitlines()
        line = lines[mark.line - 1] if mark.line <= len(lines) else ""
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            self.report(
                TAB_INDENT,
                "tabs are not allowed for indentation; use spaces",
                Mark(mark.line, indent.index("\t") + 1),
            )
            return
        problem = getattr(error, "problem", None) or str(error)
        hint = next((advice for key, advice in _SYNTAX_HINTS if key in problem), None)
        message = f"invalid YAML: {_plain(problem)}"
        context = getattr(error, "context", None)
        context_mark = getattr(error, "context_mark", None)
        if context and context_mark is not None and context_mark.line + 1 != mark.line:
            message += f" ({_plain(context)} that starts at line {context_mark.line + 1})"
        self.report(SYNTAX, message, mark, hint=hint)


def parse_events(name: str, text: str, limits: Limits, parser_class: Any) -> Parsed:
    """Read ``text`` (already checked to be YAML characters) with ``parser_class``'s events."""
    builder = _build(_Builder(name, limits), text, parser_class)
    usable = builder.usable and isinstance(builder.root, dict)
    return Parsed(
        text,
        builder.root,
        MarkTable(builder.key_marks),
        MarkTable(builder.value_marks),
        builder.findings,
        usable,
    )


def _build(builder: _Builder, text: str, parser_class: Any) -> _Builder:
    """Run ``builder`` over ``text``; our depth limit wins whichever parser nests deeper.

    libyaml (from PyYAML 6.0.4 wheels) stops by itself at 1,000 levels, and its scanner
    reads flow collections ahead, so it can refuse a deep file before our builder sees
    the level past ``max_depth``. The pure-Python parser streams without a limit of its
    own, so the file is read again with it and our E009 is reported at the right level.
    """
    try:
        builder.run(text, parser_class)
    except _Stop:
        pass
    except yaml.YAMLError as error:
        if not _is_parser_depth_limit(error):
            builder.syntax(error, text)
        elif parser_class is not _PureParser:
            return _build(_Builder(builder.name, builder.limits), text, _PureParser)
        else:
            mark = getattr(error, "problem_mark", None)
            where = _mark(mark) if mark is not None else Mark(1, 1)
            builder.report(
                TOO_DEEP, f"values are nested deeper than {builder.limits.max_depth} levels", where
            )
    return builder


def _is_parser_depth_limit(error: yaml.YAMLError) -> bool:
    return "nesting depth" in str(error)
