"""The ``supportflow`` command: a thin click layer over the Python API.

Subcommands live in ``supportflow.commands`` and are imported only when they run,
so ``supportflow validate`` never pays for numpy, templates or diagram libraries.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys

import click

from supportflow import __version__

COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("supportflow.commands.validate", "Check a policy and report every finding."),
    "schema": ("supportflow.commands.schema", "Print the policy JSON Schema."),
    "rules": ("supportflow.commands.rules", "List every rule id with its title."),
    "explain": ("supportflow.commands.explain", "Explain one rule, with a bad and a good example."),
    "due": ("supportflow.commands.due", "Compute SLA due times in business time."),
    "build": ("supportflow.commands.build", "Render a policy into files: payloads and more."),
    "route": ("supportflow.commands.route", "Route one ticket: team, due times, escalations."),
    "test": ("supportflow.commands.run_tests", "Check expected routes and due times."),
    "coverage": (
        "supportflow.commands.coverage",
        "Report when each offered channel falls short, to the minute.",
    ),
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use, keyed by ``COMMANDS``."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(COMMANDS[cmd_name][0])
        return module.command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in sorted(COMMANDS)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="supportflow")
def cli() -> None:
    """Validate, analyse and render customer-support policies kept in YAML."""


# Commands that only read their input and print a report or write their files atomically,
# with every helper process they started waited for. When one of them is done, the
# process ends without freeing its objects one by one: for a 10,000-team policy that
# teardown took 2.3 s of validate's 7.5, and 7 s of build's 24 (the model, the runtime
# document and every rendered file). Commands that leave cleanups to exit handlers are
# not listed.
#
# They also run without the cyclic garbage collector. Their stages already pause it
# (supportflow.compile.paused_gc), so what it still did was walk the imported modules
# again and again, and every object the stages built once more when the pause ended:
# 25-30 ms of a 700 ms run on Pagero, with nothing to free, as the process ends next.
# Build's peak memory at 10,000 teams is the same either way (595 MB).
ENDS_WITHOUT_TEARDOWN = frozenset({"validate", "build"})


def main() -> None:
    """Console-script entry point; click maps usage errors to exit code 2."""
    if sys.argv[1:2] and sys.argv[1] not in ENDS_WITHOUT_TEARDOWN:
        cli(prog_name="supportflow")
        return
    gc.disable()
    try:
        cli(prog_name="supportflow")
    except SystemExit as done:  # click always ends this way in standalone mode
        status = _exit_status(done.code)
    else:
        status = 0
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # the reader went away (a closed pipe)
            status = status or 1
    os._exit(status)


def _exit_status(code: object) -> int:
    """What ``sys.exit(code)`` would end the process with, printing a text code as it would."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1
