"""How a rule function is marked, and how the marked ones are found."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding
from supportflow.model import Policy

Check = Callable[[Policy, RuleDoc], Iterator[Finding]]


def rule(doc: RuleDoc) -> Callable[[Check], Check]:
    """Mark ``check(policy, doc)`` as the check for ``doc``; nothing runs at import."""

    def mark(check: Check) -> Check:
        check.rule_doc = doc  # type: ignore[attr-defined]
        return check

    return mark


def checks_in(module: ModuleType) -> list[tuple[RuleDoc, Check]]:
    """The marked checks of ``module``, in the order they are written."""
    found: list[tuple[RuleDoc, Check]] = []
    for value in vars(module).values():
        doc: Any = getattr(value, "rule_doc", None)
        if isinstance(doc, RuleDoc) and getattr(value, "__module__", None) == module.__name__:
            found.append((doc, value))
    return found
