"""UNIT004 ambiguous-currency: a bare "$" (or "dollars", "¥") for a currency it does not name alone."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from qa.lang.comparison import compare_units
from qa.lang.units import en_span, zh_span
from qa.model import Hit, Pair, Severity
from qa.rules import register
from qa.rules._units import UnitRule


@register
class AmbiguousCurrency(UnitRule):
    """An amount in one of several currencies that share a symbol is written with the bare symbol.

    "$" is read as US dollars; 2.665亿澳元 written "$266.5 million" leaves an Australian
    amount looking American, and 港元 is worth an eighth of a US dollar. A warning, not an
    error: in a text about one country the symbol may be clear from context. Amounts in a
    different currency altogether are UNIT002.

    **Fails:** 营收为 2.665 亿澳元 / revenue of $266.5 million

    **Passes:** 营收为 2.665 亿澳元 / revenue of A$266.5 million
    """

    code: ClassVar[str] = "UNIT004"
    name: ClassVar[str] = "ambiguous-currency"
    severity: ClassVar[Severity] = "warning"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        for finding in compare_units(pair.zh.text, pair.en.text):
            if finding.kind != "ambiguous":
                continue
            assert finding.zh_unit is not None and finding.en_unit is not None
            zh_start, zh_end = zh_span(finding)
            start, end = en_span(finding)
            zh_unit = finding.zh_unit.unit
            symbol = pair.en.text[finding.en_unit.start : finding.en_unit.end]
            yield Hit(
                "en",
                start,
                end,
                f"{symbol} is ambiguous: {pair.zh.text[zh_start:zh_end]} is {zh_unit.currency}",
                suggestion=f"write {zh_unit.shown}",
                key=f"{zh_unit.currency}|{symbol}|{finding.en.shown()}",
            )
