"""The whole resolved policy."""

from __future__ import annotations

from collections.abc import Mapping

from supportflow.diagnostics.findings import Location
from supportflow.frozen import field, frozen
from supportflow.model.calendars import Calendar
from supportflow.model.catalog import Channel, Language, Organization, Product, RequestType
from supportflow.model.data_protection import DataProtection
from supportflow.model.escalations import Ladder
from supportflow.model.incident import Incident
from supportflow.model.lifecycle import CaseReference, Lifecycle
from supportflow.model.matrix import MatrixCell
from supportflow.model.priorities import Priority, PriorityMatrix, Severity
from supportflow.model.teams import Routing, Team, Triage


@frozen
class Policy:
    """Every section, parsed and linked; keyed sections keep the order they were written in.

    ``files`` names the policy's files as the user would (for findings about the
    whole policy).
    """

    files: tuple[str, ...]
    organization: Organization | None = None
    languages: Mapping[str, Language] = field(default_factory=dict)
    products: Mapping[str, Product] = field(default_factory=dict)
    request_types: Mapping[str, RequestType] = field(default_factory=dict)
    channels: Mapping[str, Channel] = field(default_factory=dict)
    calendars: Mapping[str, Calendar] = field(default_factory=dict)
    support_matrix: tuple[MatrixCell, ...] = ()
    severities: Mapping[str, Severity] = field(default_factory=dict)
    priorities: Mapping[str, Priority] = field(default_factory=dict)
    priority_matrix: PriorityMatrix | None = None
    triage: Triage | None = None
    teams: Mapping[str, Team] = field(default_factory=dict)
    routing: Routing | None = None
    escalations: Mapping[str, Ladder] = field(default_factory=dict)
    incident: Incident | None = None
    lifecycle: Lifecycle | None = None
    case_reference: CaseReference | None = None
    data_protection: DataProtection | None = None
    languages_where: Location | None = None  # the first `languages:` key; None when no file has one
