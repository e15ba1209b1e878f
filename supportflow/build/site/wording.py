"""How the handbook and the diagrams name a step's trigger or a rule's match, in English:
one wording for the DOT, Mermaid and table views so they never disagree."""

from __future__ import annotations

from supportflow.model import Match, Step


def trigger_text(step: Step) -> str:
    """What makes a step fire, in a few words."""
    when = step.when
    parts = []
    if when.manual:
        parts.append("by hand")
    if when.time_in_tier is not None:
        parts.append(f"after {when.time_in_tier} in tier")
    levels = [r.id for r in (*when.priorities, *when.severities)]
    if levels:
        parts.append("for " + ", ".join(levels))
    if when.condition:
        parts.append(when.condition)
    if step.repeat is not None:
        parts.append(f"repeat {step.repeat.times}×")
    return "; ".join(parts) or "always"


def match_text(match: Match) -> str:
    parts = []
    for key in ("products", "languages", "request_types", "priorities", "severities"):
        refs = getattr(match, key)
        if refs is not None:
            parts.append(f"{key.replace('_', ' ')}: {', '.join(r.id for r in refs)}")
    return "; ".join(parts) or "every ticket"
