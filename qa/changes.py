"""``--since REV``: which lines changed since a git revision, and which findings sit on them.

The diff is ``git diff REV`` against the working tree (committed, staged and unstaged
changes alike), so the same command works on a pull request's merge checkout in CI and
on a translator's uncommitted edits. A file git does not track yet counts as wholly new.

A finding is kept when the pair (or note, or unpaired run of lines) it points at has at
least one added or modified line: editing the English of a pair re-checks its Chinese
too, since a wrong number is a fault of the pair. Deleted lines change no pair that is
still there, so a pure deletion gives nothing to check.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from qa.model import Document, Finding, Segment

#: ``@@ -a,b +c,d @@``: the added side's first line and line count (count 1 when omitted).
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class ChangesError(Exception):
    """Not a git repository, git missing, or an unknown revision: one line, exit code 2."""


@dataclass(frozen=True)
class ChangedLines:
    """Added or modified line numbers (1-based) per file, by resolved absolute path."""

    lines: dict[Path, frozenset[int]]
    untracked: frozenset[Path]  # files git does not know: every line is new

    def for_path(self, path: Path) -> frozenset[int] | None:
        """The changed lines of ``path``; None means every line (an untracked file)."""
        resolved = path.resolve()
        if resolved in self.untracked:
            return None
        return self.lines.get(resolved, frozenset())

    def touches(self, path: Path) -> bool:
        changed = self.for_path(path)
        return changed is None or bool(changed)


def _git(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", errors="replace", check=False
        )
    except FileNotFoundError:
        raise ChangesError("--since: git is not installed or not on PATH") from None


def repository_root(cwd: Path) -> Path:
    result = _git(["rev-parse", "--show-toplevel"], cwd)
    if result.returncode != 0:
        raise ChangesError(f"--since: {cwd.resolve()} is not in a git repository")
    return Path(result.stdout.strip()).resolve()


def changed_lines(revision: str, paths: Iterable[Path], cwd: Path | None = None) -> ChangedLines:
    """Lines added or modified in ``paths`` (files or folders) since ``revision``."""
    cwd = cwd or Path.cwd()
    root = repository_root(cwd)
    if revision.startswith("-") or _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], cwd).returncode:
        raise ChangesError(
            f"--since: unknown revision {revision!r} (in CI, fetch the history: actions/checkout with fetch-depth: 0)"
        )
    pathspecs = [str(Path(path).resolve()) for path in paths] or [str(root)]
    # --no-ext-diff/--no-textconv: the user's diff drivers must not change what counts as a line;
    # -U0: hunks are exactly the changed lines; --relative is not used, paths are from the root.
    diff = _git(
        ["-c", "core.quotepath=off", "diff", "--no-color", "--no-ext-diff", "--no-textconv", "-U0",
         "--diff-filter=AMRC", revision, "--", *pathspecs],
        cwd,
    )
    if diff.returncode != 0:
        raise ChangesError(f"--since: git diff failed: {diff.stderr.strip().splitlines()[-1] if diff.stderr else ''}")
    lines: dict[Path, set[int]] = {}
    current: Path | None = None
    for line in diff.stdout.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            current = None if name == "/dev/null" else (root / _unquote(name).removeprefix("b/")).resolve()
            if current is not None:
                lines.setdefault(current, set())
        elif line.startswith("@@") and current is not None:
            match = _HUNK.match(line)
            if match:
                start, count = int(match.group(1)), int(match.group(2) or 1)
                lines[current].update(range(start, start + count))
    others = _git(["ls-files", "--others", "--exclude-standard", "-z", "--", *pathspecs], cwd)
    untracked = frozenset((cwd / name).resolve() for name in others.stdout.split("\0") if name)
    return ChangedLines({path: frozenset(numbers) for path, numbers in lines.items()}, untracked)


def _unquote(name: str) -> str:
    """git quotes names with unusual characters ("b/a\\tb.txt"); core.quotepath=off keeps UTF-8 as is."""
    if name.startswith('"') and name.endswith('"'):
        return name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape").encode("latin-1").decode()
    return name


def _segment_lines(segment: Segment) -> range:
    return range(segment.line, segment.end_line + 1)


def changed_ranges(document: Document, changed: frozenset[int] | None) -> list[range]:
    """Line ranges of the pairs, notes and unpaired runs of ``document`` that have a changed line."""
    units: list[range] = []
    for pair in document.pairs:
        first = min(pair.zh.line, pair.en.line)
        last = max(pair.zh.end_line, pair.en.end_line)
        units.append(range(first, last + 1))
    units.extend(_segment_lines(note.segment) for note in document.notes)
    units.extend(_segment_lines(segment) for segment in document.unpaired)
    if document.notes_heading_line is not None:
        units.append(range(document.notes_heading_line, document.notes_heading_line + 1))
    if changed is None:
        return units
    return [unit for unit in units if any(line in changed for line in unit)]


def _aligned_ranges(document: Document, changes: ChangedLines, ranges: dict[str, list[range]]) -> None:
    """A document made of two line-aligned files (``--zh a --en b``): a pair changed when its line
    changed in either file, and then findings on both of its lines count."""
    for pair in document.pairs:
        zh_path, en_path = pair.zh.path or document.path, pair.en.path or document.path
        zh_changed, en_changed = changes.for_path(Path(zh_path)), changes.for_path(Path(en_path))
        if (
            zh_changed is None
            or en_changed is None
            or any(line in zh_changed for line in _segment_lines(pair.zh))
            or any(line in en_changed for line in _segment_lines(pair.en))
        ):
            ranges.setdefault(zh_path, []).append(_segment_lines(pair.zh))
            ranges.setdefault(en_path, []).append(_segment_lines(pair.en))
    for segment in document.unpaired:
        path = segment.path or document.path
        changed = changes.for_path(Path(path))
        if changed is None or any(line in changed for line in _segment_lines(segment)):
            ranges.setdefault(path, []).append(_segment_lines(segment))


def on_changed_lines(
    findings: Sequence[Finding], documents: Sequence[Document], changes: ChangedLines
) -> list[Finding]:
    """The findings that point into a pair, note or unpaired run with a changed line."""
    ranges: dict[str, list[range]] = {}
    for document in documents:
        if any(pair.zh.path or pair.en.path for pair in document.pairs[:1]) or any(
            segment.path for segment in document.unpaired[:1]
        ):
            _aligned_ranges(document, changes, ranges)
        else:
            ranges.setdefault(document.path, []).extend(
                changed_ranges(document, changes.for_path(Path(document.path)))
            )
    kept = []
    for finding in findings:
        location = finding.location
        units = ranges.get(location.path)
        if units is None:  # a finding outside the documents we know: keep rather than hide it
            kept.append(finding)
            continue
        if any(unit.start <= location.end_line and location.line < unit.stop for unit in units):
            kept.append(finding)
    return kept
