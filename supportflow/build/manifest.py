"""A generator's manifest and what the build needs to run it.

``manifest.json`` says what a generator is called, what it does and which
files it writes; built-in generators and users' template folders both have one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from supportflow.build.generator import BuildContext, Later, OutputFile

NAME = re.compile(r"^[a-z][a-z0-9_-]*$")


class GeneratorError(ValueError):
    """A generator cannot be found or its folder is not a valid generator (a usage error)."""


@dataclass(frozen=True)
class Manifest:
    """A generator's ``manifest.json``: what it is called, what it does, which files it writes.

    ``outputs`` are glob patterns relative to OUT (``*`` crosses folders); every
    file a generator returns must match one, so a generator cannot stray.
    ``needs_date`` says whether its output depends on the as-of date.
    """

    name: str
    description: str
    outputs: tuple[str, ...]
    needs_date: bool = True


@dataclass(frozen=True)
class GeneratorInfo:
    """A generator ready to run: its manifest and how to get its ``render`` function.

    ``starts_early`` asks the build to render it before the others, because it starts
    processes (Graphviz) that can work on another core while they render.
    """

    manifest: Manifest
    loader: Callable[[], Callable[[BuildContext], list[OutputFile] | Later]]
    starts_early: bool = False

    @property
    def name(self) -> str:
        return self.manifest.name

    @property
    def description(self) -> str:
        return self.manifest.description


def parse_manifest(text: str, where: str) -> Manifest:
    """Read a manifest; every problem is a :class:`GeneratorError` naming ``where``."""
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise GeneratorError(
            f"{where}: not valid JSON ({error.msg}, line {error.lineno})"
        ) from None
    if not isinstance(data, dict):
        raise GeneratorError(f"{where}: must be a JSON object with name, description, outputs")
    name, description, outputs = data.get("name"), data.get("description"), data.get("outputs")
    if not isinstance(name, str) or not NAME.match(name):
        raise GeneratorError(f"{where}: 'name' must be lower-case letters, digits, '-' or '_'")
    if not isinstance(description, str) or not description.strip():
        raise GeneratorError(f"{where}: 'description' must be a non-empty string")
    if not isinstance(outputs, list) or not all(isinstance(o, str) and o for o in outputs):
        raise GeneratorError(f"{where}: 'outputs' must be a list of glob patterns")
    needs_date = data.get("needs_date", True)
    if not isinstance(needs_date, bool):
        raise GeneratorError(f"{where}: 'needs_date' must be true or false")
    return Manifest(name, description, tuple(outputs), needs_date)
