"""Golden files: what the Zendesk and Freshdesk generators build for every example.

Regenerate after an intended change, then review the diff:

    SUPPORTFLOW_UPDATE_GOLDEN=1 python -m pytest tests/test_build_golden.py

Other generators keep their own goldens, so this build runs only these two.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.build_support import AS_OF, EXAMPLE_NAMES, EXAMPLES, build, tree

GOLDEN = Path(__file__).resolve().parent / "golden" / "build"
GENERATORS = ("zendesk", "freshdesk")


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_build_matches_golden_files(tmp_path: Path, example: str) -> None:
    out = tmp_path / "out"
    only = [arg for name in GENERATORS for arg in ("--only", name)]
    result = build(str(EXAMPLES / example), "-o", str(out), "--as-of", AS_OF, *only)
    assert result.exit_code == 0, result.output
    golden = GOLDEN / example
    if os.environ.get("SUPPORTFLOW_UPDATE_GOLDEN") == "1":
        shutil.rmtree(golden, ignore_errors=True)
        shutil.copytree(out, golden)
    assert tree(out) == tree(golden)
