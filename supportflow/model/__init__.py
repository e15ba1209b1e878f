"""The typed, frozen policy model: the compiler's one intermediate representation.

``resolve`` builds it from the merged files; rules, analyses, ``route`` and every
generator read it and nothing else, so a preview and the runtime config cannot
disagree. Values are parsed (zones, shifts, durations, targets, regexes), ids are
:class:`Ref` objects that know what they name, and every object keeps the
:class:`~supportflow.diagnostics.findings.Location` it was written at.
"""

from supportflow.model.base import Ref
from supportflow.model.calendars import Calendar
from supportflow.model.catalog import Channel, Language, Organization, Portal, Product, RequestType
from supportflow.model.data_protection import (
    Access,
    DataProtection,
    Minimisation,
    RedactionRule,
    RetentionRule,
    Role,
)
from supportflow.model.escalations import Ladder, Repeat, Step, Trigger
from supportflow.model.incident import Incident, IncidentAction
from supportflow.model.lifecycle import CaseReference, Lifecycle, State, Transition
from supportflow.model.matrix import HoursOverride, MatrixCell
from supportflow.model.policy import Policy
from supportflow.model.priorities import (
    TARGET_KINDS,
    Priority,
    PriorityCell,
    PriorityMatrix,
    PriorityRow,
    Severity,
    Target,
)
from supportflow.model.teams import Match, Routing, RoutingRule, Team, Triage

__all__ = [
    "TARGET_KINDS",
    "Access",
    "Calendar",
    "CaseReference",
    "Channel",
    "DataProtection",
    "HoursOverride",
    "Incident",
    "IncidentAction",
    "Ladder",
    "Language",
    "Lifecycle",
    "Match",
    "MatrixCell",
    "Minimisation",
    "Organization",
    "Policy",
    "Portal",
    "Priority",
    "PriorityCell",
    "PriorityMatrix",
    "PriorityRow",
    "Product",
    "RedactionRule",
    "Ref",
    "Repeat",
    "RequestType",
    "RetentionRule",
    "Role",
    "Routing",
    "RoutingRule",
    "Severity",
    "State",
    "Step",
    "Target",
    "Team",
    "Transition",
    "Triage",
    "Trigger",
]
