"""``@frozen``: frozen, slotted dataclasses that cost less to define and to build.

Every command imports a few dozen of these classes before it reads a file, and
``resolve`` builds about a million model objects for 10,000 teams.
``dataclass(frozen=True)`` compiles six or more methods per class, an ``exec``
each: about 0.4 ms a class, a sixth of ``supportflow validate``'s start-up.
Its ``__init__`` also stores each field through ``object.__setattr__``.

``frozen`` gives the same classes for less. ``dataclass`` still reads the
fields and makes the class slotted (smaller objects, reads as fast; weak
references still work). Only ``__init__`` is compiled, and it stores each field
through its slot directly. ``__repr__``, ``__eq__``, ``__hash__`` and, with
``order=True``, the comparisons are shared functions that read the fields with
one ``attrgetter``. Every class shares one ``__setattr__`` and ``__delattr__``
that refuse, as a frozen dataclass's do.

The methods behave as ``dataclass(frozen=True)``'s: the same signature,
defaults and default factories, ``__post_init__``, equality, order and hash over
the compared fields, the same repr. ``eq=False`` keeps identity equality and
hash. Objects copy and pickle by their fields, and ``dataclasses.fields`` and
``replace`` work on them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field, fields
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, TypeVar, dataclass_transform, overload

C = TypeVar("C", bound=type)
Getter = Callable[[Any], tuple[Any, ...]]


@overload
def frozen(cls: C, /) -> C: ...
@overload
def frozen(*, eq: bool = True, order: bool = False) -> Callable[[C], C]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def frozen(cls: C | None = None, /, *, eq: bool = True, order: bool = False) -> Any:
    """``@dataclass(frozen=True, slots=True)``, cheaper (see the module)."""

    def make(cls: C) -> C:
        return _make(cls, eq, order)

    return make if cls is None else make(cls)


def _make(cls: C, eq: bool, order: bool) -> C:
    if not cls.__doc__:
        raise TypeError(f"{cls.__name__} needs a docstring")  # else dataclass writes one
    inherited = any("__weakref__" in vars(base) for base in cls.__mro__[1:])
    cls = dataclass(init=False, repr=False, eq=False, slots=True, weakref_slot=not inherited)(cls)
    all_fields = fields(cls)
    namespace: dict[str, Any] = {"FACTORY": _FACTORY}
    exec(_init_source(cls, all_fields, namespace), namespace)
    methods: dict[str, Callable[..., Any]] = {
        "__init__": namespace["__init__"],
        "__repr__": _repr([f.name for f in all_fields if f.repr]),
    }
    methods["__init__"].__annotations__ = {f.name: f.type for f in all_fields} | {"return": None}
    compared = _getter([f.name for f in all_fields if f.compare])
    if eq:
        hashed = [f.name for f in all_fields if (f.compare if f.hash is None else f.hash)]
        methods["__eq__"] = _equal(compared)
        methods["__hash__"] = _hash(_getter(hashed))
    if order:
        methods.update(_order(compared))
    for name, method in methods.items():
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)
    cls.__setattr__ = _refuse_assignment
    cls.__delattr__ = _refuse_deletion
    cls.__reduce__ = _by_fields
    return cls


def _init_source(cls: type, all_fields: tuple[Field, ...], namespace: dict[str, Any]) -> str:
    """The source of ``__init__``; puts what it refers to in ``namespace``."""
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
    if hasattr(cls, "__post_init__"):
        stores.append("    self.__post_init__()")
    return "\n".join([f"def __init__({', '.join(parameters)}):", *(stores or ["    pass"])])


def _getter(names: list[str]) -> Getter:
    """The named fields of an object as a tuple (``attrgetter`` gives a bare value for one)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda self: (one(self),)
    return lambda self: ()


def _repr(names: list[str]) -> Callable[[Any], str]:
    @recursive_repr()
    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


def _equal(compared: Getter) -> Callable[[Any, Any], Any]:
    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    return __eq__


def _hash(hashed: Getter) -> Callable[[Any], int]:
    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    return __hash__


def _order(compared: Getter) -> dict[str, Callable[[Any, Any], Any]]:
    """``__lt__``, ``__le__``, ``__gt__`` and ``__ge__`` over the compared fields."""

    def __lt__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) < compared(other)
        return NotImplemented

    def __le__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) <= compared(other)
        return NotImplemented

    def __gt__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) > compared(other)
        return NotImplemented

    def __ge__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) >= compared(other)
        return NotImplemented

    return {"__lt__": __lt__, "__le__": __le__, "__gt__": __gt__, "__ge__": __ge__}


class _Factory:
    """The default of a field made by a factory, shown as ``dataclass`` shows it."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def _refuse_assignment(self: object, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_deletion(self: object, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _by_fields(self: Any) -> tuple[type, tuple[Any, ...]]:
    """Copies and pickles rebuild an object from its fields, through ``__init__``."""
    return self.__class__, tuple(getattr(self, f.name) for f in fields(self))
