"""JUnit XML for CI pages: a testcase per result, a testcase per validation error.

* suite "validation": one failing testcase per error (so the CI page lists each
  bad cell), one passing testcase per file read without errors; warnings go
  into the suite's ``<system-out>``, one per line.
* suite "targets" (only with a verdict): one testcase per result, with a
  ``<failure>`` for not_met, behind, below and no_data (未报送 for a district without its
  as-of report); a ``<skipped>`` for a target that needs rosters when none were given
  (需花名册：未提供: no data that fails nothing). A result built on incomplete quarters has the mark after its status
  and the properties ``incomplete`` and ``missing``; the suite's ``<system-out>``
  holds the notes that explain them. A result whose figure a warning bears on (待核实) has the
  property ``unverified`` (the warnings' codes) and, if it fails, 待核实 after its status.

No timestamps, host names or durations: the same input gives the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from chuangye_cli.core.i18n import label
from chuangye_cli.core.problems import Problem
from chuangye_cli.judge.results import FAILING, CheckResult, Result
from chuangye_cli.render.notes import footnotes, missing_codes, status_text
from chuangye_cli.render.numbers import threshold_text, value_text
from chuangye_cli.render.problems import diagnostics

#: characters XML 1.0 does not allow (a submission's cell may hold them)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: Any) -> str:
    return _NOT_XML.sub("\ufffd", "" if value is None else str(value))


def _where(p: Problem, lang: str) -> str:
    parts = []
    if p.sheet:
        parts.append(label("junit.sheet", lang, sheet=p.sheet))
    if p.row is not None:
        parts.append(label("junit.row", lang, row=p.row))
    if p.column:
        parts.append(label("junit.column", lang, column=p.column))
    return ", ".join(parts) if parts else label("junit.whole_file", lang)


def _problem_line(p: Problem, lang: str) -> str:
    head = ", ".join(x for x in (p.file, _where(p, lang)) if x)
    value = "" if p.value is None else f" [{p.value}]"
    return f"{head}{value}: {p.message(lang)}"


def _suite(parent: ET.Element, name: str, cases: list[ET.Element]) -> ET.Element:
    failures = sum(1 for c in cases if c.find("failure") is not None)
    skipped = sum(1 for c in cases if c.find("skipped") is not None)
    suite = ET.SubElement(
        parent, "testsuite", name=name, tests=str(len(cases)), failures=str(failures), errors="0", skipped=str(skipped)
    )
    suite.extend(cases)
    return suite


def _validation_cases(report: CheckResult, lang: str) -> list[ET.Element]:
    cases = []
    bad_files = {p.file for p in report.errors}
    for p in report.errors:
        # the file goes in the name: CI tools split classname on dots, and file names have them
        name = " · ".join(x for x in (p.file, _where(p, lang)) if x)
        case = ET.Element("testcase", classname="validation", name=xml_text(name))
        failure = ET.SubElement(case, "failure", message=xml_text(p.message(lang)), type=p.code)
        failure.text = xml_text(_problem_line(p, lang))
        cases.append(case)
    for file in dict.fromkeys(f.file for f in report.files):  # a workbook's sheets: one case for the file
        if file not in bad_files:
            name = f"{file} · {label('junit.file_ok', lang)}"
            cases.append(ET.Element("testcase", classname="validation", name=xml_text(name)))
    return cases


def _expected_text(r: Result) -> str:
    """序时目标 as exact as it is (3.75, not 3.8): it is the line the actual is judged against."""
    v = r.expected_now
    if isinstance(v, float) and not v.is_integer():
        return f"{v:,.4f}".rstrip("0").rstrip(".")
    return f"{int(v):,}" if isinstance(v, (int, float)) else str(v)


def _result_case(r: Result, lang: str) -> ET.Element:
    name = r.name.get(lang) or r.name["en"]
    scope = r.district_label(lang) or label("scope.city", lang)
    case = ET.Element("testcase", classname=f"targets.{r.target}", name=xml_text(f"{name} · {scope}"))
    if r.missing or r.unverified:
        props = ET.SubElement(case, "properties")
    if r.missing:
        ET.SubElement(props, "property", name="incomplete", value="true")
        ET.SubElement(props, "property", name="missing", value=missing_codes(r.missing))
    if r.unverified:  # the status stands on a figure a warning calls into question
        ET.SubElement(props, "property", name="unverified", value=",".join(r.unverified))
    if r.needs_rosters:
        ET.SubElement(case, "skipped", message=xml_text(status_text(r, lang)))
    elif r.status in FAILING:
        text = label(
            "junit.result",
            lang,
            status=status_text(r, lang),
            actual=value_text(r.kind, r.actual, lang, r.threshold, r.op),
            threshold=threshold_text(r.kind, r.op, r.threshold, lang),
        )
        if r.expected_now is not None and r.expected_now != r.threshold:
            text += label("junit.expected_now", lang, expected=_expected_text(r))
        failure = ET.SubElement(case, "failure", message=xml_text(text), type=r.status)
        failure.text = xml_text(text)
    return case


def render_junit(report: CheckResult, fmt: str, lang: str) -> tuple[bytes, str]:
    root = ET.Element("testsuites", name="chuangye check")
    validation = _suite(root, "validation", _validation_cases(report, lang))
    if report.warnings:
        out = ET.SubElement(validation, "system-out")
        out.text = xml_text("\n".join(_problem_line(p, lang) for p in report.warnings))
    if report.valid:
        targets = _suite(root, "targets", [_result_case(r, lang) for r in report.results])
        if notes := footnotes(report, lang):
            ET.SubElement(targets, "system-out").text = xml_text("\n".join(notes))
    suites = root.findall("testsuite")
    root.set("tests", str(sum(int(s.get("tests", "0")) for s in suites)))
    root.set("failures", str(sum(int(s.get("failures", "0")) for s in suites)))
    root.set("errors", "0")
    ET.indent(root)
    body = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body + b"\n", diagnostics(report, lang)
