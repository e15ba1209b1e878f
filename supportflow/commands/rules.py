"""``supportflow rules``: every rule id, its severity and title, or the full reference."""

from __future__ import annotations

import click

from supportflow.diagnostics.catalogue import all_rules


@click.command("rules")
@click.option(
    "--markdown", is_flag=True, help="Print the whole rule reference (docs/rules.md) as Markdown."
)
def command(markdown: bool) -> None:
    """List every rule with its id, severity and title."""
    rules = all_rules()
    if markdown:
        from supportflow.diagnostics.reference import rules_markdown

        click.echo(rules_markdown(rules), nl=False)
        return
    for doc in rules.values():
        click.echo(f"{doc.id}  {doc.severity.label:<7}  {doc.title}")
