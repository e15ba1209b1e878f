"""runtime.json's ``dumps`` writes exactly what ``json.dumps`` with indent 2 writes."""

from __future__ import annotations

import json
import math
from datetime import date
from typing import Any

import pytest

from supportflow.api import load_valid_policy
from supportflow.runtime.document import build_document, dumps
from tests.build_support import EXAMPLE_NAMES, EXAMPLES

AWKWARD: list[Any] = [
    {},
    [],
    "",
    0,
    -7,
    10**30,
    1.5,
    -0.0,
    1e300,
    math.nan,
    math.inf,
    -math.inf,
    True,
    False,
    None,
    'quote " backslash \\ slash / tab \t nul \x00 bell \x07 del \x7f',
    "ünïcødé ❤ 𝄞 \u2028 \u2029 العربية",
    {"b": [], "a": {}, "c": [{}], "ä": [[[]]], "": None},
    {"z": [1, True, None, "x", 2.25, {"k": (1, 2)}], "y": {"x": {"w": [[1], [2, [3]]]}}},
    (1, ("a", ()), [None]),
]


@pytest.mark.parametrize("value", AWKWARD, ids=range(len(AWKWARD)))
@pytest.mark.parametrize("sort_keys", [True, False])
def test_same_text_as_json(value: Any, sort_keys: bool) -> None:
    expected = json.dumps(value, indent=2, sort_keys=sort_keys, ensure_ascii=False) + "\n"
    assert dumps(value, sort_keys=sort_keys) == expected


def test_unsorted_keeps_insertion_order() -> None:
    assert dumps({"b": 1, "a": 2}, sort_keys=False) == '{\n  "b": 1,\n  "a": 2\n}\n'


@pytest.mark.parametrize("value", [{1: "x"}, {None: 1}, {"a": {2, 3}}, [object()], b"x"])
def test_refuses_what_is_not_json(value: Any) -> None:
    with pytest.raises(TypeError):
        dumps(value)


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_examples_documents(example: str) -> None:
    policy = load_valid_policy(EXAMPLES / example)
    document = build_document(policy, date(2026, 11, 25))
    expected = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert dumps(document) == expected
