"""Golden files: runtime.json as ``supportflow build --only runtime`` writes it for every example.

Regenerate after an intended change, then review the diff:

    SUPPORTFLOW_UPDATE_GOLDEN=1 python -m pytest tests/test_runtime_golden.py
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from supportflow.runtime.loading import check_document
from tests.build_support import AS_OF, EXAMPLE_NAMES, EXAMPLES, build, tree

GOLDEN = Path(__file__).resolve().parent / "golden" / "runtime"


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_build_writes_the_golden_runtime_json(tmp_path: Path, example: str) -> None:
    out = tmp_path / "out"
    result = build(str(EXAMPLES / example), "-o", str(out), "--as-of", AS_OF, "--only", "runtime")
    assert result.exit_code == 0, result.output
    check_document(json.loads((out / "runtime.json").read_text(encoding="utf-8")))
    golden = GOLDEN / example
    if os.environ.get("SUPPORTFLOW_UPDATE_GOLDEN") == "1":
        shutil.rmtree(golden, ignore_errors=True)
        shutil.copytree(out, golden)
    assert tree(out) == tree(golden)


def test_build_lists_the_runtime_generator() -> None:
    result = build("--list")
    assert result.exit_code == 0, result.output
    assert "runtime" in result.output
