"""Reporters: findings out, in one of several formats (see DESIGN.md, "Reporter").

Every format has one module and one ``Reporter`` subclass. ``get_reporter`` imports the
format's module only when it is asked for, so that writing JSON never loads Rich.
Reporters know output, not rules: they read a finding's fields and, for documentation
(SARIF ``rules[]``), the selected rule classes.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from qa.model import SEVERITIES, Finding

if TYPE_CHECKING:
    from qa.rules.base import Rule

__all__ = [
    "FORMATS",
    "Reporter",
    "Summary",
    "get_reporter",
    "message_with_suggestion",
    "plural",
    "rule_name",
    "summarise",
    "summary_line",
]

FORMATS = ("table", "json", "sarif", "github", "html")

#: Format name -> (module, class). The JSON module is not called ``json`` so that it never
#: shadows (or is shadowed by) the standard library's ``json`` inside this package.
_REPORTER_CLASSES: dict[str, tuple[str, str]] = {
    "table": ("qa.report.table", "TableReporter"),
    "json": ("qa.report.json_report", "JsonReporter"),
    "sarif": ("qa.report.sarif", "SarifReporter"),
    "github": ("qa.report.github", "GithubReporter"),
    "html": ("qa.report.html", "HtmlReporter"),
}


class Reporter:
    """Writes findings to a stream in one format.

    ``files`` are the paths that were checked (as the user should see them), for the
    summary and SARIF artifacts; ``suppressed`` is how many findings inline comments or
    the baseline removed; ``version`` is the tool's version, for JSON and SARIF.
    """

    def __init__(self, *, files: Sequence[str] = (), suppressed: int = 0, version: str = "0.1.0") -> None:
        self.files = tuple(files)
        self.suppressed = suppressed
        self.version = version

    def emit(self, findings: Sequence[Finding], rules: Mapping[str, type[Rule]], stream: TextIO) -> None:
        """Write ``findings`` (already sorted) to ``stream``; ``rules`` are the selected rules by code."""
        raise NotImplementedError


def get_reporter(name: str, **options: object) -> Reporter:
    """The reporter for the format ``name``; ``options`` go to its constructor."""
    try:
        module_name, class_name = _REPORTER_CLASSES[name]
    except KeyError:
        raise ValueError(f"unknown output format {name!r}; choose from {', '.join(FORMATS)}") from None
    reporter_class = getattr(importlib.import_module(module_name), class_name)
    return reporter_class(**options)


# -- shared by the formats ---------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """Counts for a run's summary line and the JSON ``summary`` object."""

    files: int  # files checked
    files_with_findings: int
    findings: int
    error: int
    warning: int
    note: int
    suppressed: int
    folded: int = 0  # findings folded into the findings that explain them (qa/fold.py)


def summarise(findings: Sequence[Finding], files: Sequence[str] = (), suppressed: int = 0) -> Summary:
    """Count findings by severity. A path that has findings counts as checked even if
    ``files`` does not name it, so the counts never contradict each other."""
    paths_with_findings = {finding.location.path for finding in findings}
    by_severity = {severity: 0 for severity in SEVERITIES}
    for finding in findings:
        by_severity[finding.severity] = by_severity.get(finding.severity, 0) + 1
    return Summary(
        files=len(set(files) | paths_with_findings),
        files_with_findings=len(paths_with_findings),
        findings=len(findings),
        error=by_severity["error"],
        warning=by_severity["warning"],
        note=by_severity["note"],
        suppressed=suppressed,
        folded=sum(len(finding.related) for finding in findings),
    )


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def summary_line(summary: Summary) -> str:
    """``3 findings: 1 error, 2 warnings in 2 of 5 files (4 folded, 1 suppressed)`` or ``no findings in 3 files``.

    Folded findings are those other findings explain (qa/fold.py): not counted among the findings."""
    if summary.findings == 0:
        line = f"no findings in {plural(summary.files, 'file')}"
    else:
        counts = ", ".join(
            plural(count, severity)
            for severity, count in (("error", summary.error), ("warning", summary.warning), ("note", summary.note))
            if count
        )
        if summary.files_with_findings == summary.files:
            where = plural(summary.files, "file")
        else:
            where = f"{summary.files_with_findings} of {plural(summary.files, 'file')}"
        line = f"{plural(summary.findings, 'finding')}: {counts} in {where}"
    notes = [f"{summary.folded} folded"] if summary.folded else []
    if summary.suppressed:
        notes.append(f"{summary.suppressed} suppressed")
    if notes:
        line += f" ({', '.join(notes)})"
    return line


def message_with_suggestion(finding: Finding) -> str:
    """The message for formats with one text field (SARIF, GitHub): the fix goes after it."""
    if finding.suggestion:
        return f"{finding.message} (suggestion: {finding.suggestion})"
    return finding.message


def rule_name(finding: Finding, rules: Mapping[str, type[Rule]]) -> str:
    """The finding's rule name; the rule class's if the finding does not carry one."""
    if finding.name:
        return finding.name
    rule = rules.get(finding.code)
    return rule.name if rule is not None else ""
