"""Mermaid diagrams for the handbook: escalation ladders as flowcharts, the lifecycle as a
state diagram. GitHub and GitLab draw ```mermaid blocks in place.

Node ids are generated (n0, s0 …); policy text only ever appears inside labels,
with Mermaid's entity codes for every character that could end a label, start
markup or close the code fence.
"""

from __future__ import annotations

from markupsafe import Markup

from supportflow.model import Ladder, Lifecycle

_ENTITIES = str.maketrans(
    {
        "#": "#35;",
        '"': "#quot;",
        "<": "#lt;",
        ">": "#gt;",
        "&": "#amp;",
        "`": "#96;",
        "|": "#124;",
        ";": "#59;",
        "[": "#91;",
        "]": "#93;",
        "{": "#123;",
        "}": "#125;",
        "(": "#40;",
        ")": "#41;",
        ":": "#58;",
    }
)


def text(value: str) -> str:
    """A label safe in any Mermaid position; line breaks become spaces."""
    return " ".join(value.split()).translate(_ENTITIES)


def ladder_flowchart(ladder: Ladder, trigger_text: dict[int, str]) -> Markup:
    """``trigger_text[i]`` labels step i (1-based)."""
    ids: dict[str, str] = {}
    lines = ["flowchart TD"]
    for step in ladder.steps:
        for ref in (step.source, step.to):
            if ref.id not in ids:
                ids[ref.id] = f"n{len(ids)}"
                name = ref.target.name if ref.target is not None else ref.id
                lines.append(f'  {ids[ref.id]}["{text(name)}"]')
    for number, step in enumerate(ladder.steps, 1):
        label = text(f"{number}. {trigger_text[number]}")
        lines.append(f'  {ids[step.source.id]} -->|"{label}"| {ids[step.to.id]}')
    return Markup("\n".join(lines))


def lifecycle_diagram(life: Lifecycle) -> Markup:
    ids = {state_id: f"s{n}" for n, state_id in enumerate(life.states)}
    lines = ["stateDiagram-v2"]
    for state_id, state in life.states.items():
        lines.append(f'  state "{text(state.name or state.id)}" as {ids[state_id]}')
    if life.initial.id in ids:
        lines.append(f"  [*] --> {ids[life.initial.id]}")
    for transition in life.transitions:
        source, to = ids.get(transition.source.id), ids.get(transition.to.id)
        if source and to:
            lines.append(f"  {source} --> {to} : {text(transition.on)}")
    for state_id, state in life.states.items():
        if state.final:
            lines.append(f"  {ids[state_id]} --> [*]")
    return Markup("\n".join(lines))
