"""The validation pipeline as one call: load → schema → merge → resolve → rules.

Each stage takes the previous stage's output. Semantic rules run only when
every file the policy names was loaded (else every id defined in a lost file
would be reported as unknown) and no file has a value of the wrong shape (a
missing key, a list where a mapping belongs), so they never see data they
cannot read. Problems the loader recovers from (a duplicate key keeps its
first value), unknown keys and badly formed values do not stop them: one typo
should not hide the policy's other problems.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from supportflow.findings import Finding, sort_findings
from supportflow.loader import BAD_INCLUDE, OUTSIDE_ROOT, LoadedFile, LoadResult, load_policy
from supportflow.model import Policy
from supportflow.resolve import resolve
from supportflow.rules.checks import run_checks
from supportflow.schema import MISSING_KEY, WRONG_TYPE, check_file
from supportflow.source import merge

SHAPE_BREAKING = frozenset({MISSING_KEY.id, WRONG_TYPE.id})
INCLUDE_PROBLEMS = frozenset({OUTSIDE_ROOT.id, BAD_INCLUDE.id})


@dataclass
class Validation:
    """What ``validate`` found; ``policy`` is None when loading or the schema failed."""

    files: list[LoadedFile]
    findings: list[Finding]
    policy: Policy | None


def validate_policy(target: str | os.PathLike[str]) -> Validation:
    """Validate the policy folder or file at ``target``; raises ``InputError`` if unreadable."""
    loaded = load_policy(target)
    findings = list(loaded.findings)
    for file in loaded.files:
        findings.extend(check_file(file))
    policy = None
    if _complete(loaded) and not any(f.rule_id in SHAPE_BREAKING for f in findings):
        source, merge_findings = merge(loaded.files)
        findings.extend(merge_findings)
        policy, resolve_findings = resolve(source)
        findings.extend(resolve_findings)
        findings.extend(run_checks(policy))
    return Validation(loaded.files, sort_findings(findings), policy)


def _complete(loaded: LoadResult) -> bool:
    """Whether every file and include of the policy was loaded, so every id is known."""
    names = {file.name for file in loaded.files}
    return all(
        finding.location.file in names and finding.rule_id not in INCLUDE_PROBLEMS
        for finding in loaded.findings
    )
