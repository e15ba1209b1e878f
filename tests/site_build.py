"""Build the people-facing outputs of a policy into a folder, for the site tests.

Runs the real pipeline (validate, then the generators' render) and writes what
they return; ``AS_OF`` stands in for --as-of so pages are the same every day.
"""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path

from supportflow import __version__
from supportflow.api import validate_policy
from supportflow.build.generator import BuildContext, Later, OutputFile
from supportflow.diagnostics.findings import Severity

AS_OF = date(2026, 11, 25)
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SITE_GENERATORS = ("helpcenter", "handbook", "diagrams")


def context_for(policy_path: Path, as_of: date = AS_OF) -> BuildContext:
    result = validate_policy(policy_path)
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    assert not errors and result.policy is not None, errors
    return BuildContext(result.policy, as_of, __version__, result.findings)


def render(context: BuildContext, generators=SITE_GENERATORS) -> list[OutputFile]:
    files: list[OutputFile] = []
    for name in generators:
        module = importlib.import_module(f"supportflow.build.generators.{name}")
        made = module.render(context)
        files += [*made.files, *made.rest()] if isinstance(made, Later) else made
    return files


def build(policy_path: Path, out: Path, generators=SITE_GENERATORS) -> BuildContext:
    """Render ``generators`` for the policy and write their files under ``out``."""
    context = context_for(policy_path)
    for file in render(context, generators):
        target = out / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.data)
    return context
