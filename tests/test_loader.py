"""The load stage: each YAML pitfall and each containment rule, located exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from supportflow.compile import yaml_reader as yamlsafe
from supportflow.compile.loader import (
    DEFAULT_LIMITS,
    InputError,
    Limits,
    LoadedFile,
    Mark,
    load_policy,
    load_text,
)
from supportflow.diagnostics.catalogue import all_rules

HEAD = "apiVersion: supportflow/v1\n"


@pytest.fixture(params=["libyaml", "python"], autouse=True)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test with both parsers: they must give the same events and marks."""
    if request.param == "python":
        monkeypatch.setattr(yamlsafe, "_parser_class", yamlsafe._PureParser)
    elif yamlsafe._parser_class is yamlsafe._PureParser:
        pytest.skip("PyYAML was built without libyaml")


def only(text: str | bytes, limits: Limits = DEFAULT_LIMITS) -> tuple[str, int, int, str]:
    """The one finding for ``text``: (rule id, line, column, message)."""
    _, findings = load_text("p.yaml", text, limits)
    assert len(findings) == 1, findings
    (finding,) = findings
    return finding.rule_id, finding.location.line, finding.location.column, finding.message


def good(text: str) -> LoadedFile:
    loaded, findings = load_text("p.yaml", HEAD + text)
    assert findings == []
    assert loaded is not None
    return loaded


# --- values keep what the user wrote ---------------------------------------------------


def test_yaml_11_specials_stay_strings() -> None:
    data = good(
        "lang: no\nyes_: yes\nswitch: on\noff_: off\ny_: y\nn_: n\n"
        "at: 12:30\nopens: 08:00\nday: 2026-12-24\nstamp: 2026-12-24T08:00:00Z\n"
        "octal: 010\noctal2: 0o17\nhex: 0x1F\nthousand: 1_000\ntime_ish: 08.30\n"
    ).data
    assert data == {
        "apiVersion": "supportflow/v1",
        "lang": "no",
        "yes_": "yes",
        "switch": "on",
        "off_": "off",
        "y_": "y",
        "n_": "n",
        "at": "12:30",
        "opens": "08:00",
        "day": "2026-12-24",
        "stamp": "2026-12-24T08:00:00Z",
        "octal": "010",
        "octal2": "0o17",
        "hex": "0x1F",
        "thousand": "1_000",
        "time_ish": "08.30",
    }


def test_core_scalars() -> None:
    data = good(
        "a: true\nb: False\nc: TRUE\nd: ~\ne:\nf: null\ng: 0\nh: -12\ni: 1.5\nj: 1e3\n"
        "k: 'true'\nl: !!str 12\nm: ! 12\n"
    ).data
    assert data == {
        "apiVersion": "supportflow/v1",
        "a": True,
        "b": False,
        "c": True,
        "d": None,
        "e": None,
        "f": None,
        "g": 0,
        "h": -12,
        "i": 1.5,
        "j": 1000.0,
        "k": "true",
        "l": "12",
        "m": "12",
    }


def test_scalar_keys_are_the_text_written() -> None:
    data = good("1: one\nno: nej\ntrue: yes\n~: tilde\n").data
    assert list(data) == ["apiVersion", "1", "no", "true", "~"]


def test_bom_is_fine() -> None:
    loaded, findings = load_text("p.yaml", b"\xef\xbb\xbf" + HEAD.encode() + b"a: 1\n")
    assert findings == []
    assert loaded is not None
    assert loaded.data["a"] == 1
    assert loaded.value_marks[("a",)] == Mark(2, 4)


def test_aliases_expand_to_independent_copies() -> None:
    loaded = good("base: &b {x: [1, 2]}\ncopy: *b\n")
    assert loaded.data["copy"] == {"x": [1, 2]}
    assert loaded.data["copy"] is not loaded.data["base"]
    assert loaded.value_marks[("copy",)] == Mark(3, 7)  # the alias itself
    assert loaded.value_marks[("copy", "x", 1)] == Mark(2, 18)  # inside: the anchored text


# --- marks ------------------------------------------------------------------------------


def test_marks_for_nested_keys_values_and_items() -> None:
    loaded = good(
        "teams:\n  first-line:\n    tier: first_line\n"
        "    members:\n      - ann\n      - {name: bo}\n"
    )
    assert loaded.value_marks[()] == Mark(1, 1)
    assert loaded.key_marks[("teams",)] == Mark(2, 1)
    assert loaded.key_marks[("teams", "first-line")] == Mark(3, 3)
    assert loaded.value_marks[("teams", "first-line")] == Mark(4, 5)
    assert loaded.value_marks[("teams", "first-line", "tier")] == Mark(4, 11)
    assert loaded.value_marks[("teams", "first-line", "members", 0)] == Mark(6, 9)
    assert loaded.value_marks[("teams", "first-line", "members", 1)] == Mark(7, 9)
    assert loaded.key_marks[("teams", "first-line", "members", 1, "name")] == Mark(7, 10)
    assert loaded.value_marks[("teams", "first-line", "members", 1, "name")] == Mark(7, 16)


