"""GitHub Actions workflow commands, which GitHub shows as annotations on the diff.

One ``::error``/``::warning``/``::notice`` line per finding. Escaping follows the
Actions runner (and ``@actions/core``): in the message ``%``, CR and LF are
percent-encoded; property values additionally encode ``:`` and ``,``, which
would otherwise end the value. Without it a ``%0A`` in a message would turn
into a newline, and a comma in a file name would cut the path short.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from supportflow.diagnostics.findings import Finding, Severity

if TYPE_CHECKING:
    from supportflow.formats import Report

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_DATA_ESCAPES = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A"})
_PROPERTY_ESCAPES = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"})


def escape_data(text: str) -> str:
    return text.translate(_DATA_ESCAPES)


def escape_property(text: str) -> str:
    return text.translate(_PROPERTY_ESCAPES)


def command(finding: Finding) -> str:
    location = finding.location
    properties = {"file": location.file}
    if location.line:
        properties["line"] = str(location.line)
        if location.column:
            properties["col"] = str(location.column)
    properties["title"] = finding.rule_id
    message = finding.message
    if finding.hint:
        message += f" — hint: {finding.hint}"
    if finding.related:
        message += " — see also: " + ", ".join(str(related) for related in finding.related)
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(message)}"


def render(report: Report) -> str:
    return "".join(command(finding) + "\n" for finding in report.findings)


def render_error(message: str, tool_version: str) -> str:
    """One ``::error`` annotation without a file, so the run's failure shows in the summary."""
    return f"::error title=supportflow::{escape_data(message)}\n"
