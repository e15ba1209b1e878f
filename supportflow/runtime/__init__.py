"""The runtime: the policy as ticket routers and SLA timers run it.

``build_document(policy, as_of)`` turns the typed model into runtime.json's content;
``load(path)`` reads a runtime.json (checked against ``schemas/runtime.v1.schema.json``)
into a :class:`Runtime`, which answers ``route(ticket, at)`` and ``due(target, start)``
without the policy YAML or the ``holidays`` package. ``supportflow route`` evaluates
the same document with the same class, so a preview and a deployment cannot disagree.
"""

from supportflow.runtime.document import FORMAT, build_document, dumps
from supportflow.runtime.evaluate import Escalation, RouteResult, Runtime, TargetDue
from supportflow.runtime.loading import RuntimeFileError, load
from supportflow.runtime.ticket import HorizonError, RuntimeInputError, Ticket, TicketError

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
