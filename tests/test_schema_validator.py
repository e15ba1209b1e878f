"""The compiled schema validator is current and reports exactly what jsonschema reports.

``supportflow/compile/schema_validator.py`` is generated from the policy schema
so that `validate` needs neither jsonschema's import nor its interpretation.
jsonschema stays the reference: on every example, fixture and rule example, and
on hypothesis mutations of the examples' data, both must find the same
violations (path, keyword, instance, schema node, and the key a violation
inside ``propertyNames`` or ``required`` is about).
"""

from __future__ import annotations

import copy
import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, validators

from supportflow.businesstime import holiday_codes, holiday_package
from supportflow.compile import schema_validator
from supportflow.compile.loader import load_text
from supportflow.diagnostics.catalogue import all_rules
from supportflow.resources import schema, schema_text
from tests.policy_files import FILE_MARKER

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "scripts" / "generate_schema_validator.py"


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("generate_schema_validator", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _data(name: str, text: str) -> dict[str, Any] | None:
    loaded, _ = load_text(name, text)
    return loaded.data if loaded is not None else None


def _corpus() -> dict[str, dict[str, Any]]:
    """Every policy file the repository has: examples, fixtures, rule examples."""
    found = {}
    for path in sorted([*ROOT.glob("examples/*/*.yaml"), *ROOT.glob("tests/fixtures/**/*.yaml")]):
        data = _data(path.name, path.read_bytes())
        if data is not None:
            found[path.relative_to(ROOT).as_posix()] = data
    for doc in all_rules().values():
        for label, snippet in (("bad", doc.bad), ("good", doc.good)):
            parts = FILE_MARKER.split(snippet)
            texts = [parts[0], *parts[2::2]]
            for index, text in enumerate(texts):
                data = _data("policy.yaml", "apiVersion: supportflow/v1\n" + text)
                if data is not None:
                    found[f"{doc.id} {label} {index}"] = data
    return found


CORPUS = _corpus()
# jsonschema with the one meaning the compiled validator gives on purpose: an integer is
# an int. JSON has one kind of number, so JSON Schema calls 1.0 an integer; YAML reads
# ``1.0`` as a float, and the model counts with these values (levels, repeats).
YAML_TYPES = Draft202012Validator.TYPE_CHECKER.redefine(
    "integer", lambda _, value: isinstance(value, int) and not isinstance(value, bool)
)
REFERENCE = validators.extend(Draft202012Validator, type_checker=YAML_TYPES)(schema())


def _key(
    path: tuple[Any, ...],
    keyword: str,
    value: Any,
    instance: Any,
    node: Any,
    about_name: bool,
    message: str,
) -> str:
    return json.dumps(
        [list(path), keyword, value, repr(instance), node, about_name, message],
        sort_keys=True,
        default=repr,
    )


def reference_errors(data: Any) -> Counter[str]:
    """jsonschema's violations, each as a comparable key."""
    return Counter(
        _key(
            tuple(error.absolute_path),
            error.validator,
            error.validator_value,
            error.instance,
            error.schema,
            "propertyNames" in error.absolute_schema_path,
            error.message if error.validator == "required" else "",
        )
        for error in REFERENCE.iter_errors(data)
    )


def compiled_errors(data: Any) -> Counter[str]:
    return Counter(
        _key(
            error.path,
            error.keyword,
            error.value,
            error.instance,
            error.schema,
            error.under_names,
            f"{error.missing!r} is a required property" if error.keyword == "required" else "",
        )
        for error in schema_validator.errors(data)
    )


def test_the_compiled_validator_is_current() -> None:
    assert _generator().render(schema_text()) == (
        ROOT / "supportflow" / "compile" / "schema_validator.py"
    ).read_text(encoding="utf-8"), "run python scripts/generate_schema_validator.py"


def test_the_generator_refuses_keywords_it_does_not_compile() -> None:
    generator = _generator()
    with pytest.raises(NotImplementedError, match="'not'"):
        generator.render(json.dumps({"type": "object", "not": {"required": ["a"]}}))
    with pytest.raises(NotImplementedError, match="references"):
        generator.render(json.dumps({"$ref": "https://example.com/other.json"}))


def test_the_corpus_has_violations_of_every_kind() -> None:
    """The agreement below means something only if the corpus breaks the schema often."""
    keywords = {
        error.keyword for data in CORPUS.values() for error in schema_validator.errors(data)
    }
    assert {"additionalProperties", "required", "type", "enum", "pattern"} <= keywords


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_agrees_with_jsonschema_on_every_policy_file(name: str) -> None:
    assert compiled_errors(CORPUS[name]) == reference_errors(CORPUS[name])


# Values that break the schema in every way it can be broken.
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 200)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(
        ["", "x", "P1", "first-line", "sv", "SE", "SE-AB", "9h", "manual", "2026-12-24", "Ab c"]
    )
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(["name", "tier", "level", "x"]), children, max_size=3)
    ),
    max_leaves=6,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _mutate(data: Any, draw: st.DataObject) -> Any:
    data = copy.deepcopy(data)
    for _ in range(draw.draw(st.integers(1, 3))):
        path = draw.draw(st.sampled_from(_paths(data)))
        parent: Any = data
        for part in path[:-1]:
            parent = parent[part]
        target = parent[path[-1]] if path else data
        operation = draw.draw(st.sampled_from(["replace", "delete", "add", "rename"]))
        if operation == "replace" and path:
            parent[path[-1]] = draw.draw(JSON_VALUES)
        elif operation == "delete" and path:
            del parent[path[-1]]
        elif operation == "add" and isinstance(target, dict):
            target[draw.draw(st.sampled_from(["nmae", "Bad Key", "x" * 70, "tier"]))] = draw.draw(
                JSON_VALUES
            )
        elif operation == "add" and isinstance(target, list):
            target.append(draw.draw(JSON_VALUES))
        elif operation == "rename" and path and isinstance(parent, dict):
            parent[draw.draw(st.sampled_from(["1st", "é", "ok-id", ""]))] = parent.pop(path[-1])
    return data


