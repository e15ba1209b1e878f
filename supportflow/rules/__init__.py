"""Semantic rules: checks over the resolved model, one module per topic.

A check is a function marked with :func:`~supportflow.rules.check.rule`; it reads
only the model and yields findings under its documented id. ``RULE_MODULES``
lists every module whose checks run; a test proves no module is left out.
"""

from supportflow.rules import (
    addresses,
    calendars,
    coverage,
    escalations,
    feasibility,
    graph,
    hours,
    lifecycle,
    matrix,
    priority_targets,
    promises,
    redaction,
    references,
    retention,
)

RULE_MODULES = (
    addresses,
    calendars,
    coverage,
    escalations,
    feasibility,
    graph,
    hours,
    lifecycle,
    matrix,
    priority_targets,
    promises,
    redaction,
    references,
    retention,
)
