"""JUnit XML in the form Jenkins and GitLab read.

A checked file without findings is one passing test case. A file with findings
gets one test case per finding instead, because GitLab and Jenkins show only one
failure per test case: a file with three errors then reads as three red rows,
each named ``file:line:col ID``. Error and warning findings fail their case;
an info finding is a passing case whose text is in ``<system-out>``. The failure
body is the finding exactly as the text format prints it.

No ``time`` attributes: they would make the output differ run to run.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from supportflow.diagnostics.findings import Finding, Severity
from supportflow.formats.text import finding_lines

if TYPE_CHECKING:
    from supportflow.formats import Report

SUITE_NAME = "supportflow"
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
# ElementTree escapes markup but passes through characters XML 1.0 forbids outright.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _fails(finding: Finding) -> bool:
    return finding.severity >= Severity.WARNING


def _case(suite: ET.Element, file: str, name: str) -> ET.Element:
    return ET.SubElement(
        suite, "testcase", {"classname": _xml_text(f"{SUITE_NAME}.{file}"), "name": _xml_text(name)}
    )


def render(report: Report) -> str:
    by_file: dict[str, list[Finding]] = {file: [] for file in report.files}
    for finding in report.findings:
        by_file.setdefault(finding.location.file, []).append(finding)

    tests = sum(len(findings) or 1 for findings in by_file.values())
    failures = sum(_fails(finding) for finding in report.findings)
    counts = {"tests": str(tests), "failures": str(failures), "errors": "0", "skipped": "0"}
    root = ET.Element("testsuites", {"name": SUITE_NAME, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE_NAME, **counts})

    for file, findings in by_file.items():
        if not findings:
            _case(suite, file, file)
        for finding in findings:
            case = _case(suite, file, f"{finding.location} {finding.rule_id}")
            body = _xml_text("\n".join(finding_lines(finding, report.source_lines)))
            if _fails(finding):
                attributes = {"type": finding.rule_id, "message": _xml_text(finding.message)}
                ET.SubElement(case, "failure", attributes).text = body
            else:
                ET.SubElement(case, "system-out").text = body

    ET.indent(root)
    return DECLARATION + ET.tostring(root, encoding="unicode") + "\n"
