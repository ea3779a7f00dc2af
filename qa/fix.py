"""``qa check --fix`` and ``--diff``: the fixes that cannot change meaning, applied in the file itself.

A rule offers a fix (``Hit.fix``) only where the change is typographic: a missing space after a
full stop (TXT002), full-width punctuation in English (TXT001), doubled, stray or invisible
whitespace (TXT003), ASCII punctuation in a Chinese translation (TXT004), a space beside Chinese
punctuation (TXT005). A fix is applied only where the file holds the finding's text at the
finding's line and columns, character for character: in a PO string or an XLIFF element whose
text there is written with an escape, an entity or a tag, the fix is left for a person. So every
format is fixed the same way and nothing else in the file changes: the file is decoded with its
own encoding, the spans are replaced, and it is encoded again (with its BOM and line ends); a file
that would not come back byte for byte is not touched. Fixes that overlap are applied first
come, first served. The file is replaced atomically and keeps its mode.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from qa.model import Finding
from qa.output import OutputError
from qa.readers.decoding import decode
from qa.readers.errors import InputError

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


@dataclass
class FileFixes:
    """What fixing one file does: its old and new text, and the findings fixed."""

    path: Path
    old: str
    new: str
    fixed: list[Finding] = field(default_factory=list)
    encoded: bytes = b""


def plan_fixes(findings: Iterable[Finding], files: dict[str, Path], encoding: str | None = None) -> list[FileFixes]:
    """The fixes of ``findings`` per file (``files`` maps a finding's path to the file), in path order.
    Files whose fixes all fail to apply are left out."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.fix is not None and finding.location.path in files:
            by_path.setdefault(finding.location.path, []).append(finding)
    plans = []
    for shown in sorted(by_path):
        plan = _plan_file(files[shown], by_path[shown], encoding)
        if plan is not None and plan.fixed:
            plans.append(plan)
    return plans


def _plan_file(path: Path, findings: list[Finding], encoding: str | None) -> FileFixes | None:
    data = path.read_bytes()
    try:
        text, used = decode(data, encoding)
    except InputError:  # a file qa could read a moment ago: leave it as it is
        return None
    if _encode(text, used) != data:
        return None  # would not come back byte for byte (a lossy codec, a BOM of another byte order)
    lines = _LINE.findall(text)
    edits: dict[int, list[tuple[int, int, str, Finding]]] = {}
    for finding in sorted(findings, key=Finding.sort_key):
        location, evidence = finding.location, finding.evidence
        if location.line != location.end_line or not 0 < location.line <= len(lines):
            continue
        start, end = location.column - 1, location.end_column - 1
        if lines[location.line - 1][start:end] != evidence.text or end <= start:
            continue  # the file writes this text otherwise (an escape, an entity, a tag): not ours to touch
        taken = edits.setdefault(location.line, [])
        if any(start < other_end and other_start < end for other_start, other_end, _, _ in taken):
            continue  # overlaps a fix already planned: the next run takes it
        taken.append((start, end, finding.fix or "", finding))
    fixed: list[Finding] = []
    new_lines = list(lines)
    for number, line_edits in edits.items():
        line = new_lines[number - 1]
        for start, end, replacement, finding in sorted(line_edits, key=lambda edit: edit[0], reverse=True):
            line = line[:start] + replacement + line[end:]
            fixed.append(finding)
        new_lines[number - 1] = line
    new = "".join(new_lines)
    return FileFixes(path, text, new, sorted(fixed, key=Finding.sort_key), _encode(new, used))


def _encode(text: str, encoding: str) -> bytes:
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        return b""


def unified_diff(plan: FileFixes, shown: str) -> str:
    """The change as ``diff -u`` shows it, paths a/ and b/ as git does."""
    return "".join(
        difflib.unified_diff(
            plan.old.splitlines(keepends=True), plan.new.splitlines(keepends=True), f"a/{shown}", f"b/{shown}"
        )
    )


def write_fixes(plan: FileFixes) -> None:
    """Replace the file with its fixed bytes atomically (a temporary file renamed over it), keeping
    its mode; a link is written through. Raises OutputError naming the file."""
    target = Path(os.path.realpath(plan.path))
    info = os.stat(target)
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"--fix {plan.path}: not a regular file")
    temporary = target.parent / f".{target.name}.{os.urandom(4).hex()}.tmp"
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
        with open(descriptor, "wb") as handle:
            os.chmod(descriptor, stat.S_IMODE(info.st_mode))
            handle.write(plan.encoded)
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise OutputError(f"--fix {plan.path}: {error.strerror or error}") from None
