"""Compile the policy JSON Schema into plain Python: supportflow/compile/schema_validator.py.

jsonschema interprets a schema on every call, walking its keywords as data; at
10,000 teams that took 20 s, and importing it costs ~50 ms of every
`supportflow validate`. The policy schema uses a small set of keywords, so each
schema node becomes one Python function that checks exactly its keywords, in
the schema's order, with jsonschema's semantics (draft 2020-12, formats not
asserted). A keyword this script does not know stops it with an error rather
than being skipped, so the output never checks less than the schema says.

tests/test_schema_validator.py proves the output is current and that it reports
exactly jsonschema's errors on every fixture and on mutated examples.

    python scripts/generate_schema_validator.py
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / "policy.v1.schema.json"
OUTPUT = ROOT / "supportflow" / "compile" / "schema_validator.py"

# Keywords that only describe; jsonschema asserts none of them (format included).
ANNOTATIONS = frozenset(
    {"$schema", "$id", "$comment", "title", "description", "examples", "default", "format"}
)
TYPE_TESTS = {
    "object": "isinstance(x, dict)",
    "array": "isinstance(x, list)",
    "string": "isinstance(x, str)",
    # an int: YAML's ``1.0`` is a float, though JSON Schema would call it an integer
    "integer": "(isinstance(x, int) and not isinstance(x, bool))",
    "number": "(isinstance(x, Number) and not isinstance(x, bool))",
    "boolean": "isinstance(x, bool)",
    "null": "x is None",
}
# The instance type a keyword applies to; other instances pass it, as in JSON Schema.
APPLIES_TO = {
    "properties": "object",
    "additionalProperties": "object",
    "required": "object",
    "minProperties": "object",
    "propertyNames": "object",
    "items": "array",
    "minItems": "array",
    "uniqueItems": "array",
    "pattern": "string",
    "minLength": "string",
    "maxLength": "string",
    "minimum": "number",
    "maximum": "number",
}


def _literal(value: Any) -> str:
    """A Python literal with double quotes, as ruff format writes it."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int | float):
        return repr(value)
    raise NotImplementedError(f"no literal for {value!r}")


def _pointer(parts: tuple[str | int, ...]) -> str:
    escaped = (str(part).replace("~", "~0").replace("/", "~1") for part in parts)
    return "/".join(("#", *escaped))


