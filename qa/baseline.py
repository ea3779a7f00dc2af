"""Baselines: record today's findings, then report only new ones.

A baseline file lists findings by fingerprint (see ``qa.model.fingerprint``: rule
code, whitespace-normalised pair text, the finding's key and its occurrence), so an
entry keeps matching when lines move, pairs are added or removed elsewhere, or a
paragraph is reflowed, and stops matching when the pair's text changes.

The file is JSON, written atomically (``qa.output``), sorted by (path, code, fingerprint) and free of
line numbers and timestamps, so regenerating it on unchanged input gives the same
bytes, and a change to the input changes only the entries it touches::

    {
      "version": 1,
      "findings": [
        {"path": "seeds/000.txt", "code": "NUM001", "fingerprint": "…", "message": "…"}
      ]
    }

``path`` is relative to the folder holding the baseline file (POSIX separators), so
the same baseline works from any working directory. ``message`` is for the reader of
a diff; matching uses only path, code and fingerprint.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from qa.model import Finding

BASELINE_VERSION = 1
DEFAULT_BASELINE = ".qa-baseline.json"


class BaselineError(Exception):
    """An unreadable or invalid baseline file: one line, exit code 2."""


@dataclass(frozen=True, order=True)
class BaselineEntry:
    path: str  # relative to the baseline file's folder, POSIX separators
    code: str
    fingerprint: str
    message: str = ""

    @property
    def identity(self) -> tuple[str, str, str]:
        """What matching compares: the message may change wording without making a finding new."""
        return (self.path, self.code, self.fingerprint)

    def to_json(self) -> dict[str, str]:
        return {"path": self.path, "code": self.code, "fingerprint": self.fingerprint, "message": self.message}


@dataclass(frozen=True)
class Baseline:
    entries: tuple[BaselineEntry, ...]
    root: Path  # the folder paths are relative to

    def relative(self, path: str) -> str:
        return baseline_path(path, self.root)


@dataclass(frozen=True)
class Comparison:
    """The result of holding a run's findings against a baseline."""

    new: tuple[Finding, ...]  # not in the baseline: reported
    baselined: tuple[Finding, ...]  # in the baseline: not reported (counted as suppressed)
    stale: tuple[BaselineEntry, ...]  # in the baseline, for a checked file and rule, but no longer found


def baseline_path(path: str, root: Path) -> str:
    """A finding's path (as displayed: relative to the working directory, or absolute) made
    relative to ``root``; an absolute path is kept if it is not below ``root``."""
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(root.resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def entries_for(findings: Iterable[Finding], root: Path) -> list[BaselineEntry]:
    paths: dict[str, str] = {}
    entries = []
    for finding in findings:
        path = finding.location.path
        if path not in paths:
            paths[path] = baseline_path(path, root)
        entries.append(BaselineEntry(paths[path], finding.code, finding.fingerprint, finding.message))
    return sorted(entries)


def render(entries: Sequence[BaselineEntry]) -> str:
    document = {"version": BASELINE_VERSION, "findings": [entry.to_json() for entry in sorted(entries)]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def save(findings: Iterable[Finding], path: Path) -> list[BaselineEntry]:
    """Record ``findings`` in the baseline file ``path``; returns the entries written.

    Written as every file qa writes is (``qa.output``): atomically, keeping an existing
    file's mode, never renaming over a device or FIFO. Raises OutputError naming ``path``."""
    from qa.output import check_output, write_text

    check_output(path)
    entries = entries_for(findings, path.parent if str(path.parent) else Path("."))
    write_text(path, render(entries))
    return entries


def load(path: Path) -> Baseline:
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(
            f"{where}: baseline file not found (create it with `qa baseline PATH... -o {where}`)"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise BaselineError(f"{where}: cannot read baseline: {getattr(error, 'strerror', None) or error}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise BaselineError(f"{where}: not valid JSON: {error}") from None
    if not isinstance(document, dict) or "findings" not in document:
        raise BaselineError(f"{where}: not a qa baseline (no \"findings\" list)")
    if document.get("version") != BASELINE_VERSION:
        raise BaselineError(
            f"{where}: unsupported baseline version {document.get('version')!r} (expected {BASELINE_VERSION})"
        )
    records = document["findings"]
    if not isinstance(records, list):
        raise BaselineError(f"{where}: \"findings\" must be a list")
    entries = []
    for number, record in enumerate(records, 1):
        if not isinstance(record, dict) or not all(
            isinstance(record.get(key), str) for key in ("path", "code", "fingerprint")
        ):
            raise BaselineError(f"{where}: entry {number} needs string fields path, code and fingerprint")
        message = record.get("message", "")
        message = message if isinstance(message, str) else ""
        entries.append(BaselineEntry(record["path"], record["code"], record["fingerprint"], message))
    folder = path.parent if str(path.parent) else Path(".")
    return Baseline(tuple(entries), folder)


def compare(
    findings: Sequence[Finding], baseline: Baseline, *, checked_paths: Iterable[str], codes: Iterable[str]
) -> Comparison:
    """Split ``findings`` into new ones and baselined ones, and list the stale entries.

    Matching is a multiset match on (path, code, fingerprint). An entry is stale only
    if its file was checked and its rule ran (``checked_paths``, ``codes``): checking
    one file, or one family of rules, does not make the rest of the baseline stale.
    """
    matcher = BaselineMatcher(baseline)
    new, baselined = matcher.split(findings)
    return Comparison(tuple(new), tuple(baselined), matcher.stale(checked_paths, codes))


class BaselineMatcher:
    """``compare`` a run's findings a part at a time (in order), for a file checked a chunk at a time:
    ``split`` each part, then ask for the ``stale`` entries once, at the end."""

    def __init__(self, baseline: Baseline) -> None:
        self.baseline = baseline
        self.available = Counter(entry.identity for entry in baseline.entries)
        self._paths: dict[str, str] = {}

    def split(self, findings: Iterable[Finding]) -> tuple[list[Finding], list[Finding]]:
        """The new findings and the baselined ones of ``findings``."""
        available, paths, baseline = self.available, self._paths, self.baseline
        new: list[Finding] = []
        baselined: list[Finding] = []
        for finding in findings:
            path = finding.location.path
            if path not in paths:
                paths[path] = baseline.relative(path)
            identity = (paths[path], finding.code, finding.fingerprint)
            if available[identity] > 0:
                available[identity] -= 1
                baselined.append(finding)
            else:
                new.append(finding)
        return new, baselined

    def stale(self, checked_paths: Iterable[str], codes: Iterable[str]) -> tuple[BaselineEntry, ...]:
        baseline, available = self.baseline, self.available
        checked = {baseline.relative(path) for path in checked_paths}
        selected = set(codes)
        stale = []
        for entry in sorted(baseline.entries):
            if available[entry.identity] > 0 and entry.path in checked and entry.code in selected:
                available[entry.identity] -= 1
                stale.append(entry)
        return tuple(stale)
