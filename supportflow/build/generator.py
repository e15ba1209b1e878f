"""What a generator is: a name, a description, and ``render(context) -> files``.

A generator reads only the typed model in :class:`BuildContext`, never YAML.
It returns every file it makes as an :class:`OutputFile` (a POSIX path inside
OUT and its bytes) and writes nothing itself: the build command checks the
paths (safe, and matching the generator's ``manifest.json`` outputs), adds the
generated-file marker where the format takes comments, writes everything
atomically and lists it in the manifest. Anything a target cannot express is
reported with :meth:`BuildContext.warn`, never dropped.

A generator whose work waits on other processes (Graphviz) may return a
:class:`Later` instead: the files it has, and a function that returns the rest,
called once every generator has rendered, so those processes draw meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from supportflow.diagnostics.findings import Finding, Location
from supportflow.model import Policy


@dataclass(frozen=True)
class OutputFile:
    """One generated file: ``path`` is relative to OUT, with '/' separators."""

    path: str
    data: bytes


@dataclass(frozen=True)
class Later:
    """Files made now, and ``rest``, which returns the others once the build asks for them."""

    files: list[OutputFile]
    rest: Callable[[], list[OutputFile]]


@dataclass(frozen=True)
class BuildWarning:
    """Something a target cannot express, said by the generator that met it."""

    generator: str
    message: str
    location: Location | None = None


@dataclass
class BuildContext:
    """Everything a generator may read.

    ``as_of`` replaces the clock (``--as-of`` or ``SOURCE_DATE_EPOCH``), so the
    same policy always gives the same bytes. ``findings`` are the validation
    findings (warnings only, since a policy with errors is never built).
    """

    policy: Policy
    as_of: date
    version: str
    findings: Sequence[Finding] = ()
    warnings: list[BuildWarning] = field(default_factory=list)

    def warn(self, generator: str, message: str, where: Location | None = None) -> None:
        self.warnings.append(BuildWarning(generator, message, where))


class Generator(Protocol):
    """A built-in generator module or a user's generator folder."""

    name: str
    description: str

    def render(self, context: BuildContext) -> list[OutputFile] | Later: ...
