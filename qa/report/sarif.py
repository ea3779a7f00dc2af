"""The SARIF 2.1.0 reporter, for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver.rules`` documents the selected rules from their docstrings, and
each result points at its rule by ``ruleId`` and ``ruleIndex``. Paths are relative URIs
against ``%SRCROOT%``, the repository root (the git top level above the working directory,
else the working directory; see qa/report/locations.py), declared in the run's
``originalUriBaseIds``: that is what GitHub code scanning places, from whatever folder qa
ran. The output holds no timestamps, and no absolute paths but those of files outside the
repository, so it is the same on every machine.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
import tempfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO
from urllib.parse import quote

from qa.model import Finding, severity_rank
from qa.report import Reporter, message_with_suggestion, rule_name
from qa.report.locations import repository_path

if TYPE_CHECKING:
    from qa.rules.base import Rule

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/qa-linter/qa"
FINGERPRINT_KEY = "qaFingerprint/v1"
SOURCE_ROOT = "%SRCROOT%"

# GitHub code scanning's upload limits (docs.github.com, "SARIF support for code scanning"):
# a run may hold at most 25,000 results, and the file at most 10 MB once gzip-compressed.
# Beyond them the upload is rejected, so the log is capped, keeping the most severe results.
MAX_RESULTS_PER_RUN = 25_000
MAX_GZIP_BYTES = 10 * 1024 * 1024
CAPPED_NOTIFICATION_ID = "results-capped"
#: Where the results go in a log written a result at a time (SarifReporter.emit_stream), and their indent.
_RESULTS = "\x01results\x01"
_RESULT_INDENT = " " * 8

# Characters a URI path may hold unescaped (RFC 3986 pchar and "/"), except ":", which in
# a relative reference's first segment would read as a scheme.
_URI_PATH_SAFE = "/!$&'()*+,;=@-._~"
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:/")


class SarifReporter(Reporter):
    def emit(self, findings: Sequence[Finding], rules: Mapping[str, type[Rule]], stream: TextIO) -> None:
        counts = Counter(finding.severity for finding in findings)
        self.emit_stream(lambda: iter(findings), counts, rules, stream)

    def emit_stream(
        self,
        read: Callable[[], Iterable[Finding]],
        counts: Mapping[str, int],
        rules: Mapping[str, type[Rule]],
        stream: TextIO,
    ) -> None:
        """The log of the findings ``read()`` gives (anew each time it is called, in order), of which there
        are ``counts`` per severity, written a result at a time: what ``json.dumps(self.log(...),
        ensure_ascii=False, indent=2)`` writes, byte for byte, without the log in memory (qa/streaming.py
        writes millions of findings so). The text goes to a temporary file and is compressed as it goes;
        over GitHub's gzip limit, the log is written again with a tenth fewer results, until it fits."""
        total = sum(counts.values())
        kept = min(total, MAX_RESULTS_PER_RUN)
        with tempfile.TemporaryFile(prefix="qa-sarif-") as spool:
            while True:
                spool.seek(0)
                spool.truncate()
                size = self._write(read, counts, kept, total, rules, spool)
                if size <= MAX_GZIP_BYTES or kept == 0:
                    break
                kept = kept * 9 // 10  # shrink by a tenth until it fits: a handful of rounds even at 25,000 results
            if kept < total:
                sys.stderr.write(f"qa: warning: {capped_message(kept, total)}\n")
            spool.seek(0)
            decoder = codecs.getincrementaldecoder("utf-8")()
            while chunk := spool.read(1 << 20):
                stream.write(decoder.decode(chunk))
            stream.write(decoder.decode(b"", final=True))

    def _write(
        self,
        read: Callable[[], Iterable[Finding]],
        counts: Mapping[str, int],
        kept: int,
        total: int,
        rules: Mapping[str, type[Rule]],
        spool: BinaryIO,
    ) -> int:
        """Write the log with ``kept`` results into ``spool``; its size once gzip-compressed (as
        ``gzip.compress(text, compresslevel=6)`` would make it: a header, raw deflate, a trailer)."""
        quota = _quotas(counts, kept)
        shown: list[Finding] = []  # the findings of the paths and rules only the results name, one of each
        paths: dict[str, None] = dict.fromkeys(self.files)
        codes: set[str] = set()
        for finding in _selected(read(), quota):
            if finding.location.path not in paths or finding.code not in codes:
                paths.setdefault(finding.location.path)
                codes.add(finding.code)
                shown.append(finding)
        log = self.log(shown, rules, limit=len(shown), total=len(shown), results=False)
        run = log["runs"][0]
        if kept < total:
            _capped(run, kept, total)
        rule_index = {descriptor["id"]: index for index, descriptor in enumerate(run["tool"]["driver"]["rules"])}
        rooted = {path: repository_path(path) for path in paths}
        index_of = {path: index for index, path in enumerate(dict.fromkeys(rooted.values()))}
        artifact_index = {path: index_of[rooted[path]] for path in paths}
        head, tail = json.dumps(log, ensure_ascii=False, indent=2).split(json.dumps(_RESULTS))
        compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
        size = 18  # gzip's header and trailer

        def write(text: str) -> None:
            nonlocal size
            data = text.encode("utf-8")
            spool.write(data)
            size += len(compressor.compress(data))

        if not kept:
            write(head + "[]" + tail + "\n")
        else:
            write(head + "[")
            newline = "\n" + _RESULT_INDENT
            separator = newline
            pieces: list[str] = []
            for finding in _selected(read(), quota):
                path = finding.location.path
                record = result(finding, rules, rule_index[finding.code], artifact_index[path], rooted[path])
                pieces.append(separator + json.dumps(record, ensure_ascii=False, indent=2).replace("\n", newline))
                separator = "," + newline
                if len(pieces) == 500:
                    write("".join(pieces))
                    pieces.clear()
            write("".join(pieces) + "\n" + _RESULT_INDENT[:-2] + "]" + tail + "\n")
        return size + len(compressor.flush())

    def log(
        self,
        findings: Sequence[Finding],
        rules: Mapping[str, type[Rule]],
        limit: int | None = None,
        total: int | None = None,
        results: bool = True,
    ) -> dict[str, Any]:
        """The whole SARIF log as plain data (what ``emit`` serialises), with at most ``limit``
        results (default: GitHub's limit per run); ``total``: how many findings the run has, when
        ``findings`` are not all of them. Without ``results``, the results are a placeholder string."""
        total = len(findings) if total is None else total
        findings = most_severe(findings, MAX_RESULTS_PER_RUN if limit is None else limit)
        descriptors = rule_descriptors(findings, rules)
        rule_index = {descriptor["id"]: index for index, descriptor in enumerate(descriptors)}
        shown_paths = list(dict.fromkeys([*self.files, *(finding.location.path for finding in findings)]))
        rooted = {path: repository_path(path) for path in shown_paths}  # as code scanning places them
        artifact_paths = list(dict.fromkeys(rooted.values()))
        index_of = {path: index for index, path in enumerate(artifact_paths)}
        artifact_index = {path: index_of[rooted[path]] for path in shown_paths}
        artifacts = [{"location": artifact_location(path)} for path in artifact_paths]
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": "qa",
                    "version": self.version,
                    "informationUri": INFORMATION_URI,
                    "rules": descriptors,
                }
            },
            "artifacts": artifacts,
            "results": [
                result(
                    finding,
                    rules,
                    rule_index[finding.code],
                    artifact_index[finding.location.path],
                    rooted[finding.location.path],
                )
                for finding in findings
            ]
            if results
            else _RESULTS,
            "columnKind": "unicodeCodePoints",
        }
        if any("uriBaseId" in artifact["location"] for artifact in artifacts):
            # no "uri": the root's absolute path differs per machine; a viewer (GitHub) knows its checkout
            run["originalUriBaseIds"] = {
                SOURCE_ROOT: {"description": {"text": "The repository root (the git top level) that qa ran in."}}
            }
        if len(findings) < total:
            _capped(run, len(findings), total)
        return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _capped(run: dict[str, Any], kept: int, total: int) -> None:
    """Say in the log itself that results are missing, so a viewer of the upload knows."""
    run["invocations"] = [
        {
            "executionSuccessful": True,
            "toolExecutionNotifications": [
                {
                    "descriptor": {"id": CAPPED_NOTIFICATION_ID},
                    "level": "warning",
                    "message": {"text": capped_message(kept, total)},
                }
            ],
        }
    ]
    run["properties"] = {"resultsCapped": True, "resultsTotal": total, "resultsKept": kept}


