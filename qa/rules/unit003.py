"""UNIT003 unit-missing: a quantity has a unit in the Chinese and none in the English."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from qa.lang.comparison import compare_units
from qa.lang.units import active_lexicon, loose, mentions_unit, zh_span
from qa.model import Hit, Pair, Severity
from qa.rules import register
from qa.rules._units import UnitRule


@register
class UnitMissing(UnitRule):
    """A quantity has a unit in the Chinese and none in the English.

    "100 of aging pipelines" leaves the reader to guess whether 100公里 meant kilometers,
    meters or pipes. Reported when the number itself matches and the English says no unit
    after it (or, for currencies, before it) and names the Chinese unit nowhere in the
    sentence. Units of time (年, 天, 小时) are left out: "5年来" is rightly "over the past five
    years" and as often "since 2019".

    **Fails:** 完成1100公里老旧管网改造 / renovated 1,100 aging pipelines

    **Passes:** 完成1100公里老旧管网改造 / renovated 1,100 kilometers of aging pipelines
    """

    code: ClassVar[str] = "UNIT003"
    name: ClassVar[str] = "unit-missing"
    severity: ClassVar[Severity] = "warning"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        for finding in compare_units(pair.zh.text, pair.en.text):
            if finding.kind != "missing" or finding.zh_unit is None:
                continue
            lexicon = active_lexicon()
            unit = finding.zh_unit.unit
            if loose(lexicon, unit) or mentions_unit(lexicon, pair.en.text, unit):
                continue
            zh_start, zh_end = zh_span(finding)
            yield Hit(
                "en",
                finding.en.start,
                finding.en.end,
                f"{pair.zh.text[zh_start:zh_end]} has a unit ({unit.shown}); English {finding.en.text} has none",
                suggestion=f"add the unit: {finding.en.text} {unit.shown}",
                key=f"{unit.key}|{finding.en.shown()}",
            )
