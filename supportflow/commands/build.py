"""``supportflow build``: render a valid policy into OUT, atomically, or check OUT is current.

The policy is validated first; any error stops the build with the findings
printed as ``validate`` prints them. Every selected generator renders in
memory, every path is checked, and OUT is swapped in whole. ``--check`` writes
nothing and lists stale, missing and extra files.

The date (holiday horizons, "generated on") is never the clock: it is
``--as-of``, else ``SOURCE_DATE_EPOCH``, else, for ``--check``, the date
OUT/manifest.json was built with. A build whose generators need a date and get
none stops with a one-line error; one whose generators need none uses
1970-01-01, which they never read. In CI,
``SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)`` ties the date to the commit.

Exit codes: 0 built (or up to date), 1 the policy has errors, a generator
failed, ``--strict`` met a warning, or ``--check`` found OUT out of date;
2 usage, input or IO errors.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import NoReturn

import click

from supportflow import __version__
from supportflow.build.generator import BuildWarning
from supportflow.build.manifest import GeneratorError, GeneratorInfo
from supportflow.build.output import OutError, compare_tree, previous_manifest, write_tree
from supportflow.build.registry import select
from supportflow.build.run import BuildFailure, render_all
from supportflow.compile.loader import InputError, LoadedFile
from supportflow.diagnostics.catalogue import all_rules
from supportflow.diagnostics.findings import Finding, Location, Severity
from supportflow.formats import Report, default_format, render

NO_DATE = date(1970, 1, 1)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The page a person opens first, named after a build that made it.
HELP_CENTER_ENTRY = "helpcenter/index.html"


def _fail(message: str, code: int = 2) -> NoReturn:
    click.echo(f"supportflow: error: {message}", err=True)
    sys.exit(code)


def _as_of(text: str | None, check: bool, out: Path, generators: Sequence[GeneratorInfo]) -> date:
    if text is not None:
        try:
            if not ISO_DATE.match(text):
                raise ValueError(text)
            return date.fromisoformat(text)
        except ValueError:
            raise click.BadParameter(
                f"{text!r} is not a date; write YYYY-MM-DD", param_hint="--as-of"
            ) from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None:
        try:
            return datetime.fromtimestamp(int(epoch), UTC).date()
        except (ValueError, OverflowError, OSError):
            _fail(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds since 1970")
    if check:
        built = previous_manifest(out)
        if built is not None and isinstance(built.get("as_of"), str):
            try:
                return date.fromisoformat(str(built["as_of"]))
            except ValueError:
                pass
    needing = [info.name for info in generators if info.manifest.needs_date]
    if needing:
        _fail(
            f"{'generators' if len(needing) > 1 else 'generator'} {', '.join(needing)}"
            f" need{'' if len(needing) > 1 else 's'} a date"
            " (holidays, 'generated on') and supportflow never reads the clock: pass --as-of"
            " YYYY-MM-DD or set SOURCE_DATE_EPOCH, e.g. SOURCE_DATE_EPOCH=$(git log -1"
            " --format=%ct)"
        )
    return NO_DATE


def _interactive() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


def _status(text: str) -> None:
    """One line of progress, rewritten in place on a terminal; nothing in pipes or CI."""
    if _interactive():
        click.echo(f"\r\033[K{text}", nl=False, err=True)


def _progress(index: int, total: int, name: str) -> None:
    _status(f"[{index + 1}/{total}] {name}" if index < total else "")


def _as_finding(warning: BuildWarning, strict: bool, fallback: str) -> Finding:
    return Finding(
        rule_id=f"[{warning.generator}]",
        severity=Severity.ERROR if strict else Severity.WARNING,
        message=warning.message,
        location=warning.location or Location(fallback),
    )


def _report(findings: list[Finding], files: list[LoadedFile]) -> str:
    by_name = {file.name: file for file in files}

    def source_line(name: str, line: int) -> str | None:
        file = by_name.get(name)
        return file.source_line(line) if file is not None and line > 0 else None

    report = Report(
        findings=sorted(findings, key=lambda f: f.sort_key),
        files=sorted({*by_name, *(f.location.file for f in findings)}),
        source_lines=source_line,
        rules=all_rules(),
        tool_version=__version__,
    )
    return render(default_format(os.environ), report)


def _list(generators: Sequence[GeneratorInfo]) -> None:
    width = max(len(info.name) for info in generators)
    for info in generators:
        click.echo(f"{info.name.ljust(width)}  {info.description}")


@click.command("build")
@click.argument("policy", required=False, type=click.Path(path_type=str))
@click.option(
    "-o",
    "--output",
    "out",
    metavar="OUT",
    type=click.Path(path_type=Path),
    help="The output folder.",
)
@click.option("--only", multiple=True, metavar="NAME", help="Run only this generator (repeatable).")
@click.option("--list", "list_only", is_flag=True, help="List the generators and exit.")
@click.option("--as-of", metavar="YYYY-MM-DD", help="The build's date (else SOURCE_DATE_EPOCH).")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if OUT is out of date.")
@click.option("--strict", is_flag=True, help="Treat build warnings as errors.")
@click.option(
    "--generator",
    "user_generators",
    multiple=True,
    metavar="DIR",
    help="Add a generator folder (manifest.json and *.j2 templates; repeatable).",
)
def command(
    policy: str | None,
    out: Path | None,
    only: tuple[str, ...],
    list_only: bool,
    as_of: str | None,
    check: bool,
    strict: bool,
    user_generators: tuple[str, ...],
) -> None:
    """Render the policy at POLICY into the folder OUT (-o), or --check that OUT is current."""
    try:
        generators = select(() if list_only else only, user_generators)
    except GeneratorError as error:
        _fail(str(error))
    if list_only:
        _list(generators)
        return
    if policy is None or out is None:
        raise click.UsageError(
            "give a POLICY and an output folder: supportflow build POLICY -o OUT"
        )
    day = _as_of(as_of, check, out, generators)
    from supportflow.api import validate_policy  # not needed by --list

    _status(f"validating {policy}")
    try:
        result = validate_policy(policy)
    except InputError as error:
        _status("")
        _fail(str(error))
    _status("")
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    if errors or result.policy is None:
        click.echo(_report(result.findings, result.files), nl=False)
        _fail("the policy has errors; nothing was built", 1)
    try:
        built = render_all(
            result.policy,
            generators,
            day,
            __version__,
            result.findings,
            _progress,
        )
    except BuildFailure as error:
        _fail(f"{error}; nothing was written", 1)
    warnings = [_as_finding(w, strict, policy) for w in built.warnings]
    if result.findings or warnings:
        click.echo(_report([*result.findings, *warnings], result.files), nl=False)
    if strict and warnings:
        _fail(f"{len(warnings)} build warning(s) are errors under --strict; nothing was written", 1)
    if check:
        _check(out, built.files)
        return
    try:
        write_tree(out, built.files)
    except OutError as error:
        _fail(str(error))
    click.echo(f"built {len(built.files)} files into {out} ({len(warnings)} warnings)")
    if HELP_CENTER_ENTRY in built.files:
        click.echo(f"open {out / HELP_CENTER_ENTRY} in a browser for the help center")


def _check(out: Path, files: dict[str, bytes]) -> None:
    try:
        drift = compare_tree(out, files)
    except OutError as error:
        _fail(str(error))
    if not drift:
        click.echo(f"{out} is up to date ({len(files)} files)")
        return
    for kind, paths in (("stale", drift.stale), ("missing", drift.missing), ("extra", drift.extra)):
        for path in paths:
            click.echo(f"{kind}: {out / path}")
    click.echo(
        f"{out} is out of date ({len(drift.stale)} stale, {len(drift.missing)} missing,"
        f" {len(drift.extra)} extra); run supportflow build without --check",
    )
    sys.exit(1)
