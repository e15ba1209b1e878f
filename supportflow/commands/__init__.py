"""Subcommands of the supportflow CLI, one module each, imported lazily."""
