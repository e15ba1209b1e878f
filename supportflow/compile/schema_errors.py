"""What the compiled policy validator reports, and the JSON equality it checks with.

``schema_validator.py`` is generated from the policy JSON Schema by
``scripts/generate_schema_validator.py``; it reports each violation as a
:class:`SchemaError` shaped like jsonschema's ``ValidationError`` (the same
path, keyword, instance and schema node), so the schema stage reads either
alike and a test can prove the two agree. The schema node is looked up from its
JSON pointer only when an error is read, so a clean policy never parses the
schema file.
"""

from __future__ import annotations

from typing import Any

from supportflow.resources import schema


class SchemaError:
    """One violation: ``keyword`` of the schema node at ``pointer`` fails on ``instance``.

    ``path`` is where the instance sits in the file's data. A violation inside
    ``propertyNames`` is about a key: its ``instance`` is the key and its path is
    the mapping's, as in jsonschema. ``missing`` names the absent key of a
    ``required`` violation (one violation per missing key).
    """

    __slots__ = ("_reversed_path", "instance", "keyword", "missing", "pointer", "under_names")

    def __init__(self, pointer: str, keyword: str, instance: Any, missing: str = "") -> None:
        self.pointer = pointer
        self.keyword = keyword
        self.instance = instance
        self.missing = missing
        self.under_names = False
        self._reversed_path: list[str | int] = []

    def inside(self, key: str | int) -> SchemaError:
        """The same violation seen from the parent value, one level up."""
        self._reversed_path.append(key)
        return self

    def about_name(self) -> SchemaError:
        """The same violation, found while checking a key of the mapping at ``path``."""
        self.under_names = True
        return self

    @property
    def path(self) -> tuple[str | int, ...]:
        return tuple(reversed(self._reversed_path))

    @property
    def schema(self) -> dict[str, Any]:
        """The schema node that holds ``keyword``."""
        node: Any = schema()
        for part in self.pointer.split("/")[1:]:
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    @property
    def value(self) -> Any:
        """The keyword's value in the schema (jsonschema's ``validator_value``)."""
        return self.schema[self.keyword]

    def __repr__(self) -> str:
        return f"SchemaError({self.pointer!r}, {self.keyword!r}, {self.instance!r}, {self.path})"


def unique(items: list[Any]) -> bool:
    """Whether no two items are equal as JSON values (``1 == 1.0``, ``1 != true``)."""
    keys = {_json_key(item) for item in items}
    return len(keys) == len(items)


def _json_key(value: Any) -> Any:
    """A hashable stand-in that is equal exactly when the JSON values are."""
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, str):
        return ("str", value)
    if isinstance(value, list):
        return ("list", tuple(_json_key(item) for item in value))
    if isinstance(value, dict):
        return ("dict", frozenset((key, _json_key(item)) for key, item in value.items()))
    return ("value", value)
