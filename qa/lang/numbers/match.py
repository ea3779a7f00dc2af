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
from decimal import Decimal
from functools import cache, lru_cache

from qa.lang.numbers.agree import _SPECIAL_KINDS, _exactly, values_agree
from qa.lang.numbers.en import en_quantities
from qa.lang.numbers.en_tokens import _trie_pattern
from qa.lang.numbers.pool import _SCAN_LIMIT, _Index, _mistranslations_indexed, _pair_up_indexed
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
    if _LATIN_LETTER.search(zh_text) and not _han().search(zh_text):
        return tuple(en_quantities(zh_text))
    return tuple(zh_quantities(zh_text))


_LATIN_LETTER = re.compile("[A-Za-z]")


@cache  # compiled on first use: a set of hanzi ranges takes milliseconds, and most runs never ask
def _han() -> re.Pattern[str]:
    return re.compile("[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


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
    comparison = match_quantities(list(zh), list(_en_quantities_cached(en_text)))
    if comparison.zh_missing and _YEAR_NAMED.search(en_text):
        comparison = _years_named(comparison, zh_text, en_text)
    if comparison.zh_missing and "(" in en_text and _LETTERED.search(en_text):
        comparison = _lettered_items(comparison, en_text)
    if comparison.zh_missing or comparison.en_extra:
        comparison = _words_for_small_numbers(comparison, zh_text, en_text)
    if comparison.mistranslated and "折" in zh_text:
        comparison = _share_paid(comparison, en_text)
    return comparison


#: English that states a discount, not the share paid: "10% off", "a 10% discount".
_OFF_AFTER = re.compile(r"\s?(?:off|discount)\b")


def _share_paid(comparison: NumberComparison, en_text: str) -> NumberComparison:
    """九折 is "10% off" and also "90% of the price": a discount (N折) meets the English share paid,
    100% less the discount, where the English does not call it a discount."""
    kept = []
    matched = list(comparison.matched)
    for zh_quantity, en_quantity in comparison.mistranslated:
        if (
            zh_quantity.measure == "折"
            and en_quantity.kind == "percent"
            and en_quantity.value == 100 - zh_quantity.value
            and not _OFF_AFTER.match(en_text, en_quantity.end)
        ):
            matched.append((zh_quantity, en_quantity))
            continue
        kept.append((zh_quantity, en_quantity))
    if len(kept) == len(comparison.mistranslated):
        return comparison
    return replace(comparison, matched=tuple(matched), mistranslated=tuple(kept))


#: English for none of something, which Chinese 0 may stand for (用 0 覆盖 ↔ "overwrite with zeros").
_EN_NONE = re.compile(r"\b(?:[Zz]ero(?:e?s)?|[Nn]one)\b")
#: Time units whose English singular, with no number, says one of them (1小时 ↔ "hour").
_ONE_UNIT = {
    unit: rf"(?:^|\b(?:an?|one|per|the)\s){word}\b(?!-)"
    for units, word in (
        ("小时 小時", "hour"), ("天", "day"), ("周 週", "week"), ("个月 個月", "month"), ("分钟 分鐘", "minute"),
        ("秒", "second"),
    )
    for unit in units.split()
}  # fmt: skip
#: Chinese for none of something, which an English 0 may stand for (无需参数 ↔ "requires 0 arguments").
_ZH_NONE = re.compile("[无無不没沒未零]")
#: The hanzi for the digit of an English compound (2-door ↔ 双门, 3-star ↔ 三星), a numeral inside a word.
_ZH_DIGIT_WORDS = {
    2: "二两兩双雙", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十",
}  # fmt: skip


def _words_for_small_numbers(comparison: NumberComparison, zh_text: str, en_text: str) -> NumberComparison:
    """Numbers one side writes in digits and the other inside a word: 0 for 无需 or "zeros", 2-door
    for 双门. Only a 0 and the digit of a hyphened compound, and only where the other side has the word."""
    zh_missing = comparison.zh_missing
    if zh_missing and any(_is_zero(q) for q in zh_missing) and _EN_NONE.search(en_text):
        zh_missing = tuple(q for q in zh_missing if not _is_zero(q))
    if zh_missing and any(q.value == 1 and q.unit in _ONE_UNIT for q in zh_missing):
        # 1小时 ↔ "hour", 1天内 ↔ "within a day": the singular unit is one of it
        lowered = en_text.lower()
        zh_missing = tuple(
            q
            for q in zh_missing
            if not (q.value == 1 and q.unit in _ONE_UNIT and re.search(_ONE_UNIT[q.unit], lowered))
        )
    en_extra = comparison.en_extra
    if en_extra:
        kept = []
        for quantity in en_extra:
            if _is_zero(quantity) and _ZH_NONE.search(zh_text):
                continue
            hanzi = _ZH_DIGIT_WORDS.get(int(quantity.value)) if _is_compound_digit(quantity, en_text) else None
            if hanzi and any(char in zh_text for char in hanzi):
                continue
            kept.append(quantity)
        en_extra = tuple(kept)
    if len(zh_missing) == len(comparison.zh_missing) and len(en_extra) == len(comparison.en_extra):
        return comparison
    return replace(comparison, zh_missing=zh_missing, en_extra=en_extra)


def _is_zero(quantity: Quantity) -> bool:
    return quantity.kind == "cardinal" and quantity.text == "0"


def _is_compound_digit(quantity: Quantity, en_text: str) -> bool:
    """The digit of a hyphened compound: 2-door, 3-star (not 2-3, 2-for-1 aside)."""
    end = quantity.end
    return (
        quantity.kind == "cardinal"
        and quantity.text.isdigit()
        and len(quantity.text) <= 2
        and en_text[end : end + 1] == "-"
        and en_text[end + 1 : end + 2].isalpha()
    )


#: A lettered subparagraph of English legal text: 7(1)(j), (2)(a), subparagraph (c), s.10.103(d).
_LETTERED = re.compile(r"\((?:[a-z]{1,2}|[ivx]{1,5})\)")
#: The measure words of the Chinese sub-items that English letters: 第七条第一款第9项 is article 7(1)(j).
_ITEM_MEASURES = frozenset("项項目")


def _lettered_items(comparison: NumberComparison, en_text: str) -> NumberComparison:
    """第9项 ↔ "(j)": Chinese numbers the items of a paragraph that English letters (and numbers them
    its own way: the Chinese of the Rome Statute's 7(1)(j) is 第9项), so an item number with no match
    is the English letter, while the English has as many lettered items left."""
    spare = len(_LETTERED.findall(en_text))
    kept = []
    for quantity in comparison.zh_missing:
        if spare and quantity.kind == "ordinal" and quantity.measure in _ITEM_MEASURES and quantity.value <= 26:
            spare -= 1
            continue
        kept.append(quantity)
    return replace(comparison, zh_missing=tuple(kept))


#: English naming a year the context gives: "this year", "the same year", "during the year" …
_YEAR_NAMED = re.compile(r"\b(?:[Tt]his|[Tt]hat|the same|[Dd]uring the|[Tt]he current) year\b")
#: … and the Chinese words those phrases translate (今年 is "this year", not a year left out).
_ZH_YEAR_WORDS = re.compile("今年|本年|当年|當年|同年|该年|該年|这一年|這一年|是年|那一年|那年")


def _years_named(comparison: NumberComparison, zh_text: str, en_text: str) -> NumberComparison:
    """2015年是… ↔ "This year marks…": a missing year is the one an English phrase names, when the
    English has more such phrases than the Chinese has words for them."""
    spare = len(_YEAR_NAMED.findall(en_text)) - len(_ZH_YEAR_WORDS.findall(zh_text))
    if spare <= 0:
        return comparison
    kept = []
    for quantity in comparison.zh_missing:
        if quantity.kind == "year" and spare > 0:
            spare -= 1
            continue
        kept.append(quantity)
    return replace(comparison, zh_missing=tuple(kept))


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


def prepare() -> None:
    """Open jieba's dictionary index now (before worker processes fork), not on the first numeral."""
    from qa.lang.segmentation import prepare as prepare_segmentation

    prepare_segmentation()


def _word_bounds(text: str) -> frozenset[int]:
    """Offsets where jieba's segmentation puts a word boundary."""
    bounds = {0}
    offset = 0
    from qa.lang.segmentation import cut

    for word in cut(text):
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
    whole: dict[int, Quantity] = {}
    if any(q.parts or q.kind == "date" for q in zh_left + en_left):
        # ranges and dates with no match as a whole: compare their parts, report the whole
        zh_parts = [part for q in zh_left for part in _split(q, whole)]
        en_parts = [part for q in en_left for part in _split(q, whole)]
        zh_left, en_left = _pair_up(zh_parts, en_parts, values_agree, matched)
        zh_left = _wholes(zh_left, whole)
        en_left = _wholes(en_left, whole)
    if zh_left or en_left:
        # a number repeated on one side ("300 … 300 of them") matches the other side's one mention
        # (a part of a date or range is no mention of its own: 2015年9月 is no repetition of the
        # September that "September 2016" shares with it)
        zh_left = _repeated(zh_left, [e for _, e in matched if whole.get(id(e), e) is e])
        en_left = _repeated(en_left, [z for z, _ in matched if whole.get(id(z), z) is z])

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
