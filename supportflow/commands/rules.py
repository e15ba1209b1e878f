"""``supportflow rules``: every rule id, its severity and title."""

from __future__ import annotations

import click

from supportflow.rules.registry import load_all_rules


@click.command("rules")
def command() -> None:
    """List every rule with its id, severity and title."""
    for doc in load_all_rules().values():
        click.echo(f"{doc.id}  {doc.severity.label:<7}  {doc.title}")
