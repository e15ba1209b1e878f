"""``@frozen`` behaves as ``dataclass(frozen=True)`` does, field for field."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
import weakref
from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar

import pytest

from supportflow.diagnostics.findings import Location
from supportflow.frozen import MISSING, FrozenInstanceError, field, fields, frozen, replace
from supportflow.model import Ref, Target


@frozen
class Sample:
    """A class with every kind of field the model uses."""

    name: str
    where: Location
    hidden: int = field(default=0, repr=False)
    ignored: str = field(default="", compare=False)
    items: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Reference:
    """The same class through the standard decorator."""

    name: str
    where: Location
    hidden: int = dataclasses.field(default=0, repr=False)
    ignored: str = dataclasses.field(default="", compare=False)
    items: dict = dataclasses.field(default_factory=dict)


HERE = Location("a.yaml", 3, 7)


def test_the_signature_defaults_and_factories_are_the_dataclasses() -> None:
    assert str(inspect.signature(Sample)) == str(inspect.signature(Reference))
    first, second = Sample("x", HERE), Sample("x", HERE)
    assert (first.hidden, first.ignored, first.items) == (0, "", {})
    assert first.items is not second.items
    assert Sample("x", HERE, 1, "i", {"k": 1}).items == {"k": 1}


def test_repr_equality_and_hash_follow_the_field_flags() -> None:
    args = ("x", HERE, 5, "shown nowhere", {"k": 1})
    assert repr(Sample(*args)) == repr(Reference(*args)).replace("Reference", "Sample")
    assert Sample("x", HERE, ignored="a") == Sample("x", HERE, ignored="b")
    assert Sample("x", HERE, hidden=1) != Sample("x", HERE, hidden=2)
    assert Sample("x", HERE) != Reference("x", HERE)
    left, right = Ref("p1", HERE, target=1), Ref("p1", HERE, target=2)
    assert left == right and hash(left) == hash(right) == hash(("p1", HERE))


def test_objects_refuse_assignment_and_deletion() -> None:
    target = Target(within=None, business_days=1, clock="business")
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'clock'"):
        target.clock = "calendar"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError, match="cannot delete field 'clock'"):
        del target.clock  # type: ignore[misc]
    assert not hasattr(target, "__dict__")  # slotted
    assert weakref.ref(target)() is target


def test_replace_copy_and_pickle_keep_every_field() -> None:
    target = Target(within=None, business_days=2, clock="business", where=HERE)
    assert replace(target, business_days=3).business_days == 3
    assert replace(target, business_days=3).where == HERE
    assert fields(target) is fields(Target)
    for twin in (copy.copy(target), copy.deepcopy(target), pickle.loads(pickle.dumps(target))):
        assert twin == target and twin.where == HERE and str(twin) == "2 business days"


def test_a_class_without_a_docstring_is_refused() -> None:
    with pytest.raises(TypeError, match="docstring"):

        @frozen
        class Bare:
            name: str


@frozen(order=True)
class Ordered:
    """Ordered by its compared fields, as ``dataclass(order=True)`` orders."""

    first: int
    second: str = ""
    note: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.first < 0:
            raise ValueError("first must not be negative")


@frozen(eq=False)
class ByIdentity:
    """Equal only to itself, as ``dataclass(eq=False)`` is."""

    name: str


def test_order_compares_the_compared_fields_and_refuses_other_classes() -> None:
    items = [Ordered(2, "a"), Ordered(1, "b", note="z"), Ordered(1, "a")]
    assert sorted(items) == [Ordered(1, "a"), Ordered(1, "b"), Ordered(2, "a")]
    assert Ordered(1, note="x") <= Ordered(1, note="y") and Ordered(1) >= Ordered(1)
    assert Ordered(2) > Ordered(1) and not Ordered(1) < Ordered(1)
    with pytest.raises(TypeError):
        assert Ordered(1) < Location("a.yaml", 1, 1)  # type: ignore[operator]


def test_post_init_runs_after_the_fields_are_set() -> None:
    with pytest.raises(ValueError, match="negative"):
        Ordered(-1)


def test_eq_false_keeps_identity_equality_and_hash() -> None:
    one, other = ByIdentity("x"), ByIdentity("x")
    assert one != other and one == one
    assert hash(one) == object.__hash__(one)
    assert repr(one) == "ByIdentity(name='x')"


def _flags(f: Any, missing: object) -> tuple:
    """A field's name, default, factory and flags, with "none given" as None."""
    given = [None if value is missing else value for value in (f.default, f.default_factory)]
    return (f.name, *given, f.repr, f.compare, f.hash)


