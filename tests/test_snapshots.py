"""Bad fixture policies and the findings they must produce, kept as snapshots.

Each folder under fixtures/policies holds a policy and ``expected.txt``: one
``file:line:col: ID message`` line per finding. After an intended change,
regenerate with ``SUPPORTFLOW_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshots.py``
and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from supportflow.api import validate_policy

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "policies"
CASES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())


def _render(folder: Path) -> str:
    lines = []
    for finding in validate_policy(folder).findings:
        location = finding.location
        name = Path(location.file).resolve().relative_to(folder.resolve()).as_posix()
        lines.append(
            f"{name}:{location.line}:{location.column}: {finding.rule_id} {finding.message}"
        )
    return "".join(f"{line}\n" for line in lines)


@pytest.mark.parametrize("case", CASES)
def test_findings_match_snapshot(case: str) -> None:
    folder = FIXTURES / case
    snapshot = folder / "expected.txt"
    actual = _render(folder)
    if os.environ.get("SUPPORTFLOW_UPDATE_SNAPSHOTS") == "1":
        snapshot.write_text(actual, encoding="utf-8")
    assert actual == snapshot.read_text(encoding="utf-8")
    assert actual, "a bad fixture must produce findings"
