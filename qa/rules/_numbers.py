"""The base of the number rules (NUM001-NUM003): they share the comparison of each pair's quantities."""

from __future__ import annotations

from qa.rules.base import Rule


class NumberRule(Rule):
    """Not registered: loads jieba (hanzi numerals inside words) before worker processes fork."""

    def prepare(self) -> None:
        from qa.lang.number_match import prepare

        prepare()
