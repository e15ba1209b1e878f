"""References between model objects."""

from __future__ import annotations

from typing import Generic, TypeVar

from supportflow.diagnostics.findings import Location
from supportflow.frozen import field, frozen

T = TypeVar("T")


@frozen
class Ref(Generic[T]):
    """An id as written, where it was written, and the object it names.

    ``target`` is None when the id names nothing; the E2xx rules report those,
    and a policy with such errors never reaches analyses or generators.
    """

    id: str
    where: Location
    target: T | None = field(default=None, compare=False, repr=False)

    @property
    def resolved(self) -> bool:
        return self.target is not None