EXAMPLE_DATA = [data for name, data in sorted(CORPUS.items()) if name.startswith("examples/")]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_agrees_with_jsonschema_on_mutated_examples(draw: st.DataObject) -> None:
    data = _mutate(draw.draw(st.sampled_from(EXAMPLE_DATA)), draw)
    assert compiled_errors(data) == reference_errors(data)


def _imported_by_validate(policy: Path) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "supportflow", "validate", str(policy)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return {
        line.rsplit("|", 1)[1].strip().split(".")[0]
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }


def test_validate_imports_no_heavy_package(tmp_path: Path) -> None:
    """The clean path of `validate` pays for neither jsonschema nor holidays (the holiday
    code table answers while it matches the installed release), numpy, jinja2 or networkx,
    unless the policy has something for the coverage sweep (W70x): a routed support matrix
    is swept over the reference year on its real calendars, public holidays and all (the
    sweep itself is plain Python: never numpy)."""
    imported = _imported_by_validate(ROOT / "examples" / "pagero")
    assert "supportflow" in imported and "yaml" in imported
    assert imported & {"jsonschema", "jinja2", "networkx", "numpy"} == set()
    assert "holidays" in imported  # the coverage sweep of a routed matrix
    # The same calendars without routing: nothing to sweep, so nothing heavy.
    unrouted = tmp_path / "unrouted"
    unrouted.mkdir()
    text = (ROOT / "examples" / "pagero" / "policy.yaml").read_text(encoding="utf-8")
    (unrouted / "policy.yaml").write_text(text, encoding="utf-8")
    imported = _imported_by_validate(unrouted)
    assert imported & {"jsonschema", "numpy", "jinja2", "networkx"} == set()
    table_is_current = holiday_package.installed_version() == holiday_codes.HOLIDAYS_VERSION
    assert ("holidays" in imported) is not table_is_current
