"""Files shipped inside the package: the JSON Schemas and the generators.

In a source checkout ``supportflow/schemas`` and ``supportflow/generators`` are
symlinks to the top-level folders; a built wheel carries real copies, so the
installed command works from any folder.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

POLICY_SCHEMA = "policy.v1.schema.json"


def schema_text(name: str = POLICY_SCHEMA) -> str:
    """The text of a shipped schema; ``importlib.resources`` is imported only when one is read."""
    from importlib import resources

    return (resources.files("supportflow") / "schemas" / name).read_text(encoding="utf-8")


@cache
def schema(name: str = POLICY_SCHEMA) -> dict[str, Any]:
    return json.loads(schema_text(name))
