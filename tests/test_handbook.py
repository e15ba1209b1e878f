"""The handbook: Markdown tables, Mermaid diagrams and the findings."""

from __future__ import annotations

import re
from datetime import date

import pytest
from click.testing import CliRunner

from supportflow.build.site.markdown import code_block, escape_markdown
from supportflow.commands.group import cli
from tests.policy_files import write_policy
from tests.site_build import AS_OF, EXAMPLES, context_for, render
from tests.test_examples import NAMES


def _handbook(path) -> str:
    (file,) = render(context_for(path), ["handbook"])
    assert file.path == "handbook/README.md"
    return file.data.decode("utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_tables_and_diagrams_cover_the_policy(name: str) -> None:
    policy = context_for(EXAMPLES / name).policy
    text = _handbook(EXAMPLES / name)
    for team in policy.teams.values():
        shown = escape_markdown(team.name)
        assert re.search(rf"^\| {re.escape(shown)} \| `{team.id}` \|", text, re.M)
    for calendar in policy.calendars.values():
        assert f"| `{calendar.id}` | {escape_markdown(calendar.spec.timezone)} |" in text
    mermaid = re.findall(r"```mermaid\n(.*?)```", text, re.S)
    assert len(mermaid) == len(policy.escalations) + (policy.lifecycle is not None)
    for block, ladder in zip(mermaid, policy.escalations.values(), strict=False):
        assert block.startswith("flowchart TD")
        assert block.count("-->|") == len(ladder.steps)
    if policy.lifecycle is not None:
        assert mermaid[-1].startswith("stateDiagram-v2")
        assert mermaid[-1].count(" --> ") >= len(policy.lifecycle.transitions)
    for priority in policy.priorities.values():
        assert f"| {priority.name} | {priority.level} |" in text


def test_targets_and_retention_tables() -> None:
    text = _handbook(EXAMPLES / "dutch-customer-success")
    prio1 = (
        "| Prio 1 | 1 | Urgent business critical issues for which no workaround is available. |"
        r" 15m \(business hours\) | 15m \(business hours\) |  |"
        r" 1 business day \(business hours\) \(illustrative\) |"
    )
    assert prio1 in text
    pagero = _handbook(EXAMPLES / "pagero")
    assert "| tickets | after status | closed | 730 days | delete \\(illustrative\\) |" in pagero
    assert "| Passwords | `(?i)(password\\|passwd\\|lösenord\\|salasana)" in pagero


def test_findings_section_lists_validation_warnings(tmp_path) -> None:
    folder = write_policy(
        tmp_path,
        "calendars:\n  office: {name: Office, timezone: CET, hours: mon-fri 08:00-17:00}\n",
    )
    text = _handbook(folder)
    assert re.search(r"\| .*policy\.yaml:\d+:\d+ \| warning \| `W308` \|", text)
    clean = _handbook(EXAMPLES / "paymentus")
    assert "No findings." in clean


def _coverage_block(text: str) -> list[str]:
    section = text.split("## Coverage over time\n", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"^```text\n(.*?)^```$", section, re.S | re.M)
    return block.splitlines()


def test_coverage_shows_the_english_24_7_lines_escalation_gap_as_the_command_prints_it() -> None:
    lines = _coverage_block(_handbook(EXAMPLES / "pagero"))
    assert lines[0] == (
        "coverage of the policy from 2026-11-25T00:00:00+00:00 to 2027-11-25T00:00:00+00:00"
    )
    english = [line for line in lines if line.startswith("online/en ")]
    assert len(english) == 1
    assert "ticket-portal, chat, phone: every Mon–Thu 17:00 – 08:00 next day" in english[0]
    assert english[0].endswith(
        "escalations from first-line to second-line (request-process/to-second-line)"
        " wait until second-line opens"
    )
    printed = CliRunner().invoke(
        cli, ["coverage", str(EXAMPLES / "pagero"), "--as-of", AS_OF.isoformat()]
    )
    assert printed.exit_code == 0, printed.output
    assert lines[1:] == printed.output.splitlines()[1:]


def test_coverage_follows_the_as_of_date_and_says_when_there_are_no_gaps() -> None:
    later = render(context_for(EXAMPLES / "pagero", date(2028, 2, 29)), ["handbook"])
    lines = _coverage_block(later[0].data.decode("utf-8"))
    assert lines[0].endswith("from 2028-02-29T00:00:00+00:00 to 2029-03-01T00:00:00+00:00")
    clean = _coverage_block(_handbook(EXAMPLES / "paymentus"))
    assert clean[1:] == ["no coverage gaps"]


def test_a_code_block_outlasts_the_backticks_inside_it() -> None:
    block = code_block("coverage of ```Evil``` Corp\n")
    assert block == "````text\ncoverage of ```Evil``` Corp\n````\n"
