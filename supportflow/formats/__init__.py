"""Formatters that turn findings into text, JSON, SARIF, JUnit or GitHub annotations.

Each format is a module with ``render(report) -> str``; nothing here writes to a
stream, so the CLI owns encoding and destination and tests compare strings.
Every renderer is deterministic: the same report gives the same text.

When there is no report at all (a missing path, an empty folder, an output file
that cannot be written: exit code 2), :func:`render_error` gives the machine
formats a document that says so, so a CI step parsing JSON, SARIF or JUnit reads
an error instead of an empty stream. Text and GitHub output carry the one-line
message the CLI prints on standard error.

Only the chosen format's module is imported: JUnit's pulls in ElementTree and
SARIF's urllib, which a plain-text run has no use for.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from types import ModuleType

from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding, Severity
from supportflow.frozen import frozen

FORMATS = ("text", "json", "sarif", "junit", "github")
# Each format's module under supportflow.formats, imported when it is chosen.
_MODULES = {
    "text": "text",
    "json": "jsonfmt",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
}


@frozen
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


def _module(fmt: str) -> ModuleType:
    """The module of ``fmt``; an unknown name is a usage error, not a KeyError."""
    if fmt not in _MODULES:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return importlib.import_module(f"supportflow.formats.{_MODULES[fmt]}")


def default_format(environ: Mapping[str, str]) -> str:
    """Annotations inside GitHub Actions (as yamllint does), plain text elsewhere."""
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"


def render(fmt: str, report: Report) -> str:
    """Render ``report`` in ``fmt``; an unknown name is a usage error, not a KeyError."""
    renderer: Callable[[Report], str] = _module(fmt).render
    return renderer(report)


def render_error(fmt: str, message: str, tool_version: str) -> str:
    """A document in ``fmt`` saying the run failed before any finding (exit code 2).

    Text output has no document: the one-line message on standard error is all.
    """
    if fmt == "text":
        return ""
    renderer: Callable[[str, str], str] = _module(fmt).render_error
    return renderer(message, tool_version)
