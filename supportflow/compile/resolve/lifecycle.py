"""The ticket lifecycle and the case reference."""

from __future__ import annotations

from supportflow.compile.merge import Entry
from supportflow.compile.resolve.context import ref
from supportflow.model import CaseReference, Lifecycle, State, Transition


def lifecycle(entry: Entry | None) -> Lifecycle | None:
    if entry is None:
        return None
    states = {
        state_id: State(
            id=state_id,
            where=state.at(key=True),
            name=state.value.get("name"),
            sla=state.value.get("sla"),
            owner=state.value.get("owner"),
            final=state.value.get("final", False),
            monitored=state.value.get("monitored", True),
        )
        for state_id, state in entry.child("states").items()
    }
    return Lifecycle(
        initial=ref(entry.child("initial"), states),
        states=states,
        where=entry.at(key=True),
        transitions=tuple(
            Transition(
                source=ref(transition.child("from"), states),
                to=ref(transition.child("to"), states),
                on=transition.value["on"],
                where=transition.at(),
            )
            for transition in entry.each("transitions")
        ),
        reply_to_closed=entry.value.get("reply_to_closed"),
        one_issue_per_case=entry.value.get("one_issue_per_case", False),
    )


def case_reference(entry: Entry | None) -> CaseReference | None:
    if entry is None:
        return None
    return CaseReference(
        format=entry.value["format"],
        where=entry.at(key=True),
        in_subject=entry.value.get("in_subject", False),
    )
