"""Run generators over the model and collect what they make, in memory.

Nothing here touches OUT: :func:`render_all` returns every file's final bytes
(marked as generated, listed in ``manifest.json``) or raises
:class:`BuildFailure`, and the caller writes the lot atomically or compares it
with OUT for ``--check``. A generator that raises, returns a path that is not
safe or not declared in its manifest, or claims another generator's file fails
the whole build, so OUT is never half updated.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from fnmatch import fnmatchcase
from functools import partial
from typing import Any

from supportflow.build.generator import BuildContext, BuildWarning, Later, OutputFile
from supportflow.build.manifest import GeneratorInfo
from supportflow.build.marker import mark
from supportflow.build.paths import unsafe_reason
from supportflow.build.templates import TemplateFailure
from supportflow.diagnostics.findings import Finding
from supportflow.model import Policy

MANIFEST = "manifest.json"


class BuildFailure(RuntimeError):
    """The build cannot produce its files; the message says which generator and why."""


@dataclass(frozen=True)
class Built:
    """Every file of a build (path → bytes, manifest included) and the warnings met."""

    files: dict[str, bytes]
    warnings: list[BuildWarning]


def render_all(
    policy: Policy,
    generators: Sequence[GeneratorInfo],
    as_of: date,
    version: str,
    findings: Sequence[Finding] = (),
    progress: Callable[[int, int, str], None] | None = None,
) -> Built:
    """Every generator's files, checked, marked and listed in the manifest.

    The generators run one after another, each with a context of its own, since they
    share one model whose calendars compile years on first use and whose analyses cache
    what they found: neither may be written from two threads. The ones that start early
    render first, and one that returns :class:`Later` is finished after every other has
    rendered, so the ``dot`` processes it started draw on another core meanwhile. Files
    and warnings are collected in the generators' given order.
    """
    contexts = [
        BuildContext(policy=policy, as_of=as_of, version=version, findings=findings)
        for _ in generators
    ]
    order = sorted(range(len(generators)), key=lambda i: not generators[i].starts_early)
    made: dict[int, list[OutputFile] | Later] = {}
    for step, index in enumerate(order):
        info = generators[index]
        if progress is not None:
            progress(step, len(generators), info.name)
        made[index] = _run(info, partial(_render, info, contexts[index]), may_wait=True)
    files: dict[str, bytes] = {}
    owners: dict[str, str] = {}
    for index, info in enumerate(generators):
        outputs = made[index]
        if isinstance(outputs, Later):
            outputs = [*outputs.files, *_run(info, outputs.rest, may_wait=False)]
        for output in outputs:
            _claim(info, output, owners)
            files[output.path] = mark(output.path, output.data, info.name, version)
    _check_layout(owners)
    if progress is not None:
        progress(len(generators), len(generators), "")
    files[MANIFEST] = manifest_bytes(files, owners, as_of, version)
    warnings = [warning for context in contexts for warning in context.warnings]
    return Built(dict(sorted(files.items())), warnings)


def _render(info: GeneratorInfo, context: BuildContext) -> object:
    return info.loader()(context)


def _run(info: GeneratorInfo, render: Callable[[], object], may_wait: bool) -> Any:
    """What ``render`` returned: a list of files, or a :class:`Later` when ``may_wait``.
    Anything else, or an error it raises, is a :class:`BuildFailure`."""
    try:
        outputs = render()
    except (BuildFailure, TemplateFailure) as error:
        raise BuildFailure(f"generator {info.name}: {error}") from None
    except Exception as error:  # a generator's bug must not become a traceback or half an OUT
        raise BuildFailure(
            f"generator {info.name} failed: {type(error).__name__}: {error}"
        ) from error
    files = outputs.files if may_wait and isinstance(outputs, Later) else outputs
    if not isinstance(files, list) or not all(isinstance(o, OutputFile) for o in files):
        raise BuildFailure(f"generator {info.name} did not return a list of OutputFile")
    return outputs


def _claim(info: GeneratorInfo, output: OutputFile, owners: dict[str, str]) -> None:
    """Check one path before anything is written: safe, declared, and not taken."""
    if not isinstance(output.path, str) or not isinstance(output.data, bytes):
        raise BuildFailure(f"generator {info.name} returned a file without a str path and bytes")
    reason = unsafe_reason(output.path)
    if reason:
        raise BuildFailure(
            f"generator {info.name} wanted to write {output.path!r}, which is not a safe path"
            f" inside OUT ({reason})"
        )
    if output.path == MANIFEST or not any(
        fnmatchcase(output.path, pattern) for pattern in info.manifest.outputs
    ):
        declared = ", ".join(info.manifest.outputs) or "nothing"
        raise BuildFailure(
            f"generator {info.name} wrote {output.path!r}, which its manifest.json does not"
            f" declare (outputs: {declared})"
        )
    taken = owners.setdefault(output.path, info.name)
    if taken != info.name:
        raise BuildFailure(
            f"generator {info.name} wrote {output.path!r}, which generator {taken} also writes"
        )


def _check_layout(owners: dict[str, str]) -> None:
    """No file is also another file's folder (``a`` and ``a/b``), and no two paths differ
    only in case, which macOS and Windows file systems would make one file."""
    by_case: dict[str, str] = {}
    for path in sorted(owners):
        twin = by_case.setdefault(path.casefold(), path)
        if twin != path:
            raise BuildFailure(
                f"generators {owners[twin]} and {owners[path]} wrote {twin!r} and {path!r},"
                " which differ only in case"
            )
    folders: set[str] = set()
    for path in owners:
        parts = path.split("/")
        for depth in range(1, len(parts)):
            folders.add("/".join(parts[:depth]))
    for path in sorted(folders & owners.keys()):
        raise BuildFailure(
            f"generator {owners[path]} wrote {path!r}, which another generator uses as a folder"
        )


def manifest_bytes(
    files: dict[str, bytes], owners: dict[str, str], as_of: date, version: str
) -> bytes:
    """OUT/manifest.json: every file with its sha256 and generator, sorted by path."""
    listing = [
        {"path": path, "sha256": hashlib.sha256(data).hexdigest(), "generator": owners[path]}
        for path, data in sorted(files.items())
    ]
    document = {
        "generated_by": f"supportflow {version}",
        "note": "Generated by supportflow build. Do not edit; change the policy and rebuild.",
        "as_of": as_of.isoformat(),
        "files": listing,
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
