"""Conversions counted as matches: pairs of quantities that differ only by a correct conversion
(200公顷 ↔ 2 km²) move from the unmatched quantities to the matched ones."""

from __future__ import annotations

import bisect
import heapq
import math
from dataclasses import replace

from qa.lang.numbers.quantity import Quantity
from qa.lang.units.compare import candidates, heads
from qa.lang.units.convert import converts, dimension, rounding_quantum, same_unit
from qa.lang.units.lexicon import Lexicon, Unit, UnitMention, unit_after


def reconcile(comparison, lexicon: Lexicon, zh_text: str, en_text: str):
    """Move pairs that differ only by a correct conversion (200公顷 ↔ 2 km²) to the matched pairs.

    Called by qa.lang.comparison when both sides have unmatched quantities, so that NUM
    rules do not report a converted value as a wrong one.
    """
    zh_left = list(comparison.zh_missing) + [z for z, _ in comparison.mistranslated]
    en_left = list(comparison.en_extra) + [e for _, e in comparison.mistranslated]
    zh_units = [(q, unit_after(lexicon, "zh", zh_text, q)) for q in zh_left]
    zh_units = [(q, mention) for q, mention in zh_units if mention is not None]
    if not zh_units:
        return comparison
    converted: list[tuple[Quantity, Quantity]] = []
    used: set[int] = set()
    if len(zh_units) * len(en_left) > _SCAN_LIMIT:
        _convert_indexed(lexicon, zh_units, en_left, en_text, converted, used)
    for zh_quantity, zh_mention in () if len(zh_units) * len(en_left) > _SCAN_LIMIT else zh_units:
        for en_quantity in en_left:
            if id(en_quantity) in used:
                continue
            en_mention = unit_after(lexicon, "en", en_text, en_quantity)
            if en_mention is None:
                continue
            if any(
                not same_unit(zh_unit, en_unit) and converts(lexicon, zh_quantity, zh_unit, en_quantity, en_unit)
                for zh_unit, en_unit in candidates(zh_mention, en_mention)
            ):
                converted.append((zh_quantity, en_quantity))
                used.add(id(en_quantity))
                used.add(id(zh_quantity))
                break
    if not converted:
        return comparison
    # a mistranslated pair one of whose quantities was a conversion leaves the other one alone
    orphans = [(z, e) for z, e in comparison.mistranslated if (id(z) in used) != (id(e) in used)]
    return replace(
        comparison,
        matched=comparison.matched + tuple(converted),
        zh_missing=tuple(q for q in comparison.zh_missing if id(q) not in used)
        + tuple(z for z, _ in orphans if id(z) not in used and z.hard),
        en_extra=tuple(q for q in comparison.en_extra if id(q) not in used)
        + tuple(e for _, e in orphans if id(e) not in used and e.hard),
        mistranslated=tuple((z, e) for z, e in comparison.mistranslated if id(z) not in used and id(e) not in used),
    )


#: Above this many (Chinese, English) pairs, reconcile finds the English quantities a Chinese one
#: may be a conversion of by their units rather than by trying each (see _convert_indexed).
_SCAN_LIMIT = 4096


def _may_convert(lexicon: Lexicon, zh_unit: Unit, en_unit: Unit) -> bool:
    """Whether a value in ``zh_unit`` can be a conversion into ``en_unit`` (what reconcile asks of a
    candidate pair, and converts of the units alone)."""
    zh_unit, en_unit = heads(zh_unit, en_unit)
    if same_unit(zh_unit, en_unit):
        return False
    if zh_unit.currency or en_unit.currency:
        if zh_unit.currency != en_unit.currency or zh_unit.per or en_unit.per:
            return False
    if dimension(lexicon, zh_unit)[0] != dimension(lexicon, en_unit)[0]:
        return False
    return "kelvin" not in zh_unit.pint.lower() and "celsius" not in zh_unit.pint.lower()


