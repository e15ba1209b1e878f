"""Which generators exist: the built-in ones, listed here by name, and users' folders.

A built-in generator is a module ``supportflow.build.generators.<name>`` with a
``render(context)`` function, plus a folder ``generators/<name>/`` holding its
``manifest.json`` (name, description, outputs) and any templates. Registering
one is adding its name to :data:`BUILT_IN`. Nothing is imported until the
generator runs, so ``--list`` and ``validate`` stay fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path

from supportflow.build.generator import BuildContext, Later, OutputFile
from supportflow.build.manifest import GeneratorError, GeneratorInfo, Manifest, parse_manifest
from supportflow.build.templates import template_generator

# Run in this order; each name is a module under supportflow.build.generators.
BUILT_IN: tuple[str, ...] = (
    "runtime",
    "zendesk",
    "freshdesk",
    "helpcenter",
    "handbook",
    "diagrams",
)
# Rendered before the rest: their ``dot`` processes draw while the others render.
STARTS_EARLY = frozenset({"diagrams"})


def built_in_manifest(name: str) -> Manifest:
    folder = resources.files("supportflow") / "generators" / name
    manifest = parse_manifest(
        (folder / "manifest.json").read_text(encoding="utf-8"), f"generators/{name}/manifest.json"
    )
    if manifest.name != name:
        raise GeneratorError(f"generators/{name}/manifest.json names itself {manifest.name!r}")
    return manifest


def _module_render(name: str) -> Callable[[], Callable[[BuildContext], list[OutputFile] | Later]]:
    def load() -> Callable[[BuildContext], list[OutputFile] | Later]:
        module = importlib.import_module(f"supportflow.build.generators.{name}")
        return module.render  # type: ignore[no-any-return]

    return load


def built_in() -> dict[str, GeneratorInfo]:
    """Every built-in generator, in run order."""
    return {
        name: GeneratorInfo(built_in_manifest(name), _module_render(name), name in STARTS_EARLY)
        for name in BUILT_IN
    }


def select(only: Sequence[str], user_folders: Sequence[str | Path]) -> list[GeneratorInfo]:
    """The generators a build runs: the built-in ones and users' folders, or just ``only``.

    A user's generator may not reuse a taken name; ``--only`` must name a known one.
    """
    available = built_in()
    for folder in user_folders:
        info = template_generator(Path(folder))
        if info.name in available:
            raise GeneratorError(
                f"{folder}: a generator named {info.name!r} already exists; rename it in"
                " its manifest.json"
            )
        available[info.name] = info
    unknown = [name for name in only if name not in available]
    if unknown:
        raise GeneratorError(
            f"no generator named {', '.join(repr(n) for n in unknown)}"
            f" (generators: {', '.join(available)})"
        )
    if not only:
        return list(available.values())
    wanted = set(only)
    return [info for name, info in available.items() if name in wanted]
