"""TERM004 inconsistent-rendering: one glossary term rendered differently across a document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import ClassVar, NamedTuple

from qa.model import Document, Hit, Pair, Severity
from qa.rules import register
from qa.rules._glossary import GlossaryRule
from qa.rules.base import RuleContext


class _Use(NamedTuple):
    pair: Pair
    start: int
    end: int
    rendering: str


@register
class InconsistentRendering(GlossaryRule):
    """The same glossary term is rendered in different ways across a document.

    A glossary may approve several renderings of a term (the full name and its
    abbreviation, a British and an American form), but a reader who meets two of
    them in one document wonders whether they are two things. For each glossary
    term with more than one approved rendering, the rule counts which rendering
    each pair uses and points at the pairs that use a minority rendering (a tie is
    not reported: there is no minority). A pair
    that uses two renderings together ("the Beijing Municipal Administrative Center
    (BMC)") introduces an abbreviation: the two count as one from then on.

    **Fails:** a document rendering 枫桥经验 as "Fengqiao experience" twice and as
    "Fengqiao model" once (the last is reported)

    **Passes:** a document rendering 枫桥经验 as "Fengqiao experience" throughout

    Options: none; the renderings come from the glossaries (see TERM002).
    """

    code: ClassVar[str] = "TERM004"
    name: ClassVar[str] = "inconsistent-rendering"
    severity: ClassVar[Severity] = "warning"

    def __init__(self, context: RuleContext | None = None) -> None:
        super().__init__(context)
        # filled by check() pair by pair, reported and cleared by finish()
        self._uses: dict[str, list[_Use]] = {}
        self._same: dict[str, dict[str, str]] = {}
        self._checked: list[Pair] = []

    observes: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        return self.check_observed(pair, self.observe(pair))

    def observe(self, pair: Pair) -> tuple[tuple[str, tuple[tuple[int, int, str], ...]], ...]:
        """The terms of the pair with two or more approved renderings, each with the renderings
        the English holds (start, end, rendering), where it holds any."""
        glossary = self.glossary
        if not glossary:
            return ()
        # the glossary remembers each pair's terms and renderings: TERM002 asked already, and a
        # repeated pair is looked up, not searched again
        return tuple(
            (entry.zh, found)
            for entry, _, _, found, _ in glossary.uses(pair.zh.text, pair.en.text)
            if found and len(entry.renderings) > 1
        )

    def check_observed(self, pair: Pair, observed) -> Iterator[Hit]:
        if self.glossary:
            self._checked.append(pair)
            self._collect(pair, observed)
        return iter(())

    def _collect(self, pair: Pair, observed) -> None:
        for term, found in observed:
            if len(found) > 1:
                classes = self._same.setdefault(term, {})
                first = _root(classes, found[0][2])
                for _, _, rendering in found[1:]:
                    root = _root(classes, rendering)
                    if root != first:
                        classes[root] = first
            start, end, rendering = min(found)
            uses = self._uses.get(term)
            if uses is None:
                uses = self._uses[term] = []
            uses.append(_Use(pair, start, end, rendering))

    def finish(self, document: Document) -> Iterator[Hit]:
        checked, self._checked = self._checked, []
        uses, self._uses = self._uses, {}
        same, self._same = self._same, {}
        if not self.glossary:
            return
        same_pairs = len(checked) == len(document.pairs) and all(
            a is b for a, b in zip(checked, document.pairs, strict=True)
        )
        if not same_pairs:
            # called without check() on this document's pairs: collect now
            self._uses, self._same = {}, {}
            for pair in document.pairs:
                self._collect(pair, self.observe(pair))
            uses, self._uses = self._uses, {}
            same, self._same = self._same, {}
        for term, term_uses in uses.items():
            classes = same.get(term, {})
            counts = Counter(_root(classes, use.rendering) for use in term_uses)
            if len(counts) < 2:
                continue
            # the majority rendering; on a tie the one the document used first
            (majority, most), (_, runner_up) = counts.most_common(2)
            if most == runner_up:
                continue  # a tie has no minority to point at
            summary = ", ".join(f'"{root}" {count}' for root, count in counts.most_common())
            for use in term_uses:
                if _root(classes, use.rendering) == majority:
                    continue
                used = use.pair.en.text[use.start : use.end]
                yield Hit(
                    "en",
                    use.start,
                    use.end,
                    f'{term} rendered "{used}" here, "{majority}" elsewhere ({summary})',
                    suggestion=f'use "{majority}" throughout the document',
                    key=f"{term}:{use.rendering}",
                    pair=use.pair,
                )


def _root(classes: dict[str, str], rendering: str) -> str:
    while rendering in classes:
        rendering = classes[rendering]
    return rendering
