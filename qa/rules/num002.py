"""NUM002 number-extra: an English quantity with no counterpart in the Chinese."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from qa.model import Hit, Pair, Severity
from qa.rules import register
from qa.rules._numbers import NumberRule


@register
class NumberExtra(NumberRule):
    """An English quantity has no counterpart in the Chinese.

    A number the source never stated is either an invention or a figure moved from
    another sentence, and readers will quote it. Values are compared, not digit strings:
    "61,000" is found in 6.1万, "Sixteenth" in 第十六届. Only hard English quantities are
    required to have a source: digits, dates, percentages, and number words of ten or
    more. Words like "two", "both" or "First," are added freely by good translators.
    Footnote markers (``aspects16``) and identifiers (PM2.5, G20, COVID-19) are not numbers.

    **Fails:** 完工100个 / complete 100 of such projects, and 600 more

    **Passes:** 完工100个 / complete 100 of such projects
    """

    code: ClassVar[str] = "NUM002"
    name: ClassVar[str] = "number-extra"
    severity: ClassVar[Severity] = "error"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        from qa.lang.comparison import compare_quantities
        from qa.lang.numbers.match import describe

        comparison = compare_quantities(pair.zh.text, pair.en.text)
        for quantity in comparison.en_extra:
            yield Hit(
                "en",
                quantity.start,
                quantity.end,
                f"{describe(quantity)} has no match in Chinese",
                suggestion="check the figure against the Chinese, or remove it",
                key=quantity.shown(),
            )
