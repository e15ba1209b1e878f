"""``supportflow build`` as CI and process owners run it: every exit code and error path."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.build_support import AS_OF, EXAMPLE_NAMES, EXAMPLES, ROOT, build, tree
from tests.policy_files import write_policy

DUTCH = EXAMPLES / "dutch-customer-success"


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_every_example_builds(tmp_path: Path, example: str) -> None:
    out = tmp_path / "out"
    result = build(str(EXAMPLES / example), "-o", str(out), "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert f"built {len(tree(out))} files into {out}" in result.stdout
    manifest = json.loads((out / "manifest.json").read_text())
    listed = {entry["path"] for entry in manifest["files"]}
    assert listed == set(tree(out)) - {"manifest.json"}
    assert manifest["as_of"] == AS_OF and manifest["generated_by"] == "supportflow 0.1.0"


def test_list_names_every_generator_with_its_description() -> None:
    result = build("--list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("runtime ") and "runtime.json" in lines[0]
    assert lines[1].startswith("zendesk ") and "Zendesk schedules" in lines[1]
    assert lines[2].startswith("freshdesk ") and "Freshdesk SLA policies" in lines[2]


def test_only_runs_the_named_generators(tmp_path: Path) -> None:
    result = build(str(DUTCH), "-o", str(tmp_path / "out"), "--only", "freshdesk")
    assert result.exit_code == 0, result.output  # freshdesk needs no date
    assert set(tree(tmp_path / "out")) == {"manifest.json", "freshdesk/sla_policies.json"}


def test_a_policy_with_errors_is_not_built(tmp_path: Path) -> None:
    policy = write_policy(
        tmp_path / "p", "languages: [en]\ncalendars:\n  c: {timezone: Mars/Base}\n"
    )
    out = tmp_path / "out"
    result = build(str(policy), "-o", str(out), "--as-of", AS_OF)
    assert result.exit_code == 1
    assert "error E" in result.stdout and "policy.yaml:" in result.stdout
    assert "nothing was built" in result.stderr
    assert not out.exists()


def test_an_id_that_is_a_path_is_refused_before_any_file(tmp_path: Path) -> None:
    policy = write_policy(
        tmp_path / "p",
        "languages: [en]\ncalendars:\n  ../x: {name: X, timezone: UTC, hours: 24/7}\n",
    )
    result = build(str(policy), "-o", str(tmp_path / "out"), "--as-of", AS_OF)
    assert result.exit_code == 1
    assert not (tmp_path / "out").exists() and not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        ((), {}, "generators runtime, zendesk, helpcenter, diagrams need a date"),
        (("--as-of", "25-11-2026"), {}, "is not a date"),
        (("--as-of", "2026-02-30"), {}, "is not a date"),
        ((), {"SOURCE_DATE_EPOCH": "yesterday"}, "SOURCE_DATE_EPOCH='yesterday'"),
        (("--only", "jira"), {}, "no generator named 'jira'"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    tmp_path: Path, args: tuple[str, ...], env: dict[str, str], message: str
) -> None:
    result = build(str(DUTCH), "-o", str(tmp_path / "out"), *args, env=env)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


def test_missing_policy_or_output_is_a_usage_error(tmp_path: Path) -> None:
    assert build(str(DUTCH)).exit_code == 2
    assert build("-o", str(tmp_path / "out")).exit_code == 2


def test_an_unreadable_policy_exits_2(tmp_path: Path) -> None:
    result = build(str(tmp_path / "nowhere"), "-o", str(tmp_path / "out"), "--as-of", AS_OF)
    assert result.exit_code == 2 and "supportflow: error:" in result.stderr


def test_source_date_epoch_sets_the_date(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = build(str(DUTCH), "-o", str(out), env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert result.exit_code == 0, result.output
    assert json.loads((out / "manifest.json").read_text())["as_of"] == "2026-01-01"


def test_output_that_is_a_file_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.write_text("precious")
    result = build(str(DUTCH), "-o", str(out), "--as-of", AS_OF)
    assert result.exit_code == 2 and "is not a folder" in result.stderr
    assert out.read_text() == "precious"


def test_a_folder_not_made_by_build_is_never_replaced(tmp_path: Path) -> None:
    out = tmp_path / "project"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    result = build(str(DUTCH), "-o", str(out), "--as-of", AS_OF)
    assert result.exit_code == 2 and "was not made by supportflow build" in result.stderr
    assert tree(out) == {"notes.txt": b"mine"}


def test_a_rebuild_replaces_the_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(str(DUTCH), "-o", str(out), "--as-of", AS_OF).exit_code == 0
    (out / "zendesk" / "leftover.json").write_text("{}")
    assert build(str(DUTCH), "-o", str(out), "--as-of", AS_OF).exit_code == 0
    assert "zendesk/leftover.json" not in tree(out)
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary folders left


def test_strict_turns_warnings_into_errors_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build(str(DUTCH), "-o", str(out), "--as-of", "2026-01-01").exit_code == 0
    before = tree(out)
    result = build(str(DUTCH), "-o", str(out), "--as-of", AS_OF, "--strict")
    assert result.exit_code == 1
    assert "error [zendesk] priority P1 (Prio 1): the assessment target" in result.stdout
    assert "nothing was written" in result.stderr
    assert tree(out) == before


def test_strict_passes_a_policy_helpdesks_can_express(tmp_path: Path) -> None:
    result = build(str(EXAMPLES / "paymentus"), "-o", str(tmp_path / "o"), "--as-of", AS_OF,
                   "--strict")  # fmt: skip
    assert result.exit_code == 0, result.output


def test_check_fails_after_a_policy_edit_and_passes_after_a_rebuild(tmp_path: Path) -> None:
    policy = tmp_path / "policy"
    policy.mkdir()
    text = (DUTCH / "policy.yaml").read_text(encoding="utf-8")
    (policy / "policy.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert build(str(policy), "-o", str(out), "--check", "--as-of", AS_OF).exit_code == 1
    assert build(str(policy), "-o", str(out), "--as-of", AS_OF).exit_code == 0
    before = tree(out)
    # --check with no date reuses the date OUT was built with.
    result = build(str(policy), "-o", str(out), "--check")
    assert result.exit_code == 0, result.output
    assert "is up to date" in result.stdout

    edited = text.replace("first_response: 60m", "first_response: 45m")
    (policy / "policy.yaml").write_text(edited, encoding="utf-8")
    (out / "stray.txt").write_text("x")
    (out / "zendesk" / "schedules.json").unlink()
    result = build(str(policy), "-o", str(out), "--check")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert f"stale: {out / 'freshdesk/sla_policies.json'}" in lines
    assert f"stale: {out / 'zendesk/sla_policies.json'}" in lines
    assert f"stale: {out / 'manifest.json'}" in lines
    assert f"stale: {out / 'runtime.json'}" in lines
    assert f"missing: {out / 'zendesk/schedules.json'}" in lines
    assert f"extra: {out / 'stray.txt'}" in lines
    # The help-center pages and the handbook state the target too (en and nl, HTML and
    # Markdown), so they are stale with the payloads and runtime.json.
    assert f"stale: {out / 'helpcenter/nl/software/index.html'}" in lines
    assert f"stale: {out / 'handbook/README.md'}" in lines
    assert "out of date (9 stale, 1 missing, 1 extra)" in lines[-1]
    assert tree(out) != before and (out / "stray.txt").exists()  # --check wrote nothing

    assert build(str(policy), "-o", str(out)).exit_code == 2  # a build needs its date
    assert build(str(policy), "-o", str(out), "--as-of", AS_OF).exit_code == 0
    assert build(str(policy), "-o", str(out), "--check").exit_code == 0
    assert not (out / "stray.txt").exists()


def test_check_on_a_missing_output_lists_every_file(tmp_path: Path) -> None:
    result = build(str(DUTCH), "-o", str(tmp_path / "none"), "--check", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert build(str(DUTCH), "-o", str(tmp_path / "built"), "--as-of", AS_OF).exit_code == 0
    written = [p for p in (tmp_path / "built").rglob("*") if p.is_file()]
    assert result.stdout.count("missing: ") == len(written)


def _run_on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run the CLI with stderr on a pseudo-terminal and return what the terminal saw."""
    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "supportflow", *args],
        stderr=secondary,
        stdout=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
    )
    os.close(secondary)
    seen = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    process.wait()
    os.close(primary)
    assert process.returncode == 0
    return seen.decode()


