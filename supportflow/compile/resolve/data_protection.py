"""Data protection: redaction patterns compiled, retention periods parsed."""

from __future__ import annotations

import re
from collections.abc import Mapping

from supportflow.compile.merge import Entry
from supportflow.compile.resolve.context import Resolution, optional_ref, string_location
from supportflow.diagnostics.ruledocs.data_protection import (
    BAD_REDACTION_PATTERN,
    RETENTION_WITHOUT_PERIOD,
)
from supportflow.model import (
    Access,
    DataProtection,
    Minimisation,
    RedactionRule,
    RetentionRule,
    Role,
    State,
)
from supportflow.shortforms import ShortFormError, parse_period

NEEDS_PERIOD = ("after_status", "inactive")
_REPEAT_COUNTS = re.compile(r"\{(\d*),?(\d*)\}")


def data_protection(
    entry: Entry | None, states: Mapping[str, State], run: Resolution
) -> DataProtection | None:
    if entry is None:
        return None
    minimisation = entry.get("minimisation")
    access = entry.get("access")
    return DataProtection(
        where=entry.at(key=True),
        minimisation=Minimisation(
            where=minimisation.at(key=True),
            fixed_fields=minimisation.value.get("fixed_fields", False),
            guidance=minimisation.value.get("guidance"),
        )
        if minimisation is not None
        else None,
        redaction=tuple(_redaction(rule, run) for rule in entry.each("redaction")),
        retention=tuple(_retention(rule, states, run) for rule in entry.each("retention")),
        access=_access(access) if access is not None else None,
    )


def _redaction(entry: Entry, run: Resolution) -> RedactionRule:
    pattern = entry.child("pattern")
    compiled = None
    problem, offset = "", 0
    try:
        compiled = re.compile(pattern.value)
    except re.error as error:
        problem, offset = error.msg, error.pos or 0
    except (OverflowError, ValueError):  # a count over MAXREPEAT, or over int's digit limit
        offset = _huge_repeat(pattern.value)
        problem = f"a repeat count must be below {_MAX_REPEAT:,}"
    except RecursionError:
        problem = "its groups are nested too deeply"
    if problem:
        run.report(
            BAD_REDACTION_PATTERN.finding(
                f"redaction pattern '{entry.value['name']}' does not compile: {problem}",
                string_location(pattern, offset),
            )
        )
    return RedactionRule(
        name=entry.value["name"],
        pattern=pattern.value,
        where=entry.at(),
        compiled=compiled,
        replacement=entry.value.get("replacement", "****"),
        illustrative=entry.value.get("illustrative", False),
        examples=tuple(entry.value.get("examples", ())),
        examples_where=entry.at("examples") if "examples" in entry.value else None,
    )


_MAX_REPEAT = 2**32 - 1  # re's MAXREPEAT: a count this large raises OverflowError, not re.error


def _huge_repeat(pattern: str) -> int:
    """Offset of the first repeat count ``re`` cannot hold (``{6000000000}``), else 0."""
    for match in _REPEAT_COUNTS.finditer(pattern):
        for group in (1, 2):
            digits = match.group(group).lstrip("0")
            if len(digits) > 10 or (digits and int(digits) >= _MAX_REPEAT):
                return match.start(group)
    return 0


def _retention(entry: Entry, states: Mapping[str, State], run: Resolution) -> RetentionRule:
    value = entry.value
    after = entry.get("after")
    period = None
    if after is None:
        if value.get("condition") in NEEDS_PERIOD:
            run.report(
                RETENTION_WITHOUT_PERIOD.finding(
                    f"retention of {value['data']} on condition '{value['condition']}'"
                    " needs `after:`",
                    entry.at(),
                )
            )
    else:
        try:
            period = parse_period(after.value)
        except ShortFormError as error:
            run.syntax(RETENTION_WITHOUT_PERIOD, after, error)
    return RetentionRule(
        data=value["data"],
        delete=value["delete"],
        where=entry.at(),
        condition=value.get("condition"),
        status=optional_ref(entry.get("status"), states),
        after=period,
        illustrative=value.get("illustrative", False),
    )


def _access(entry: Entry) -> Access:
    value = entry.value
    roles = entry.get("roles")
    return Access(
        where=entry.at(key=True),
        role_based=value.get("role_based", False),
        roles={
            role_id: Role(
                id=role_id,
                where=role.at(key=True),
                description=role.value.get("description"),
                can=tuple(role.value.get("can", ())),
            )
            for role_id, role in (roles.items() if roles is not None else ())
        },
        mfa=value.get("mfa"),
        sso=value.get("sso", False),
        training_required=value.get("training_required", False),
        revoke_on_termination=value.get("revoke_on_termination"),
    )
