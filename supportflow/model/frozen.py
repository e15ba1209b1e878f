"""``@frozen``: the model's frozen dataclasses, cheaper to define and to build.

Every run imports the model's classes and resolve builds about a million of its
objects for 10,000 teams. ``dataclass(frozen=True)`` compiles six methods per class
(an ``exec`` each, half the import time of the model) and its ``__init__`` stores
each field through ``object.__setattr__``. ``frozen`` gives the same classes for
less: ``dataclass`` reads the fields and makes the class slotted (smaller objects,
reads as fast; weak references still work, as the process graph's memo needs);
``__init__``, ``__repr__``, ``__eq__`` and ``__hash__`` are compiled
in one ``exec``, ``__init__`` stores each field through its slot directly, and every
class shares one ``__setattr__`` and ``__delattr__`` that refuse, as a frozen
dataclass's do. The methods behave as ``dataclass(frozen=True)``'s: the same
signature, defaults and default factories, equality and hash over the compared
fields, the same repr; objects copy and pickle by their fields.
"""

from __future__ import annotations

from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field, fields
from reprlib import recursive_repr
from typing import Any, TypeVar, dataclass_transform

C = TypeVar("C", bound=type)


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def frozen(cls: C) -> C:
    """``@dataclass(frozen=True, slots=True)`` for a model class (see the module)."""
    if not cls.__doc__:
        raise TypeError(f"{cls.__name__} needs a docstring")  # else dataclass writes one
    cls = dataclass(init=False, repr=False, eq=False, slots=True, weakref_slot=True)(cls)
    namespace: dict[str, Any] = {"FACTORY": _FACTORY}
    exec(_methods(cls, fields(cls), namespace), namespace)
    namespace["__init__"].__annotations__ = {f.name: f.type for f in fields(cls)} | {"return": None}
    for name in ("__init__", "__repr__", "__eq__", "__hash__"):
        method = namespace[name]
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, recursive_repr()(method) if name == "__repr__" else method)
    cls.__setattr__ = _refuse_assignment
    cls.__delattr__ = _refuse_deletion
    cls.__reduce__ = _by_fields
    return cls


def _methods(cls: type, all_fields: tuple[Field, ...], namespace: dict[str, Any]) -> str:
    """The source of the four methods; puts what they refer to in ``namespace``."""
    parameters, stores = ["self"], []
    for f in all_fields:
        if f.kw_only or not f.init:
            raise TypeError(f"{cls.__name__}.{f.name}: @frozen supports init fields only")
        namespace[f"_set_{f.name}"] = getattr(cls, f.name).__set__  # the slot's own setter
        if f.default_factory is not MISSING:
            namespace[f"_make_{f.name}"] = f.default_factory
            parameters.append(f"{f.name}=FACTORY")
            value = f"_make_{f.name}() if {f.name} is FACTORY else {f.name}"
        elif f.default is not MISSING:
            namespace[f"_default_{f.name}"] = f.default
            parameters.append(f"{f.name}=_default_{f.name}")
            value = f.name
        else:
            parameters.append(f.name)
            value = f.name
        stores.append(f"    _set_{f.name}(self, {value})")
    shown = ", ".join(f"{f.name}={{self.{f.name}!r}}" for f in all_fields if f.repr)
    compared = [f.name for f in all_fields if f.compare]
    mine, theirs = _fields_tuple("self", compared), _fields_tuple("other", compared)
    hashed = [f.name for f in all_fields if (f.compare if f.hash is None else f.hash)]
    return "\n".join(
        [
            f"def __init__({', '.join(parameters)}):",
            *(stores or ["    pass"]),
            "def __repr__(self):",
            f'    return self.__class__.__qualname__ + f"({shown})"',
            "def __eq__(self, other):",
            "    if other.__class__ is self.__class__:",
            f"        return {mine} == {theirs}",
            "    return NotImplemented",
            "def __hash__(self):",
            f"    return hash({_fields_tuple('self', hashed)})",
        ]
    )


class _Factory:
    """The default of a field made by a factory, shown as ``dataclass`` shows it."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def _fields_tuple(name: str, field_names: list[str]) -> str:
    return "(" + "".join(f"{name}.{field_name}," for field_name in field_names) + ")"


def _refuse_assignment(self: object, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_deletion(self: object, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _by_fields(self: Any) -> tuple[type, tuple[Any, ...]]:
    """Copies and pickles rebuild an object from its fields, through ``__init__``."""
    return self.__class__, tuple(getattr(self, f.name) for f in fields(self))
