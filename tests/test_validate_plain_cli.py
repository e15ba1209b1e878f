"""``supportflow validate`` without click reads its command lines as click does.

``plain_invocation`` must never read a line differently from the click command: it
either gives click's values or hands the line to click (None).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportflow.businesstime.holiday_cache import NO_CACHE
from supportflow.commands.validate import command
from supportflow.commands.validate_run import CHOICES, OPTIONS, Invocation, plain_invocation

ROOT = Path(__file__).resolve().parent.parent
TOKENS = (
    "policy", "other.yaml", "", "-f", "--format", "--format=json", "--format=bogus",
    "json", "text", "sarif", "junit", "github", "JSON", "--fail-on", "--fail-on=never",
    "warning", "info", "-o", "--output", "--output=report.json", "out.txt", "-x",
    "--", "-fjson", "-f=json", "--help", "-h", "--form", "-",
)  # fmt: skip


def _click_values(arguments: list[str]) -> Invocation | None:
    """What the click command reads from ``arguments``, or None when it refuses them."""
    try:
        context = command.make_context("validate", list(arguments))
    except (click.UsageError, click.exceptions.Exit):
        return None
    params = context.params
    return Invocation(params["paths"], params["fmt"], params["fail_on"], params["output"])


def test_the_table_names_every_spelling_and_value_of_the_click_options() -> None:
    spellings = {}
    for param in command.params:
        if isinstance(param, click.Option) and param.name != "help":
            for spelling in param.opts:
                spellings[spelling] = param.name
            choices = param.type.choices if isinstance(param.type, click.Choice) else None
            assert CHOICES[param.name] == (tuple(choices) if choices else None), param.name
    assert spellings == OPTIONS


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["policy"], Invocation(("policy",))),
        (["a", "-f", "json", "b"], Invocation(("a", "b"), fmt="json")),
        (["--format=sarif", "--fail-on", "warning", "p"], Invocation(("p",), "sarif", "warning")),
        (["p", "-o", "r", "-f", "text", "-f", "junit"], Invocation(("p",), "junit", output="r")),
    ],
)  # fmt: skip
def test_plain_lines_are_read_as_click_reads_them(
    arguments: list[str], expected: Invocation
) -> None:
    assert plain_invocation(arguments) == expected == _click_values(arguments)


@pytest.mark.parametrize(
    "arguments",
    [
        [], ["--help"], ["p", "-f", "bogus"], ["p", "--fail-on"], ["p", "--formt", "json"],
        ["p", "-fjson"], ["--", "p"],
    ],
)  # fmt: skip
def test_help_usage_errors_and_rare_spellings_go_to_click(arguments: list[str]) -> None:
    assert plain_invocation(arguments) is None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=7))
def test_no_command_line_is_read_differently_from_click(arguments: list[str]) -> None:
    plain = plain_invocation(arguments)
    if plain is not None:
        assert plain == _click_values(arguments)


def _run(*arguments: str, cache: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``validate`` in a new process; with ``cache``, the holiday cache is kept there."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    environment.pop("GITHUB_ACTIONS", None)
    if cache is not None:
        environment.pop(NO_CACHE)
        environment["XDG_CACHE_HOME"] = str(cache)
    return subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "supportflow", "validate", *arguments],
        capture_output=True, text=True, cwd=ROOT, env=environment, check=False,
    )  # fmt: skip


def _imported(result: subprocess.CompletedProcess[str]) -> set[str]:
    return {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}


def _imports_click(result: subprocess.CompletedProcess[str]) -> bool:
    return "click" in _imported(result)


def test_a_plain_line_runs_without_click_and_reports_as_before() -> None:
    result = _run("examples/pagero", "-f", "json", "--fail-on", "never")
    assert result.returncode == 0 and not _imports_click(result)
    assert result.stdout.startswith("{") and '"findings"' in result.stdout


def test_validate_does_without_dataclasses_and_the_inspect_it_imports(tmp_path: Path) -> None:
    cold = _run("examples/pagero", cache=tmp_path)  # computes the holidays with `holidays`
    warm = _run("examples/pagero", cache=tmp_path)  # reads them from the cache
    assert cold.returncode == warm.returncode == 0
    assert any(name.startswith("holidays.") for name in _imported(cold))
    assert not any(name.startswith("holidays.") for name in _imported(warm))
    for run in (cold, warm):
        assert "supportflow.frozen" in _imported(run)
        assert not {"dataclasses", "inspect"} & _imported(run)
    assert warm.stdout == cold.stdout


def test_a_bad_value_goes_to_click_which_explains_it() -> None:
    result = _run("examples/pagero", "-f", "yaml")
    assert result.returncode == 2 and _imports_click(result)
    assert "Invalid value for '-f' / '--format'" in result.stderr


def test_a_missing_path_is_one_error_line_and_a_json_error_document() -> None:
    result = _run("no/such/policy", "-f", "json")
    assert result.returncode == 2 and not _imports_click(result)
    assert '"error"' in result.stdout and "supportflow: error:" in result.stderr