def test_location_walks_up_and_prefers_keys() -> None:
    loaded = good("teams:\n  first-line:\n    tier: first_line\n")
    assert str(loaded.location(("teams", "first-line", "tier"))) == "p.yaml:4:11"
    assert str(loaded.location(("teams", "first-line", "tier"), key=True)) == "p.yaml:4:5"
    assert str(loaded.location(("teams", "first-line", "missing"))) == "p.yaml:4:5"
    assert str(loaded.location(("teams", "first-line", "missing"), key=True)) == "p.yaml:3:3"
    assert loaded.source_line(3) == "  first-line:"
    assert loaded.source_line(99) == ""


def test_columns_count_characters() -> None:
    loaded = good("navn: {påske: ø, x: y}\n")
    assert loaded.value_marks[("navn", "x")] == Mark(2, 21)


# --- one finding per failure mode -------------------------------------------------------


def test_syntax_error() -> None:
    rule, line, column, message = only(HEAD + "channels:\n  email: {kind: email\n")
    assert (rule, line, column) == ("E005", 4, 1)
    assert message.startswith("invalid YAML: ")
    assert "{...} mapping that starts at line 3" in message


def test_syntax_error_mapping_value() -> None:
    assert only(HEAD + "a: b: c\n")[:3] == ("E005", 2, 5)


def test_duplicate_key_names_both_places() -> None:
    loaded, findings = load_text("p.yaml", HEAD + "a:\n  x: 1\n  y: 2\n  x: 3\n")
    (finding,) = findings
    assert (finding.rule_id, str(finding.location)) == ("E010", "p.yaml:5:3")
    assert "first defined at line 3" in finding.message
    assert [str(r) for r in finding.related] == ["p.yaml:3:3"]
    assert loaded is not None and loaded.data["a"] == {"x": 1, "y": 2}  # the first is kept


def test_duplicate_key_after_stringifying() -> None:
    assert only(HEAD + "1: a\n'1': b\n")[:3] == ("E010", 3, 1)


def test_billion_laughs_is_refused_at_the_budget() -> None:
    # The finding's place proves the work stopped at the first alias past the budget;
    # how fast that is belongs in benchmarks, not in a timed test.
    lines = ["a: &a [" + ", ".join(["lol"] * 10) + "]"]
    for level in range(1, 10):
        name, prev = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    rule, line, column, message = only(HEAD + "\n".join(lines) + "\n")
    assert (rule, line, column) == ("E014", 7, 8)  # the first *e that passes 200,000 values
    assert "200,000" in message


def test_alias_use_limit() -> None:
    text = HEAD + "a: &a x\nb: [" + ", ".join(["*a"] * 11) + "]\n"
    assert only(text, Limits(max_alias_uses=10))[:3] == ("E014", 3, 45)


def test_undefined_alias() -> None:
    assert only(HEAD + "a: *nowhere\n")[:3] == ("E005", 2, 4)


def test_file_too_large() -> None:
    assert only(HEAD + "a: 1\n", Limits(max_file_bytes=10))[:3] == ("E002", 0, 0)


@pytest.mark.parametrize(
    ("text", "column"),
    [("[" * 100_000, 65), ("{a: " * 100_000, 4 * 64 + 1), ("a: " + "[" * 100_000, 3 + 64)],
    ids=["flow-lists", "flow-maps", "under-a-key"],
)
def test_deep_nesting_is_a_finding_not_a_recursion_error(text: str, column: int) -> None:
    assert only(text)[:3] == ("E009", 1, column)  # the 65th level


def test_deep_nesting_through_aliases() -> None:
    text = HEAD + "a: &a [[[x]]]\nb: [[[*a]]]\n"
    assert only(text, Limits(max_depth=5))[:3] == ("E009", 3, 7)


def test_invalid_utf8_points_at_the_byte() -> None:
    assert only(HEAD.encode() + b"name: caf\xe9\n")[:3] == ("E003", 2, 10)


def test_control_character() -> None:
    rule, line, column, message = only(HEAD + "a: x\x00y\n")
    assert (rule, line, column) == ("E003", 2, 5)
    assert "U+0000" in message


def test_tab_indentation() -> None:
    rule, line, column, message = only(HEAD + "teams:\n  a: 1\n \tb: 2\n")
    assert (rule, line, column) == ("E004", 4, 2)
    assert message == "tabs are not allowed for indentation; use spaces"


