"""The layering ARCHITECTURE.md promises, checked from the source's own imports.

Each top-level part of the package has a floor; a module may import from its own
floor or below, never above, and no set of modules imports itself in a circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import supportflow

PACKAGE = Path(supportflow.__file__).parent
# Lowest floor first; see ARCHITECTURE.md, "Invariants".
FLOORS = {
    "__init__": 0,
    "diagnostics": 0,
    "resources": 0,
    "atomic": 0,
    "parallel": 0,
    "frozen": 0,
    "businesstime": 1,
    "shortforms": 2,
    "model": 3,
    "compile": 4,
    "analysis": 5,
    "rules": 6,
    "runtime": 7,
    "build": 8,
    "formats": 8,
    "api": 9,
    "commands": 10,
    "cli": 11,
    "__main__": 11,
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        found[".".join(("supportflow", *parts))] = path
    return found


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """The package modules ``path`` imports (at any depth: lazy imports count too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in names if name in modules}


def _floor(module: str) -> int:
    part = module.split(".")[1] if "." in module else "__init__"
    assert part in FLOORS, f"{module}: give its part a floor in FLOORS and ARCHITECTURE.md"
    return FLOORS[part]


def test_no_module_imports_from_a_higher_floor() -> None:
    modules = _modules()
    upward = [
        f"{module} -> {imported}"
        for module, path in modules.items()
        for imported in _imports(path, modules)
        if _floor(imported) > _floor(module)
    ]
    assert upward == []


def test_there_are_no_import_circles() -> None:
    modules = _modules()
    graph = {module: _imports(path, modules) - {module} for module, path in modules.items()}
    # A package's __init__ re-exporting its own modules is not a circle of meaning.
    for module, imported in graph.items():
        graph[module] = {i for i in imported if not module.startswith(i + ".")}
    state: dict[str, int] = {}
    circles: list[list[str]] = []

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for imported in sorted(graph[module]):
            if state.get(imported) == 1:
                circles.append([*trail[trail.index(imported) :], imported])
            elif imported not in state:
                visit(imported, [*trail, imported])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert circles == []


def test_businesstime_is_self_contained() -> None:
    """Only ``frozen``, itself standard library only, is shared with the rest."""
    modules = _modules()
    for module, path in modules.items():
        if module.startswith("supportflow.businesstime"):
            outside = {
                i
                for i in _imports(path, modules)
                if not i.startswith(module.split(".")[0] + ".businesstime")
            }
            assert outside <= {"supportflow", "supportflow.frozen"}, (module, outside)


def test_frozen_needs_only_the_standard_library() -> None:
    modules = _modules()
    assert _imports(modules["supportflow.frozen"], modules) == set()


def test_every_model_object_knows_where_it_was_written() -> None:
    import inspect

    import supportflow.model as model

    value_classes = {
        name: {f.name for f in value.__frozen_fields__}
        for name, value in inspect.getmembers(model, inspect.isclass)
        if hasattr(value, "__frozen_fields__")
    }
    unlocated = {name for name, names in value_classes.items() if "where" not in names}
    # The whole policy spans files; it names them instead of one place.
    assert unlocated == {"Policy"}
