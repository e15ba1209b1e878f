"""What the build promises about OUT: atomic, deterministic, safe paths, marked files."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from supportflow.build import output
from supportflow.build.generator import BuildContext, Later, OutputFile
from supportflow.build.manifest import GeneratorInfo, Manifest
from supportflow.build.marker import mark
from supportflow.build.output import OutError, write_tree
from supportflow.build.paths import unsafe_reason
from supportflow.build.run import BuildFailure, render_all
from supportflow.model import Policy
from tests.build_support import AS_OF, EXAMPLE_NAMES, EXAMPLES, ROOT, build, tree

POLICY = Policy(files=("policy.yaml",))


def generator(name: str, *files: OutputFile, outputs: tuple[str, ...] = ("*",)) -> GeneratorInfo:
    return GeneratorInfo(Manifest(name, "test", outputs), lambda: lambda context: list(files))


def raising(context: BuildContext) -> list[OutputFile]:
    raise RuntimeError("disk of the imagination is full")


@pytest.mark.parametrize(
    "path",
    ["../x", "a/../../x", "/etc/passwd", "C:/x", "a//b", "a/./b", "", "a/", "CON", "nul.txt",
     "x/Aux.json", "com1", "LPT9.md", "a\\b", "a:b", "what?", "trailing.", "trailing ",
     "tab\tname", "x" * 256],
)  # fmt: skip
def test_unsafe_paths_are_named(path: str) -> None:
    assert unsafe_reason(path) is not None


@pytest.mark.parametrize("path", ["zendesk/schedules.json", "a/b/c.html", "console.md", "COM10"])
def test_safe_paths_pass(path: str) -> None:
    assert unsafe_reason(path) is None


@pytest.mark.parametrize("path", ["../x", "/tmp/abs", "CON", "a/../../b"])
def test_an_unsafe_path_fails_the_build_before_anything_is_written(path: str) -> None:
    evil = generator("evil", OutputFile("fine.txt", b"ok"), OutputFile(path, b"bad"))
    with pytest.raises(BuildFailure, match="not a safe path inside OUT"):
        render_all(POLICY, [evil], date(2026, 1, 1), "0")


def test_a_file_outside_the_manifest_outputs_fails() -> None:
    stray = generator("stray", OutputFile("other/x.json", b"{}"), outputs=("mine/*",))
    with pytest.raises(BuildFailure, match="does not declare"):
        render_all(POLICY, [stray], date(2026, 1, 1), "0")


def test_two_generators_cannot_write_one_file_or_a_file_and_its_folder() -> None:
    one = generator("one", OutputFile("a/b.json", b"{}"))
    two = generator("two", OutputFile("a/b.json", b"[]"))
    with pytest.raises(BuildFailure, match="generator one also writes"):
        render_all(POLICY, [one, two], date(2026, 1, 1), "0")
    three = generator("three", OutputFile("a", b""))
    with pytest.raises(BuildFailure, match="uses as a folder"):
        render_all(POLICY, [one, three], date(2026, 1, 1), "0")


def test_paths_that_differ_only_in_case_fail() -> None:
    both = generator("both", OutputFile("Page.md", b""), OutputFile("page.md", b""))
    with pytest.raises(BuildFailure, match="differ only in case"):
        render_all(POLICY, [both], date(2026, 1, 1), "0")


def test_a_generator_that_raises_is_a_build_failure_naming_it() -> None:
    failing = GeneratorInfo(Manifest("broken", "test", ("*",)), lambda: raising)
    with pytest.raises(BuildFailure, match="generator broken failed: RuntimeError: disk"):
        render_all(POLICY, [failing], date(2026, 1, 1), "0")


@pytest.mark.parametrize(
    "returned", [None, (OutputFile("a.txt", b""),), [OutputFile("a.txt", "text, not bytes")]]
)
def test_a_generator_must_return_a_list_of_output_files(returned: object) -> None:
    odd = GeneratorInfo(Manifest("odd", "test", ("*",)), lambda: lambda context: returned)
    with pytest.raises(BuildFailure, match="generator odd"):
        render_all(POLICY, [odd], date(2026, 1, 1), "0")


def test_generators_run_one_at_a_time_early_ones_first_and_later_ones_last() -> None:
    """They share one model whose calendars and analyses fill caches as they are read."""
    events: list[str] = []

    def made(name: str, later: bool) -> GeneratorInfo:
        def render(context: BuildContext) -> list[OutputFile] | Later:
            assert threading.current_thread() is threading.main_thread()
            events.append(f"render {name}")
            context.warn(name, f"{name} says")
            files = [OutputFile(f"{name}.txt", name.encode())]
            if not later:
                return files

            def rest() -> list[OutputFile]:
                events.append(f"rest {name}")
                return [OutputFile(f"{name}-2.txt", b"2")]

            return Later(files, rest)

        return GeneratorInfo(Manifest(name, "test", ("*",)), lambda: render, starts_early=later)

    built = render_all(
        POLICY, [made("a", False), made("d", True), made("b", False)], date(2026, 1, 1), "0"
    )
    assert events == ["render d", "render a", "render b", "rest d"]
    assert [w.generator for w in built.warnings] == ["a", "d", "b"]  # in the given order
    assert sorted(built.files) == ["a.txt", "b.txt", "d-2.txt", "d.txt", "manifest.json"]


def test_a_later_whose_rest_fails_fails_the_build() -> None:
    def rest() -> list[OutputFile]:
        raise RuntimeError("dot fell over")

    later = GeneratorInfo(
        Manifest("late", "test", ("*",)), lambda: lambda context: Later([], rest), starts_early=True
    )
    with pytest.raises(BuildFailure, match="generator late failed: RuntimeError: dot fell over"):
        render_all(POLICY, [later], date(2026, 1, 1), "0")


def test_manifest_lists_every_file_with_its_sha256_and_generator() -> None:
    built = render_all(
        POLICY,
        [generator("g", OutputFile("b.json", b"{}"), OutputFile("a/page.html", b"<p>x</p>"))],
        date(2026, 1, 1),
        "9.9",
    )
    manifest = json.loads(built.files["manifest.json"])
    assert manifest["files"] == [
        {"path": path, "sha256": hashlib.sha256(built.files[path]).hexdigest(), "generator": "g"}
        for path in ("a/page.html", "b.json")
    ]
    assert built.files["b.json"] == b"{}"  # JSON takes no comment
    assert b"Generated by supportflow 9.9 (generator g)" in built.files["a/page.html"]


@pytest.mark.parametrize(
    ("path", "data", "starts"),
    [
        ("x.html", b"<!DOCTYPE html>\n<html/>", b"<!DOCTYPE html>\n<!-- Generated by supportflow"),
        ("x.svg", b'<?xml version="1.0"?>\n<svg/>', b'<?xml version="1.0"?>\n<!-- Generated'),
        ("x.md", b"---\ntitle: T\n---\n# T\n", b"---\ntitle: T\n---\n<!-- Generated"),
        ("x.md", b"# T\n", b"<!-- Generated"),
        ("x.dot", b"digraph {}\n", b"// Generated"),
        ("x.yaml", b"a: 1\n", b"# Generated"),
        ("x.json", b"{}", b"{}"),
    ],
)
def test_the_marker_goes_where_the_format_allows(path: str, data: bytes, starts: bytes) -> None:
    assert mark(path, data, "g", "1.0").startswith(starts)


def test_a_failing_generator_leaves_the_previous_output_byte_identical(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(str(EXAMPLES / "pagero"), "-o", str(out), "--as-of", AS_OF).exit_code == 0
    before = tree(out)
    folder = tmp_path / "gen"
    folder.mkdir()
    (folder / "manifest.json").write_text('{"name": "half", "description": "d", "outputs": []}')
    (folder / "a.txt.j2").write_text("first file renders\n")
    (folder / "b.txt.j2").write_text("{{ no_such_variable }}\n")
    result = build(str(EXAMPLES / "pagero"), "-o", str(out), "--as-of", "2027-01-01",
                   "--generator", str(folder))  # fmt: skip
    assert result.exit_code == 1
    assert "nothing was written" in result.stderr
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gen", "out"]


def test_a_write_failure_midway_leaves_the_previous_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    write_tree(out, {"manifest.json": b'{"generated_by": "supportflow 0"}', "a/x.txt": b"old"})
    before = tree(out)
    calls = []

    def failing_fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", failing_fsync)
    with pytest.raises(OutError, match="No space left"):
        write_tree(out, {"manifest.json": b'{"generated_by": "supportflow 1"}', "b": b"1"})
    assert tree(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_failed_swap_puts_the_previous_output_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    write_tree(out, {"manifest.json": b'{"generated_by": "supportflow 0"}'})
    before = tree(out)
    real_rename = os.rename

    def second_rename_fails(src: str, dst: str) -> None:
        if Path(dst) == out and ".new-" in str(src):
            raise OSError(5, "Input/output error")
        real_rename(src, dst)

    monkeypatch.setattr(output, "_exchange", lambda first, second: False)
    monkeypatch.setattr(output.os, "rename", second_rename_fails)
    with pytest.raises(OutError):
        write_tree(out, {"manifest.json": b'{"generated_by": "supportflow 1"}'})
    assert tree(out) == before


@pytest.mark.parametrize("exchange", [True, False])
def test_a_rebuild_swaps_the_whole_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool
) -> None:
    if not exchange:
        monkeypatch.setattr(output, "_exchange", lambda first, second: False)
    out = tmp_path / "out"
    write_tree(out, {"manifest.json": b'{"generated_by": "supportflow 0"}', "old.txt": b"1"})
    write_tree(out, {"manifest.json": b'{"generated_by": "supportflow 1"}', "new/x.txt": b"2"})
    assert tree(out) == {"manifest.json": b'{"generated_by": "supportflow 1"}', "new/x.txt": b"2"}
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_two_builds_are_byte_identical(tmp_path: Path, example: str) -> None:
    for name in ("one", "two"):
        result = build(str(EXAMPLES / example), "-o", str(tmp_path / name), "--as-of", AS_OF)
        assert result.exit_code == 0, result.output
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_a_different_hash_seed_gives_the_same_bytes(tmp_path: Path) -> None:
    in_process = tmp_path / "here"
    assert build(str(EXAMPLES / "pagero"), "-o", str(in_process), "--as-of", AS_OF).exit_code == 0
    for seed in ("1", "4242"):
        out = tmp_path / f"seed-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "LANG": "nl_NL.UTF-8", "CI": "true"}
        env.pop("SOURCE_DATE_EPOCH", None)
        subprocess.run(
            [sys.executable, "-m", "supportflow", "build", "examples/pagero", "-o", str(out),
             "--as-of", AS_OF],
            cwd=ROOT, env=env, check=True, capture_output=True,
        )  # fmt: skip
        assert tree(out) == tree(in_process)
