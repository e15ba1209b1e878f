"""One test per rule, in both directions: its bad example fires it, its good one does not.

The examples are the ones `supportflow explain` prints, so the documentation
is tested too. Rules whose trigger cannot be written as YAML text (bytes that
are not UTF-8, files over the size limit, a rule that crashes) have their own
tests, listed in NOT_TEXT. The catalogue is checked for completeness against
the source: every declared id is listed, every rule module runs.
"""

from __future__ import annotations

import ast
import pkgutil
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import supportflow
import supportflow.rules
from supportflow.api import validate_policy
from supportflow.commands.group import cli
from supportflow.diagnostics.catalogue import all_rules
from supportflow.rules import RULE_MODULES
from supportflow.rules.check import checks_in
from supportflow.rules.run import run_rules
from tests.policy_files import write_policy

RULES = all_rules()
PACKAGE = Path(supportflow.__file__).parent
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
    for doc in RULES.values():
        assert doc.title and doc.description and doc.hint, doc.id
        assert doc.bad != doc.good, doc.id


def _declared_in_source() -> dict[str, Path]:
    """Every id passed to ``declare(...)`` anywhere in the package, read from the source."""
    found: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "declare":
                rule_id = ast.literal_eval(node.args[0])
                assert rule_id not in found, f"{rule_id} declared in {found[rule_id]} and {path}"
                found[rule_id] = path
    return found


def test_every_declared_id_is_listed_by_supportflow_rules() -> None:
    listed = CliRunner().invoke(cli, ["rules"]).output
    listed_ids = set(re.findall(r"^([EWI]\d{3}) ", listed, re.MULTILINE))
    declared = _declared_in_source()
    assert declared and set(declared) == listed_ids


def test_ids_are_declared_in_the_module_of_their_band() -> None:
    for rule_id, path in _declared_in_source().items():
        assert path.parent.name == "ruledocs", (rule_id, path)
        band_ids = {d for d, p in _declared_in_source().items() if p == path}
        assert {d[1] for d in band_ids} == {rule_id[1]}, path.name


def test_every_rule_module_runs() -> None:
    modules = {
        info.name
        for info in pkgutil.iter_modules(supportflow.rules.__path__)
        if info.name not in ("check", "run")
    }
    running = {module.__name__.rsplit(".", 1)[1] for module in RULE_MODULES}
    assert modules == running
    assert all(checks_in(module) for module in RULE_MODULES)


def test_crashing_rule_becomes_a_finding(tmp_path, monkeypatch) -> None:
    def broken(policy, doc):
        raise KeyError("boom")

    broken.rule_doc = RULES["E201"]
    broken.__module__ = supportflow.rules.escalations.__name__
    monkeypatch.setattr(supportflow.rules.escalations, "broken", broken, raising=False)
    policy = validate_policy(write_policy(tmp_path, "languages: [en]\n")).policy
    assert policy is not None
    crashed = [f for f in run_rules(policy) if f.rule_id == "E900"]
    assert len(crashed) == 1
    assert "E201" in crashed[0].message and "KeyError" in crashed[0].message


def test_rule_reference_is_in_sync_with_the_catalogue() -> None:
    from supportflow.diagnostics.reference import rules_markdown

    committed = (PACKAGE.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(RULES), (
        "docs/rules.md is stale: run `supportflow rules --markdown > docs/rules.md`"
    )
    for rule_id in RULES:
        assert f'<a id="{rule_id.lower()}"></a>' in committed
