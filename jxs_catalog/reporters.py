"""Reporters turn diagnostics into text for people or machines; chosen by name."""

from __future__ import annotations

from collections.abc import Callable

from jxs_catalog.diagnostics import Diagnostic, Severity
from jxs_catalog.messages import counted, say

Reporter = Callable[[list[Diagnostic], int, str], str]


def _counts(diags: list[Diagnostic]) -> tuple[int, int]:
    errors = sum(1 for d in diags if d.severity is Severity.ERROR)
    return errors, len(diags) - errors


def summary_line(diags: list[Diagnostic], files: int, lang: str) -> str:
    errors, warnings = _counts(diags)
    if not diags:
        return say("report.clean", lang, files=counted(files, "file"))
    return say("report.summary", lang, files=counted(files, "file"), errors=counted(errors, "error"),
               warnings=counted(warnings, "warning"))


def severity_word(diag: Diagnostic, lang: str) -> str:
    return say(f"severity.{diag.severity.value}", lang)


def location(diag: Diagnostic) -> str:
    if diag.line:
        return f"{diag.path}:{diag.line}:{diag.column}"
    return diag.path


def report_text(diags: list[Diagnostic], files: int, lang: str) -> str:
    lines = [f"{location(d)}: {severity_word(d, lang)} {d.code} {d.message(lang)}" for d in diags]
    lines.append(summary_line(diags, files, lang))
    return "\n".join(lines)


def report_json(diags: list[Diagnostic], files: int, lang: str) -> str:
    import json  # imported by the formats that need it: the text report is the common one
    errors, warnings = _counts(diags)
    payload = {
        "diagnostics": [
            {"path": d.path, "line": d.line, "column": d.column, "severity": d.severity.value,
             "code": d.code, "message": d.message(lang)}
            for d in diags
        ],
        "summary": {"errors": errors, "warnings": warnings, "files": files},
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def report_github(diags: list[Diagnostic], files: int, lang: str) -> str:
    lines = []
    for d in diags:
        level = "error" if d.severity is Severity.ERROR else "warning"
        props = f"file={_gh_escape(d.path, True)}"
        if d.line:
            props += f",line={d.line},col={d.column}"
        props += f",title={_gh_escape(d.code, True)}"
        lines.append(f"::{level} {props}::{_gh_escape(d.message(lang))}")
    lines.append(summary_line(diags, files, lang))
    return "\n".join(lines)


def report_junit(diags: list[Diagnostic], files: int, lang: str) -> str:
    from xml.etree import ElementTree as ET
    errors, warnings = _counts(diags)
    suite = ET.Element("testsuite", name="jxs", tests=str(max(files, len(diags))),
                       failures=str(errors + warnings), errors="0")
    by_path: dict[str, list[Diagnostic]] = {}
    for d in diags:
        by_path.setdefault(d.path, []).append(d)
    for path, items in by_path.items():
        for d in items:
            case = ET.SubElement(suite, "testcase", classname=path, name=f"{d.code} {location(d)}")
            fail = ET.SubElement(case, "failure", type=d.code, message=d.message(lang))
            fail.text = f"{location(d)}: {severity_word(d, lang)} {d.code} {d.message(lang)}"
    if not diags:
        ET.SubElement(suite, "testcase", classname="jxs", name="workspace")
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode")


REPORTERS: dict[str, Reporter] = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
    "junit": report_junit,
}
