"""No input, however broken, makes the loader raise; what it returns is plain and located."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportflow.compile import yaml_reader as yamlsafe
from supportflow.compile.loader import LoadedFile, LoadResult, load_policy, load_text

DEFAULT_PARSER = yamlsafe._parser_class
PARSERS = sorted({yamlsafe._parser_class, yamlsafe._PureParser}, key=lambda cls: cls.__name__)
FAST = settings(max_examples=200, deadline=None)

VALID = """\
apiVersion: supportflow/v1
# a comment
organization: {name: "Acme Support", languages: [en, no, de]}
calendars:
  office: &office
    timezone: Europe/Oslo
    hours: mon-fri 08:00-17:00
    closed: [2026-12-24, '2026-12-31']
  backup: *office
priorities:
  p1: {response: 15m, resolve: 4h, ratio: 0.95, paging: true}
  p2:
    response: 1h
    notes: |
      Page the on-call engineer
      after 12:30.
channels:
  - kind: email
    address: support@example.com
  - kind: chat
    enabled: on
"""

PLAIN = (dict, list, str, int, float, bool, type(None))


def check_plain(value: Any, depth: int = 0) -> None:
    assert isinstance(value, PLAIN)
    assert depth <= 64
    if isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str)
            check_plain(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            check_plain(item, depth + 1)


def check(loaded: LoadedFile | None, findings: list[Any]) -> None:
    for finding in findings:
        assert finding.location.line >= 0 and finding.location.column >= 0
        assert finding.message
    if loaded is None:
        assert findings
        return
    check_plain(loaded.data)
    last_line = len(loaded.text.splitlines()) + 1
    for mark in [*loaded.key_marks.values(), *loaded.value_marks.values()]:
        assert 1 <= mark.line <= last_line
        assert mark.column >= 1
    assert () in loaded.value_marks


def load_all(source: str | bytes) -> None:
    """Load with every available parser; each must survive (they may word errors differently)."""
    for parser in PARSERS:
        yamlsafe._parser_class = parser
        try:
            loaded, findings = load_text("p.yaml", source)
        finally:
            yamlsafe._parser_class = DEFAULT_PARSER
        check(loaded, findings)


@FAST
@given(st.text())
def test_any_text(text: str) -> None:
    load_all(text)


@FAST
@given(st.binary())
def test_any_bytes(raw: bytes) -> None:
    load_all(raw)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """VALID with a few characters inserted, deleted or replaced, YAML syntax favoured."""
    text = VALID
    alphabet = st.sampled_from([*" \t\n:-[]{},&*!|>'\"#?%@`~\\.0", "\x00", "é", "---"])
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(st.one_of(alphabet, st.text(max_size=3)))
        if op == "insert":
            text = text[:at] + piece + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        else:
            text = text[:at] + piece + text[at + 1 :]
    return text


def test_valid_sample_is_clean() -> None:
    loaded, findings = load_text("p.yaml", VALID)
    assert findings == []
    assert loaded is not None
    assert loaded.data["organization"]["languages"] == ["en", "no", "de"]
    assert loaded.data["calendars"]["backup"] == loaded.data["calendars"]["office"]


@FAST
@given(mutated())
def test_mutations_of_valid_yaml(text: str) -> None:
    load_all(text)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("policy")


@settings(max_examples=50, deadline=None)
@given(source=st.one_of(st.binary(), mutated()))
def test_any_file_on_disk(folder: Path, source: bytes | str) -> None:
    path = folder / "p.yaml"
    if isinstance(source, str):
        path.write_text(source, encoding="utf-8", errors="surrogatepass")
    else:
        path.write_bytes(source)
    result = load_policy(path)
    assert isinstance(result, LoadResult)
    for loaded in result.files:
        check(loaded, [])
