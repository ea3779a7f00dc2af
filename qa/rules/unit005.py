"""UNIT005 percentage-points: percent became percentage points, or percentage points percent."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import ClassVar

from qa.lang.comparison import compare_units
from qa.model import Hit, Pair, Severity
from qa.rules import register
from qa.rules._units import UnitRule


def _plain(value: Decimal) -> str:
    return f"{value.normalize():f}"


@register
class PercentagePoints(UnitRule):
    """A percentage became percentage points, or a change in percentage points became a percentage.

    个百分点 (百分点) is a difference between two percentages: an unemployment rate that goes
    from 5% to 5.5% rose 0.5 percentage points, and 10%, 提高0.5个百分点 rendered "rose 0.5
    percent", or 增长5% rendered "rose 5 percentage points", keeps the number and misstates
    the change, the commonest unit slip in economic reports. The Chinese words (%, 百分之,
    个百分点) and the English ones (%, percent, per cent, percentage points) are compared.

    **Fails:** 城镇调查失业率提高0.5个百分点 / the surveyed urban unemployment rate rose 0.5 percent

    **Passes:** 城镇调查失业率提高0.5个百分点 / the surveyed urban unemployment rate rose 0.5 percentage points
    """

    code: ClassVar[str] = "UNIT005"
    name: ClassVar[str] = "percentage-points"
    severity: ClassVar[Severity] = "error"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        for finding in compare_units(pair.zh.text, pair.en.text):
            if finding.kind != "points":
                continue
            zh, en = finding.zh, finding.en
            zh_text = pair.zh.text[zh.start : zh.end]
            en_text = pair.en.text[en.start : en.end]
            value = _plain(en.value)
            if zh.kind == "percent":
                message = f"{zh_text} (percent) became {en_text} (percentage points)"
                suggestion = f"write {value}%"
            else:
                message = f"{zh_text} (percentage points) became {en_text} (percent)"
                suggestion = f"write {value} percentage points"
            yield Hit("en", en.start, en.end, message, suggestion=suggestion, key=f"{zh.kind}|{en.shown()}")
