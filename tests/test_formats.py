"""Formatters: exact text, JSON fields, SARIF schema validity, JUnit counts, GitHub escaping.

``tests/data/sarif-schema-2.1.0.json`` is the official OASIS SARIF 2.1.0 schema
(errata01), copied unchanged from
https://github.com/oasis-tcs/sarif-spec/blob/main/Schemata/sarif-schema-2.1.0.json
(also published at
https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json).
It declares JSON Schema draft-04, so it is checked with the validator it names.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding, Location, Severity, sort_findings
from supportflow.formats import FORMATS, Report, default_format, render
from supportflow.formats.junit import _xml_text
from supportflow.frozen import replace

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"

RULES = {
    "E101": RuleDoc(
        id="E101",
        title="Dangling escalation reference",
        written_description="An escalation step names a team that does not exist.",
        hint="Declare the team or fix the name.",
        written_bad="escalation:\n  - team: nobody",
        written_good="escalation:\n  - team: tier2",
    ),
    "W201": RuleDoc(
        id="W201",
        title="Unreachable priority",
        written_description="No routing rule leads to this priority.",
        hint="Route something to it or remove it.",
        written_bad="priorities: [p9]",
        written_good="priorities: [p1]",
    ),
    "I301": RuleDoc(
        id="I301",
        title="Calendar is 24/7",
        written_description="The calendar never closes.",
        hint="",
        written_bad="calendar: {}",
        written_good="calendar: {always: true}",
    ),
}

SOURCES = {
    "policy/a.yaml": ["teams:", "  - id: tier1", "escalation:", "\t- team: nobody"],
    "policy/b.yaml": ["priorities: [p1, p9]"],
}


def source_lines(file: str, line: int) -> str | None:
    lines = SOURCES.get(file, [])
    return lines[line - 1] if 0 < line <= len(lines) else None


def make_report(findings: list[Finding], files: list[str] | None = None) -> Report:
    return Report(
        findings=sort_findings(findings),
        files=files if files is not None else ["policy/a.yaml", "policy/b.yaml", "policy/c.yaml"],
        source_lines=source_lines,
        rules=RULES,
        tool_version="1.2.3",
    )


DANGLING = RULES["E101"].finding(
    "escalation step 1 names unknown team 'nobody'",
    Location("policy/a.yaml", 4, 10),
    related=(Location("policy/a.yaml", 2, 5),),
)
UNREACHABLE = RULES["W201"].finding(
    "priority p9 is never routed to", Location("policy/b.yaml", 1, 18)
)
ALWAYS_OPEN = RULES["I301"].finding("calendar 'main' is open 24/7", Location("policy/b.yaml"))
ALL = [UNREACHABLE, ALWAYS_OPEN, DANGLING]


# text


def test_text_exact_output() -> None:
    assert render("text", make_report(ALL)) == (
        "policy/a.yaml:4:10: error E101 escalation step 1 names unknown team 'nobody'\n"
        "            - team: nobody\n"
        "                    ^\n"
        "    hint: Declare the team or fix the name.\n"
        "    see also: policy/a.yaml:2:5\n"
        "policy/b.yaml: info I301 calendar 'main' is open 24/7\n"
        "policy/b.yaml:1:18: warning W201 priority p9 is never routed to\n"
        "    priorities: [p1, p9]\n"
        "                     ^\n"
        "    hint: Route something to it or remove it.\n"
        "1 error, 1 warning, 1 info in 3 files\n"
    )


@pytest.mark.parametrize(
    ("line", "column", "caret"),
    [
        ("ab\tc", 4, "    " + " " * 8 + "^"),  # the character after a tab sits at the tab stop
        ("\tx", 1, "    ^"),  # a tab itself is pointed at from its start
        ("abc", 9, "       ^"),  # past the end of the line: just after the last character
    ],
)
def test_text_caret_placement(line: str, column: int, caret: str) -> None:
    finding = Finding("E101", Severity.ERROR, "m", Location("x.yaml", 1, column))
    report = Report([finding], ["x.yaml"], lambda _f, _n: line, {}, "0")
    shown = render("text", report).splitlines()
    assert shown[1] == "    " + line.expandtabs(8)
    assert shown[2] == caret


def test_text_without_column_or_source() -> None:
    no_column = Finding("E101", Severity.ERROR, "m", Location("policy/b.yaml", 1))
    no_source = Finding("E101", Severity.ERROR, "m", Location("gone.yaml", 3, 2))
    out = render("text", make_report([no_column, no_source], files=["policy/b.yaml"]))
    assert out.splitlines() == [
        "gone.yaml:3:2: error E101 m",
        "policy/b.yaml:1:0: error E101 m",
        "    priorities: [p1, p9]",
        "2 errors in 1 file",
    ]


@pytest.mark.parametrize(
    ("findings", "files", "summary"),
    [
        ([], ["a", "b", "c", "d", "e"], "no findings in 5 files"),
        ([DANGLING, replace(DANGLING, message="other")], ["a"], "2 errors in 1 file"),
        ([UNREACHABLE, ALWAYS_OPEN], ["a", "b"], "1 warning, 1 info in 2 files"),
    ],
)
def test_text_summary_pluralisation(
    findings: list[Finding], files: list[str], summary: str
) -> None:
    assert render("text", make_report(findings, files)).splitlines()[-1] == summary


# json


def test_json_fields_and_summary() -> None:
    document = json.loads(render("json", make_report(ALL)))
    assert document["version"] == 1
    assert document["tool"] == {"name": "supportflow", "version": "1.2.3"}
    assert document["summary"] == {"error": 1, "warning": 1, "info": 1, "files": 3}
    first = document["findings"][0]
    assert first == {
        "rule": "E101",
        "severity": "error",
        "message": "escalation step 1 names unknown team 'nobody'",
        "file": "policy/a.yaml",
        "line": 4,
        "column": 10,
        "hint": "Declare the team or fix the name.",
        "related": [{"file": "policy/a.yaml", "line": 2, "column": 5}],
        "url": RULES["E101"].url,
    }
    assert [f["rule"] for f in document["findings"]] == ["E101", "I301", "W201"]


def test_json_is_sorted_indented_and_unknown_rules_have_no_url() -> None:
    stray = Finding("E999", Severity.ERROR, "rule crashed", Location("x.yaml"))
    out = render("json", make_report([stray]))
    assert out.endswith("}\n")
    assert out == json.dumps(json.loads(out), indent=2, sort_keys=True) + "\n"
    assert json.loads(out)["findings"][0]["url"] is None


# sarif


# jsonschema checks "uri" formats only with optional packages; this is RFC 3986's character set.
_URI_CHARS = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
URI_CHECKER = jsonschema.FormatChecker()
for _name in ("uri", "uri-reference"):
    URI_CHECKER.checks(_name)(
        lambda value: not isinstance(value, str) or bool(_URI_CHARS.match(value))
    )


def _sarif(findings: list[Finding], files: list[str] | None = None) -> dict:
    log = json.loads(render("sarif", make_report(findings, files)))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    assert validator_class is jsonschema.Draft4Validator
    validator_class.check_schema(schema)
    validator_class(schema, format_checker=URI_CHECKER).validate(log)
    return log


def test_sarif_is_valid_and_complete() -> None:
    log = _sarif(ALL)
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("supportflow", "1.2.3")
    assert "informationUri" not in driver  # the project owns no web address to point at
    assert [rule["id"] for rule in driver["rules"]] == ["E101", "I301", "W201"]
    e101 = driver["rules"][0]
    assert e101["name"] == "DanglingEscalationReference"
    assert e101["shortDescription"] == {"text": "Dangling escalation reference"}
    assert e101["fullDescription"]["text"] == RULES["E101"].description
    assert "Declare the team" in e101["help"]["text"]
    assert "team: tier2" in e101["help"]["text"]
    assert e101["helpUri"] == RULES["E101"].url
    assert e101["helpUri"].startswith("file://") and e101["helpUri"].endswith("rules.md#e101")
    assert driver["rules"][1]["name"] == "CalendarIs247"

    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("E101", "error"),
        ("I301", "note"),
        ("W201", "warning"),
    ]
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    dangling = results[0]
    assert dangling["message"]["text"].startswith("escalation step 1 names unknown team")
    assert dangling["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "policy/a.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 4, "startColumn": 10},
    }
    related = dangling["relatedLocations"][0]["physicalLocation"]
    assert related["region"] == {"startLine": 2, "startColumn": 5}
    assert "region" not in results[1]["locations"][0]["physicalLocation"]


def test_sarif_rules_only_referenced_and_odd_paths_stay_valid() -> None:
    findings = [
        RULES["W201"].finding("m", Location("dir with space/50%.yaml", 2, 1)),
        Finding("E999", Severity.ERROR, "undocumented", Location("./x.yaml", 1, 0)),
    ]
    log = _sarif(findings)
    run = log["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["E999", "W201"]
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    ]
    assert uris == ["x.yaml", "dir%20with%20space/50%25.yaml"]
    assert run["results"][0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}


def test_sarif_without_findings_is_valid() -> None:
    run = _sarif([])["runs"][0]
    assert run["results"] == []
    assert run["tool"]["driver"]["rules"] == []


# junit


def test_junit_counts_and_structure() -> None:
    out = render("junit", make_report(ALL))
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(out.split("\n", 1)[1])
    assert root.tag == "testsuites"
    (suite,) = root
    # a.yaml: one failing error; b.yaml: a warning and an info (both pass, as the exit code
    # is 0 for them under the default --fail-on error); c.yaml: clean.
    assert dict(suite.attrib) == {
        "name": "supportflow",
        "tests": "4",
        "failures": "1",
        "errors": "0",
        "skipped": "0",
    }
    cases = suite.findall("testcase")
    assert [(c.get("classname"), c.get("name")) for c in cases] == [
        ("supportflow.policy/a.yaml", "policy/a.yaml:4:10 E101"),
        ("supportflow.policy/b.yaml", "policy/b.yaml I301"),
        ("supportflow.policy/b.yaml", "policy/b.yaml:1:18 W201"),
        ("supportflow.policy/c.yaml", "policy/c.yaml"),
    ]
    failure = cases[0].find("failure")
    assert failure is not None
    assert failure.get("type") == "E101"
    assert failure.get("message") == "escalation step 1 names unknown team 'nobody'"
    assert failure.text is not None and "see also: policy/a.yaml:2:5" in failure.text
    assert cases[1].find("failure") is None
    assert "I301" in (cases[1].findtext("system-out") or "")
    assert list(cases[3]) == []


def test_junit_escapes_markup_and_control_characters() -> None:
    nasty = Finding("E101", Severity.ERROR, 'a <b> & "c"\x01\nd', Location("q&a.yaml", 1, 1))
    out = render("junit", make_report([nasty], files=["q&a.yaml"]))
    case = ET.fromstring(out.split("\n", 1)[1]).find("testsuite/testcase")
    assert case is not None
    assert case.get("classname") == "supportflow.q&a.yaml"
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == 'a <b> & "c"\ufffd\nd'


def test_junit_replaces_exactly_the_characters_xml_forbids() -> None:
    # XML 1.0's Char production, over every code point Python can hold.
    allowed = [(0x9, 0x9), (0xA, 0xA), (0xD, 0xD), (0x20, 0xD7FF), (0xE000, 0xFFFD)]
    allowed.append((0x10000, 0x10FFFF))
    expected, end = [], 0
    for lo, hi in allowed:
        expected += ["\ufffd" * (lo - end), *map(chr, range(lo, hi + 1))]
        end = hi + 1
    assert _xml_text("".join(map(chr, range(0x110000)))) == "".join(expected)


# github


def test_github_commands() -> None:
    assert render("github", make_report(ALL)).splitlines() == [
        "::error file=policy/a.yaml,line=4,col=10,title=E101::escalation step 1 names unknown"
        " team 'nobody' — hint: Declare the team or fix the name. — see also: policy/a.yaml:2:5",
        "::notice file=policy/b.yaml,title=I301::calendar 'main' is open 24/7",
        "::warning file=policy/b.yaml,line=1,col=18,title=W201::priority p9 is never routed to"
        " — hint: Route something to it or remove it.",
    ]


def test_github_escaping() -> None:
    finding = Finding(
        "E101", Severity.ERROR, "100% broken\r\nnext: a,b", Location("dir:1/a,b%.yaml", 2, 3)
    )
    (line,) = render("github", make_report([finding])).splitlines()
    assert line == (
        "::error file=dir%3A1/a%2Cb%25.yaml,line=2,col=3,title=E101::100%25 broken%0D%0Anext: a,b"
    )


def test_github_without_findings_is_empty() -> None:
    assert render("github", make_report([])) == ""


# dispatch


def test_default_format() -> None:
    assert default_format({"GITHUB_ACTIONS": "true"}) == "github"
    assert default_format({"GITHUB_ACTIONS": "false"}) == "text"
    assert default_format({}) == "text"


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown format 'yaml'"):
        render("yaml", make_report([]))


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_deterministic(fmt: str) -> None:
    assert render(fmt, make_report(ALL)) == render(fmt, make_report(list(reversed(ALL))))
    assert render(fmt, make_report(ALL)).endswith("\n")
