"""Matching past thousands of comparisons: the quantities of a huge pair found through indexes by
value, date and time rather than by trying every (Chinese, English) pair."""

from __future__ import annotations

import heapq
from decimal import Decimal

from qa.lang.numbers.agree import _english_quantum, _exactly, _plain, _rounded, values_agree
from qa.lang.numbers.quantity import Quantity, family

#: Above this many (Chinese, English) comparisons, _pair_up and the mistranslation pass find
#: candidates through indexes rather than by trying every pair: a line of a million characters
#: holds a hundred thousand quantities a side.
_SCAN_LIMIT = 4096


def _signature(quantity: Quantity) -> tuple:
    """Every field values_agree reads of a quantity: two with the same signature agree with the same ones."""
    return (
        quantity.kind, quantity.value, quantity.high, quantity.date, quantity.quantum, bool(quantity.approx),
        quantity.magnitude,
    )  # fmt: skip


def _calendar_keys(quantity: Quantity) -> list[tuple]:
    """Keys two dates or months share whenever _dates_agree holds: the day, or (no day) the month or year."""
    if quantity.kind == "month" or quantity.date is None:
        return [("month", quantity.date[1] if quantity.date else int(quantity.value))]
    year, month, day = quantity.date
    if day is not None:
        return [("day", day)]
    return [("month", month), ("year", year)]


def _time_parts(quantity: Quantity) -> tuple[int, int, int]:
    """The values a time agrees with in a quantity of another kind (see _times_agree)."""
    hours = int(quantity.value) // 60
    return hours, hours % 12, int(quantity.value) % 60


class _Pool:
    """Quantities with one signature: the one _pair_up prefers, fast.

    Kept by hardness, each a heap of (start, position in the list)."""

    __slots__ = ("heaps", "kind")

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.heaps: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])  # hard, soft

    def best(self, kind: str, taken: set[int]) -> tuple[tuple, int] | None:
        """(the preference key, the index) of the preferred quantity not yet taken."""
        for soft, heap in enumerate(self.heaps):
            while heap and heap[0][1] in taken:
                heapq.heappop(heap)
            if heap:
                start, index = heap[0]
                return (self.kind != kind, bool(soft), start, index), index
        return None


class _Index:
    """Quantities (the English side, or those already matched) found by what a quantity of the
    other side can agree with, so that it is compared with a few signatures, not with every one.

    For any two quantities that agree, the keys of one (``keys``) meet the keys asked for the
    other (``candidates``); the candidates are then compared."""

    def __init__(self, quantities: list[Quantity], tolerant: bool) -> None:
        self.tolerant = tolerant
        self.pools: dict[tuple, _Pool] = {}
        self.samples: dict[tuple, Quantity] = {}
        self.by_key: dict[tuple, dict[tuple, None]] = {}
        self.quanta: dict[str, dict[Decimal, None]] = {"plain": {}, "range": {}}
        for index, quantity in enumerate(quantities):
            signature = _signature(quantity)
            pool = self.pools.get(signature)
            if pool is None:
                pool = self.pools[signature] = _Pool(quantity.kind)
                self.samples[signature] = quantity
                for key in self.keys(quantity):
                    self.by_key.setdefault(key, {})[signature] = None
            pool.heaps[0 if quantity.hard else 1].append((quantity.start, index))
        for pool in self.pools.values():
            for heap in pool.heaps:
                heapq.heapify(heap)

    def keys(self, quantity: Quantity) -> list[tuple]:
        kind = quantity.kind
        keys: list[tuple] = [("value", quantity.value)]
        if kind in ("date", "month"):
            return [("calendar", *key) for key in _calendar_keys(quantity)]
        if kind == "time":
            keys.append(("time", quantity.value % 720))
            keys += [("time part", part) for part in _time_parts(quantity)]
        elif kind == "range":
            keys.append(("range",))
            if quantity.magnitude:
                keys.append(("loose range",))
            if self.tolerant:
                quantum = _english_quantum(quantity)
                self.quanta["range"][quantum] = None
                keys.append(("rounded range", quantum, quantity.value))
        elif self.tolerant:
            keys.append(("any number",))
            if quantity.value:
                keys.append(("order", quantity.value.adjusted()))
            if _plain(quantity):
                quantum = _english_quantum(quantity)
                self.quanta["plain"][quantum] = None
                keys.append(("rounded", quantum, quantity.value))
            else:
                keys.append(("loose",))
        return keys

    def candidates(self, quantity: Quantity) -> dict[tuple, None]:
        """The signatures that may agree with ``quantity`` (with no duplicates)."""
        kind, value = quantity.kind, quantity.value
        if kind in ("date", "month"):
            asked = [("calendar", *key) for key in _calendar_keys(quantity)]
        elif kind == "time":
            asked = [("value", value), ("time", value % 720), *(("value", part) for part in _time_parts(quantity))]
        elif kind == "range":
            asked = [("value", value), ("time part", value)]
            if self.tolerant:
                asked.append(("loose range",))
                if quantity.magnitude:
                    asked.append(("range",))
                asked += [("rounded range", quantum, _rounded(value, quantum)) for quantum in self.quanta["range"]]
        else:
            asked = [("value", value), ("time part", value)]
            if self.tolerant:
                asked.append(("loose",))
                if _plain(quantity):
                    asked += [
                        ("rounded", quantum, _rounded(value, quantum))
                        for quantum in self.quanta["plain"]
                        if quantum > quantity.quantum
                    ]
                elif kind == "fraction":
                    asked.append(("any number",))
                else:
                    asked += [("value", value - 1), ("value", value + 1)]  # a multiple: 增长1倍 is "doubled"
                    if value:
                        asked.append(("order", value.adjusted()))  # an order of magnitude
        found: dict[tuple, None] = {}
        for key in asked:
            signatures = self.by_key.get(key)
            if signatures:
                found.update(signatures)
        return found


