"""Data protection: minimisation, redaction, retention and access."""

from __future__ import annotations

import re
from collections.abc import Mapping

from supportflow.diagnostics.findings import Location
from supportflow.frozen import field, frozen
from supportflow.model.base import Ref
from supportflow.model.lifecycle import State
from supportflow.shortforms.periods import Period


@frozen
class Minimisation:
    """What is collected at all: fixed fields only, and guidance for free text."""

    where: Location
    fixed_fields: bool = False
    guidance: str | None = None


@frozen
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


@frozen
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


@frozen
class Role:
    """A role of the access policy and what it can do."""

    id: str
    where: Location
    description: str | None = None
    can: tuple[str, ...] = ()


@frozen
class Access:
    """Who may see ticket data, and how access is granted and revoked."""

    where: Location
    role_based: bool = False
    roles: Mapping[str, Role] = field(default_factory=dict)
    mfa: str | None = None
    sso: bool = False
    training_required: bool = False
    revoke_on_termination: str | None = None


@frozen
class DataProtection:
    """Minimisation, redaction, retention and access, as the section writes them."""

    where: Location
    minimisation: Minimisation | None = None
    redaction: tuple[RedactionRule, ...] = ()
    retention: tuple[RetentionRule, ...] = ()
    access: Access | None = None
