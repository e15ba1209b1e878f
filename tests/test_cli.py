"""The CLI as CI pipelines and process owners use it: exit codes, formats, outputs."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from supportflow.commands.group import cli
from supportflow.diagnostics.catalogue import all_rules
from supportflow.resources import schema
from tests.policy_files import write_policy

ROOT = Path(__file__).resolve().parent.parent
PAGERO = str(ROOT / "examples" / "pagero")
PAYMENTUS = str(ROOT / "examples" / "paymentus")
BAD = """\
languages: [en]
calendars:
  office:
    timezone: UTC+2
    hours: mon-fri 08:00-17:00
"""
WARNING_ONLY = """\
languages: [en, en]
"""


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env or {"GITHUB_ACTIONS": ""})


@pytest.fixture
def bad(tmp_path: Path) -> str:
    return str(write_policy(tmp_path / "bad", BAD))


def test_clean_policy_exits_0() -> None:
    result = run("validate", PAYMENTUS)
    assert result.exit_code == 0, result.output
    assert result.output == "no findings in 1 file\n"


def test_warnings_alone_exit_0() -> None:
    # Pagero's real coverage gaps (W702) and W641 (chat transcripts) are warnings, so the
    # default --fail-on passes.
    result = run("validate", PAGERO)
    assert result.exit_code == 0, result.output
    assert result.output.endswith("\n8 warnings in 3 files\n")


def test_findings_exit_1_with_location_and_caret(bad: str) -> None:
    result = run("validate", bad)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].endswith("policy.yaml:5:15: error E301 unknown time zone 'UTC+2'")
    assert lines[1] == "        timezone: UTC+2"
    assert lines[2] == " " * 18 + "^"


def test_fail_on_threshold(tmp_path: Path) -> None:
    folder = str(write_policy(tmp_path, WARNING_ONLY))
    assert run("validate", folder).exit_code == 0
    assert run("validate", "--fail-on", "warning", folder).exit_code == 1
    assert run("validate", "--fail-on", "never", folder).exit_code == 0


def test_missing_path_exits_2(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert "nope" in result.output and "Traceback" not in result.output


def test_usage_error_exits_2() -> None:
    assert run("validate").exit_code == 2
    assert run("validate", "--format", "xml", PAGERO).exit_code == 2


def test_json_format(bad: str) -> None:
    result = run("validate", "--format", "json", bad)
    data = json.loads(result.output)
    assert data["summary"]["error"] == 1
    [finding] = data["findings"]
    assert (finding["rule"], finding["line"], finding["column"]) == ("E301", 5, 15)


def test_sarif_format(bad: str) -> None:
    data = json.loads(run("validate", "--format", "sarif", bad).output)
    assert data["version"] == "2.1.0"
    [result] = data["runs"][0]["results"]
    assert result["ruleId"] == "E301"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 5


def test_junit_format(bad: str) -> None:
    root = ET.fromstring(run("validate", "--format", "junit", bad).output.encode())
    assert root.find("testsuite").get("failures") == "1"


def test_github_format_is_chosen_under_github_actions(bad: str) -> None:
    result = run("validate", bad, env={"GITHUB_ACTIONS": "true"})
    assert result.output.startswith("::error file=")
    assert ",line=5,col=15,title=E301::" in result.output


def test_output_file_is_written_whole(bad: str, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("previous report")
    result = run("validate", "--format", "json", "--output", str(target), bad)
    assert result.exit_code == 1 and result.output == ""
    assert json.loads(target.read_text())["summary"]["error"] == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_output_is_deterministic(bad: str) -> None:
    first = run("validate", "--format", "sarif", bad, PAGERO).output
    assert first == run("validate", "--format", "sarif", bad, PAGERO).output


def test_schema_command_prints_the_schema() -> None:
    assert json.loads(run("schema").output) == schema()


def test_rules_lists_every_rule() -> None:
    output = run("rules").output
    for rule_id in all_rules():
        assert f"\n{rule_id} " in "\n" + output


def test_explain_shows_examples() -> None:
    result = run("explain", "e301")
    assert result.exit_code == 0
    assert "Unknown time zone" in result.output
    assert "Bad:" in result.output and "timezone: UTC+2" in result.output
    assert "Good:" in result.output and "Europe/Helsinki" in result.output


def test_explain_unknown_rule_exits_2() -> None:
    result = run("explain", "E999")
    assert result.exit_code == 2
    assert "supportflow rules" in result.output


def test_python_dash_m_runs_without_traceback(bad: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "supportflow", "validate", bad],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 1
    assert "E301" in done.stdout and "Traceback" not in done.stderr


def _modules_imported_by_validate(path: str) -> set[str]:
    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from supportflow.commands.group import cli\n"
        f"result = CliRunner().invoke(cli, ['validate', {path!r}])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return set(done.stdout.split())


def test_validate_imports_only_what_it_uses() -> None:
    # The coverage rules (W70x) compile and sweep the calendars of a policy that offers
    # channels and routes tickets, in plain Python: validate loads nothing heavy.
    modules = _modules_imported_by_validate(PAGERO)
    for heavy in ("jinja2", "networkx", "graphviz", "matplotlib", "numpy"):
        assert heavy not in modules, heavy
    assert "supportflow.analysis.coverage" in modules  # the sweep did run
    # Only the chosen formatter, and holidays without its metadata lookup or other countries.
    formats = {m for m in modules if m.startswith("supportflow.formats.")}
    assert formats == {"supportflow.formats.text"}
    assert "xml.etree.ElementTree" not in modules and "importlib.metadata" not in modules
    # Shipped files are opened beside the code, not through importlib.resources.
    assert "importlib.resources" not in modules
    assert not {m for m in modules if m.startswith("holidays.countries")}
