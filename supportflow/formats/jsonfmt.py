"""Findings as one JSON document, for scripts and dashboards.

Named ``jsonfmt`` so that ``from supportflow.formats import jsonfmt`` never
shadows the standard library's ``json`` in the importing module. The document
carries ``version: 1``: a consumer can refuse a shape it does not know instead
of misreading it. Keys are sorted and indented so the output diffs cleanly.

A run that could not check anything (exit code 2) gives the same shape with no
findings and an ``error`` object, so a consumer reading ``findings`` still works
and one checking ``error`` learns why.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from supportflow.diagnostics.findings import Finding, Location, Severity
from supportflow.formats.text import severity_counts

if TYPE_CHECKING:
    from supportflow.formats import Report

SCHEMA_VERSION = 1


def _location(location: Location) -> dict[str, Any]:
    return {"file": location.file, "line": location.line, "column": location.column}


def _finding(finding: Finding, report: Report) -> dict[str, Any]:
    rule = report.rules.get(finding.rule_id)
    return {
        "rule": finding.rule_id,
        "severity": finding.severity.label,
        "message": finding.message,
        **_location(finding.location),
        "hint": finding.hint,
        "related": [_location(related) for related in finding.related],
        "url": rule.url if rule else None,
    }


def _document(tool_version: str, counts: dict[Severity, int], files: int) -> dict[str, Any]:
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "supportflow", "version": tool_version},
        "summary": {**{severity.label: n for severity, n in counts.items()}, "files": files},
    }


def _dump(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, sort_keys=True) + "\n"


def render(report: Report) -> str:
    document = _document(report.tool_version, severity_counts(report.findings), len(report.files))
    document["findings"] = [_finding(finding, report) for finding in report.findings]
    return _dump(document)


def render_error(message: str, tool_version: str) -> str:
    """The run failed before checking anything: no findings, and why (exit code 2)."""
    document = _document(tool_version, severity_counts([]), 0)
    document["findings"] = []
    document["error"] = {"message": message, "exit_code": 2}
    return _dump(document)
