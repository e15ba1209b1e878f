"""Reading runtime.json: JSON, then its schema, then a :class:`Runtime`.

A file that is not JSON, or not a runtime document of this version, raises
:class:`RuntimeFileError` naming the file and the first problem (with its JSON path),
so a deployment fails at start-up rather than on the first ticket.
"""

from __future__ import annotations

import json
import os
from typing import Any

from supportflow.resources import schema
from supportflow.runtime.evaluate import Runtime

SCHEMA = "runtime.v1.schema.json"


class RuntimeFileError(ValueError):
    """runtime.json cannot be read or is not a valid runtime document."""


def check_document(document: Any, name: str = "runtime document") -> None:
    """Raise RuntimeFileError unless ``document`` satisfies runtime.v1.schema.json."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema(SCHEMA))
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(part) for part in first.absolute_path) or "(top level)"
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        raise RuntimeFileError(f"{name}: at {where}: {first.message}{more}")


def load(path: str | os.PathLike[str]) -> Runtime:
    """The runtime of the runtime.json at ``path``."""
    name = os.fspath(path)
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except OSError as error:
        raise RuntimeFileError(f"{name}: cannot read the file ({error.strerror})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise RuntimeFileError(f"{name}: not JSON ({error})") from None
    check_document(document, name)
    return Runtime(document)
