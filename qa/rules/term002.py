"""TERM002 glossary-term-not-rendered: a glossary term whose approved rendering is missing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from qa.model import Hit, Pair, Severity
from qa.rules import register
from qa.rules._glossary import GlossaryRule


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

    Options: glossaries are data files in the shipped ``rules/`` pack, a ``rules/`` folder
    beside your config file, or ``rule-paths``: ``glossary*.tsv`` (``zh<TAB>renderings
    separated by |<TAB>note``), ``glossary*.csv``, ``*.tbx``, or YAML with ``kind: glossary``.
    A later file's entry for a term replaces the shipped one. See docs/terms.md.
    """

    code: ClassVar[str] = "TERM002"
    name: ClassVar[str] = "glossary-term-not-rendered"
    severity: ClassVar[Severity] = "warning"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        glossary = self.glossary
        if not glossary:
            return
        from qa.lang.glossary import find_any_rendering, find_rendering

        reported: set[str] = set()
        for match in glossary.find(pair.zh.text):
            entry = match.entry
            if not entry.renderings or entry.zh in reported:
                continue
            reported.add(entry.zh)
            if find_any_rendering(entry.renderings, pair.en.text) is not None:
                continue
            if any(find_rendering(forbidden, pair.en.text) for forbidden in entry.forbidden):
                continue  # a forbidden rendering is TERM003's finding
            term = pair.zh.text[match.start : match.end]
            yield Hit(
                "zh",
                match.start,
                match.end,
                f"glossary term {term} not rendered; approved: {quoted(entry.renderings)}",
                suggestion=f'use "{entry.renderings[0]}" ({entry.source})',
                key=entry.zh,
            )
