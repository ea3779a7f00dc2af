"""CON001 inconsistent-translation: the same source segment translated in different ways across a document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from qa.lang.consistency import segment_key
from qa.model import Document, Hit, Pair, Severity, elide
from qa.rules import Rule, RuleContext, register

#: Lines named per variant in a message; the rest are counted.
_LINES_SHOWN = 5


def variants_by(pairs_in, group_side, other_side, mask_numbers: bool) -> list[list[list[Pair]]]:
    """Groups of pairs whose ``group_side`` text is the same, each split by their ``other_side``
    text into variants (first seen first), for the groups with two variants or more.

    Each distinct text is normalised once (corpora repeat sources), and the other side only in
    groups of two pairs or more: a document of unique segments costs one key per pair."""
    by_text: dict[tuple[str, str], list[Pair]] = {}
    order: dict[int, int] = {}
    for pair in pairs_in:
        order[id(pair)] = len(order)
        grouped = group_side(pair)
        by_text.setdefault((pair.context, pair.side(grouped).text), []).append(pair)
    groups: dict[str, list[Pair]] = {}
    for (context, text), pairs in by_text.items():
        key = segment_key(text, group_side(pairs[0]), mask_numbers=mask_numbers)
        if key:  # no words (a number, a placeholder): nothing to be consistent about
            # a PO msgctxt makes another unit, maybe another meaning
            groups.setdefault(f"{context}\x04{key}" if context else key, []).extend(pairs)
    found = []
    keys: dict[tuple[str, str], str] = {}
    for pairs in groups.values():
        if len(pairs) < 2:
            continue
        variants: dict[str, list[Pair]] = {}
        for pair in sorted(pairs, key=lambda pair: order[id(pair)]):
            other = other_side(pair)
            text = pair.side(other).text
            variant = keys.get((other, text))
            if variant is None:
                variant = keys[other, text] = segment_key(text, other, mask_numbers=mask_numbers)
            if variant:  # an empty translation is TERM005's business
                variants.setdefault(variant, []).append(pair)
        if len(variants) > 1 and not _alternatives(len(pairs), len(variants)):
            found.append(list(variants.values()))
    return found


def _alternatives(occurrences: int, variants: int) -> bool:
    """A segment written four times or more, differently most times: a set of alternative
    translations (an MT test set's systems, a multi-reference corpus), not an inconsistency."""
    return occurrences >= 4 and variants * 2 > occurrences


def describe(variants: list[list[Pair]], side_of, paths: dict[int, str] | None = None) -> str:
    """'"Save" (lines 3, 9), "Store" (line 14)': every variant, as first written, and where; across
    the files of a run (``paths``: the file of each pair), '"Save" (a.po:3, b.po:9)'."""
    parts = []
    for pairs in variants:
        lines = [pair.side(side_of(pair)).lines[0] for pair in pairs]
        if paths is None:
            shown = ", ".join(str(line) for line in lines[:_LINES_SHOWN])
            where = f"{'line' if len(lines) == 1 else 'lines'} {shown}"
        else:
            where = ", ".join(
                f"{paths[id(pair)]}:{line}"
                for pair, line in zip(pairs[:_LINES_SHOWN], lines[:_LINES_SHOWN], strict=True)
            )
        more = f" and {len(lines) - _LINES_SHOWN} more" if len(lines) > _LINES_SHOWN else ""
        parts.append(f'"{elide(pairs[0].side(side_of(pairs[0])).shown().strip())}" ({where}{more})')
    return ", ".join(parts)


def scope_option(options) -> str:
    value = options.get("scope", "document")
    if value not in ("document", "run"):
        raise ValueError(f"scope: expected document or run, got {value!r}")
    return value


def run_pairs(documents) -> tuple[list[Pair], dict[int, str]]:
    """Every pair of a run's documents in order, and the file each comes from."""
    pairs = [pair for document in documents for pair in document.pairs]
    return pairs, {id(pair): document.path for document in documents for pair in document.pairs}


def minority(variants: list[list[Pair]]) -> list[list[Pair]]:
    """The variants to point at: all but the most used (on a tie, all but the first written)."""
    majority = max(range(len(variants)), key=lambda index: (len(variants[index]), -index))
    return [pairs for index, pairs in enumerate(variants) if index != majority]


class ConsistencyRule(Rule):
    """Base of CON001 and CON002 (not registered): pairs grouped by one side's text, split by the other's."""

    options: ClassVar[frozenset[str]] = frozenset({"mask-numbers", "scope"})
    #: Which side groups the pairs (the source for CON001, the target for CON002), and which varies.
    grouped_by: ClassVar[str] = "source"

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

    def message(self, text: str, variants: int, summary: str) -> str:
        raise NotImplementedError

    suggestion: ClassVar[str] = ""

    def _hits(self, pairs, paths: dict[int, str] | None) -> Iterator[Hit]:
        group, other = (_source, _target) if self.grouped_by == "source" else (_target, _source)
        for variants in variants_by(pairs, group, other, self.mask_numbers):
            first = variants[0][0]
            text = first.side(group(first)).shown().strip()
            summary = describe(variants, other, paths)
            for minority_pairs in minority(variants):
                for pair in minority_pairs:
                    target = pair.side(pair.target).text
                    keyed = pair.side(other(pair) if self.grouped_by == "source" else pair.source)
                    yield Hit(
                        pair.target,
                        len(target) - len(target.lstrip()),
                        len(target.rstrip()),
                        self.message(text, len(variants), summary),
                        suggestion=self.suggestion,
                        key=segment_key(keyed.text, keyed.lang, mask_numbers=self.mask_numbers),
                        pair=pair,
                    )


@register
class InconsistentTranslation(ConsistencyRule):
    """The same source segment is translated in different ways across a document.

    A translation memory, a catalogue or a long report that renders one sentence or label two
    ways ("Delete" as 删除 here and 移除 there) makes the reader wonder whether they differ,
    and every later translation from that memory inherits the doubt. Segments count as the same
    when they differ only in Traditional/Simplified characters, full/half width, case,
    spacing, punctuation or a menu's access key (``关于(&A)``), and are the same unit only in the
    same context where the format gives one (a PO ``msgctxt``); with ``mask-numbers`` numbers
    are masked too (``新开工300个`` and ``新开工200个`` are one pattern). The finding names every
    variant with its lines and is reported on each pair that uses a less common one (on a tie,
    on all but the first written). A segment written four times or more and translated
    differently most times is a set of alternatives (an MT test set's systems, several
    references), not an inconsistency, and is not reported.

    **Fails:** a catalogue translating ``Stage deletion [y,n,q,a,d]?`` as 暂存删除 [y,n,q,a,d]？
    and elsewhere as 暂存删除变更 [y,n,q,a,d]？

    **Passes:** the same source translated the same way each time, or with only punctuation or
    spacing between the two (``新文件依赖旧内容`` and ``新文件 依赖旧内容``)

    Options: ``mask-numbers`` (true or false, default false); ``scope``: ``document`` (the default)
    or ``run``, every file of one ``qa check`` together (a catalogue per language, a memory split
    over files), with each variant's file and line named.
    """

    code: ClassVar[str] = "CON001"
    name: ClassVar[str] = "inconsistent-translation"
    severity: ClassVar[Severity] = "warning"
    suggestion: ClassVar[str] = "translate it one way throughout, unless the contexts differ"

    def message(self, text: str, variants: int, summary: str) -> str:
        return f'"{elide(text)}" is translated {variants} ways: {summary}'


def mask_numbers_option(options) -> bool:
    value = options.get("mask-numbers", False)
    if not isinstance(value, bool):
        raise ValueError(f"mask-numbers: expected true or false, got {value!r}")
    return value


def _source(pair: Pair):
    return pair.source


def _target(pair: Pair):
    return pair.target
