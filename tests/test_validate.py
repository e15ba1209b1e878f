"""When the semantic rules run, and when they hold back to avoid noise."""

from __future__ import annotations

from supportflow.api import validate_policy
from tests.policy_files import write_policy


def _ids(folder) -> list[str]:
    return [f.rule_id for f in validate_policy(folder).findings]


def test_duplicate_key_does_not_hide_other_problems(tmp_path) -> None:
    folder = write_policy(
        tmp_path,
        """\
teams:
  a: {tier: first_line}
  a: {tier: second_line}
calendars:
  x: {timezone: Mars/Base, hours: mon-fri 08:00-17:00}
""",
    )
    assert _ids(folder) == ["E010", "E301"]


def test_missing_include_holds_back_reference_rules(tmp_path) -> None:
    folder = write_policy(
        tmp_path,
        """\
include: [teams.yaml]
routing: {front_door: first-line}
""",
    )
    # The team may be defined in the file that is missing: no E202 noise.
    assert _ids(folder) == ["E019"]


def test_unloadable_file_holds_back_reference_rules(tmp_path) -> None:
    folder = write_policy(
        tmp_path,
        """\
routing: {front_door: first-line}
# teams.yaml
teams: [first-line
""",
    )
    assert _ids(folder) == ["E005"]


def test_wrong_shape_holds_back_semantic_rules(tmp_path) -> None:
    folder = write_policy(
        tmp_path,
        """\
languages: en
routing: {front_door: nobody}
""",
    )
    assert _ids(folder) == ["E103"]


def test_unknown_key_does_not_hide_semantic_findings(tmp_path) -> None:
    folder = write_policy(
        tmp_path,
        """\
routing: {front_door: nobody, frontdoor: x}
""",
    )
    assert _ids(folder) == ["E202", "E101"]  # sorted by column: front_door comes first
