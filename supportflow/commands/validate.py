"""``supportflow validate``: check policies and report every finding.

Exit codes follow the CI convention: 0 clean, 1 findings at or above
``--fail-on``, 2 usage, input or IO errors.
"""

from __future__ import annotations

import os
import sys

import click

from supportflow import __version__
from supportflow.api import validate_policy
from supportflow.atomic import write_atomic
from supportflow.compile.loader import InputError, LoadedFile
from supportflow.diagnostics.catalogue import all_rules
from supportflow.diagnostics.findings import Finding, Severity
from supportflow.formats import FORMATS, Report, default_format, render

FAIL_ON = ("error", "warning", "info", "never")


@click.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="Output format. Default: github under GitHub Actions, else text.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default="error",
    show_default=True,
    help="Exit 1 when a finding has at least this severity.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=str),
    help="Write the report to this file (atomically) instead of standard output.",
)
def command(paths: tuple[str, ...], fmt: str | None, fail_on: str, output: str | None) -> None:
    """Check the policy folders or files in PATHS and report every finding."""
    files: list[LoadedFile] = []
    findings: list[Finding] = []
    for path in paths:
        try:
            result = validate_policy(path)
        except InputError as error:
            click.echo(f"supportflow: error: {error}", err=True)
            sys.exit(2)
        files.extend(result.files)
        findings.extend(result.findings)

    by_name = {file.name: file for file in files}
    names = sorted({*by_name, *(f.location.file for f in findings)})

    def source_line(name: str, line: int) -> str | None:
        file = by_name.get(name)
        return file.source_line(line) if file is not None and line > 0 else None

    report = Report(
        findings=sorted(findings, key=lambda f: f.sort_key),
        files=names,
        source_lines=source_line,
        rules=all_rules(),
        tool_version=__version__,
    )
    text = render(fmt or default_format(os.environ), report)
    if output:
        try:
            write_atomic(output, text)
        except OSError as error:
            click.echo(f"supportflow: error: cannot write {output}: {error.strerror}", err=True)
            sys.exit(2)
    else:
        click.echo(text, nl=False)
    if fail_on != "never" and any(f.severity >= Severity.parse(fail_on) for f in findings):
        sys.exit(1)
