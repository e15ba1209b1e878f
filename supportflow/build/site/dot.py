"""Graphviz DOT source for escalation ladders, routing and the ticket lifecycle.

Every label is a quoted DOT string with backslashes, quotes and line breaks
escaped, so policy text can never add attributes or nodes. Node ids are the
policy's own ids (letters, digits, '-' and '_'), quoted as well.
"""

from __future__ import annotations

from collections.abc import Iterable

from supportflow.build.site.wording import match_text, trigger_text
from supportflow.model import Ladder, Lifecycle, Policy


def quote(text: str) -> str:
    """A DOT double-quoted string; a line break becomes the centred-line escape."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "\\n".join(escaped.splitlines() or [""]) + '"'


def _graph(name: str, body: Iterable[str], rankdir: str = "TB") -> str:
    lines = [
        f"digraph {quote(name)} {{",
        f"  rankdir={rankdir};",
        '  graph [fontname="Helvetica", fontsize=11];',
        '  node [fontname="Helvetica", fontsize=11, shape=box, style="rounded"];',
        '  edge [fontname="Helvetica", fontsize=10];',
        *("  " + line for line in body),
        "}",
    ]
    return "\n".join(lines) + "\n"


def escalation(ladder: Ladder) -> str:
    """One ladder: its teams as nodes, each step an edge labelled with what triggers it."""
    body: list[str] = []
    seen: set[str] = set()
    for step in ladder.steps:
        for ref in (step.source, step.to, *step.notify):
            if ref.id not in seen:
                seen.add(ref.id)
                team = ref.target
                label = f"{team.name}\n({team.tier.replace('_', ' ')})" if team else ref.id
                body.append(f"{quote(ref.id)} [label={quote(label)}];")
    for number, step in enumerate(ladder.steps, 1):
        body.append(
            f"{quote(step.source.id)} -> {quote(step.to.id)}"
            f" [label={quote(f'{number}. ' + trigger_text(step))}];"
        )
        for ref in step.notify:
            if ref.id == step.to.id:
                continue
            body.append(
                f"{quote(step.source.id)} -> {quote(ref.id)}"
                f" [style=dashed, label={quote(f'{number}. notified')}];"
            )
    return _graph(ladder.name or ladder.id, body)


def routing(policy: Policy) -> str:
    """Channel → team: each rule from the channels it names (or 'any channel'), then the
    front door for everything no rule matched. Only teams routing sends to are drawn:
    the ladders show the rest, and a policy with thousands of teams stays drawable."""
    body: list[str] = []
    for channel in policy.channels.values():
        body.append(f"{quote('channel:' + channel.id)} [label={quote(channel.name)}, shape=oval];")
    body.append(f'{quote("channel:*")} [label="any channel", shape=oval, style=dashed];')
    route = policy.routing
    if route is None:
        return _graph("routing", body, rankdir="LR")
    targets = {rule.to.id: rule.to for rule in route.rules}
    targets.setdefault(route.front_door.id, route.front_door)
    for team_id, ref in targets.items():
        label = ref.target.name if ref.target is not None else team_id
        body.append(f"{quote('team:' + team_id)} [label={quote(label)}];")
    for number, rule in enumerate(route.rules, 1):
        label = f"{number}. {rule.name or match_text(rule.match)}"
        if rule.match.channels is None:
            body.append(
                f"{quote('channel:*')} -> {quote('team:' + rule.to.id)} [label={quote(label)}];"
            )
        for source in rule.match.channels or ():
            body.append(
                f"{quote('channel:' + source.id)} -> {quote('team:' + rule.to.id)}"
                f" [label={quote(label)}];"
            )
    body.append(
        f"{quote('channel:*')} -> {quote('team:' + route.front_door.id)}"
        ' [label="front door (no rule matched)", style=bold];'
    )
    return _graph("routing", body, rankdir="LR")


def lifecycle(life: Lifecycle) -> str:
    """States as nodes (final ones doubled), transitions as edges labelled with their event."""
    body = ['"__start" [shape=point];', f'"__start" -> {quote(life.initial.id)};']
    for state in life.states.values():
        details = [d for d in (state.sla and f"SLA {state.sla}", state.owner) if d]
        label = (state.name or state.id) + (f"\n({', '.join(details)})" if details else "")
        shape = ", peripheries=2" if state.final else ""
        body.append(f"{quote(state.id)} [label={quote(label)}{shape}];")
    for transition in life.transitions:
        body.append(
            f"{quote(transition.source.id)} -> {quote(transition.to.id)}"
            f" [label={quote(transition.on)}];"
        )
    return _graph("lifecycle", body, rankdir="LR")
