"""Plain text findings, in the ``file:line:col: severity ID message`` form of yamllint and gcc.

Editors and terminals turn that prefix into a link, so it comes first. Below it
come the offending source line and a caret, the hint and any related locations,
each indented by four spaces so that grep on the first line still finds every
finding. No colour: output must be the same in a terminal, a pipe and a test.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from supportflow.diagnostics.findings import Finding, Severity

if TYPE_CHECKING:
    from supportflow.formats import Report

INDENT = "    "
TAB_SIZE = 8


def severity_counts(findings: Iterable[Finding]) -> dict[Severity, int]:
    """Count findings per severity, every severity present so callers need no defaults."""
    counts = Counter(f.severity for f in findings)
    return {severity: counts[severity] for severity in Severity}


def headline(finding: Finding) -> str:
    """``file:line:col: severity ID message``; a file-level finding (line 0) has no position."""
    return f"{finding.location}: {finding.severity.label} {finding.rule_id} {finding.message}"


def source_excerpt(line: str, column: int) -> list[str]:
    """The source line and a caret under ``column`` (1-based characters).

    Tabs are expanded on the line and on the prefix before the column alike, so
    the caret stays under the character however the tabs fall. A column past the
    end of the line (an error "at end of line") points just after the last
    character; column 0 means "somewhere on this line" and gets no caret.
    """
    shown = [INDENT + line.expandtabs(TAB_SIZE)]
    if column >= 1:
        prefix = line[: min(column - 1, len(line))].expandtabs(TAB_SIZE)
        shown.append(INDENT + " " * len(prefix) + "^")
    return shown


def finding_lines(finding: Finding, source_lines: Callable[[str, int], str | None]) -> list[str]:
    """Every line printed for one finding; JUnit reuses them as a failure's body."""
    lines = [headline(finding)]
    location = finding.location
    if location.line:
        source = source_lines(location.file, location.line)
        if source is not None:
            lines += source_excerpt(source, location.column)
    if finding.hint:
        lines.append(f"{INDENT}hint: {finding.hint}")
    lines += [f"{INDENT}see also: {related}" for related in finding.related]
    return lines


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def summary(findings: list[Finding], file_count: int) -> str:
    """``3 errors, 1 warning in 2 files``; "info" is a mass noun and takes no plural."""
    counts = severity_counts(findings)
    parts = [
        _plural(counts[severity], severity.label)
        for severity in (Severity.ERROR, Severity.WARNING)
        if counts[severity]
    ]
    if counts[Severity.INFO]:
        parts.append(f"{counts[Severity.INFO]} info")
    return f"{', '.join(parts) or 'no findings'} in {_plural(file_count, 'file')}"


def render(report: Report) -> str:
    lines: list[str] = []
    for finding in report.findings:
        lines += finding_lines(finding, report.source_lines)
    lines.append(summary(report.findings, len(report.files)))
    return "\n".join(lines) + "\n"
