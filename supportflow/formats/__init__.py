"""Formatters that turn findings into text, JSON, SARIF, JUnit or GitHub annotations.

Each format is a module with ``render(report) -> str``; nothing here writes to a
stream, so the CLI owns encoding and destination and tests compare strings.
Every renderer is deterministic: the same report gives the same text.

When there is no report at all (a missing path, an empty folder, an output file
that cannot be written: exit code 2), :func:`render_error` gives the machine
formats a document that says so, so a CI step parsing JSON, SARIF or JUnit reads
an error instead of an empty stream. Text and GitHub output carry the one-line
message the CLI prints on standard error.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding, Severity
from supportflow.formats import github, jsonfmt, junit, sarif, text

FORMATS = ("text", "json", "sarif", "junit", "github")


@dataclass(frozen=True)
class Report:
    """Everything a formatter may show; built once by the caller, read by any format."""

    findings: list[Finding]
    """Already sorted with :func:`supportflow.findings.sort_findings`."""
    files: list[str]
    """Display names of every file checked, so JUnit and summaries count clean ones too."""
    source_lines: Callable[[str, int], str | None]
    """(display name, 1-based line) → that line without its newline, or None."""
    rules: Mapping[str, RuleDoc]
    """The rule registry, for SARIF metadata and documentation URLs."""
    tool_version: str
    fail_on: Severity | None = Severity.ERROR
    """The least severity that fails the run (``--fail-on``); None for ``never``."""


_RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": text.render,
    "json": jsonfmt.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
}


_ERROR_RENDERERS: dict[str, Callable[[str, str], str]] = {
    "text": lambda message, version: "",
    "json": jsonfmt.render_error,
    "sarif": sarif.render_error,
    "junit": junit.render_error,
    "github": github.render_error,
}


def default_format(environ: Mapping[str, str]) -> str:
    """Annotations inside GitHub Actions (as yamllint does), plain text elsewhere."""
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"


def render(fmt: str, report: Report) -> str:
    """Render ``report`` in ``fmt``; an unknown name is a usage error, not a KeyError."""
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return _RENDERERS[fmt](report)


def render_error(fmt: str, message: str, tool_version: str) -> str:
    """A document in ``fmt`` saying the run failed before any finding (exit code 2)."""
    if fmt not in _ERROR_RENDERERS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return _ERROR_RENDERERS[fmt](message, tool_version)
