"""The ``holidays`` package, imported for as little as a policy's countries need.

``import holidays`` costs ~70 ms, much of a whole ``validate`` run on a fresh CI
runner, where nothing is cached yet. Most of it loads what no policy asks for:

- ``holidays.countries`` imports all ~250 countries first, for the one or two a
  policy names; :func:`country_class` loads a country's module alone;
- ``holidays.version`` asks ``importlib.metadata`` for the release (~20 ms); it is
  read from the package's METADATA instead (:func:`installed_version`);
- ``holiday_base`` binds ``dateutil.parser.parse`` (~5 ms) for dates given as
  strings, which supportflow never gives; it binds a stand-in that imports the
  parser when first called;
- ``holidays.calendars`` and ``holidays.groups`` import every lunar calendar and
  holiday group (~8 ms); while their ``__init__`` only gathers names from their
  own submodules, they stand in as packages that load a submodule when one of its
  names is first asked for (:func:`_lazy_package`).

A package that does not import so is imported as it is, and answers as before.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import sys
from _thread import allocate_lock
from functools import cache, lru_cache
from types import ModuleType
from typing import Any

# ``from holidays.x.y import A, B`` or ``... import (A,\n B,\n)``: all that the
# __init__ of a package read lazily may hold, besides comments and a docstring
_GATHER = re.compile(r"from\s+(holidays(?:\.\w+)+)\s+import\s+(\([^)]*\)|[^\n]*)")
_COMMENT = re.compile(r"#[^\n]*")
_DOCSTRING = re.compile(r'\A\s*(?:""".*?"""|\'\'\'.*?\'\'\')', re.DOTALL)
_LAZY = ("holidays.calendars", "holidays.groups")
_IMPORTING = allocate_lock()


@lru_cache(maxsize=256)
def package_subdivisions(country: str) -> tuple[str, ...] | None:
    """What the installed package says; the registry names every country without importing
    them all, and only a known country is loaded."""
    if country not in {code for _, code, *_ in package().registry.COUNTRIES.values()}:
        return None
    return tuple(country_class(country).subdivisions)


def package_countries() -> list[str]:
    """Every country code the installed package knows, sorted."""
    return sorted({code for _, code, *_ in package().registry.COUNTRIES.values()})


def country_code(name: str) -> str | None:
    """The code of a country written by name ('sweden' → 'SE'), from the registry alone."""
    entry = package().registry.COUNTRIES.get(name.strip().lower().replace(" ", "_"))
    return entry[1] if entry else None


@cache
def installed_version() -> str | None:
    """The release of the holidays package that ``import holidays`` would load, or None.

    It is the ``Version`` of the ``*.dist-info`` folder beside that package, which
    ``importlib.metadata`` would read too, at a cost greater than the package lookup
    it replaces (see :func:`_package_folder`). A package
    without exactly one such folder beside it (a source checkout, an editable
    install) has no known release.
    """
    package_folder = _package_folder()
    if package_folder is None:
        return None
    folder = os.path.dirname(package_folder)
    try:
        names = os.listdir(folder)
        (info,) = (n for n in names if n.startswith("holidays-") and n.endswith(".dist-info"))
        with open(os.path.join(folder, info, "METADATA"), encoding="utf-8") as metadata:
            for line in metadata:
                if line.startswith("Version:"):
                    return line.removeprefix("Version:").strip()
                if not line.strip():  # the end of the headers
                    break
    except (OSError, ValueError, UnicodeDecodeError):
        pass
    return None


@cache
def _package_folder() -> str | None:
    """The folder ``import holidays`` would load the package from, found without importing it."""
    try:
        spec = importlib.util.find_spec("holidays")
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    return os.path.dirname(spec.origin)


def package() -> ModuleType:
    """The holidays package, imported with the stand-ins the module docstring lists.

    Should the package not import with them, it is imported again as it is. One thread
    at a time: a router's threads may all ask for their first holidays at once.
    """
    with _IMPORTING:
        if "holidays" not in sys.modules and (release := installed_version()) is not None:
            stand_ins = _stand_ins(release)
            sys.modules.update(stand_ins)
            try:
                importlib.import_module("holidays.registry")
                sys.modules["holidays"].version = stand_ins["holidays.version"]
            except ImportError:
                holidays = [m for m in sys.modules if m == "holidays" or m.startswith("holidays.")]
                for name in holidays:
                    del sys.modules[name]
            finally:
                if sys.modules.get("dateutil.parser") is stand_ins.get("dateutil.parser"):
                    sys.modules.pop("dateutil.parser", None)
        importlib.import_module("holidays.registry")
    return sys.modules["holidays"]


def _stand_ins(release: str) -> dict[str, ModuleType]:
    version = ModuleType("holidays.version", "The release, from the package's METADATA.")
    version.__version__ = release
    found: dict[str, ModuleType] = {"holidays.version": version}
    if "dateutil.parser" not in sys.modules:
        parser = ModuleType("dateutil.parser", "Stands in while holidays imports.")
        parser.parse = _parse  # type: ignore[attr-defined]
        found["dateutil.parser"] = parser
    for name in _LAZY:
        if (lazy := _lazy_package(name)) is not None:
            found[name] = lazy
    return found


def _parse(*args: Any, **kwargs: Any) -> Any:
    """``dateutil.parser.parse``, imported on first use (see :func:`package`)."""
    from dateutil.parser import parse

    return parse(*args, **kwargs)


def _lazy_package(name: str) -> ModuleType | None:
    """Package ``name`` of holidays, not run: each name its ``__init__`` gathers from a
    submodule loads that submodule when first asked for. None when the ``__init__`` holds
    anything else (see :func:`gathered`), or cannot be read: then it runs as usual."""
    top = _package_folder()
    if top is None:
        return None
    folder = os.path.join(top, *name.split(".")[1:])
    init = os.path.join(folder, "__init__.py")
    try:
        with open(init, encoding="utf-8") as file:
            origins = gathered(file.read(), name)
    except (OSError, UnicodeDecodeError):
        return None
    spec = importlib.util.spec_from_file_location(name, init, submodule_search_locations=[folder])
    if origins is None or spec is None:
        return None
    module = importlib.util.module_from_spec(spec)

    def gather(attribute: str) -> Any:
        if attribute not in origins:
            raise AttributeError(f"module {name!r} has no attribute {attribute!r}")
        value = getattr(importlib.import_module(origins[attribute]), attribute)
        setattr(module, attribute, value)
        return value

    # PEP 562: names load when asked for; ``dir`` and ``import *`` see them all, as the
    # package's own __init__ would have bound them (it has no ``__all__``)
    module.__getattr__ = gather  # type: ignore[method-assign]
    module.__dir__ = lambda: sorted({*vars(module), *origins})  # type: ignore[method-assign]
    module.__all__ = [item for item in origins if not item.startswith("_")]
    return module


def gathered(text: str, package_name: str) -> dict[str, str] | None:
    """{name: submodule} for an ``__init__`` that only imports names from the package's own
    submodules (besides a docstring and comments), else None: running it could matter."""
    text = _DOCSTRING.sub("", _COMMENT.sub("", text))
    origins: dict[str, str] = {}
    end = 0
    for found in _GATHER.finditer(text):
        submodule, listed = found.groups()
        if text[end : found.start()].strip() or not submodule.startswith(f"{package_name}."):
            return None
        for item in (item.strip() for item in listed.strip("()").split(",")):
            if item and not item.isidentifier():  # an ``as``, or a ``*``
                return None
            if item:
                origins[item] = submodule
        end = found.end()
    if text[end:].strip() or not origins:
        return None
    return origins


@lru_cache(maxsize=256)
def country_class(country: str) -> type[Any]:
    """The class ``holidays.country_holidays(country)`` would instantiate ('SE' → the
    ``SE`` class of ``holidays.countries.sweden``), imported with its module alone.

    The registry names each country's module; an entity it does not name, or a release
    laid out otherwise, is looked up through the package as a whole.
    """
    holidays = package()
    try:
        registry = holidays.registry
        entries = registry.COUNTRIES.items()
        module = next(name for name, entities in entries if country in entities)
        with registry.IMPORT_LOCK:  # the lock the package's own lazy loader imports under
            return getattr(_import_alone(f"holidays.countries.{module}"), country)
    except (ImportError, StopIteration, AttributeError):
        return type(holidays.country_holidays(country))


def _import_alone(name: str) -> ModuleType:
    """Import the submodule ``name`` without running its package's ``__init__``.

    While it loads, the package is an empty module made from its own spec, so a
    sibling it imports (Åland imports Finland) loads alone too. Afterwards the
    stand-in and the modules loaded under it leave ``sys.modules`` again: the
    package imports as usual later, with classes like these in all but identity.
    """
    package_name = name.rpartition(".")[0]
    if package_name in sys.modules:
        return importlib.import_module(name)
    spec = importlib.util.find_spec(package_name)
    if spec is None:
        raise ImportError(f"no package {package_name}")
    before = set(sys.modules)
    sys.modules[package_name] = importlib.util.module_from_spec(spec)
    try:
        return importlib.import_module(name)
    finally:
        inside = [m for m in sys.modules if m == package_name or m.startswith(f"{package_name}.")]
        for loaded in inside:
            if loaded not in before:
                del sys.modules[loaded]