def test_fields_are_read_as_dataclasses_reads_them() -> None:
    assert [_flags(f, MISSING) for f in fields(Sample)] == [
        _flags(f, dataclasses.MISSING) for f in dataclasses.fields(Reference)
    ]
    assert Sample.__match_args__ == Reference.__match_args__


def test_replace_refuses_an_unknown_field_and_fields_a_plain_object() -> None:
    with pytest.raises(TypeError, match="Sample has no field colour"):
        replace(Sample("x", HERE), colour="red")
    with pytest.raises(TypeError, match="not a frozen class"):
        fields(Reference)
    with pytest.raises(TypeError, match="not a frozen class"):
        fields(object())


def test_a_field_without_a_default_after_one_with_a_default_is_refused() -> None:
    with pytest.raises(TypeError, match="'second' has no default but follows one"):

        @frozen
        class Misordered:
            """Fields in an order no ``__init__`` can take."""

            first: int = 0
            second: int


def test_a_field_takes_a_default_or_a_factory_not_both() -> None:
    with pytest.raises(ValueError, match="not both"):
        field(default=0, default_factory=int)


@frozen
class Child(Ordered):
    """Inherits ``Ordered``'s fields, adds one and gives ``second`` a new default."""

    second: str = "b"
    third: int = 3


def test_a_subclass_inherits_the_fields_in_order_and_adds_its_own() -> None:
    child = Child(1)
    assert [f.name for f in fields(Child)] == ["first", "second", "note", "third"]
    assert (child.first, child.second, child.note, child.third) == (1, "b", "", 3)
    assert repr(child) == "Child(first=1, second='b', note='', third=3)"
    assert Child(1) < Child(2) and Child(1) != Ordered(1, "b")
    assert not hasattr(child, "__dict__") and weakref.ref(child)() is child
    with pytest.raises(ValueError, match="negative"):
        Child(-1)


@frozen
class Cached:
    """A frozen class with a cached property keeps a ``__dict__`` for its value."""

    text: str

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()


def test_a_cached_property_is_computed_once_and_the_fields_stay_frozen() -> None:
    cached = Cached("a\nb")
    assert cached.lines == ["a", "b"] and cached.lines is cached.lines
    assert "text" not in vars(cached)
    with pytest.raises(FrozenInstanceError):
        cached.text = "c"  # type: ignore[misc]


def test_class_and_init_vars_are_refused() -> None:
    with pytest.raises(TypeError, match="no ClassVar or InitVar"):

        @frozen
        class Counted:
            """A class variable is not a field."""

            count: ClassVar[int] = 0


@frozen
class Pair:
    """Two fields, the shape of ``Span`` too."""

    left: int
    right: int = 1


@frozen
class Span:
    """Two fields named otherwise; its ``__init__`` shares ``Pair``'s compiled code."""

    start: int
    end: int = 2


def test_classes_of_one_shape_keep_their_own_names_and_defaults() -> None:
    assert str(inspect.signature(Pair)) == "(left: 'int', right: 'int' = 1) -> None"
    assert str(inspect.signature(Span)) == "(start: 'int', end: 'int' = 2) -> None"
    assert (Span(5).start, Span(5).end, Pair(right=7, left=3).right) == (5, 2, 7)
    with pytest.raises(TypeError, match=r"Span.__init__\(\) missing 1 required .* 'start'"):
        Span()  # type: ignore[call-arg]
    assert Pair.__init__.__code__.co_code == Span.__init__.__code__.co_code
