"""UNIT002 currency-changed: an amount in one currency became an amount in another (美元 → yuan)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from qa.lang.comparison import compare_units
from qa.lang.units import en_span, zh_span
from qa.model import Hit, Pair, Severity
from qa.rules import register
from qa.rules._units import UnitRule


@register
class CurrencyChanged(UnitRule):
    """An amount kept its number but changed currency.

    5亿美元 rendered "500 million yuan" understates the sum sevenfold, and no number check
    sees it: the figures agree. Currencies are read with the unit lexicon (元, 人民币, 万元,
    亿元, 美元, 欧元, 英镑, 港元, 澳元, 日元; yuan, RMB, CNY, US$, €, £, HK$, A$ …) and compared
    by code, never converted (rates change). A bare "$" for 澳元 or 港元 is UNIT004. In a
    Traditional Chinese text 元 is the local dollar: 兩百元 may be "$200", NT$200 or HK$200, not
    US$200; in a Simplified text 200元 is yuan, and "$200" is a currency change.

    **Fails:** 利用外资5亿美元 / attract foreign investment of 500 million yuan

    **Passes:** 利用外资5亿美元 / attract foreign investment of US$500 million
    """

    code: ClassVar[str] = "UNIT002"
    name: ClassVar[str] = "currency-changed"
    severity: ClassVar[Severity] = "error"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        for finding in compare_units(pair.zh.text, pair.en.text):
            if finding.kind != "currency":
                continue
            assert finding.zh_unit is not None and finding.en_unit is not None
            zh_start, zh_end = zh_span(finding)
            start, end = en_span(finding)
            zh_unit, en_unit = finding.zh_unit.unit, finding.en_unit.unit
            yield Hit(
                "en",
                start,
                end,
                f"{pair.zh.text[zh_start:zh_end]} ({zh_unit.currency}) became {pair.en.text[start:end]} "
                f"({en_unit.currency})",
                suggestion=f"write the amount in {zh_unit.shown} as in the Chinese",
                key=f"{zh_unit.currency}|{en_unit.currency}|{finding.en.shown()}",
            )
