"""Findings built by hand for the reporter tests (the golden tests over the seeds run the CLI).

The pairs are cut from seeds/000_cfa7fe55d91506c5.txt (lines 16-17 and 20-21), with the
English changed where a finding needs an error to point at.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qa.model import Evidence, Finding, Location, Severity, Side, fingerprint
from qa.rules.base import Rule

#: seeds/000_cfa7fe55d91506c5.txt:20-21, English 61,000 changed to 16,000.
HOUSING_ZH = "再解决6.1万套房产证办理历史遗留难题。"
HOUSING_EN = (
    "We will resolve problems in obtaining property ownership certificates due to legacy issues "
    "for another 16,000 units of housing."
)
#: seeds/000_cfa7fe55d91506c5.txt:16-17, with the space after the first full stop removed.
RENEWAL_ZH = "深入开展城市更新行动。落实城市更新条例,完善配套政策。"
RENEWAL_EN = "Further advance urban renewal.We will implement the Regulations on Urban Renewal."


class NumberMissing(Rule):
    """A Chinese number has no English counterpart.

    A number dropped or changed in translation changes what the report says.

    **Fails:** 6.1万套 / another 16,000 units. **Passes:** 6.1万套 / another 61,000 units.
    """

    code = "NUM001"
    name = "number-missing"
    severity = "error"


class MissingSpace(Rule):
    """No space after a full stop in English."""

    code = "TXT002"
    name = "missing-space"
    severity = "warning"


class FootnoteUndefined(Rule):
    """A footnote marker has no note.

    Readers cannot follow a marker that leads nowhere.
    """

    code = "FN001"
    name = "footnote-undefined"
    severity = "note"


RULES: dict[str, type[Rule]] = {rule.code: rule for rule in (NumberMissing, MissingSpace, FootnoteUndefined)}

FindingFactory = Callable[..., Finding]


def build_finding(
    code: str,
    name: str,
    severity: Severity,
    message: str,
    *,
    zh: str,
    en: str,
    side: Side,
    span: str,
    path: str = "seeds/000_cfa7fe55d91506c5.txt",
    line: int = 1,
    column: int | None = None,
    suggestion: str | None = None,
) -> Finding:
    """A finding on the first occurrence of ``span`` in the ``side`` text, which is taken to
    start at column 1 of ``line``."""
    text = zh if side == "zh" else en
    start = text.index(span)
    end = start + len(span)
    column = start + 1 if column is None else column
    return Finding(
        code=code,
        name=name,
        severity=severity,
        message=message,
        location=Location(path, line, column, line, column + len(span)),
        evidence=Evidence(zh, en, side, start, end),
        suggestion=suggestion,
        fingerprint=fingerprint(code, zh, en, span),
    )


@pytest.fixture
def make_finding() -> FindingFactory:
    return build_finding


@pytest.fixture
def rules() -> dict[str, type[Rule]]:
    return dict(RULES)


@pytest.fixture
def findings() -> list[Finding]:
    """Three findings in two files, one of each severity, sorted as the engine sorts them."""
    number = build_finding(
        "NUM001",
        "number-missing",
        "error",
        "6.1万 (= 61,000) has no match in English; English has 16,000",
        zh=HOUSING_ZH,
        en=HOUSING_EN,
        side="zh",
        span="6.1万",
        line=20,
        suggestion="write 61,000",
    )
    space = build_finding(
        "TXT002",
        "missing-space",
        "warning",
        "missing space after full stop",
        zh=RENEWAL_ZH,
        en=RENEWAL_EN,
        side="en",
        span="renewal.We",
        line=17,
    )
    marker = build_finding(
        "FN001",
        "footnote-undefined",
        "note",
        "marker 16 has no note",
        zh="坚持“房住不炒”定位16。",
        en="We will stick to the principle16.",
        side="en",
        span="16",
        path="seeds/001_b861343cc44b4dc6.txt",
        line=40,
    )
    return sorted([number, space, marker], key=Finding.sort_key)
