"""One mistake, one finding: findings that a pair-level finding explains are folded into it.

A segment whose English is the Chinese copied is one mistake, yet every rule that reads the
English finds something in it (Chinese left in the English, full-width commas, no space after
a full stop, numbers "missing"). The rule that names the mistake explains the others: they are
folded into its finding (``Finding.related``), counted in the summary and shown by every format
inside it (``--show-all`` reports them as findings of their own).

``EXPLAINS`` is the whole policy, a small declared table: which rule's finding explains which
others, and where. The explaining finding carries the gate (the exit code, the baseline): a
folded finding is not counted toward ``--fail-on`` and keeps its fingerprint, so a baseline
recorded with or without folding matches the findings shown.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from typing import Literal

from qa.model import Finding

Scope = Literal["pair", "lines"]

#: Rule code -> where its finding explains every other finding:
#: "pair": on the same pair (an untranslated segment explains whatever the English then breaks);
#: "lines": on the lines it covers, outside any pair (unpaired text explains the markers in it).
EXPLAINS: dict[str, Scope] = {
    "TERM005": "pair",  # english empty, the chinese copied, or mostly untranslated
    "ALN001": "lines",  # chinese text with no english
    "ALN002": "lines",  # english text with no chinese
}


def fold(findings: Sequence[Finding]) -> list[Finding]:
    """``findings`` (sorted) with each explained finding moved into the ``related`` of the finding
    that explains it. A finding that explains is never folded itself; the order is kept."""
    explainers: dict[tuple, Finding] = {}
    for finding in findings:
        scope = EXPLAINS.get(finding.code)
        if scope is not None and (scope == "lines" or finding.evidence.pair >= 0):
            explainers.setdefault(_place(finding, scope), finding)
    if not explainers:
        return list(findings)
    folded: dict[int, list[Finding]] = defaultdict(list)
    kept: list[Finding] = []
    for finding in findings:
        explainer = None if finding.code in EXPLAINS else _explainer(finding, explainers)
        if explainer is None:
            kept.append(finding)
        else:
            folded[id(explainer)].append(finding)
    return [_with_related(finding, folded[id(finding)]) if id(finding) in folded else finding for finding in kept]


def _with_related(finding: Finding, related: list[Finding]) -> Finding:
    return dataclasses.replace(finding, related=(*finding.related, *related))


def _place(finding: Finding, scope: Scope) -> tuple:
    if scope == "pair":
        return ("pair", finding.location.path, finding.evidence.pair)
    return ("lines", finding.location.path, finding.location.line)


def _explainer(finding: Finding, explainers: dict[tuple, Finding]) -> Finding | None:
    if finding.evidence.pair >= 0:
        return explainers.get(("pair", finding.location.path, finding.evidence.pair))
    return explainers.get(("lines", finding.location.path, finding.location.line))