def test_tab_after_a_colon_is_not_indentation() -> None:
    # YAML allows it; libyaml agrees, PyYAML's own scanner calls it a syntax error
    _, findings = load_text("p.yaml", HEAD + "a:\tb\n")
    assert all(f.rule_id == "E005" for f in findings)


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n", "\n\n"])
def test_empty_file(text: str) -> None:
    assert only(text)[:3] == ("E006", 1, 1)


@pytest.mark.parametrize(
    ("text", "kind"), [("- a\n- b\n", "a list"), ("just text\n", "a single value")]
)
def test_top_level_not_a_mapping(text: str, kind: str) -> None:
    rule, line, column, message = only(text)
    assert (rule, line, column) == ("E008", 1, 1)
    assert kind in message


def test_second_document() -> None:
    assert only(HEAD + "a: 1\n---\nb: 2\n")[:3] == ("E007", 3, 1)


def test_complex_key_is_dropped() -> None:
    loaded, findings = load_text("p.yaml", HEAD + "? [a, b]\n: 1\nc: 2\n")
    assert [(f.rule_id, f.location.line, f.location.column) for f in findings] == [("E011", 2, 3)]
    assert loaded is not None and loaded.data == {"apiVersion": "supportflow/v1", "c": 2}


@pytest.mark.parametrize(
    ("value", "column"),
    [
        ("!!python/object/apply:os.system ['echo hi']", 4),
        ("!!python/name:os.system", 4),
        ("!custom x", 4),
        ("!!timestamp 2026-12-24", 4),
        ("!!seq {a: 1}", 4),
    ],
)
def test_unsupported_tags(value: str, column: int) -> None:
    rule, line, col, message = only(HEAD + f"a: {value}\n")
    assert (rule, line, col) == ("E012", 2, column)
    assert "tag" in message


def test_merge_key_is_refused() -> None:
    text = HEAD + "base: &b {tz: UTC}\noslo:\n  <<: *b\n  hours: x\n"
    assert only(text)[:3] == ("E013", 4, 3)


def test_quoted_merge_key_is_a_string() -> None:
    assert good("'<<': x\n").data["<<"] == "x"


@pytest.mark.parametrize("value", [".inf", "-.Inf", ".nan", "1e999", "9" * 5000])
def test_not_finite_numbers(value: str) -> None:
    assert only(HEAD + f"a: {value}\n")[:3] == ("E015", 2, 4)


def test_missing_api_version_keeps_the_file() -> None:
    loaded, findings = load_text("p.yaml", "teams: {}\n")
    assert [(f.rule_id, str(f.location)) for f in findings] == [("E016", "p.yaml:1:1")]
    assert loaded is not None


@pytest.mark.parametrize("version", ["supportflow/v2", "1", "[supportflow/v1]"])
def test_wrong_api_version(version: str) -> None:
    loaded, findings = load_text("p.yaml", f"apiVersion: {version}\n")
    assert [(f.rule_id, str(f.location)) for f in findings] == [("E017", "p.yaml:1:13")]
    assert "supportflow/v1" in findings[0].hint
    assert loaded is None


def test_every_rule_is_documented() -> None:
    ids = sorted(i for i in all_rules() if "E001" <= i <= "E019")
    assert ids == [f"E{n:03}" for n in range(1, 20)]
    for rule_id in ids:
        doc = all_rules()[rule_id]
        assert doc.title and doc.description and doc.hint and doc.bad and doc.good


# --- files, folders and includes --------------------------------------------------------


def write(path: Path, text: str = HEAD) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def found(result: object) -> list[tuple[str, str, int, int]]:
    return [
        (f.rule_id, f.location.file, f.location.line, f.location.column)
        for f in result.findings  # type: ignore[attr-defined]
    ]


@pytest.fixture
def policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "policy"
    root.mkdir()
    monkeypatch.chdir(tmp_path)
    return root


def test_folder_scan_order_and_hidden_files(policy: Path) -> None:
    for name in ["b.yaml", "a.yml", "sub/c.yaml", "sub/deeper/a.yaml", ".hidden.yaml"]:
        write(policy / name)
    write(policy / ".git/x.yaml")
    write(policy / "notes.txt", "not yaml")
    result = load_policy("policy")
    assert [f.name for f in result.files] == [
        "policy/a.yml",
        "policy/b.yaml",
        "policy/sub/c.yaml",
        "policy/sub/deeper/a.yaml",
    ]
    assert result.files[0].path == (policy / "a.yml").resolve()
    assert result.findings == []


