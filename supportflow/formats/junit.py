"""JUnit XML in the form Jenkins and GitLab read.

A checked file without findings is one passing test case. A file with findings
gets one test case per finding instead, because GitLab and Jenkins show only one
failure per test case: a file with three errors then reads as three red rows,
each named ``file:line:col ID``. Names are unique, as CI tools key test history
by name: findings that would share one (two E900 crashes at the top of a file)
add their message, then a number. A finding fails its case when it fails the
run (``--fail-on``, errors by default), so a report whose exit code is 0 has no
failures; other findings pass, with their text in ``<system-out>``. The failure
body is the finding exactly as the text format prints it.

A run that checked nothing (exit code 2) is one test case with an ``<error>``.

No ``time`` attributes: they would make the output differ run to run.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from typing import TYPE_CHECKING

from supportflow.diagnostics.findings import Finding, Severity
from supportflow.formats.text import finding_lines

if TYPE_CHECKING:
    from supportflow.formats import Report

SUITE_NAME = "supportflow"
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
# ElementTree escapes markup but passes through characters XML 1.0 forbids outright:
# every code point outside its Char production. Listed as they are rather than as the
# complement of what is allowed, which is the same set but took 9 ms to compile.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _fails(finding: Finding, fail_on: Severity | None) -> bool:
    return fail_on is not None and finding.severity >= fail_on


def _case(suite: ET.Element, file: str, name: str) -> ET.Element:
    return ET.SubElement(
        suite, "testcase", {"classname": _xml_text(f"{SUITE_NAME}.{file}"), "name": _xml_text(name)}
    )


def _suite(tests: int, failures: int, errors: int) -> tuple[ET.Element, ET.Element]:
    counts = {
        "tests": str(tests),
        "failures": str(failures),
        "errors": str(errors),
        "skipped": "0",
    }
    root = ET.Element("testsuites", {"name": SUITE_NAME, **counts})
    return root, ET.SubElement(root, "testsuite", {"name": SUITE_NAME, **counts})


def _document(root: ET.Element) -> str:
    ET.indent(root)
    return DECLARATION + ET.tostring(root, encoding="unicode") + "\n"


def case_names(findings: list[Finding]) -> list[str]:
    """``file:line:col ID`` per finding; clashing names add the message, then a number."""
    names = [f"{finding.location} {finding.rule_id}" for finding in findings]
    clashes = Counter(names)
    names = [
        f"{name}: {finding.message}" if clashes[name] > 1 else name
        for name, finding in zip(names, findings, strict=True)
    ]
    totals, seen = Counter(names), Counter[str]()
    unique = []
    for name in names:
        seen[name] += 1
        unique.append(f"{name} ({seen[name]})" if totals[name] > 1 else name)
    return unique


def render(report: Report) -> str:
    by_file: dict[str, list[Finding]] = {file: [] for file in report.files}
    for finding in report.findings:
        by_file.setdefault(finding.location.file, []).append(finding)

    tests = sum(len(findings) or 1 for findings in by_file.values())
    failures = sum(_fails(finding, report.fail_on) for finding in report.findings)
    root, suite = _suite(tests, failures, 0)

    for file, findings in by_file.items():
        if not findings:
            _case(suite, file, file)
        for finding, name in zip(findings, case_names(findings), strict=True):
            case = _case(suite, file, name)
            body = _xml_text("\n".join(finding_lines(finding, report.source_lines)))
            if _fails(finding, report.fail_on):
                attributes = {"type": finding.rule_id, "message": _xml_text(finding.message)}
                ET.SubElement(case, "failure", attributes).text = body
            else:
                ET.SubElement(case, "system-out").text = body
    return _document(root)


def render_error(message: str, tool_version: str) -> str:
    """The run failed before checking anything: one test case in error (exit code 2)."""
    root, suite = _suite(1, 0, 1)
    case = _case(suite, "run", SUITE_NAME)
    text = _xml_text(message)
    ET.SubElement(case, "error", {"type": "input", "message": text}).text = text
    return _document(root)
