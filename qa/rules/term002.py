"""TERM002 glossary-term-not-rendered: a glossary term whose approved rendering is missing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from qa.model import Hit, Pair, Severity
from qa.rules import register
from qa.rules._glossary import GlossaryRule
from qa.rules.base import RuleContext


def quoted(renderings) -> str:
    return ", ".join(f'"{rendering}"' for rendering in renderings)


@register
class GlossaryTermNotRendered(GlossaryRule):
    """A glossary term in the Chinese has none of its approved renderings in the English.

    A team's glossary fixes how its terms are translated; a reviewer checks each
    term by hand otherwise. Every glossary term in the Chinese is found at once
    (longest match wins, so 京津冀协同发展 is one term, not 京津冀 plus a remainder;
    Traditional and Simplified alike), and the English must hold one of the term's
    approved renderings: case-insensitive, on word boundaries, tolerant of plurals,
    possessives, hyphen/space variants (sub-center, sub center, subcenter) and
    British spellings. Reported once per term and pair, on the Chinese term.

    **Fails:** 加快城市副中心高质量发展步伐 / ``We will pursue high-quality development in Tongzhou``

    **Passes:** 加快城市副中心高质量发展步伐 / ``We will pursue high-quality development in the BMC``

    Options: glossaries are data files in a ``rules/`` folder beside your config file or in
    ``rule-paths``: ``glossary*.tsv`` (``zh<TAB>renderings separated by |<TAB>note``),
    ``glossary*.csv``, ``*.tbx``, or YAML with ``kind: glossary``; or files and shipped packs
    the project enables (``glossaries = ["beijing-gov"]`` under ``[tool.qa]``, or
    ``qa check --glossary beijing-gov``; ``qa glossaries`` lists the packs). The *Passes*
    and *Fails* examples use the ``beijing-gov`` pack. A later file's entry for a term
    replaces a pack's.
    See docs/terms.md.
    """

    code: ClassVar[str] = "TERM002"
    name: ClassVar[str] = "glossary-term-not-rendered"
    severity: ClassVar[Severity] = "warning"
    pure: ClassVar[bool] = True

    def __init__(self, context: RuleContext | None = None) -> None:
        super().__init__(context)
        self._advice: dict[str, tuple[str, str]] = {}  # message end and suggestion, by term

    def check(self, pair: Pair) -> Iterator[Hit]:
        glossary = self.glossary
        if not glossary:
            return
        chinese = pair.zh.text
        for entry, start, end, found, forbidden in glossary.uses(chinese, pair.en.text):
            # a forbidden rendering is TERM003's finding
            if found or forbidden or not entry.renderings:
                continue
            advice = self._advice.get(entry.zh)
            if advice is None:  # the same words for every pair: made once per term
                advice = self._advice[entry.zh] = (
                    f"not rendered; approved: {quoted(entry.renderings)}",
                    f'use "{entry.renderings[0]}" ({entry.source})',
                )
            yield Hit(
                "zh",
                start,
                end,
                f"glossary term {chinese[start:end]} {advice[0]}",
                suggestion=advice[1],
                key=entry.zh,
            )
