"""``supportflow explain ID``: a rule's documentation with a bad and a good example."""

from __future__ import annotations

import sys
import textwrap

import click

from supportflow.diagnostics.catalogue import all_rules


@click.command("explain")
@click.argument("rule_id")
def command(rule_id: str) -> None:
    """Explain RULE_ID (e.g. E301): why it exists, how to fix it, with examples."""
    rules = all_rules()
    doc = rules.get(rule_id.upper())
    if doc is None:
        click.echo(
            f"supportflow: error: no rule {rule_id!r}; `supportflow rules` lists them", err=True
        )
        sys.exit(2)
    click.echo(
        "\n".join(
            [
                f"{doc.id} ({doc.severity.label}): {doc.title}",
                "",
                doc.description,
                "",
                f"How to fix: {doc.hint}",
                "",
                "Bad:",
                textwrap.indent(doc.bad, "    "),
                "",
                "Good:",
                textwrap.indent(doc.good, "    "),
                "",
                f"More: {doc.url}",
            ]
        )
    )
