"""NUM001 number-missing: a Chinese quantity with no counterpart in the English."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from qa.model import Hit, Pair, Severity
from qa.rules import register
from qa.rules._numbers import NumberRule, number_suggestion


@register
class NumberMissing(NumberRule):
    """A Chinese quantity has no counterpart in the English.

    A dropped figure is the costliest slip in a government report: the English reader
    never learns that 300 compounds are to be renovated. Values are compared, not digit
    strings, so 6.1万 is found in "61,000", 3.5亿 in "350 million", 第十六届 in "Sixteenth"
    and 2023年1月15日 in "January 15th, 2023". Only hard quantities are required: digits,
    万/亿 compounds, dates, percentages, ordinals and hanzi numbers of ten or more. Small
    hanzi counts (一项, 两个确立, 四个意识) and list enumerators ((八), 一是) may be rendered
    as "a" or "both" or dropped, and so may dates named by their numerals (九二共识 is the
    1992 Consensus, 五四运动 the May Fourth Movement, 十一黄金周 the National Day holiday),
    which must agree with the English where it gives the date. When the English has an
    unmatched number of the same kind instead, NUM003 reports the pair.

    **Fails:** 老旧小区综合整治新开工300个 / We will launch the renovation of run-down residential compounds.

    **Passes:** 老旧小区综合整治新开工300个 / We will launch the renovation of 300 run-down residential compounds.
    """

    code: ClassVar[str] = "NUM001"
    name: ClassVar[str] = "number-missing"
    severity: ClassVar[Severity] = "error"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        from qa.lang.comparison import compare_quantities
        from qa.lang.numbers.match import describe

        comparison = compare_quantities(pair.zh.text, pair.en.text)
        for quantity in comparison.zh_missing:
            yield Hit(
                "zh",
                quantity.start,
                quantity.end,
                f"{describe(quantity)} has no match in English",
                suggestion=number_suggestion(quantity),
                key=quantity.shown(),
            )