def _quotas(counts: Mapping[str, int], limit: int) -> dict[str, int]:
    """How many findings of each severity the ``limit`` most severe hold: errors, then warnings, then notes."""
    quota: dict[str, int] = {}
    for severity in sorted(counts, key=severity_rank):
        quota[severity] = min(limit, counts[severity])
        limit -= quota[severity]
    return quota


def _selected(findings: Iterable[Finding], quota: Mapping[str, int]) -> Iterator[Finding]:
    """The findings ``most_severe`` keeps, read in order: the first ``quota[severity]`` of each severity."""
    left = dict(quota)
    for finding in findings:
        if left.get(finding.severity, 0) > 0:
            left[finding.severity] -= 1
            yield finding


def most_severe(findings: Sequence[Finding], limit: int) -> Sequence[Finding]:
    """At most ``limit`` findings, errors before warnings before notes, in their original order."""
    if len(findings) <= limit:
        return findings
    ranked = sorted(range(len(findings)), key=lambda index: (severity_rank(findings[index].severity), index))
    return [findings[index] for index in sorted(ranked[:limit])]


def capped_message(kept: int, total: int) -> str:
    return (
        f"SARIF output capped at {kept:,} of {total:,} results to stay within GitHub code scanning's limits "
        f"({MAX_RESULTS_PER_RUN:,} results per run, {MAX_GZIP_BYTES / 1024 / 1024:g} MB gzip-compressed); "
        "the most severe were kept; use --format json for all of them"
    )