class Compiler:
    """One function per schema node, named by the node's place in the schema."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.functions: list[str] = []
        self.patterns: dict[str, str] = {}
        self.sets: dict[tuple[str, ...], str] = {}
        self.names: dict[tuple[str | int, ...], str] = {}

    def function(self, parts: tuple[str | int, ...]) -> str:
        """The name of the function checking the node at ``parts``, compiling it once."""
        if parts in self.names:
            return self.names[parts]
        node: Any = self.schema
        for part in parts:
            node = node[part]
        if isinstance(node, dict) and set(node) - ANNOTATIONS == {"$ref"}:
            return self.ref(node["$ref"])  # a bare reference is its target's check
        name = f"_check_{len(self.names)}"
        self.names[parts] = name
        self.functions.append(self.compile(name, parts, node))
        return name

    def ref(self, target: str) -> str:
        if not target.startswith("#/$defs/") or target.count("/") != 2:
            raise NotImplementedError(f"only local #/$defs/NAME references: {target}")
        name = target.removeprefix("#/$defs/")
        if name not in self.schema.get("$defs", {}):
            raise KeyError(f"{target} names no definition")
        return self.function(("$defs", name))

    def pattern(self, regex: str) -> str:
        return self.patterns.setdefault(regex, f"_PATTERN_{len(self.patterns)}")

    def frozen(self, values: list[Any], what: str) -> str:
        if not all(isinstance(value, str) for value in values):
            raise NotImplementedError(f"{what} values other than text: {values!r}")
        key = tuple(values)
        return self.sets.setdefault(key, f"_SET_{len(self.sets)}")

    def compile(self, name: str, parts: tuple[str | int, ...], node: Any) -> str:
        if not isinstance(node, dict):
            raise NotImplementedError(f"{_pointer(parts)}: boolean schemas are not supported")
        pointer = _literal(_pointer(parts))
        body: list[str] = []
        for keyword, value in node.items():
            if keyword in ANNOTATIONS or (keyword == "$defs" and not parts):
                continue
            if keyword == "properties" and "additionalProperties" in node:
                continue  # checked with additionalProperties, which needs the same keys
            lines = self.keyword(keyword, value, node, parts, pointer)
            kind = APPLIES_TO.get(keyword)
            if kind is not None:
                lines = [f"if {TYPE_TESTS[kind]}:", *(f"    {line}" for line in lines)]
            body += lines
        header = [f"def {name}(x: Any) -> list[SchemaError]:", f'    """{_pointer(parts)}"""']
        if not body:
            return "\n".join([*header, "    return []"])
        return "\n".join([*header, "    e: list[SchemaError] = []", *_indent(body), "    return e"])

    def keyword(
        self,
        keyword: str,
        value: Any,
        node: dict[str, Any],
        parts: tuple[str | int, ...],
        pointer: str,
    ) -> list[str]:
        error = f'SchemaError({pointer}, "{keyword}", x)'
        if keyword == "type":
            types = [value] if isinstance(value, str) else value
            test = " or ".join(TYPE_TESTS[kind] for kind in types)
            return [f"if not ({test}):", f"    e.append({error})"]
        if keyword == "$ref":
            return [f"e += {self.ref(value)}(x)"]
        if keyword in ("enum", "const"):
            values = value if keyword == "enum" else [value]
            known = self.frozen(values, keyword)
            return [f"if not (isinstance(x, str) and x in {known}):", f"    e.append({error})"]
        if keyword == "pattern":
            return [f"if not {self.pattern(value)}.search(x):", f"    e.append({error})"]
        limits = {
            "minLength": "len(x) < {}",
            "maxLength": "len(x) > {}",
            "minItems": "len(x) < {}",
            "minProperties": "len(x) < {}",
            "minimum": "x < {}",
            "maximum": "x > {}",
        }
        if keyword in limits:
            return [f"if {limits[keyword].format(_literal(value))}:", f"    e.append({error})"]
        if keyword == "uniqueItems":
            return ["if not unique(x):", f"    e.append({error})"] if value else []
        if keyword == "required":
            required = self.frozen(value, keyword)
            return [
                f"for k in {required}:",
                "    if k not in x:",
                f'        e.append(SchemaError({pointer}, "required", x, k))',
            ]
        if keyword == "additionalProperties":
            return self.additional(value, node, parts, error)
        if keyword == "properties":
            return self.properties(value, parts)
        if keyword == "items":
            check = self.function((*parts, "items"))
            return [
                "for i, v in enumerate(x):",
                f"    for error in {check}(v):",
                "        e.append(error.inside(i))",
            ]
        if keyword == "propertyNames":
            check = self.function((*parts, "propertyNames"))
            return [
                "for k in x:",
                f"    for error in {check}(k):",
                "        e.append(error.about_name())",
            ]
        if keyword == "oneOf":
            return self.one_of(value, parts, error)
        raise NotImplementedError(f"{_pointer(parts)}: the keyword {keyword!r} is not supported")

    def properties(self, properties: dict[str, Any], parts: tuple[str | int, ...]) -> list[str]:
        lines = []
        for key in properties:
            check = self.function((*parts, "properties", key))
            lines += [
                f"if {_literal(key)} in x:",
                f"    for error in {check}(x[{_literal(key)}]):",
                f"        e.append(error.inside({_literal(key)}))",
            ]
        return lines

    def additional(
        self, value: Any, node: dict[str, Any], parts: tuple[str | int, ...], error: str
    ) -> list[str]:
        """``properties`` and ``additionalProperties`` in one pass over the keys.

        jsonschema checks the named properties, then the others; the errors are
        the same either way, and the schema stage sorts its findings.
        """
        if "patternProperties" in node:
            raise NotImplementedError(f"{_pointer(parts)}: patternProperties is not supported")
        lines = self.properties(node.get("properties", {}), parts)
        names = self.frozen(list(node.get("properties", {})), "properties")
        if value is False:
            return [*lines, f"if any(k not in {names} for k in x):", f"    e.append({error})"]
        if value is True:
            return lines
        check = self.function((*parts, "additionalProperties"))
        return [
            *lines,
            "for k, v in x.items():",
            f"    if k not in {names}:",
            f"        for error in {check}(v):",
            "            e.append(error.inside(k))",
        ]

    def one_of(self, options: list[Any], parts: tuple[str | int, ...], error: str) -> list[str]:
        """Exactly one option must hold: none or several is one error, as in jsonschema."""
        checks = ", ".join(self.function((*parts, "oneOf", i)) for i in range(len(options)))
        return [
            f"if sum(not check(x) for check in ({checks},)) != 1:",
            f"    e.append({error})",
        ]

    def module(self, schema_text: str) -> str:
        entry = self.function(())
        digest = hashlib.sha256(schema_text.encode("utf-8")).hexdigest()
        constants = [
            *(f"{name} = re.compile({_literal(regex)})" for regex, name in self.patterns.items()),
            *(
                f"{name} = frozenset({{{', '.join(_literal(v) for v in values)}}})"
                if values
                else f"{name}: frozenset[str] = frozenset()"
                for values, name in self.sets.items()
            ),
        ]
        return "\n".join(
            [
                '"""The policy JSON Schema, compiled to Python. Generated: do not edit.',
                "",
                "Regenerate with `python scripts/generate_schema_validator.py` after",
                "changing schemas/policy.v1.schema.json; tests/test_schema_validator.py",
                "checks that this file is current and agrees with jsonschema.",
                '"""',
                "",
                "# ruff: noqa",
                "# fmt: off",
                "",
                "from __future__ import annotations",
                "",
                "import re",
                "from numbers import Number",
                "from typing import Any",
                "",
                "from supportflow.compile.schema_errors import SchemaError, unique",
                "",
                f'SCHEMA_SHA256 = "{digest}"',
                "",
                *constants,
                "",
                "",
                "def errors(x: Any) -> list[SchemaError]:",
                '    """Every violation of the policy schema in one file\'s data."""',
                f"    return {entry}(x)",
                "",
                "",
                "\n\n\n".join(self.functions),
                "",
            ]
        )


def _indent(lines: list[str]) -> list[str]:
    return [f"    {line}" for line in lines]


def render(schema_text: str) -> str:
    """The generated module's text for the schema ``schema_text``."""
    return Compiler(json.loads(schema_text)).module(schema_text)


def main() -> None:
    OUTPUT.write_text(render(SCHEMA.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
