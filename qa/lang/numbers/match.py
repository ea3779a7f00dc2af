"""Matching the quantities of a Chinese text with those of its English translation.

Values are compared, not digit strings: 6.1万 matches 61,000, 3.5亿 matches 350 million,
第十六届 matches Sixteenth, 2023年1月15日 matches January 15th, 2023. A value written with
less precision matches its rounding (12.36亿 ↔ 1.24 billion), an approximation (约, 多,
more than) matches to its last significant digit, an order of magnitude (千亿级, 数十万)
matches any number of that order. Ranges and dates that have no match as a whole are
compared by their parts (2016年—2035年 ↔ 2016 … 2035).

What is left unmatched is sorted into what the rules report: a Chinese quantity with no
English counterpart (NUM001), an English one with no Chinese counterpart (NUM002), and
a pair of unmatched quantities of the same family, one value translated wrongly (NUM003).
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from functools import lru_cache

from qa.lang.numbers.en import en_quantities
from qa.lang.numbers.en_tokens import _trie_pattern
from qa.lang.numbers.quantity import Quantity, any_size, family, format_value
from qa.lang.numbers.zh import zh_quantities
from qa.model import elide

__all__ = ["NumberComparison", "compare_numbers", "match_quantities", "power_of_ten", "values_agree"]


@dataclass(frozen=True)
class NumberComparison:
    """The quantities of both sides and how they pair up."""

    zh: tuple[Quantity, ...]
    en: tuple[Quantity, ...]
    matched: tuple[tuple[Quantity, Quantity], ...]
    #: Hard Chinese quantities with no English counterpart and no wrong value to pair with.
    zh_missing: tuple[Quantity, ...]
    #: Hard English quantities with no Chinese counterpart and no wrong value to pair with.
    en_extra: tuple[Quantity, ...]
    #: (Chinese, English) quantities of the same family, both unmatched: a value translated wrongly.
    mistranslated: tuple[tuple[Quantity, Quantity], ...]


@lru_cache(maxsize=1 << 16)  # a test set repeats its sources thousands of pairs apart
def _zh_quantities_cached(zh_text: str) -> tuple[Quantity, ...]:
    """Translation memories and MT test sets repeat a source sentence once per target
    (a test set pairs each source with every system's output), so sides are worth remembering.

    A "Chinese" side with Latin letters and no Han character is English left as it was ("6 February
    2015" on both sides of a UN document's date line): it is read as English.
    """
    if _LATIN_LETTER.search(zh_text) and not _HAN.search(zh_text):
        return tuple(en_quantities(zh_text))
    return tuple(zh_quantities(zh_text))


_LATIN_LETTER = re.compile("[A-Za-z]")
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


@lru_cache(maxsize=1 << 16)  # a test set repeats its sources thousands of pairs apart
def _en_quantities_cached(en_text: str) -> tuple[Quantity, ...]:
    """The same for English sources translated into Chinese by many systems."""
    return tuple(en_quantities(en_text))


#: What a *hard* English quantity needs (see qa.lang.numbers.en): a digit, a number word above
#: ten, a scale word, or percent. Without one, every English quantity is soft.
_DIGIT = re.compile("[0-9]")
_HARD_ENGLISH_WORD = re.compile(
    _trie_pattern(
        [
            *"eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty".split(),
            *"fifty sixty seventy eighty ninety hundred thousand million billion trillion percent".split(),
            "per cent",
        ]
    )
)  # searched in the lower-cased text: a case-insensitive alternation is many times slower in re


def _may_be_hard_in_english(text: str) -> bool:
    # two scans beat one: a digit class alone is searched in C without trying the words at each position
    return _DIGIT.search(text) is not None or _HARD_ENGLISH_WORD.search(text.lower()) is not None


@lru_cache(maxsize=512)
@any_size  # 亿亿亿… and 1e999999 thousand overflow the default decimal context
def compare_numbers(zh_text: str, en_text: str) -> NumberComparison:
    """Extract and match the numbers alone (no unit conversions: qa.lang.comparison adds those)."""
    return settle_numerals(match_numbers(zh_text, en_text), zh_text)


def match_numbers(zh_text: str, en_text: str) -> NumberComparison:
    """The quantities of both sides extracted and matched, before any rescue of the unmatched ones."""
    zh = _zh_quantities_cached(zh_text)
    if not zh and not _may_be_hard_in_english(en_text):
        # nothing on the Chinese side to match, and nothing hard (reportable) on the English
        # side: about half of all pairs, and the English need not be read at all
        return _NO_NUMBERS
    return match_quantities(list(zh), list(_en_quantities_cached(en_text)))


def has_unmatched(comparison: NumberComparison) -> bool:
    """Whether both sides keep something unmatched: only then can a conversion explain it."""
    mistranslated = comparison.mistranslated
    return bool((comparison.zh_missing or mistranslated) and (comparison.en_extra or mistranslated))


def settle_numerals(comparison: NumberComparison, zh_text: str) -> NumberComparison:
    """Drop the hanzi numerals about to be reported that the segmenter says are no numerals at all."""
    if any(_needs_segmenter(q) for q in comparison.zh_missing) or any(
        _needs_segmenter(z) for z, _ in comparison.mistranslated
    ):
        # A hanzi numeral about to be reported: ask the segmenter whether it is a numeral at all
        # (十六进制 is "hexadecimal", 万一 "in case"). Rarely reached, so jieba's cost stays small.
        words = _word_bounds(zh_text)
        comparison = replace(
            comparison,
            zh_missing=tuple(q for q in comparison.zh_missing if not _needs_segmenter(q) or _stands_alone(q, words)),
            mistranslated=tuple(
                (z, e) for z, e in comparison.mistranslated if not _needs_segmenter(z) or _stands_alone(z, words)
            ),
        )
    return comparison


@lru_cache(maxsize=1)
def _segmenter():
    import jieba

    jieba.setLogLevel(60)
    return jieba


def prepare() -> None:
    """Load jieba's dictionary now (before worker processes fork), not on the first numeral."""
    _segmenter().initialize()


def _word_bounds(text: str) -> frozenset[int]:
    """Offsets where jieba's segmentation puts a word boundary."""
    bounds = {0}
    offset = 0
    for word in _segmenter().cut(text, HMM=False):
        offset += len(word)
        bounds.add(offset)
    return frozenset(bounds)


def _needs_segmenter(quantity: Quantity) -> bool:
    """A bare hanzi numeral (no 第, no measure word, no unit) may be part of a word."""
    return quantity.spelled and quantity.kind == "cardinal" and not (quantity.measure or quantity.unit)


def _stands_alone(quantity: Quantity, bounds: frozenset[int]) -> bool:
    """The numeral starts a word: 十六 in 十六世纪 does, 十六 in 十六进制 (one word) does not."""
    start = quantity.start
    if start not in bounds:
        return False
    following = sorted(bound for bound in bounds if bound > start)
    # the word that starts there must end inside the quantity's span (a numeral, maybe with its measure word)
    return bool(following) and following[0] <= quantity.end + 2


def _last_digit_place(value: Decimal) -> Decimal:
    """10 ** (position of the last non-zero digit): 380000 → 10000, 6.1 → 0.1."""
    if not value:
        return Decimal(1)
    normal = value.normalize()
    return Decimal(1).scaleb(normal.as_tuple().exponent)  # type: ignore[arg-type]


def _rounds_to(fine: Decimal, coarse: Decimal, quantum: Decimal) -> bool:
    if quantum <= 0:
        return fine == coarse
    return _rounded(fine, quantum) == coarse


def _rounded(value: Decimal, quantum: Decimal) -> Decimal:
    """``value`` rounded (half up) to a multiple of ``quantum`` (> 0)."""
    try:
        return (value / quantum).quantize(Decimal(1), rounding=ROUND_HALF_UP) * quantum
    except InvalidOperation:
        # more digits than the context's precision (a 40-digit number to the unit): with as many as it takes
        with localcontext() as context:
            context.prec = max(context.prec, value.adjusted() - quantum.adjusted() + 3)
            return (value / quantum).quantize(Decimal(1), rounding=ROUND_HALF_UP) * quantum


def _order(value: Decimal) -> int:
    return value.adjusted() if value else 0


def _numbers_agree(a: Quantity, b: Quantity, tolerant: bool) -> bool:
    if a.value == b.value:
        return True
    if not tolerant:
        return False
    if a.kind == "fraction" or b.kind == "fraction":
        ratio = a.value * 100 if a.kind == "fraction" and b.kind == "percent" else a.value
        other = b.value * 100 if b.kind == "fraction" and a.kind == "percent" else b.value
        return abs(ratio - other) <= Decimal("0.001") * max(abs(ratio), abs(other), Decimal(1))
    if a.magnitude or b.magnitude:
        # 千亿级 ↔ over 100 billion; 数十万 ↔ hundreds of thousands
        return bool(a.value and b.value) and _order(a.value) == _order(b.value)
    if a.kind == "multiple" or b.kind == "multiple":
        # 增长1倍 is "doubled": the count of times may be read either way
        return abs(a.value - b.value) == 1
    # a is the Chinese quantity, b the English one: the translation may round the source
    # (12.36亿 → 1.24 billion, 1.98亿 → about 200 million) but not be more precise than it
    quantum = b.quantum
    if b.approx:
        quantum = max(quantum, _last_digit_place(b.value))
    return quantum > a.quantum and _rounds_to(a.value, b.value, quantum)


def _dates_agree(a: Quantity, b: Quantity) -> bool:
    if a.kind == "month" or b.kind == "month":
        month_a = a.date[1] if a.date else int(a.value)
        month_b = b.date[1] if b.date else int(b.value)
        both_months = a.kind == b.kind == "month"
        return month_a == month_b and (both_months or (a.date or b.date or (None, None, None))[2] is None)
    assert a.date is not None and b.date is not None
    shared = False
    for index, (part_a, part_b) in enumerate(zip(a.date, b.date, strict=True)):
        if part_a is not None and part_b is not None:
            if part_a != part_b:
                return False
            shared = True
        elif index == 2 and (part_a is None) != (part_b is None):
            return False  # a day on one side only: a different (or a truncated) date
    return shared


def _times_agree(a: Quantity, b: Quantity) -> bool:
    if a.kind == b.kind == "time":
        return a.value % 720 == b.value % 720
    time, other = (a, b) if a.kind == "time" else (b, a)
    hours = int(time.value) // 60
    return other.value in (hours, hours % 12, int(time.value) % 60)


#: Kinds compared by their own rules; any other two quantities compare as numbers.
_SPECIAL_KINDS = frozenset({"date", "month", "time", "range"})


def values_agree(a: Quantity, b: Quantity, tolerant: bool = True) -> bool:
    """Whether two quantities (any sides, any order) say the same thing."""
    if a.kind not in _SPECIAL_KINDS and b.kind not in _SPECIAL_KINDS:  # the common case, first
        return a.value == b.value or (tolerant and _numbers_agree(a, b, tolerant))
    a_calendar = a.kind in ("date", "month")
    b_calendar = b.kind in ("date", "month")
    if a_calendar or b_calendar:
        return a_calendar and b_calendar and _dates_agree(a, b)
    if a.kind == "time" or b.kind == "time":
        return _times_agree(a, b)
    if a.kind == "range" or b.kind == "range":
        if a.kind != b.kind or a.high is None or b.high is None:
            return False
        low_a, low_b = replace(a, kind="cardinal"), replace(b, kind="cardinal")
        high_a, high_b = replace(low_a, value=a.high), replace(low_b, value=b.high)
        return _numbers_agree(low_a, low_b, tolerant) and _numbers_agree(high_a, high_b, tolerant)
    return _numbers_agree(a, b, tolerant)


def _date_parts(quantity: Quantity) -> tuple[Quantity, ...]:
    if quantity.kind != "date" or quantity.date is None:
        return quantity.parts
    year, month, day = quantity.date
    parts = []
    if year is not None:
        parts.append(replace(quantity, value=Decimal(year), kind="year", date=None))
    if month is not None:
        parts.append(replace(quantity, value=Decimal(month), kind="month", date=None))
    if day is not None:
        parts.append(replace(quantity, value=Decimal(day), kind="day", date=None))
    return tuple(parts)


def _split(quantity: Quantity, whole: dict[int, Quantity]) -> tuple[Quantity, ...]:
    parts = _date_parts(quantity) or (quantity,)
    for part in parts:
        whole[id(part)] = quantity
    return parts


def _wholes(parts: list[Quantity], whole: dict[int, Quantity]) -> list[Quantity]:
    """The ranges and dates some part of which found no match, each once."""
    found: dict[int, Quantity] = {}
    for part in parts:
        quantity = whole.get(id(part), part)
        found.setdefault(id(quantity), quantity)
    return sorted(found.values(), key=lambda q: q.start)


def _pair_up(
    zh: list[Quantity],
    en: list[Quantity],
    agree: Callable[[Quantity, Quantity], bool],
    matched: list[tuple[Quantity, Quantity]],
) -> tuple[list[Quantity], list[Quantity]]:
    """Greedy matching, hard Chinese quantities first, preferring the same kind and a similar position."""
    if len(zh) * len(en) > _SCAN_LIMIT:
        return _pair_up_indexed(zh, en, agree is not _exactly, matched)
    remaining_en = list(en)
    unmatched_zh: list[Quantity] = []
    for quantity in sorted(zh, key=lambda q: (not q.hard, q.start)):
        candidates = [other for other in remaining_en if agree(quantity, other)]
        if not candidates:
            unmatched_zh.append(quantity)
            continue
        best = min(candidates, key=lambda other: (other.kind != quantity.kind, not other.hard, other.start))
        remaining_en.remove(best)
        matched.append((quantity, best))
    unmatched_zh.sort(key=lambda q: q.start)
    return unmatched_zh, remaining_en


#: Above this many (Chinese, English) comparisons, _pair_up and the mistranslation pass find
#: candidates through indexes rather than by trying every pair: a line of a million characters
#: holds a hundred thousand quantities a side.
_SCAN_LIMIT = 4096


def _exactly(a: Quantity, b: Quantity) -> bool:
    return values_agree(a, b, tolerant=False)


def _plain(quantity: Quantity) -> bool:
    """A quantity that agrees with another plain one by value alone (equal or, tolerantly, rounded to
    the English quantum): no date, month, time or range, no fraction, multiple or order of magnitude."""
    return (
        quantity.kind not in _SPECIAL_KINDS
        and quantity.kind not in ("fraction", "multiple")
        and not (quantity.magnitude)
    )


def _english_quantum(quantity: Quantity) -> Decimal:
    """The precision a tolerant comparison gives an English quantity (see _numbers_agree)."""
    if quantity.approx:
        return max(quantity.quantum, _last_digit_place(quantity.value))
    return quantity.quantum


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


def _repeated(quantities: list[Quantity], matched: list[Quantity]) -> list[Quantity]:
    """``quantities`` without those equal to one already matched (a number repeated on one side)."""
    if len(quantities) * len(matched) <= _SCAN_LIMIT:
        return [q for q in quantities if not any(values_agree(q, other, tolerant=False) for other in matched)]
    index = _Index(matched, tolerant=False)
    return [
        quantity
        for quantity in quantities
        if not any(
            values_agree(quantity, index.samples[signature], tolerant=False) for signature in index.candidates(quantity)
        )
    ]


def _one_to_one(zh: list[Quantity], en: list[Quantity]) -> tuple[tuple[Quantity, Quantity], ...] | None:
    """The matching when both sides hold the same distinct values (most good translations), else None.

    Each Chinese quantity then has exactly one English quantity of equal value, which the greedy
    matching below would pick in its first pass, in the same order; nothing is left over.
    """
    if len(zh) != len(en):
        return None
    by_value: dict[Decimal, Quantity] = {}
    for quantity in en:
        if quantity.kind in _SPECIAL_KINDS or quantity.value in by_value:
            return None
        by_value[quantity.value] = quantity
    pairs = []
    for quantity in sorted(zh, key=lambda q: (not q.hard, q.start)):
        other = by_value.pop(quantity.value, None)
        if other is None or quantity.kind in _SPECIAL_KINDS:
            return None
        pairs.append((quantity, other))
    return tuple(pairs)


def match_quantities(zh: list[Quantity], en: list[Quantity]) -> NumberComparison:
    """Pair the Chinese quantities with the English ones and sort out what is left."""
    if not zh and not en:
        return _NO_NUMBERS
    if not zh:  # nothing to match: every hard English quantity is extra (both lists come in text order)
        extra = tuple(q for q in en if q.hard and not (q.identifier or q.gloss))
        return NumberComparison((), tuple(en), (), (), extra, ())
    if not en:
        return NumberComparison(tuple(zh), (), (), tuple(q for q in zh if q.hard and not q.identifier), (), ())
    one_to_one = _one_to_one(zh, en)
    if one_to_one is not None:
        return NumberComparison(tuple(zh), tuple(en), one_to_one, (), (), ())
    matched: list[tuple[Quantity, Quantity]] = []
    zh_left, en_left = _pair_up(zh, en, _exactly, matched)
    zh_left, en_left = _pair_up(zh_left, en_left, values_agree, matched)
    if any(q.parts or q.kind == "date" for q in zh_left + en_left):
        # ranges and dates with no match as a whole: compare their parts, report the whole
        whole: dict[int, Quantity] = {}
        zh_parts = [part for q in zh_left for part in _split(q, whole)]
        en_parts = [part for q in en_left for part in _split(q, whole)]
        zh_left, en_left = _pair_up(zh_parts, en_parts, values_agree, matched)
        zh_left = _wholes(zh_left, whole)
        en_left = _wholes(en_left, whole)
    if zh_left or en_left:
        # a number repeated on one side ("300 … 300 of them") matches the other side's one mention
        zh_left = _repeated(zh_left, [e for _, e in matched])
        en_left = _repeated(en_left, [z for z, _ in matched])

    mistranslated: list[tuple[Quantity, Quantity]] = []
    en_candidates = [q for q in en_left if not (q.identifier or q.gloss)]
    indexed = len(zh_left) * len(en_candidates) > _SCAN_LIMIT
    if indexed:
        mistranslated = _mistranslations_indexed(zh_left, en_candidates)
    for zh_quantity in () if indexed else zh_left:
        for en_quantity in en_candidates:
            if family(zh_quantity.kind) != family(en_quantity.kind) or zh_quantity.identifier:
                continue
            both_hard = zh_quantity.hard and en_quantity.hard
            # (八) rendered "Ninth", 第十六届 rendered "Fifteenth": ordinals contradict each other even when soft
            both_ordinals = zh_quantity.kind == en_quantity.kind == "ordinal" and (
                zh_quantity.hard or en_quantity.hard or (zh_quantity.enumerator and en_quantity.enumerator)
            )
            if both_hard or both_ordinals:
                mistranslated.append((zh_quantity, en_quantity))
                en_candidates.remove(en_quantity)
                break
    wrong_zh = {id(z) for z, _ in mistranslated}
    wrong_en = {id(e) for _, e in mistranslated}
    return NumberComparison(
        zh=tuple(zh),
        en=tuple(en),
        matched=tuple(matched),
        zh_missing=tuple(q for q in zh_left if q.hard and not q.identifier and id(q) not in wrong_zh),
        en_extra=tuple(q for q in en_left if q.hard and not (q.identifier or q.gloss) and id(q) not in wrong_en),
        mistranslated=tuple(mistranslated),
    )


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


@any_size
def power_of_ten(zh_value: Decimal, en_value: Decimal) -> int | None:
    """k when en_value = zh_value × 10**k (k ≠ 0), else None: the signature of a 万/亿 slip."""
    if not zh_value or not en_value:
        return None
    ratio = en_value / zh_value
    exponent = ratio.adjusted()
    if exponent and ratio == Decimal(1).scaleb(exponent):
        return exponent
    return None


def describe(quantity: Quantity) -> str:
    """How a message shows a quantity: the text, and its value when the text is not plain digits."""
    shown = quantity.shown()
    plain = quantity.text.replace(",", "").replace(" ", "").strip()
    if plain == shown.replace(",", "") or (quantity.kind in ("date",) and quantity.text.isdigit()):
        return elide(quantity.text)
    return f"{elide(quantity.text)} (= {elide(shown)})"


__all__ += ["describe", "format_value"]


_NO_NUMBERS = NumberComparison((), (), (), (), (), ())
