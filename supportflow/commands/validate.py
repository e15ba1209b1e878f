"""``supportflow validate``: check policies and report every finding.

Exit codes follow the CI convention: 0 clean, 1 findings at or above
``--fail-on``, 2 usage, input or IO errors. An input or IO error is one line on
standard error and, in the machine formats, a document that says so where the
report would have gone (or on standard output when that is the file that could
not be written), so a CI step parsing the report never reads an empty stream.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

import click

from supportflow import __version__
from supportflow.api import validate_policy
from supportflow.atomic import write_atomic
from supportflow.compile.loader import InputError, LoadedFile
from supportflow.diagnostics.catalogue import all_rules
from supportflow.diagnostics.findings import Finding, Severity
from supportflow.formats import FORMATS, Report, default_format, render, render_error

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
    type=click.Path(path_type=str),
    help="Write the report to this file (atomically) instead of standard output.",
)
def command(paths: tuple[str, ...], fmt: str | None, fail_on: str, output: str | None) -> None:
    """Check the policy folders or files in PATHS and report every finding."""
    fmt = fmt or default_format(os.environ)
    files: list[LoadedFile] = []
    findings: list[Finding] = []
    for path in paths:
        try:
            result = validate_policy(path)
        except InputError as error:
            _fail(str(error), fmt, output)
        files.extend(result.files)
        findings.extend(result.findings)

    by_name = {file.name: file for file in files}
    names = sorted({*by_name, *(f.location.file for f in findings)})

    def source_line(name: str, line: int) -> str | None:
        file = by_name.get(name)
        return file.source_line(line) if file is not None and line > 0 else None

    threshold = None if fail_on == "never" else Severity.parse(fail_on)
    report = Report(
        findings=sorted(findings, key=lambda f: f.sort_key),
        files=names,
        source_lines=source_line,
        rules=all_rules(),
        tool_version=__version__,
        fail_on=threshold,
    )
    text = render(fmt, report)
    if output:
        try:
            write_atomic(output, text)
        except OSError as error:
            _fail(f"cannot write {output}: {error.strerror}", fmt, None)
    else:
        click.echo(text, nl=False)
    if threshold is not None and any(f.severity >= threshold for f in findings):
        sys.exit(1)


def _fail(message: str, fmt: str, output: str | None) -> NoReturn:
    """Exit 2 with ``message`` on standard error and, for the machine formats, as a document."""
    click.echo(f"supportflow: error: {message}", err=True)
    document = render_error(fmt, message, __version__)
    if output:
        try:
            write_atomic(output, document)
        except OSError:
            click.echo(document, nl=False)
    else:
        click.echo(document, nl=False)
    sys.exit(2)
