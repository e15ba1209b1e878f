"""``supportflow validate``: check policies and report every finding.

The click command for the command lines ``validate_run.plain_invocation`` leaves to
click (help, usage errors); the work itself is ``validate_run.run``.
"""

from __future__ import annotations

import sys

import click

from supportflow.commands.validate_run import FAIL_ON, Invocation, run
from supportflow.formats import FORMATS


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
    status = run(Invocation(paths, fmt, fail_on, output))
    if status:
        sys.exit(status)
