"""The base of the unit rules (UNIT001-UNIT005): they use the units files of their run."""

from __future__ import annotations

from qa.rules.base import Rule, RuleContext


class UnitRule(Rule):
    """Not registered: tells qa.lang.units which units files (shipped and the user's) this run uses."""

    def __init__(self, context: RuleContext | None = None) -> None:
        super().__init__(context)
        from qa.lang.units import unit_context

        unit_context(self)

    def prepare(self) -> None:
        from qa.lang.units import active_lexicon, conversion_table

        conversion_table(active_lexicon())  # pint and its registry
