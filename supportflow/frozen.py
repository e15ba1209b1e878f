"""``@frozen``: frozen, slotted value classes that cost little to define and to build.

Every command defines about sixty of these classes before it reads a file, and
``resolve`` builds about a million model objects for 10,000 teams.
``dataclass(frozen=True)`` is too slow at both ends for that: importing
``dataclasses`` pulls in ``inspect`` (about 10 ms), and each class takes about
0.15 ms more to define. Its ``__init__`` also stores each field through
``object.__setattr__``.

``frozen`` reads the fields from the class's annotations itself, makes the
class slotted (smaller objects, read as fast; weak references still work) and
compiles only ``__init__``, once for all classes of one shape, which stores each
field through its slot directly. ``__repr__``, ``__eq__``, ``__hash__`` and, with
``order=True``, the comparisons are shared functions that read the fields with one
``attrgetter``. Every class shares one ``__setattr__`` and ``__delattr__`` that
refuse.

The classes behave as ``dataclass(frozen=True, slots=True)``'s: the same
signature, defaults and default factories (``field``), ``__post_init__``,
equality, order and hash over the compared fields, the same repr, fields
inherited from frozen bases. ``eq=False`` keeps identity equality and hash.
Objects copy and pickle by their fields; ``fields`` and ``replace`` here do
what ``dataclasses``' do.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, cached_property
from operator import attrgetter
from reprlib import recursive_repr
from types import CodeType, FunctionType
from typing import Any, TypeVar, dataclass_transform, overload

C = TypeVar("C", bound=type)
T = TypeVar("T")
Getter = Callable[[Any], tuple[Any, ...]]


class FrozenInstanceError(AttributeError):
    """An assignment to, or deletion of, a field of a frozen object."""


class _Marker:
    """A value that stands for something else, shown as ``dataclasses`` shows it."""

    def __init__(self, shown: str) -> None:
        self.shown = shown

    def __repr__(self) -> str:
        return self.shown


MISSING: Any = _Marker("MISSING")  # no default given
_FACTORY = _Marker("<factory>")  # the default of a field made by a factory


class Field:
    """One field of a frozen class: its default and whether repr, equality and hash use it."""

    __slots__ = ("compare", "default", "default_factory", "hash", "name", "repr", "type")

    def __init__(
        self, default: Any, default_factory: Any, repr: bool, compare: bool, hash: bool | None
    ) -> None:
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("a field takes a default or a default_factory, not both")
        self.name = ""
        self.type: Any = None
        self.default = default
        self.default_factory = default_factory
        self.repr = repr
        self.compare = compare
        self.hash = hash

    @property
    def hashed(self) -> bool:
        """Whether ``__hash__`` reads the field: ``hash`` if given, else ``compare``."""
        return self.compare if self.hash is None else self.hash

    def __repr__(self) -> str:
        return f"Field(name={self.name!r}, type={self.type!r}, default={self.default!r})"


def field(
    *,
    default: Any = MISSING,
    default_factory: Callable[[], Any] | Any = MISSING,
    repr: bool = True,
    compare: bool = True,
    hash: bool | None = None,
) -> Any:
    """A field with a default or a default factory, or left out of repr, equality or hash."""
    return Field(default, default_factory, repr, compare, hash)


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


def fields(class_or_instance: Any) -> tuple[Field, ...]:
    """The fields of a frozen class or object, in ``__init__``'s order."""
    try:
        return class_or_instance.__frozen_fields__
    except AttributeError:
        raise TypeError(f"{class_or_instance!r} is not a frozen class or object") from None


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of frozen ``obj`` with ``changes``, built (and checked) by ``__init__``."""
    values = {f.name: getattr(obj, f.name) for f in fields(obj)}
    unknown = changes.keys() - values.keys()
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field {', '.join(sorted(unknown))}")
    return type(obj)(**(values | changes))


def _make(cls: C, eq: bool, order: bool) -> C:
    if not cls.__doc__:  # every value class says what it is for
        raise TypeError(f"{cls.__name__} needs a docstring")
    own = _own_fields(cls)
    inherited: dict[str, Field] = {}
    for base in reversed(cls.__mro__[1:]):
        inherited.update((f.name, f) for f in vars(base).get("__frozen_fields__", ()))
    all_fields = tuple((inherited | {f.name: f for f in own}).values())
    cls = _slotted(cls, [f.name for f in own], [f.name for f in own if f.name not in inherited])
    cls.__frozen_fields__ = all_fields
    cls.__match_args__ = tuple(f.name for f in all_fields)
    methods: dict[str, Callable[..., Any]] = {
        "__init__": _init(cls, all_fields),
        "__repr__": _repr([f.name for f in all_fields if f.repr]),
    }
    compared = _getter([f.name for f in all_fields if f.compare])
    if eq:
        methods["__eq__"] = _equal(compared)
        methods["__hash__"] = _hash(_getter([f.name for f in all_fields if f.hashed]))
    if order:
        methods.update(_order(compared))
    for name, method in methods.items():
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)
    cls.__setattr__ = _refuse_assignment
    cls.__delattr__ = _refuse_deletion
    cls.__reduce__ = _by_fields
    return cls


def _own_fields(cls: type) -> list[Field]:
    """The fields the class body annotates, with the defaults it assigns."""
    own = []
    for name, annotation in vars(cls).get("__annotations__", {}).items():
        if str(annotation).startswith(("ClassVar", "typing.ClassVar", "InitVar")):
            raise TypeError(f"{cls.__name__}.{name}: @frozen has no ClassVar or InitVar fields")
        value = vars(cls).get(name, MISSING)
        spec = value if isinstance(value, Field) else Field(value, MISSING, True, True, None)
        spec.name, spec.type = name, annotation
        own.append(spec)
    return own


def _slotted(cls: C, own: list[str], new: list[str]) -> C:
    """The class again without its fields' defaults, with a slot for each new field, for
    weak references, and for the ``__dict__`` that a ``cached_property`` keeps its value in."""
    namespace = dict(vars(cls))
    for name in (*own, "__dict__", "__weakref__"):
        namespace.pop(name, None)
    slots = [*new]
    if not any("__weakref__" in vars(base) for base in cls.__mro__[1:]):
        slots.append("__weakref__")
    if any(isinstance(value, cached_property) for value in namespace.values()):
        slots.append("__dict__")
    namespace["__slots__"] = tuple(slots)
    slotted = type(cls)(cls.__name__, cls.__bases__, namespace)
    slotted.__qualname__ = cls.__qualname__
    return slotted


def _init(cls: type, all_fields: tuple[Field, ...]) -> Callable[..., None]:
    """``__init__``: the shared code of its shape, named for this class's fields."""
    setters: dict[str, Any] = {"FACTORY": _FACTORY}
    defaults: list[Any] = []
    for i, f in enumerate(all_fields):
        setters[f"set{i}"] = getattr(cls, f.name).__set__  # the slot's own setter
        if f.default_factory is not MISSING:
            setters[f"make{i}"] = f.default_factory
            defaults.append(_FACTORY)
        elif f.default is not MISSING:
            defaults.append(f.default)
        elif defaults:
            raise TypeError(f"{cls.__name__}: field {f.name!r} has no default but follows one")
    made = tuple(f.default_factory is not MISSING for f in all_fields)
    code = _init_code(made, hasattr(cls, "__post_init__")).replace(
        co_varnames=("self", *(f.name for f in all_fields)),
        co_qualname=f"{cls.__qualname__}.__init__",
    )
    init = FunctionType(code, setters, "__init__", tuple(defaults) or None)
    init.__annotations__ = {f.name: f.type for f in all_fields} | {"return": None}
    return init


@cache
def _init_code(made: tuple[bool, ...], post_init: bool) -> CodeType:
    """The code of an ``__init__`` that sets each field from its parameter, or where ``made``
    from its factory when the parameter is left out. Compiling costs up to 0.1 ms, and
    classes differ mostly in their fields' names, so classes of one shape share it."""
    parameters = "".join(f", f{i}" for i in range(len(made)))
    lines = [f"def __init__(self{parameters}):"]
    for i, factory in enumerate(made):
        value = f"make{i}() if f{i} is FACTORY else f{i}" if factory else f"f{i}"
        lines.append(f"    set{i}(self, {value})")
    if post_init:
        lines.append("    self.__post_init__()")
    namespace: dict[str, Any] = {}
    exec("\n".join(lines if len(lines) > 1 else [*lines, "    pass"]), namespace)
    return namespace["__init__"].__code__


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


def _refuse_assignment(self: object, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_deletion(self: object, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _by_fields(self: Any) -> tuple[type, tuple[Any, ...]]:
    """Copies and pickles rebuild an object from its fields, through ``__init__``."""
    return self.__class__, tuple(getattr(self, f.name) for f in fields(self))
