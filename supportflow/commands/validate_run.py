"""What ``supportflow validate`` does, without click: the CI path pays for no option parser.

A CI job runs ``supportflow validate POLICY`` with a format or a threshold, on every
push, and its start-up is most of its time: click costs 10-15 ms of a 100 ms run.
``plain_invocation`` reads the well-formed command lines such a job writes, with the
options the click command declares (a test keeps the two in step). Anything else
(``--help``, a misspelt option, a value not on offer, no path) returns None, and
click parses it and explains what is wrong, as for every other command.

Exit codes follow the CI convention: 0 clean, 1 findings at or above
``--fail-on``, 2 usage, input or IO errors. An input or IO error is one line on
standard error and, in the machine formats, a document that says so where the
report would have gone (or on standard output when that is the file that could
not be written), so a CI step parsing the report never reads an empty stream.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from supportflow import __version__
from supportflow.api import validate_policy
from supportflow.atomic import write_atomic
from supportflow.compile.loader import InputError, LoadedFile
from supportflow.diagnostics.catalogue import all_rules
from supportflow.diagnostics.findings import Finding, Severity
from supportflow.formats import FORMATS, Report, default_format, render, render_error
from supportflow.frozen import frozen

FAIL_ON = ("error", "warning", "info", "never")
# every spelling of each option, and the values it takes (None: any value)
OPTIONS: dict[str, str] = {
    "-f": "fmt",
    "--format": "fmt",
    "--fail-on": "fail_on",
    "-o": "output",
    "--output": "output",
}
CHOICES: dict[str, Sequence[str] | None] = {"fmt": FORMATS, "fail_on": FAIL_ON, "output": None}


@frozen
class Invocation:
    """A validate command line: the paths, and each option's value."""

    paths: tuple[str, ...]
    fmt: str | None = None
    fail_on: str = "error"
    output: str | None = None


def plain_invocation(arguments: Sequence[str]) -> Invocation | None:
    """``arguments`` (after ``validate``) read as click would, or None when click must read
    them: anything but paths and the options above with values they take."""
    paths: list[str] = []
    values: dict[str, str] = {}
    pending = iter(arguments)
    for argument in pending:
        if not argument.startswith("-"):
            paths.append(argument)
            continue
        name, equals, value = argument.partition("=")
        destination = OPTIONS.get(name)
        if destination is None or (equals and not name.startswith("--")):
            return None
        if not equals:
            value = next(pending, None)  # type: ignore[assignment]
            if value is None:
                return None
        choices = CHOICES[destination]
        if choices is not None and value not in choices:
            return None
        values[destination] = value  # a repeated option: the last one counts, as in click
    return Invocation(tuple(paths), **values) if paths else None


def run(invocation: Invocation) -> int:
    """Check the policies and write the report; the exit status."""
    fmt = invocation.fmt or default_format(os.environ)
    files: list[LoadedFile] = []
    findings: list[Finding] = []
    for path in invocation.paths:
        try:
            result = validate_policy(path)
        except InputError as error:
            return _fail(str(error), fmt, invocation.output)
        files.extend(result.files)
        findings.extend(result.findings)

    by_name = {file.name: file for file in files}
    names = sorted({*by_name, *(f.location.file for f in findings)})

    def source_line(name: str, line: int) -> str | None:
        file = by_name.get(name)
        return file.source_line(line) if file is not None and line > 0 else None

    threshold = None if invocation.fail_on == "never" else Severity.parse(invocation.fail_on)
    report = Report(
        findings=sorted(findings, key=lambda f: f.sort_key),
        files=names,
        source_lines=source_line,
        rules=all_rules(),
        tool_version=__version__,
        fail_on=threshold,
    )
    text = render(fmt, report)
    if invocation.output:
        try:
            write_atomic(invocation.output, text)
        except OSError as error:
            return _fail(f"cannot write {invocation.output}: {error.strerror}", fmt, None)
    else:
        sys.stdout.write(text)
    if threshold is not None and any(f.severity >= threshold for f in findings):
        return 1
    return 0


def _fail(message: str, fmt: str, output: str | None) -> int:
    """Exit status 2, with ``message`` on standard error and, for the machine formats, as a
    document."""
    sys.stderr.write(f"supportflow: error: {message}\n")
    document = render_error(fmt, message, __version__)
    if output:
        try:
            write_atomic(output, document)
        except OSError:
            sys.stdout.write(document)
    else:
        sys.stdout.write(document)
    return 2