class _UnitValues:
    """The English quantities in one unit, by value: those with one (value, quantum, approximation)
    convert alike, and are kept together, each a heap of places in en_left."""

    def __init__(self) -> None:
        self.heaps: dict[tuple, list[int]] = {}
        self.values: list[tuple[float, tuple]] = []  # (value, signature), sorted once filled
        self.widest = 0.0  # the largest tolerance any of them gives (half its quantum)

    def add(self, quantity: Quantity, index: int) -> None:
        signature = (quantity.value, quantity.quantum, bool(quantity.approx))
        heap = self.heaps.get(signature)
        if heap is None:
            heap = self.heaps[signature] = []
            self.values.append((float(quantity.value), signature))
            self.widest = max(self.widest, float(rounding_quantum(quantity)) / 2)
        heap.append(index)  # in order: a heap already

    def near(self, low: float, high: float) -> list[tuple]:
        """The signatures whose value is in [low, high]."""
        values = self.values
        found = []
        for place in range(bisect.bisect_left(values, (low,)), len(values)):
            value, signature = values[place]
            if value > high:
                break
            found.append(signature)
        return found


def _convert_indexed(
    lexicon: Lexicon,
    zh_units: list[tuple[Quantity, UnitMention]],
    en_left: list[Quantity],
    en_text: str,
    converted: list[tuple[Quantity, Quantity]],
    used: set[int],
) -> None:
    """reconcile's pairing for many quantities, with the same result: each Chinese quantity takes the
    first English one left that is its conversion, looked for only among the English quantities in
    a unit it can convert into and with a value near the converted one (the tolerance of converts,
    at its widest); ranges, which may convert by their upper ends, are tried one by one."""
    by_unit: dict[Unit, _UnitValues] = {}
    ranges: list[int] = []
    mentions: dict[int, UnitMention] = {}
    for index, quantity in enumerate(en_left):
        mention = unit_after(lexicon, "en", en_text, quantity)
        if mention is None:
            continue
        mentions[index] = mention
        if quantity.high is not None:
            ranges.append(index)
            continue
        for unit in mention.units:
            by_unit.setdefault(unit, _UnitValues()).add(quantity, index)
    for values in by_unit.values():
        values.values.sort()
    ratios: dict[tuple[Unit, Unit], float | None] = {}  # zh unit → en unit factor, None if it cannot convert

    def converting(zh_quantity: Quantity, zh_mention: UnitMention, index: int) -> bool:
        return any(
            not same_unit(zh_unit, en_unit) and converts(lexicon, zh_quantity, zh_unit, en_left[index], en_unit)
            for zh_unit, en_unit in candidates(zh_mention, mentions[index])
        )

    first_range = 0  # the first range not taken
    for zh_quantity, zh_mention in zh_units:
        best = None
        for en_unit, values in by_unit.items():
            for zh_unit in zh_mention.units:
                key = (zh_unit, en_unit)
                if key not in ratios:
                    pair_heads = heads(zh_unit, en_unit)
                    ratios[key] = (
                        dimension(lexicon, pair_heads[0])[1] / dimension(lexicon, pair_heads[1])[1]
                        if _may_convert(lexicon, zh_unit, en_unit)
                        else None
                    )
                ratio = ratios[key]
                if ratio is None:
                    continue
                expected = float(zh_quantity.value) * ratio
                if not math.isfinite(expected):
                    continue
                # converts' tolerance at its widest for these units, and a little for float rounding
                reach = max(values.widest, float(zh_quantity.quantum) * ratio / 2, abs(expected) * 0.002) * 1.0002
                for signature in values.near(expected - reach, expected + reach):
                    heap = values.heaps[signature]
                    while heap and id(en_left[heap[0]]) in used:
                        heapq.heappop(heap)
                    if heap and (best is None or heap[0] < best) and converting(zh_quantity, zh_mention, heap[0]):
                        best = heap[0]
        while first_range < len(ranges) and id(en_left[ranges[first_range]]) in used:
            first_range += 1
        for place in range(first_range, len(ranges)):
            index = ranges[place]
            if best is not None and index > best:
                break
            if id(en_left[index]) not in used and converting(zh_quantity, zh_mention, index):
                best = index
                break
        if best is not None:
            en_quantity = en_left[best]
            converted.append((zh_quantity, en_quantity))
            used.add(id(en_quantity))
            used.add(id(zh_quantity))