def test_progress_shows_on_a_terminal_and_not_in_pipes_or_ci(tmp_path: Path) -> None:
    args = ["build", str(DUTCH), "-o", str(tmp_path / "out"), "--as-of", AS_OF]
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    assert re.search(r"\[\d+/\d+\] zendesk", _run_on_a_terminal(args, env))
    assert "[1/" not in _run_on_a_terminal(args, {**env, "CI": "true"})
    piped = subprocess.run(
        [sys.executable, "-m", "supportflow", *args], capture_output=True, env=env, check=True
    )
    assert b"[1/" not in piped.stderr


def test_an_output_folder_that_cannot_be_made_exits_2(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    result = build(str(DUTCH), "-o", str(tmp_path / "file" / "out"), "--as-of", AS_OF)
    assert result.exit_code == 2 and "cannot create a folder" in result.stderr


def test_check_against_a_file_exits_2(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("x")
    result = build(str(DUTCH), "-o", str(tmp_path / "out"), "--check", "--as-of", AS_OF)
    assert result.exit_code == 2 and "is not a folder" in result.stderr


def test_warnings_are_github_annotations_in_github_actions(tmp_path: Path) -> None:
    result = build(str(DUTCH), "-o", str(tmp_path / "out"), "--as-of", AS_OF,
                   env={"GITHUB_ACTIONS": "true"})  # fmt: skip
    assert result.exit_code == 0
    assert "::warning file=" in result.stdout and "title=[zendesk]::priority P1" in result.stdout


def test_payload_build_never_imports_jinja_or_networkx(tmp_path: Path) -> None:
    # The help center, handbook and diagrams render Jinja templates; runtime.json and the
    # helpdesk payloads never need it. numpy does load: build validates first, and
    # validation's coverage sweep (W70x) compiles calendars with the business-time engine.
    code = (
        "import sys\n"
        "from supportflow.commands.group import cli\n"
        "sys.argv = ['supportflow', 'build', 'examples/pagero', '-o', sys.argv[1],"
        " '--as-of', '2026-11-25', '--only', 'runtime', '--only', 'zendesk',"
        " '--only', 'freshdesk']\n"
        "try:\n    cli(prog_name='supportflow')\n"
        "except SystemExit:\n    pass\n"
        "print(sorted({'jinja2', 'networkx'} & set(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "out")], cwd=ROOT,
                          capture_output=True, text=True, check=True)  # fmt: skip
    assert done.stdout.splitlines()[-1] == "[]"