def test_single_file_target_uses_its_folder_as_root(policy: Path) -> None:
    write(policy / "main.yaml", HEAD + "include: [teams/*.yaml]\n")
    write(policy / "teams/one.yaml")
    write(policy / "other.yaml")  # not included: only the target and its includes load
    result = load_policy("policy/main.yaml")
    assert [f.name for f in result.files] == ["policy/main.yaml", "policy/teams/one.yaml"]
    assert result.files[0].data["include"] == ["teams/*.yaml"]  # kept for the schema


def test_include_dedupe_and_cycle(policy: Path) -> None:
    write(policy / "a.yaml", HEAD + "include: [b.yaml, ./b.yaml]\n")
    write(policy / "b.yaml", HEAD + "include: [a.yaml]\n")
    result = load_policy("policy/a.yaml")
    assert [f.name for f in result.files] == ["policy/a.yaml", "policy/b.yaml"]
    assert result.findings == []


def test_include_escapes_are_located(policy: Path, tmp_path: Path) -> None:
    outside = write(tmp_path / "outside/secret.yaml")
    (policy / "link.yaml").symlink_to(outside)
    (policy / "linkdir").symlink_to(outside.parent, target_is_directory=True)
    write(
        policy / "main.yaml",
        HEAD
        + "include:\n"
        + "  - ../outside/secret.yaml\n"
        + f"  - {outside}\n"
        + "  - link.yaml\n"
        + "  - linkdir/secret.yaml\n"
        + "  - missing.yaml\n"
        + "  - 'nothing/*.yaml'\n"
        + "  - 42\n",
    )
    result = load_policy("policy/main.yaml")
    assert [f.name for f in result.files] == ["policy/main.yaml"]
    assert found(result) == [
        ("E018", "policy/main.yaml", 3, 5),
        ("E018", "policy/main.yaml", 4, 5),
        ("E018", "policy/main.yaml", 5, 5),
        ("E018", "policy/main.yaml", 6, 5),
        ("E019", "policy/main.yaml", 7, 5),
        ("E019", "policy/main.yaml", 8, 5),
        ("E019", "policy/main.yaml", 9, 5),
    ]


def test_include_must_be_a_list(policy: Path) -> None:
    write(policy / "main.yaml", HEAD + "include: other.yaml\n")
    assert found(load_policy("policy")) == [("E019", "policy/main.yaml", 2, 10)]


def test_scan_reports_symlinks_leading_outside(policy: Path, tmp_path: Path) -> None:
    outside = write(tmp_path / "outside/secret.yaml")
    write(policy / "main.yaml")
    (policy / "escape.yaml").symlink_to(outside)
    (policy / "escape-dir").symlink_to(outside.parent, target_is_directory=True)
    (policy / "inside.yaml").symlink_to(policy / "main.yaml")  # same file: loaded once
    result = load_policy("policy")
    assert [f.name for f in result.files] == ["policy/inside.yaml"]
    assert found(result) == [
        ("E018", "policy/escape-dir", 0, 0),
        ("E018", "policy/escape.yaml", 0, 0),
    ]


def test_per_file_findings_use_display_names(policy: Path) -> None:
    write(policy / "bad.yaml", HEAD + "a: [\n")
    write(policy / "ok.yaml")
    result = load_policy(policy.resolve())  # absolute target, still shown relative to cwd
    assert [f.name for f in result.files] == ["policy/ok.yaml"]
    assert found(result) == [("E005", "policy/bad.yaml", 3, 1)]


def test_size_is_checked_before_reading(policy: Path) -> None:
    write(policy / "big.yaml", HEAD + "a: " + "x" * 100 + "\n")
    result = load_policy("policy", Limits(max_file_bytes=50))
    assert found(result) == [("E002", "policy/big.yaml", 0, 0)]


def test_file_count_limit(policy: Path) -> None:
    for name in "abc":
        write(policy / f"{name}.yaml")
    result = load_policy("policy", Limits(max_files=2))
    assert [f.name for f in result.files] == ["policy/a.yaml", "policy/b.yaml"]
    assert found(result) == [("E002", "policy/c.yaml", 0, 0)]


def test_unreadable_file_in_folder(policy: Path) -> None:
    # A dangling symlink cannot be read even by root, unlike a chmod 0 file.
    write(policy / "ok.yaml")
    (policy / "secret.yaml").symlink_to("deleted.yaml")
    assert found(load_policy("policy")) == [("E001", "policy/secret.yaml", 0, 0)]


def test_input_errors(policy: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        load_policy("policy/nope")
    with pytest.raises(InputError, match="no policy files"):
        load_policy("policy")
    write(policy / "notes.txt", "x")
    with pytest.raises(InputError, match="no policy files"):
        load_policy("policy")
