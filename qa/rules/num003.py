"""NUM003 number-mistranslated: a value translated wrongly (6.1万 → 16,000, 第十六届 → Fifteenth)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from qa.model import Hit, Pair, Severity, elide
from qa.rules import register
from qa.rules._numbers import NumberRule, number_suggestion


@register
class NumberMistranslated(NumberRule):
    """A number was translated with the wrong value.

    When the Chinese and the English each have a quantity of the same family (numbers,
    percentages, dates) that matches nothing on the other side, the English value is most
    likely a mistranslation of the Chinese one: a 万/亿 slip (6.1万 rendered as 6,100 or
    610,000), a wrong ordinal (第十六届 → Fifteenth), a typo. One finding, on the English
    number, names both values, and says when they differ by a power of ten.

    **Fails:** 简易楼腾退20万平方米 / sub-standard housing will be vacated on a total scale of 2,000 square meters

    **Passes:** 简易楼腾退20万平方米 / sub-standard housing will be vacated on a total scale of 200,000 square meters
    """

    code: ClassVar[str] = "NUM003"
    name: ClassVar[str] = "number-mistranslated"
    severity: ClassVar[Severity] = "error"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        from qa.lang.comparison import compare_quantities
        from qa.lang.numbers.match import describe, power_of_ten

        comparison = compare_quantities(pair.zh.text, pair.en.text)
        for zh_quantity, en_quantity in comparison.mistranslated:
            message = f"{describe(zh_quantity)} has no match in English; English has {describe(en_quantity)}"
            exponent = None
            if zh_quantity.kind not in ("date", "month") and en_quantity.kind not in ("date", "month"):
                exponent = power_of_ten(zh_quantity.value, en_quantity.value)
            if exponent is not None:
                factor = f"{10 ** abs(exponent):,}"
                message += f" ({factor} times too {'large' if exponent > 0 else 'small'})"
            if pair.source == "en":  # an en→zh catalogue: the Chinese is the translation, so it is the one named
                message = f"{describe(en_quantity)} has no match in Chinese; Chinese has {describe(zh_quantity)}"
                if exponent is not None:
                    message += f" ({factor} times too {'small' if exponent > 0 else 'large'})"
                yield Hit(
                    "zh",
                    zh_quantity.start,
                    zh_quantity.end,
                    message,
                    suggestion=f"write {elide(en_quantity.text)} as in the English",
                    key=f"{zh_quantity.shown()}|{en_quantity.shown()}",
                    other=(en_quantity.start, en_quantity.end),
                )
                continue
            yield Hit(
                "en",
                en_quantity.start,
                en_quantity.end,
                message,
                suggestion=number_suggestion(zh_quantity),
                key=f"{zh_quantity.shown()}|{en_quantity.shown()}",
                other=(zh_quantity.start, zh_quantity.end),
            )