def rule_descriptors(findings: Sequence[Finding], rules: Mapping[str, type[Rule]]) -> list[dict[str, Any]]:
    """``driver.rules``: the selected rules sorted by code, plus any rule a finding names that
    is not among them (which should not happen, but must not make the log invalid)."""
    descriptors = {code: rule_descriptor(code, rule) for code, rule in rules.items()}
    for finding in findings:
        if finding.code not in descriptors:
            descriptors[finding.code] = {
                "id": finding.code,
                "name": rule_name(finding, rules) or finding.code,
                "shortDescription": {"text": rule_name(finding, rules) or finding.code},
            }
    return [descriptors[code] for code in sorted(descriptors)]


def rule_descriptor(code: str, rule: type[Rule]) -> dict[str, Any]:
    summary = rule.summary() or rule.name
    documentation = rule.doc() or summary
    return {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": rule.description() or summary},
        "help": {"text": documentation, "markdown": documentation},
        "defaultConfiguration": {"level": rule.severity},
    }


def result(
    finding: Finding,
    rules: Mapping[str, type[Rule]],
    rule_index: int,
    artifact_index: int,
    path: str | None = None,
) -> dict[str, Any]:
    """One result; ``path`` is the finding's file relative to the repository root (default: as shown)."""
    location, evidence = finding.location, finding.evidence
    start_line = max(location.line, 1)
    start_column = max(location.column, 1)
    region: dict[str, Any] = {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": max(location.end_line, start_line),
        "endColumn": max(location.end_column, 1),
    }
    if evidence.text:
        region["snippet"] = {"text": evidence.text}
    properties: dict[str, Any] = {"name": rule_name(finding, rules), "side": evidence.side}
    if finding.suggestion:
        properties["suggestion"] = finding.suggestion
    sarif_result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": finding.severity,
        "message": {"text": message_with_suggestion(finding)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {**artifact_location(path or location.path), "index": artifact_index},
                    "region": region,
                }
            }
        ],
        "properties": properties,
    }
    if finding.fingerprint:
        sarif_result["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    if finding.related:  # the findings this one explains (qa/fold.py): one mistake, one result
        sarif_result["relatedLocations"] = [
            related_location(item, number, artifact_index, path) for number, item in enumerate(finding.related, 1)
        ]
        properties["folded"] = len(finding.related)
    return sarif_result


def related_location(finding: Finding, number: int, artifact_index: int, path: str | None) -> dict[str, Any]:
    """A folded finding as a ``relatedLocations`` entry of the result that explains it: its place,
    and its rule and message as the location's message."""
    location = finding.location
    start_line = max(location.line, 1)
    region = {
        "startLine": start_line,
        "startColumn": max(location.column, 1),
        "endLine": max(location.end_line, start_line),
        "endColumn": max(location.end_column, 1),
    }
    uri = artifact_location(path or location.path)
    return {
        "id": number,
        "physicalLocation": {"artifactLocation": {**uri, "index": artifact_index}, "region": region},
        "message": {"text": f"{finding.code} {message_with_suggestion(finding)}"},
    }


def artifact_location(path: str) -> dict[str, str]:
    """A file's ``artifactLocation`` from its path relative to the repository root: a relative
    URI under %SRCROOT%, or a file: URI for an absolute path (a file outside it). Spaces and
    non-ASCII characters are percent-encoded, as a URI requires."""
    posix_path = path.replace("\\", "/")
    if posix_path.startswith("/"):
        return {"uri": "file://" + quote(posix_path, safe=_URI_PATH_SAFE)}
    if _WINDOWS_DRIVE.match(posix_path):
        return {"uri": "file:///" + posix_path[:2] + quote(posix_path[2:], safe=_URI_PATH_SAFE)}
    if posix_path.startswith("./"):
        posix_path = posix_path[2:]
    return {"uri": quote(posix_path, safe=_URI_PATH_SAFE), "uriBaseId": SOURCE_ROOT}
