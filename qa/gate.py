"""What stands between the engine's findings and the reporter in ``qa check`` and ``qa baseline``:
per-file ignores, the baseline and ``--since``.

Order matters. Per-file ignores come first (an ignored rule is off: its findings are
neither new nor baselined). The baseline is compared with *all* findings of the checked
files, so that an entry is called stale only when its finding really is gone, and only
then are the new findings narrowed to the pairs ``--since`` says changed.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from qa.baseline import Baseline, BaselineEntry, compare, load
from qa.changes import ChangedLines, on_changed_lines
from qa.config import Config
from qa.ignores import PerFileIgnores
from qa.model import Document, Finding
from qa.rules import Rule


@dataclass(frozen=True)
class GateResult:
    findings: list[Finding]  # to report
    suppressed: int  # findings the baseline matched (among those --since keeps)
    stale: tuple[BaselineEntry, ...]  # baseline entries that no longer occur
    baseline: Baseline | None = None


def apply_gate(
    findings: Sequence[Finding],
    documents: Sequence[Document],
    *,
    config: Config,
    rules: Mapping[str, type[Rule]],
    baseline_file: Path | None = None,
    changes: ChangedLines | None = None,
) -> GateResult:
    from qa.rules import all_rules

    kept = list(findings)
    if config.per_file_ignores:
        kept = PerFileIgnores.from_config(config, all_rules()).apply(kept)
    baseline = load(baseline_file) if baseline_file is not None else None
    baselined: list[Finding] = []
    stale: tuple[BaselineEntry, ...] = ()
    if baseline is not None:
        comparison = compare(kept, baseline, checked_paths=[d.path for d in documents], codes=rules)
        baselined, kept, stale = list(comparison.baselined), list(comparison.new), comparison.stale
    if changes is not None:
        kept = on_changed_lines(kept, documents, changes)
        baselined = on_changed_lines(baselined, documents, changes)
    return GateResult(kept, len(baselined), stale, baseline)


def report_stale(
    stale: Sequence[BaselineEntry], baseline_file: Path, strict: bool, stream: TextIO | None = None
) -> None:
    """Tell the user which baseline entries can go: their finding was fixed (or its pair changed)."""
    if not stale:
        return
    stream = stream or sys.stderr
    count, verb = ("1 baseline entry", "occurs") if len(stale) == 1 else (f"{len(stale)} baseline entries", "occur")
    verdict = "error" if strict else "warning"
    stream.write(
        f"qa: {verdict}: {count} in {baseline_file} no longer {verb} (fixed, or the pair changed); "
        f"regenerate the baseline with `qa baseline PATH... -o {baseline_file}` to remove them:\n"
    )
    for entry in stale:
        stream.write(f"  {entry.path}: {entry.code} {entry.message}\n")
