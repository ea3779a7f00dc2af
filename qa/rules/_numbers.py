"""The base of the number rules (NUM001-NUM003): they share the comparison of each pair's quantities."""

from __future__ import annotations

from qa.model import elide
from qa.rules.base import Rule


def number_suggestion(quantity) -> str:
    """"translate 20万 as 200,000"; a figure already in digits needs no translating, only copying."""
    shown = quantity.shown()
    if quantity.text.replace(",", "") == shown.replace(",", ""):
        return f"write {elide(shown)} as in the Chinese"
    return f"translate {elide(quantity.text)} as {elide(shown)}"


class NumberRule(Rule):
    """Not registered: loads jieba (hanzi numerals inside words) before worker processes fork."""

    def prepare(self) -> None:
        from qa.lang.numbers.match import prepare

        prepare()
