"""The JSON reporter: one document per run, in the versioned schema of docs/json-format.md.

The schema itself is qa/report/json-schema.json. Bump ``SCHEMA_VERSION`` when a field is
removed, renamed or changes meaning; adding a field keeps the version.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from qa.model import Finding
from qa.report import Reporter, rule_name, summarise

if TYPE_CHECKING:
    from qa.rules.base import Rule

SCHEMA_VERSION = 1


class JsonReporter(Reporter):
    def emit(self, findings: Sequence[Finding], rules: Mapping[str, type[Rule]], stream: TextIO) -> None:
        document = self.document(findings, rules)
        records = document.pop("findings")
        # Pretty-printed, except that each finding is one line: readable, greppable, and written by
        # json's C encoder (an indented dump runs in pure Python, which took longer than the checking
        # for a run with a million findings).
        head = json.dumps(document, ensure_ascii=False, indent=2)[:-2]  # without the closing "\n}"
        stream.write(head + ',\n  "findings": [')
        encode = json.JSONEncoder(ensure_ascii=False).encode
        for number, record in enumerate(records):
            stream.write(("\n    " if number == 0 else ",\n    ") + encode(record))
        stream.write("\n  ]\n}\n" if records else "]\n}\n")

    def document(self, findings: Sequence[Finding], rules: Mapping[str, type[Rule]]) -> dict[str, Any]:
        """The whole output as plain data (what ``emit`` serialises)."""
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
            "findings": [finding_record(finding, rules) for finding in findings],
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
