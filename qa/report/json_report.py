"""The JSON reporter: one document per run, in the versioned schema of docs/json-format.md.

The schema itself is qa/report/json-schema.json. Bump ``SCHEMA_VERSION`` when a field is
removed, renamed or changes meaning; adding a field keeps the version.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from itertools import islice
from json.encoder import encode_basestring as _encode_string  # C; quotes and escapes, keeps non-ASCII
from typing import TYPE_CHECKING, Any, TextIO

from qa.model import Finding
from qa.report import Reporter, Summary, rule_name, summarise

if TYPE_CHECKING:
    from qa.rules.base import Rule

SCHEMA_VERSION = 2
#: How many characters of the side's text each finding shows before and after its span.
CONTEXT_CHARS = 40
_BACKSLASH = "\\"


class JsonReporter(Reporter):
    def emit(self, findings: Sequence[Finding], rules: Mapping[str, type[Rule]], stream: TextIO) -> None:
        self.emit_stream(findings, summarise(findings, self.files, self.suppressed), rules, stream)

    def emit_stream(
        self,
        findings: Iterable[Finding],
        summary: Summary,
        rules: Mapping[str, type[Rule]],
        stream: TextIO,
        numbers: PairNumbers | None = None,
    ) -> None:
        """``emit`` for findings read one at a time (``qa check`` a chunk at a time: qa/streaming.py),
        whose ``summary`` is known beforehand; ``numbers`` keeps the pairs' texts (default: in memory)."""
        document = self.document((), rules, records=False, summary=summary)
        del document["findings"], document["pairs"]
        # Pretty-printed, except that each finding (and each pair) is one line: readable, greppable, and
        # written by json's C encoder (an indented dump runs in pure Python, which took longer than the
        # checking for a run with a million findings).
        head = json.dumps(document, ensure_ascii=False, indent=2)[:-2]  # without the closing "\n}"
        stream.write(head + ',\n  "findings": [')
        separator = ",\n    "
        writer = _LineWriter(rules, numbers)
        findings = iter(findings)
        first = True
        while batch := list(islice(findings, 1000)):  # a thousand lines a write
            lines = separator.join([writer.line(finding) for finding in batch])
            stream.write(("\n    " if first else separator) + lines)
            first = False
        stream.write("\n  ],\n" if not first else "],\n")
        stream.write('  "pairs": [')
        written = writer.numbers.write_lines(stream, separator)
        stream.write("\n  ]\n}\n" if written else "]\n}\n")

    def document(
        self,
        findings: Sequence[Finding],
        rules: Mapping[str, type[Rule]],
        records: bool = True,
        summary: Summary | None = None,
    ) -> dict[str, Any]:
        """The whole output as plain data (what ``emit`` serialises; without the findings' records and
        the pairs when ``records`` is false, as ``emit`` makes them a thousand at a time)."""
        summary = summary or summarise(findings, self.files, self.suppressed)
        document: dict[str, Any] = {
            "version": SCHEMA_VERSION,
            "tool": {"name": "qa", "version": self.version},
            "summary": {
                "files": summary.files,
                "findings": summary.findings,
                "error": summary.error,
                "warning": summary.warning,
                "note": summary.note,
                "suppressed": summary.suppressed,
                "folded": summary.folded,
            },
            "findings": [],
            "pairs": [],
        }
        if records:
            numbers = PairNumbers()
            document["findings"] = [finding_record(finding, rules, numbers.of(finding)) for finding in findings]
            document["pairs"] = [{"zh": zh, "en": en} for zh, en in numbers.pairs]
        return document


class PairNumbers:
    """Numbers the texts of the pairs findings are about, in the order they first appear: a pair's
    texts are written once, in ``pairs``, however many findings it has."""

    def __init__(self) -> None:
        self.pairs: list[tuple[str, str]] = []
        self._numbers: dict[tuple[str, str], int] = {}
        self._last: tuple[str, str, int] | None = None  # the last pair: most findings follow one of their pair

    def of(self, finding: Finding) -> int:
        evidence = finding.evidence
        last = self._last
        if last is not None and last[0] is evidence.zh and last[1] is evidence.en:
            return last[2]
        texts = (evidence.zh, evidence.en)
        number = self._numbers.get(texts, -1)
        if number < 0:
            number = self._numbers[texts] = len(self.pairs)
            self.pairs.append(texts)
        self._last = (evidence.zh, evidence.en, number)
        return number

    def write_lines(self, stream: TextIO, separator: str) -> int:
        """Write the ``pairs`` lines of the JSON output, a thousand a write; how many were written."""
        pairs = self.pairs
        for first in range(0, len(pairs), 1000):
            lines = separator.join([_pair_line(zh, en) for zh, en in pairs[first : first + 1000]])
            stream.write(("\n    " if first == 0 else separator) + lines)
        return len(pairs)


