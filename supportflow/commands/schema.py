"""``supportflow schema``: print the policy JSON Schema, for editors and check-jsonschema."""

from __future__ import annotations

import click

from supportflow.resources import schema_text


@click.command("schema")
def command() -> None:
    """Print the policy JSON Schema (draft 2020-12).

    Point an editor at it with a first line such as
    `# yaml-language-server: $schema=policy.v1.schema.json`.
    """
    click.echo(schema_text(), nl=False)