def _pair_up_indexed(
    zh: list[Quantity], en: list[Quantity], tolerant: bool, matched: list[tuple[Quantity, Quantity]]
) -> tuple[list[Quantity], list[Quantity]]:
    """_pair_up for many quantities, with the same result: each Chinese quantity is compared with
    the English signatures an index gives it (see _Index), and takes the preferred English
    quantity of those that agree."""
    index = _Index(en, tolerant)
    agree = values_agree if tolerant else _exactly
    taken: set[int] = set()
    unmatched_zh: list[Quantity] = []
    for quantity in sorted(zh, key=lambda q: (not q.hard, q.start)):
        best: tuple[tuple, int] | None = None
        for signature in index.candidates(quantity):
            if not agree(quantity, index.samples[signature]):
                continue
            found = index.pools[signature].best(quantity.kind, taken)
            if found is not None and (best is None or found[0] < best[0]):
                best = found
        if best is None:
            unmatched_zh.append(quantity)
            continue
        taken.add(best[1])
        matched.append((quantity, en[best[1]]))
    unmatched_zh.sort(key=lambda q: q.start)
    return unmatched_zh, [quantity for position, quantity in enumerate(en) if position not in taken]


def _mistranslations_indexed(zh: list[Quantity], en: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """match_quantities' pairing of unmatched quantities for many of them, with the same result:
    each Chinese quantity takes the first English one left that it can be a mistranslation of,
    found among the English quantities grouped by family, hardness, ordinal and enumerator."""
    groups: dict[tuple[str, bool, bool, bool], list[int]] = {}
    for index, quantity in enumerate(en):
        key = (family(quantity.kind), quantity.hard, quantity.kind == "ordinal", quantity.enumerator)
        groups.setdefault(key, []).append(index)
    heads = dict.fromkeys(groups, 0)
    taken: set[int] = set()
    pairs = []
    for quantity in zh:
        if quantity.identifier:
            continue
        ordinal = quantity.kind == "ordinal"
        first = None
        for key, indexes in groups.items():
            kin, hard, other_ordinal, enumerator = key
            if kin != family(quantity.kind) or not (
                (quantity.hard and hard)
                or (ordinal and other_ordinal and (quantity.hard or hard or (quantity.enumerator and enumerator)))
            ):
                continue
            head = heads[key]
            while head < len(indexes) and indexes[head] in taken:
                head += 1
            heads[key] = head
            if head < len(indexes) and (first is None or indexes[head] < first):
                first = indexes[head]
        if first is not None:
            taken.add(first)
            pairs.append((quantity, en[first]))
    return pairs
