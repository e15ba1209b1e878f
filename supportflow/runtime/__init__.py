"""The runtime: the policy as ticket routers and SLA timers run it.

``build_document(policy, as_of)`` turns the typed model into runtime.json's content;
``load(path)`` reads a runtime.json (checked against ``schemas/runtime.v1.schema.json``)
into a :class:`Runtime`, which answers ``route(ticket, at)`` and ``due(target, start)``
without the policy YAML or the ``holidays`` package. ``supportflow route`` evaluates
the same document with the same class, so a preview and a deployment cannot disagree.

Names are imported on first use: writing runtime.json (``supportflow build``) needs
neither the evaluator nor numpy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from supportflow.runtime.document import FORMAT, build_document, dumps
    from supportflow.runtime.evaluate import Runtime
    from supportflow.runtime.loading import RuntimeFileError, load
    from supportflow.runtime.results import Escalation, RouteResult, TargetDue
    from supportflow.runtime.ticket import HorizonError, RuntimeInputError, Ticket, TicketError

_HOMES = {
    "FORMAT": "document",
    "build_document": "document",
    "dumps": "document",
    "Escalation": "results",
    "RouteResult": "results",
    "Runtime": "evaluate",
    "TargetDue": "results",
    "RuntimeFileError": "loading",
    "load": "loading",
    "HorizonError": "ticket",
    "RuntimeInputError": "ticket",
    "Ticket": "ticket",
    "TicketError": "ticket",
}
__all__ = [
    "FORMAT",
    "Escalation",
    "HorizonError",
    "RouteResult",
    "Runtime",
    "RuntimeFileError",
    "RuntimeInputError",
    "TargetDue",
    "Ticket",
    "TicketError",
    "build_document",
    "dumps",
    "load",
]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        module = importlib.import_module(f"supportflow.runtime.{_HOMES[name]}")
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
