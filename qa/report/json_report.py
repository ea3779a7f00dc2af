"""The JSON reporter: one document per run, in the versioned schema of docs/json-format.md.

The schema itself is qa/report/json-schema.json. Bump ``SCHEMA_VERSION`` when a field is
removed, renamed or changes meaning; adding a field keeps the version.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from json.encoder import encode_basestring as _encode_string  # C; quotes and escapes, keeps non-ASCII
from typing import TYPE_CHECKING, Any, TextIO

from qa.model import Finding
from qa.report import Reporter, rule_name, summarise

if TYPE_CHECKING:
    from qa.rules.base import Rule

SCHEMA_VERSION = 1
_BACKSLASH = "\\"


class JsonReporter(Reporter):
    def emit(self, findings: Sequence[Finding], rules: Mapping[str, type[Rule]], stream: TextIO) -> None:
        document = self.document(findings, rules, records=False)
        del document["findings"]
        # Pretty-printed, except that each finding is one line: readable, greppable, and written by
        # json's C encoder (an indented dump runs in pure Python, which took longer than the checking
        # for a run with a million findings).
        head = json.dumps(document, ensure_ascii=False, indent=2)[:-2]  # without the closing "\n}"
        stream.write(head + ',\n  "findings": [')
        separator = ",\n    "
        line = _LineWriter(rules).line
        for first in range(0, len(findings), 1000):  # a thousand lines a write
            lines = separator.join([line(finding) for finding in findings[first : first + 1000]])
            stream.write(("\n    " if first == 0 else separator) + lines)
        stream.write("\n  ]\n}\n" if findings else "]\n}\n")

    def document(
        self, findings: Sequence[Finding], rules: Mapping[str, type[Rule]], records: bool = True
    ) -> dict[str, Any]:
        """The whole output as plain data (what ``emit`` serialises; without the findings' records
        when ``records`` is false, as ``emit`` makes them a thousand at a time)."""
        summary = summarise(findings, self.files, self.suppressed)
        return {
            "version": SCHEMA_VERSION,
            "tool": {"name": "qa", "version": self.version},
            "summary": {
                "files": summary.files,
                "findings": summary.findings,
                "error": summary.error,
                "warning": summary.warning,
                "note": summary.note,
                "suppressed": summary.suppressed,
            },
            "findings": [finding_record(finding, rules) for finding in findings] if records else [],
        }


def finding_record(finding: Finding, rules: Mapping[str, type[Rule]]) -> dict[str, Any]:
    location, evidence = finding.location, finding.evidence
    return {
        "code": finding.code,
        "name": rule_name(finding, rules),
        "severity": finding.severity,
        "message": finding.message,
        "suggestion": finding.suggestion,
        "path": location.path.replace("\\", "/"),
        "line": location.line,
        "column": location.column,
        "end_line": location.end_line,
        "end_column": location.end_column,
        "fingerprint": finding.fingerprint,
        "evidence": {
            "side": evidence.side,
            "start": evidence.start,
            "end": evidence.end,
            "text": evidence.text,
            "zh": evidence.zh,
            "en": evidence.en,
        },
    }


class _LineWriter:
    """One finding as the one line of JSON that ``json.dumps(finding_record(...), ensure_ascii=False)``
    writes, three times as fast: strings go through json's C string encoder, and a pair's Chinese
    and English (several findings in a row share them) are encoded once. A test holds the two equal.
    """

    def __init__(self, rules: Mapping[str, type[Rule]]) -> None:
        self.rules = rules
        self._zh = self._en = ("", '""')  # the last text and its encoding

    def line(self, finding: Finding) -> str:
        string = _encode_string
        location, evidence = finding.location, finding.evidence
        zh, en = self._zh, self._en
        if zh[0] is not evidence.zh:
            zh = self._zh = (evidence.zh, string(evidence.zh))
        if en[0] is not evidence.en:
            en = self._en = (evidence.en, string(evidence.en))
        suggestion = "null" if finding.suggestion is None else string(finding.suggestion)
        return (
            f'{{"code": {string(finding.code)}, "name": {string(rule_name(finding, self.rules))}, '
            f'"severity": {string(finding.severity)}, "message": {string(finding.message)}, '
            f'"suggestion": {suggestion}, "path": {string(location.path.replace(_BACKSLASH, "/"))}, '
            f'"line": {location.line}, "column": {location.column}, '
            f'"end_line": {location.end_line}, "end_column": {location.end_column}, '
            f'"fingerprint": {string(finding.fingerprint)}, "evidence": {{"side": {string(evidence.side)}, '
            f'"start": {evidence.start}, "end": {evidence.end}, "text": {string(evidence.text)}, '
            f'"zh": {zh[1]}, "en": {en[1]}}}}}'
        )
