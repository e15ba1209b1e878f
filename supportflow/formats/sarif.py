"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run; the driver lists only the rules that findings reference, so a clean
policy gives a small log and ``ruleIndex`` stays a valid index. Paths are
relative URIs against ``%SRCROOT%``, which code scanning resolves to the
checkout. Columns count characters, as the loader does, hence
``columnKind: unicodeCodePoints``. Key order is fixed by construction, so the
same findings always give the same bytes.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding, Location, Severity

if TYPE_CHECKING:
    from supportflow.formats import Report

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def rule_name(title: str) -> str:
    """SARIF's ``name`` is an identifier-like CamelCase form of the title."""
    return "".join(word[:1].upper() + word[1:] for word in re.findall(r"[A-Za-z0-9]+", title))


def artifact_location(file: str) -> dict[str, str]:
    """A relative POSIX URI against %SRCROOT%, or a file: URI for an absolute path."""
    path = PurePath(file)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": quote(path.as_posix()), "uriBaseId": SRCROOT}


def _physical_location(location: Location) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": artifact_location(location.file)}
    if location.line:
        region = {"startLine": location.line}
        if location.column:
            region["startColumn"] = location.column
        physical["region"] = region
    return physical


def _help(rule: RuleDoc) -> dict[str, str]:
    """The hint, then the bad and good examples; Markdown fences them as YAML for code scanning."""
    hint = [rule.hint] if rule.hint else []
    text = [*hint, f"Bad:\n{rule.bad}", f"Good:\n{rule.good}"]
    markdown = [*hint, f"Bad:\n```yaml\n{rule.bad}\n```", f"Good:\n```yaml\n{rule.good}\n```"]
    return {"text": "\n\n".join(text), "markdown": "\n\n".join(markdown)}


def _descriptor(rule_id: str, rule: RuleDoc | None, severity: Severity) -> dict[str, Any]:
    """Full metadata from the registry; an undocumented id still gets a valid entry."""
    if rule is None:
        return {"id": rule_id, "defaultConfiguration": {"level": LEVELS[severity]}}
    return {
        "id": rule.id,
        "name": rule_name(rule.title),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.description},
        "help": _help(rule),
        "helpUri": rule.url,
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    # Viewers show the message but not always the rule's help, so a hint rides along.
    text = f"{finding.message}\nhint: {finding.hint}" if finding.hint else finding.message
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": _physical_location(finding.location)}],
    }
    if finding.related:
        result["relatedLocations"] = [
            {"id": number, "physicalLocation": _physical_location(related)}
            for number, related in enumerate(finding.related)
        ]
    return result


def _log(tool_version: str, rules: list[dict[str, Any]], run: dict[str, Any]) -> str:
    driver = {"name": "supportflow", "version": tool_version, "rules": rules}
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", **run}],
    }
    return json.dumps(log, indent=2) + "\n"


def render_error(message: str, tool_version: str) -> str:
    """A run that failed before any result: SARIF's invocation with a tool notification."""
    invocation = {
        "executionSuccessful": False,
        "exitCode": 2,
        "toolExecutionNotifications": [{"level": "error", "message": {"text": message}}],
    }
    return _log(tool_version, [], {"invocations": [invocation], "results": []})


def render(report: Report) -> str:
    first_by_rule: dict[str, Finding] = {}
    for finding in report.findings:
        first_by_rule.setdefault(finding.rule_id, finding)
    rule_ids = sorted(first_by_rule)
    index = {rule_id: number for number, rule_id in enumerate(rule_ids)}
    rules = [
        _descriptor(rule_id, report.rules.get(rule_id), first_by_rule[rule_id].severity)
        for rule_id in rule_ids
    ]
    results = [_result(f, index[f.rule_id]) for f in report.findings]
    return _log(report.tool_version, rules, {"results": results})
