"""Numbers and durations pushed to extremes are findings, never a traceback or an E900.

Hypothesis takes the real examples and rewrites the numbers in them (target lengths, repeat
counts and intervals, retention periods, levels, regex repeat counts) to huge, zero, negative
and 2**63-sized values, or swaps their units for ambiguous ones, then runs the whole validator.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supportflow.api import validate_policy

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SOURCES = {
    path.relative_to(EXAMPLES).as_posix(): path.read_text(encoding="utf-8")
    for path in sorted(EXAMPLES.glob("*/*.yaml"))
}
NUMBER = re.compile(r"(?<![\w.:-])\d+(?![:\d-])")
EXTREMES = [
    "0",
    "-1",
    "-99999999999",
    "36525",
    "36526",
    "4294967296",
    "6000000000",
    "99999999999",
    "99999999999999999",
    str(2**63),
    str(2**64),
    "1" + "0" * 5000,
]
UNITS = ["", "d", "M", "mo", "y", "mins", " business days", "h30M", "Y"]


def _rewrite(text: str, data: st.DataObject) -> str:
    for _ in range(data.draw(st.integers(1, 3))):
        spots = list(NUMBER.finditer(text))
        if not spots:
            break
        spot = spots[data.draw(st.integers(0, len(spots) - 1))]
        value = data.draw(st.sampled_from(EXTREMES))
        after = text[spot.end() :]
        if data.draw(st.booleans()) and re.match(r"[a-z]", after):
            after = data.draw(st.sampled_from(UNITS)) + after.lstrip("abcdefghijklmnopqrstuvwxyz")
        text = text[: spot.start()] + value + after
    return text


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(SOURCES)), data=st.data())
def test_extreme_numbers_are_findings(name: str, data: st.DataObject) -> None:
    example = name.split("/")[0]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / example
        root.mkdir()
        for other, text in SOURCES.items():
            if other.startswith(f"{example}/"):
                written = _rewrite(text, data) if other == name else text
                (root / Path(other).name).write_text(written, encoding="utf-8")
        result = validate_policy(root)
    for finding in result.findings:
        assert finding.rule_id != "E900", finding.message
        assert finding.message
