"""The rule catalogue: every rule id with its documentation, declared once.

The declarations live in :mod:`supportflow.diagnostics.ruledocs`, one module per
id band (E0xx loading … E9xx internal), so E3xx sits next to E3xx. Stages and
rules import the :class:`RuleDoc` they report under; this module imports none of
them, which keeps the catalogue free of import circles and complete by
construction: :func:`all_rules` imports every band module by name.
"""

from __future__ import annotations

import importlib
import re
from functools import cache, cached_property
from pathlib import Path

from supportflow.diagnostics.findings import Finding, Location, Severity
from supportflow.frozen import frozen

_ID = re.compile(r"^[EWI]\d{3}$")
_SEVERITY_BY_PREFIX = {"E": Severity.ERROR, "W": Severity.WARNING, "I": Severity.INFO}
# One module per band, in id order; ``all_rules`` imports each of them.
BANDS = (
    "loading",
    "schema",
    "references",
    "calendars",
    "targets",
    "matrix",
    "escalations",
    "coverage",
    "data_protection",
    "internal",
)
RULES_DOC = "docs/rules.md"


@frozen
class RuleDoc:
    """A rule's stable id and documentation; the id's letter fixes its severity.

    The description and the examples are kept as written, indented to sit in their
    ``declare`` call, and dedented when first read (by ``explain``, SARIF or the rule
    reference): dedenting every rule's text up front cost each ``validate`` 2 ms.
    """

    id: str
    title: str
    written_description: str
    hint: str
    written_bad: str
    written_good: str

    @cached_property
    def description(self) -> str:
        return _dedent(self.written_description).strip()

    @cached_property
    def bad(self) -> str:
        return _dedent(self.written_bad).strip("\n")

    @cached_property
    def good(self) -> str:
        return _dedent(self.written_good).strip("\n")

    @property
    def severity(self) -> Severity:
        return _SEVERITY_BY_PREFIX[self.id[0]]

    @property
    def anchor(self) -> str:
        """The id's anchor in docs/rules.md."""
        return self.id.lower()

    @property
    def url(self) -> str:
        """The rule's section in the rule reference shipped with this installation."""
        return f"{rules_doc_uri()}#{self.anchor}"

    def finding(
        self,
        message: str,
        location: Location,
        hint: str | None = None,
        related: tuple[Location, ...] = (),
    ) -> Finding:
        return Finding(
            rule_id=self.id,
            severity=self.severity,
            message=message,
            location=location,
            hint=self.hint if hint is None else hint,
            related=related,
        )


REGISTRY: dict[str, RuleDoc] = {}


def declare(id: str, *, title: str, description: str, hint: str, bad: str, good: str) -> RuleDoc:
    """Register a rule's documentation; its text is dedented, so callers can indent it."""
    if not _ID.match(id):
        raise ValueError(f"rule id {id!r} must be E, W or I followed by three digits")
    if id in REGISTRY:
        raise ValueError(f"rule id {id} is declared twice")
    doc = RuleDoc(id, title, description, hint, bad, good)
    REGISTRY[id] = doc
    return doc


def _dedent(text: str) -> str:
    import textwrap  # here: only a reader of the documentation needs it

    return textwrap.dedent(text)


def all_rules() -> dict[str, RuleDoc]:
    """Every declared rule, sorted by id."""
    for band in BANDS:
        importlib.import_module(f"supportflow.diagnostics.ruledocs.{band}")
    return dict(sorted(REGISTRY.items()))


@cache
def rules_doc_uri() -> str:
    """A ``file:`` URI of docs/rules.md: the repository's copy, or the one in the wheel.

    ``importlib.resources`` is imported here, not at the top: most commands never
    show a URL, and every one of them imports this module.
    """
    from importlib import resources

    shipped = resources.files("supportflow") / RULES_DOC
    return Path(str(shipped)).resolve().as_uri()
