"""The handbook: Markdown tables, Mermaid diagrams and the findings."""

from __future__ import annotations

import re

import pytest

from supportflow.build.site.markdown import escape_markdown
from tests.policy_files import write_policy
from tests.site_build import EXAMPLES, context_for, render
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
