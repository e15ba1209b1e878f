"""The ``supportflow`` click group: a thin layer over the Python API.

Subcommands live in ``supportflow.commands`` and are imported only when they run,
so ``supportflow validate`` never pays for numpy, templates or diagram libraries.
"""

from __future__ import annotations

import importlib

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
