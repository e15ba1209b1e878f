"""One test per rule, in both directions: its bad example fires it, its good one does not.

The examples are the ones `supportflow explain` prints, so the documentation
is tested too. Rules whose trigger cannot be written as YAML text (bytes that
are not UTF-8, files over the size limit, a rule that crashes) have their own
tests, listed in NOT_TEXT.
"""

from __future__ import annotations

import pytest

from supportflow.rules.checks import run_checks
from supportflow.rules.registry import REGISTRY, SEMANTIC_CHECKS, load_all_rules
from supportflow.validate import validate_policy
from tests.policy_files import write_policy

RULES = load_all_rules()
NOT_TEXT = {
    "E001": "tests/test_loader.py::test_unreadable_file_in_folder",
    "E002": "tests/test_loader.py::test_size_is_checked_before_reading",
    "E003": "tests/test_loader.py (bytes that are not UTF-8)",
    "E014": "tests/test_loader.py (billion laughs)",
    "E900": "test_crashing_rule_becomes_a_finding",
}


def _ids(tmp_path, rule_id: str, snippet: str) -> set[str]:
    # Loader rules (E0xx) see the text exactly as documented, apiVersion and all.
    folder = write_policy(tmp_path, snippet, add_api_version=not rule_id.startswith("E0"))
    return {f.rule_id for f in validate_policy(folder).findings}


@pytest.mark.parametrize("rule_id", [r for r in RULES if r not in NOT_TEXT])
def test_bad_example_fires_the_rule(rule_id: str, tmp_path) -> None:
    assert rule_id in _ids(tmp_path, rule_id, RULES[rule_id].bad)


@pytest.mark.parametrize("rule_id", [r for r in RULES if r not in NOT_TEXT])
def test_good_example_does_not_fire_the_rule(rule_id: str, tmp_path) -> None:
    assert rule_id not in _ids(tmp_path, rule_id, RULES[rule_id].good)


def test_every_rule_is_documented() -> None:
    for doc in REGISTRY.values():
        assert doc.title and doc.description and doc.hint, doc.id
        assert doc.bad != doc.good, doc.id


def test_crashing_rule_becomes_a_finding(tmp_path, monkeypatch) -> None:
    def broken(policy, doc):
        raise KeyError("boom")

    doc = REGISTRY["E201"]
    monkeypatch.setattr(
        "supportflow.rules.checks.SEMANTIC_CHECKS", [*SEMANTIC_CHECKS, (doc, broken)]
    )
    policy = validate_policy(write_policy(tmp_path, "languages: [en]\n")).policy
    assert policy is not None
    findings = run_checks(policy)
    crashed = [f for f in findings if f.rule_id == "E900"]
    assert len(crashed) == 1
    assert "E201" in crashed[0].message and "KeyError" in crashed[0].message
