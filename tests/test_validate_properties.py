"""No policy, however mangled, makes the validator raise.

Hypothesis mutates the real examples (lines deleted, duplicated, swapped,
re-indented, YAML-significant fragments spliced in) and runs the whole
pipeline; every outcome must be findings, never an exception.
"""

from __future__ import annotations

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
FRAGMENTS = [
    ":",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "\t",
    '"',
    "'",
    "no",
    "12:30",
    "2026-02-30",
    "~",
    "!!python/object:os.system",
    "<<: *a",
    "---\n",
    "0x1F",
    "1e400",
    ".nan",
    "null",
    "  ",
    "\n",
    "#",
    "?",
    "|",
    ">",
    "%",
    "@",
    "P1",
    "first-line",
    "24/7",
    "mon-fri 25:00-26:00",
]


def _mutate(text: str, data: st.DataObject) -> str:
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(1, 4))):
        index = data.draw(st.integers(0, max(len(lines) - 1, 0)))
        operation = data.draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "splice"]))
        if not lines:
            break
        if operation == "delete":
            del lines[index]
        elif operation == "duplicate":
            lines.insert(index, lines[index])
        elif operation == "swap":
            other = data.draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif operation == "indent":
            lines[index] = " " * data.draw(st.integers(0, 6)) + lines[index].lstrip()
        else:
            line = lines[index]
            at = data.draw(st.integers(0, len(line)))
            cut = data.draw(st.integers(0, 3))
            lines[index] = line[:at] + data.draw(st.sampled_from(FRAGMENTS)) + line[at + cut :]
    return "\n".join(lines)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(SOURCES)), data=st.data())
def test_mutated_examples_never_raise(name: str, data: st.DataObject) -> None:
    example = name.split("/")[0]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / example
        root.mkdir()
        for other, text in SOURCES.items():
            if other.startswith(f"{example}/"):
                mutated = _mutate(text, data) if other == name else text
                (root / Path(other).name).write_text(mutated, encoding="utf-8")
        result = validate_policy(root)
        for finding in result.findings:
            assert finding.rule_id != "E900", finding.message
            assert finding.message


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "policy.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        validate_policy(folder)
