"""CON002 inconsistent-source: one translation used for different source segments across a document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from qa.lang.consistency import segment_key
from qa.model import Document, Hit, Pair, Severity, elide
from qa.rules import Rule, RuleContext, register
from qa.rules.con001 import describe, mask_numbers_option, minority, run_pairs, scope_option, variants_by


@register
class InconsistentSource(Rule):
    """One translation is used for different source segments across a document.

    The same target text for two different sources is often right (``could not read index``
    and ``could not read the index`` are both 无法读取索引), but it is also how a copied
    translation that belongs to another segment shows itself (``Delete CGM`` translated 趋势,
    "trend", the translation of the line above). Segments are compared as CON001 compares them.
    The finding names every source with its lines and is reported on each pair whose source is
    the less common one. A note, and off unless selected (``--select CON002``, ``CON`` or
    ``ALL``): a reviewer asks for these, a gate does not fail on them.

    **Fails:** a catalogue translating both ``Trend`` and ``Delete CGM`` as 趋势

    **Passes:** a catalogue translating ``Trend`` as 趋势 and ``Delete CGM`` as 删除CGM

    Options: ``mask-numbers`` (true or false, default false); ``scope`` (``document`` or ``run``, as
    for CON001).
    """

    code: ClassVar[str] = "CON002"
    name: ClassVar[str] = "inconsistent-source"
    severity: ClassVar[Severity] = "note"
    default_enabled: ClassVar[bool] = False
    options: ClassVar[frozenset[str]] = frozenset({"mask-numbers", "scope"})

    def __init__(self, context: RuleContext | None = None) -> None:
        super().__init__(context)
        self.mask_numbers = mask_numbers_option(self.context.options)
        self.scope = scope_option(self.context.options)

    def finish(self, document: Document) -> Iterator[Hit]:
        if self.scope == "document":
            yield from self._hits(document.pairs, None)

    def finish_run(self, documents) -> Iterator[Hit]:
        if self.scope == "run":
            yield from self._hits(*run_pairs(documents))

    def _hits(self, pairs, paths: dict[int, str] | None) -> Iterator[Hit]:
        for variants in variants_by(pairs, _target, _source, self.mask_numbers):
            target = variants[0][0].side(variants[0][0].target).shown().strip()
            summary = describe(variants, _source, paths)
            for minority_pairs in minority(variants):
                for pair in minority_pairs:
                    text = pair.side(pair.target).text
                    yield Hit(
                        pair.target,
                        len(text) - len(text.lstrip()),
                        len(text.rstrip()),
                        f'"{elide(target)}" translates {len(variants)} different sources: {summary}',
                        suggestion="check that this translation belongs to this source",
                        key=segment_key(pair.side(pair.source).text, pair.source, mask_numbers=self.mask_numbers),
                        pair=pair,
                    )


def _source(pair: Pair):
    return pair.source


def _target(pair: Pair):
    return pair.target
