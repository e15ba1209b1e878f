"""The schema stage: check each loaded file against the policy JSON Schema.

The schema in ``schemas/`` is the single source of truth for structure. It is
checked by ``schema_validator``, Python generated from the schema ahead of time
(``scripts/generate_schema_validator.py``; a test proves it reports exactly what
jsonschema reports), because interpreting the schema with jsonschema cost 7 s
at 10,000 teams and ~50 ms of imports on every run. This module turns each
violation into a located finding a process owner can act on: the unknown key
itself, the value with the wrong type, with a hint that names what was expected.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from supportflow.compile import schema_validator
from supportflow.compile.schema_errors import SchemaError
from supportflow.compile.schema_messages import (
    Explanation,
    character_location,
    explain_one_of,
    explain_pattern,
)
from supportflow.diagnostics.findings import Finding
from supportflow.diagnostics.ruledocs.schema import (
    BAD_FORMAT,
    MISSING_KEY,
    NOT_ALLOWED,
    UNKNOWN_KEY,
    WRONG_TYPE,
)
from supportflow.diagnostics.suggestions import near_miss_hint
from supportflow.frozen import frozen
from supportflow.parallel import balance, fork_map, jobs

if TYPE_CHECKING:
    from supportflow.compile.loader import LoadedFile


@frozen
class SchemaCheck:
    """The schema's findings, and whether every value has a shape later stages can read.

    A missing required key or a value of the wrong type (a list where a mapping
    belongs) makes the files unreadable for resolve; unknown keys and badly
    formed values do not.
    """

    findings: list[Finding]
    readable: bool


# Bytes of YAML checked in one process before a second is worth forking (~0.2 s on a
# 2-core CI machine).
BYTES_PER_JOB = 3_000_000
_SHAPE_BREAKING = frozenset({MISSING_KEY.id, WRONG_TYPE.id})


def check_files(files: list[LoadedFile]) -> SchemaCheck:
    """Every file's schema findings, file by file; a large policy's files are checked in
    forked processes (each inherits the data it checks), the findings joined in order."""
    processes = jobs(sum(len(loaded.text) for loaded in files), BYTES_PER_JOB)
    parts = balance(files, processes, lambda loaded: len(loaded.text))
    by_file: dict[int, list[Finding]] = {}
    for part, found in zip(parts, fork_map(_check_part, parts), strict=True):
        by_file.update(zip(map(id, part), found, strict=True))
    findings = [finding for loaded in files for finding in by_file[id(loaded)]]
    return SchemaCheck(findings, not any(f.rule_id in _SHAPE_BREAKING for f in findings))


def _check_part(files: Sequence[LoadedFile]) -> list[list[Finding]]:
    return [check_file(loaded) for loaded in files]


def check_file(loaded: LoadedFile) -> list[Finding]:
    """Every schema violation in one file, as findings; ``apiVersion`` is the loader's."""
    findings: list[Finding] = []
    for error in schema_validator.errors(loaded.data):
        if error.path[:1] == ("apiVersion",):
            continue
        findings.extend(_findings_for(loaded, error))
    return findings


def _findings_for(loaded: LoadedFile, error: SchemaError) -> Iterator[Finding]:
    path = error.path
    where = _dotted(path) or "the top level"
    kind = error.keyword
    if kind == "additionalProperties":
        yield from _unknown_keys(loaded, error, path, where)
    elif kind == "required":
        # A missing apiVersion is the loader's E016; saying it twice is noise.
        if (path, error.missing) != ((), "apiVersion"):
            yield MISSING_KEY.finding(
                f"{where} needs the key '{error.missing}'", loaded.location(path, key=True)
            )
    elif kind == "type":
        yield WRONG_TYPE.finding(
            f"{where} must be {_type_phrase(error.value)}, "
            f"not {_type_phrase(_json_type(error.instance))}",
            loaded.location(path),
        )
    elif kind in ("enum", "const"):
        allowed = error.value if kind == "enum" else [error.value]
        yield NOT_ALLOWED.finding(
            f"{where}: {error.instance!r} is not one of {', '.join(map(str, allowed))}",
            loaded.location(path),
            hint=near_miss_hint(str(error.instance), map(str, allowed), NOT_ALLOWED.hint),
        )
    elif kind == "oneOf" and (explained := explain_one_of(error.instance, error.schema)):
        for below, explanation in explained:
            yield _explained(loaded, (*path, *below), explanation)
    elif kind == "oneOf":
        description = error.schema.get("description", "")
        yield WRONG_TYPE.finding(
            f"{where} has the wrong form",
            loaded.location(path),
            hint=description or WRONG_TYPE.hint,
        )
    elif kind == "pattern" and (explanation := explain_pattern(error.value, error.instance)):
        is_key = error.under_names
        yield _explained(
            loaded, (*path, error.instance) if is_key else path, explanation, key=is_key
        )
    elif error.under_names:
        # A bad key is reported at its mapping's path with the key as instance.
        yield BAD_FORMAT.finding(
            f"'{error.instance}' in {where} is not a valid name: {_shape_message(error)}",
            loaded.location((*path, error.instance), key=True),
            hint=error.schema.get("description", "") or BAD_FORMAT.hint,
        )
    else:
        yield BAD_FORMAT.finding(
            f"{where}: {_shape_message(error)}",
            loaded.location(path),
            hint=error.schema.get("description", "") or BAD_FORMAT.hint,
        )


def _explained(
    loaded: LoadedFile, path: tuple[Any, ...], explanation: Explanation, *, key: bool = False
) -> Finding:
    """A badly formed value (or key, with ``key``) at ``path``, in the words of schema_messages."""
    start = loaded.location(path, key=key)
    return BAD_FORMAT.finding(
        f"{_dotted(path[:-1] if key else path) or 'the top level'}: {explanation.message}",
        character_location(loaded, start, explanation.offset),
        hint=explanation.hint,
    )


def _unknown_keys(
    loaded: LoadedFile, error: SchemaError, path: tuple[Any, ...], where: str
) -> Iterator[Finding]:
    known = list(error.schema.get("properties", {}))
    for key in error.instance:
        if key in known:
            continue
        yield UNKNOWN_KEY.finding(
            f"unknown key '{key}' in {where}",
            loaded.location((*path, key), key=True),
            hint=near_miss_hint(str(key), known, f"Known keys here: {', '.join(known)}."),
        )


def _shape_message(error: SchemaError) -> str:
    kind, value, instance = error.keyword, error.value, error.instance
    messages = {
        "pattern": lambda: f"{instance!r} does not have the expected form",
        "minLength": lambda: "must not be empty",
        "maxLength": lambda: f"is longer than {value} characters",
        "minItems": lambda: f"needs at least {value} entr{'y' if value == 1 else 'ies'}",
        "uniqueItems": lambda: "lists the same entry twice",
        "minProperties": lambda: "must not be empty",
        "minimum": lambda: f"{instance!r} is below the minimum {value}",
        "maximum": lambda: f"{instance!r} is above the maximum {value}",
    }
    return messages.get(kind, lambda: f"does not meet the schema's {kind} {value!r}")()


def _dotted(path: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for part in path:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts)


_TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}


def _type_phrase(types: str | list[str]) -> str:
    if isinstance(types, str):
        types = [types]
    return " or ".join(_TYPE_NAMES.get(t, t) for t in types)


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"
