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

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from qa.lang.en_numbers import _trie_pattern, en_quantities
from qa.lang.quantity import Quantity, family, format_value
from qa.lang.zh_numbers import zh_quantities

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
    (a test set pairs each source with every system's output), so sides are worth remembering."""
    return tuple(zh_quantities(zh_text))


@lru_cache(maxsize=1 << 16)  # a test set repeats its sources thousands of pairs apart
def _en_quantities_cached(en_text: str) -> tuple[Quantity, ...]:
    """The same for English sources translated into Chinese by many systems."""
    return tuple(en_quantities(en_text))


#: What a *hard* English quantity needs (see qa.lang.en_numbers): a digit, a number word above
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
def compare_numbers(zh_text: str, en_text: str) -> NumberComparison:
    """Extract and match; cached, because NUM001, NUM002 and NUM003 all ask about the same pair."""
    zh = _zh_quantities_cached(zh_text)
    if not zh and not _may_be_hard_in_english(en_text):
        # nothing on the Chinese side to match, and nothing hard (reportable) on the English
        # side: about half of all pairs, and the English need not be read at all
        return _NO_NUMBERS
    comparison = match_quantities(list(zh), list(_en_quantities_cached(en_text)))
    if (comparison.zh_missing or comparison.mistranslated) and (comparison.en_extra or comparison.mistranslated):
        # 200公顷 ↔ 2 square kilometers: a value converted into another unit is a match, not a mistranslation
        from qa.lang.units import reconcile

        comparison = reconcile(comparison, zh_text, en_text)
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
    return (fine / quantum).quantize(Decimal(1), rounding=ROUND_HALF_UP) * quantum == coarse


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
    zh_left, en_left = _pair_up(zh, en, lambda a, b: values_agree(a, b, tolerant=False), matched)
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
        zh_left = [q for q in zh_left if not any(values_agree(q, e, tolerant=False) for _, e in matched)]
        en_left = [q for q in en_left if not any(values_agree(z, q, tolerant=False) for z, _ in matched)]

    mistranslated: list[tuple[Quantity, Quantity]] = []
    en_candidates = [q for q in en_left if not (q.identifier or q.gloss)]
    for zh_quantity in zh_left:
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
        return quantity.text
    return f"{quantity.text} (= {shown})"


__all__ += ["describe", "format_value"]


_NO_NUMBERS = NumberComparison((), (), (), (), (), ())