def context(finding: Finding) -> tuple[str, str]:
    """Up to CONTEXT_CHARS characters of the side's text before and after the finding's span."""
    evidence = finding.evidence
    text = evidence.zh if evidence.side == "zh" else evidence.en
    start, end = evidence.start, evidence.end
    return text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]


def other_span(finding: Finding) -> dict[str, Any] | None:
    """The span the finding names on the other side of its pair, if it names one."""
    evidence = finding.evidence
    if evidence.other_start < 0:
        return None
    text = evidence.en if evidence.side == "zh" else evidence.zh
    return {
        "start": evidence.other_start,
        "end": evidence.other_end,
        "text": text[evidence.other_start : evidence.other_end],
    }


def related_record(finding: Finding, rules: Mapping[str, type[Rule]]) -> dict[str, Any]:
    """A folded finding, inside the finding that explains it: where and what, without the pair's texts."""
    evidence = finding.evidence
    record = _where_and_what(finding, rules)
    record["evidence"] = {"side": evidence.side, "start": evidence.start, "end": evidence.end, "text": evidence.text}
    return record


def _where_and_what(finding: Finding, rules: Mapping[str, type[Rule]]) -> dict[str, Any]:
    """The fields every finding record starts with, in the schema's order."""
    location = finding.location
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
    }


def finding_record(finding: Finding, rules: Mapping[str, type[Rule]], pair: int) -> dict[str, Any]:
    """One finding as plain data; ``pair`` is the number of its pair's texts in ``pairs``. ``evidence.other``
    and ``related`` are there only when the finding has them."""
    record = _finding_record(finding, rules, pair)
    other = other_span(finding)
    if other is not None:
        record["evidence"]["other"] = other
    if finding.related:
        record["related"] = [related_record(item, rules) for item in finding.related]
    return record


def _finding_record(finding: Finding, rules: Mapping[str, type[Rule]], pair: int) -> dict[str, Any]:
    evidence = finding.evidence
    before, after = context(finding)
    record = _where_and_what(finding, rules)
    record["evidence"] = {
        "side": evidence.side,
        "start": evidence.start,
        "end": evidence.end,
        "text": evidence.text,
        "before": before,
        "after": after,
        "pair": pair,
    }
    return record


def _pair_line(zh: str, en: str) -> str:
    """``json.dumps({"zh": zh, "en": en}, ensure_ascii=False)``, through the C string encoder."""
    return f'{{"zh": {_encode_string(zh)}, "en": {_encode_string(en)}}}'


class _LineWriter:
    """One finding as the one line of JSON that ``json.dumps(finding_record(...), ensure_ascii=False)``
    writes, three times as fast: strings go through json's C string encoder. A test holds the two equal.
    ``pairs`` collects the texts of the findings' pairs, numbered as the lines name them.
    """

    def __init__(self, rules: Mapping[str, type[Rule]], numbers: PairNumbers | None = None) -> None:
        self.rules = rules
        self.numbers = self._numbers = numbers or PairNumbers()

    def line(self, finding: Finding) -> str:
        string = _encode_string
        location, evidence = finding.location, finding.evidence
        before, after = context(finding)
        suggestion = "null" if finding.suggestion is None else string(finding.suggestion)
        return (
            f'{{"code": {string(finding.code)}, "name": {string(rule_name(finding, self.rules))}, '
            f'"severity": {string(finding.severity)}, "message": {string(finding.message)}, '
            f'"suggestion": {suggestion}, "path": {string(location.path.replace(_BACKSLASH, "/"))}, '
            f'"line": {location.line}, "column": {location.column}, '
            f'"end_line": {location.end_line}, "end_column": {location.end_column}, '
            f'"fingerprint": {string(finding.fingerprint)}, "evidence": {{"side": {string(evidence.side)}, '
            f'"start": {evidence.start}, "end": {evidence.end}, "text": {string(evidence.text)}, '
            f'"before": {string(before)}, "after": {string(after)}, "pair": {self._numbers.of(finding)}'
            f"{self._other(finding)}}}{self._related(finding)}}}"
        )

    @staticmethod
    def _other(finding: Finding) -> str:
        other = other_span(finding)
        return "" if other is None else ', "other": ' + json.dumps(other, ensure_ascii=False)

    def _related(self, finding: Finding) -> str:
        if not finding.related:
            return ""
        records = [related_record(item, self.rules) for item in finding.related]
        return ', "related": ' + json.dumps(records, ensure_ascii=False)
