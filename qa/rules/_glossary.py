"""The base of the glossary rules (TERM002-TERM004): one glossary, loaded once per run."""

from __future__ import annotations

from qa.rules.base import Rule


class GlossaryRule(Rule):
    """Not registered: TERM002, TERM003 and TERM004 share the glossary of the run's data packs."""

    _glossary = None

    @property
    def glossary(self):
        if self._glossary is None:
            from qa.lang.terms import glossary_for  # lazily: no glossary work at start-up

            self._glossary = glossary_for(self.context)
        return self._glossary

    def prepare(self) -> None:
        self.glossary.find("")  # reads the glossary files, builds the index and the folding table
