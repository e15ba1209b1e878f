"""Data protection: minimisation, redaction, retention and access."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from supportflow.diagnostics.findings import Location
from supportflow.model.base import Ref
from supportflow.model.lifecycle import State
from supportflow.shortforms.periods import Period


@dataclass(frozen=True)
class Minimisation:
    where: Location
    fixed_fields: bool = False
    guidance: str | None = None


@dataclass(frozen=True)
class RedactionRule:
    """A pattern and its replacement; ``compiled`` is None when the pattern does not compile."""

    name: str
    pattern: str
    where: Location
    compiled: re.Pattern[str] | None = field(default=None, compare=False)
    replacement: str = "****"
    illustrative: bool = False
    examples: tuple[str, ...] = ()
    examples_where: Location | None = None


@dataclass(frozen=True)
class RetentionRule:
    """What is deleted or anonymised, on which condition, and how long after it.

    ``after`` is calendar time that keeps months and years (``24mo`` ends on the same date two
    years later), so it is a ``Period``, not a ``timedelta``.
    """

    data: str
    delete: str
    where: Location
    condition: str | None = None
    status: Ref[State] | None = None
    after: Period | None = None
    illustrative: bool = False


@dataclass(frozen=True)
class Role:
    id: str
    where: Location
    description: str | None = None
    can: tuple[str, ...] = ()


@dataclass(frozen=True)
class Access:
    where: Location
    role_based: bool = False
    roles: Mapping[str, Role] = field(default_factory=dict)
    mfa: str | None = None
    sso: bool = False
    training_required: bool = False
    revoke_on_termination: str | None = None


@dataclass(frozen=True)
class DataProtection:
    where: Location
    minimisation: Minimisation | None = None
    redaction: tuple[RedactionRule, ...] = ()
    retention: tuple[RetentionRule, ...] = ()
    access: Access | None = None
