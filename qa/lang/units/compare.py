"""What the UNIT rules report: the units of a pair's matched quantities compared, and the spans and
words of their messages."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from qa.lang.numbers.quantity import Quantity
from qa.lang.units.convert import converts, dimension, same_unit
from qa.lang.units.lexicon import (
    UNIT_KINDS,
    Lexicon,
    Unit,
    UnitMention,
    activate,
    case_sensitive,
    may_start_zh_unit,
    unit_after,
    word_pattern,
)


@dataclass(frozen=True)
class UnitFinding:
    """One pair of quantities whose units disagree (or a unit lost in the English)."""

    kind: str  # "dimension", "scale", "currency", "ambiguous", "missing", "points" (percent ↔ percentage points)
    zh: Quantity
    en: Quantity
    zh_unit: UnitMention | None
    en_unit: UnitMention | None


_PERCENTAGES = frozenset({"percent", "percentage_point"})
#: 个百分点 after a number the extractor read as a plain count (Traditional 0.5個百分點)
_ZH_POINTS = re.compile(r"\s?[个個]?百分[点點]")


def _points(matched, zh_text: str) -> list[UnitFinding]:
    """增长5% ↔ "rose 5 percentage points", 提高0.5个百分点 ↔ "rose 0.5 percent": a share and a difference
    of shares, told apart by the words (%, 百分之, percent; 个百分点, percentage points)."""
    findings = []
    for zh, en in matched:
        if en.kind not in _PERCENTAGES:
            continue
        words = _ZH_POINTS.match(zh_text, zh.end) if zh.kind == "cardinal" else None
        if words:  # 0.5個百分點: the quantity with its words
            zh = replace(zh, kind="percentage_point", end=words.end(), text=zh_text[zh.start : words.end()])
        if zh.kind in _PERCENTAGES and zh.kind != en.kind:
            findings.append(UnitFinding("points", zh, en, None, None))
    return findings


def unit_findings(comparison, lexicon: Lexicon, zh_text: str, en_text: str) -> tuple[UnitFinding, ...]:
    """Units of the matched quantities of a pair, compared (``qa.lang.comparison.compare_units`` caches it)."""
    matched = comparison.matched
    if not matched:
        return ()
    findings = _points(matched, zh_text)
    starts = lexicon.zh_starts
    if not any(z.kind in UNIT_KINDS and may_start_zh_unit(zh_text, z.end, starts) for z, _ in matched):
        return tuple(findings)  # no unit after any matched Chinese number: most pairs stop here
    for zh_quantity, en_quantity in matched:
        if zh_quantity.kind not in UNIT_KINDS or en_quantity.kind not in UNIT_KINDS:
            continue
        zh_mention = unit_after(lexicon, "zh", zh_text, zh_quantity)
        en_mention = unit_after(lexicon, "en", en_text, en_quantity)
        if zh_mention is None or zh_quantity.magnitude or en_quantity.magnitude:
            continue  # 上万元 ↔ "tens of thousands of dollars": an order of magnitude, loosely said
        if en_mention is None:
            if en_quantity.unit or not zh_quantity.hard or not en_quantity.hard:
                continue  # a unit the lexicon does not know (¥), or a loose count
            findings.append(UnitFinding("missing", zh_quantity, en_quantity, zh_mention, None))
            continue
        kind = ""
        for zh_unit, en_unit in candidates(zh_mention, en_mention):
            kind = (
                "" if same_unit(zh_unit, en_unit) else _difference(lexicon, zh_quantity, zh_unit, en_quantity, en_unit)
            )
            if not kind:
                break
        if kind in ("currency", "ambiguous") and _local_dollar(lexicon, zh_text, zh_mention, en_mention):
            continue
        if (
            kind
            and not (zh_quantity.hard or en_quantity.hard)
            and _crosswise(lexicon, zh_text, comparison.zh, zh_quantity, en_mention)
        ):
            continue  # 两年 … 两个月 ↔ "two months every two years": the same small count twice may pair up crosswise
        if kind:
            findings.append(UnitFinding(kind, zh_quantity, en_quantity, zh_mention, en_mention))
    return tuple(findings)


def _local_dollar(lexicon: Lexicon, zh_text: str, zh: UnitMention, en: UnitMention) -> bool:
    """兩百元 ↔ "$200", "NT$200" in a Traditional text: 元 is the local dollar there, which a bare "$" names.

    Asked only of a currency that differs, so that the Traditional check (OpenCC's table) is rare."""
    local = [lexicon.units[i] for unit in zh.units if unit.per is None for i in unit.traditional if i in lexicon.units]
    if not local or not _traditional(zh_text):
        return False
    for local_unit in local:
        for en_unit in en.units:
            if en_unit.per is not None or not en_unit.currency_code:
                continue
            if en_unit.currency_code == local_unit.currency_code or local_unit.currency_code in en_unit.ambiguous:
                return True
    return False


def _traditional(text: str) -> bool:
    """Text in Traditional characters (兩百元, 新臺幣)."""
    from qa.lang.terms.fold import fold_chinese

    return fold_chinese(text) != text


def _crosswise(
    lexicon: Lexicon, zh_text: str, quantities: tuple[Quantity, ...], quantity: Quantity, en: UnitMention
) -> bool:
    """Another Chinese quantity of the same value carries the English unit: the pairing may be crosswise
    (两年 … 两个月 ↔ "two months every two years"), but not in 四分钟，黄金四分钟 ↔ "four hours … four minutes"."""
    for other in quantities:
        if other is quantity or other.value != quantity.value:
            continue
        mention = unit_after(lexicon, "zh", zh_text, other)
        if mention is None or any(same_unit(heads(a, b)[0], heads(a, b)[1]) for a, b in candidates(mention, en)):
            return True
    return False


def heads(a: Unit, b: Unit) -> tuple[Unit, Unit]:
    """A rate on one side only (80元 … 每天 ↔ "80 yuan per day"): the "per" is said elsewhere; compare the heads."""
    if (a.per is None) != (b.per is None):
        return replace(a, per=None), replace(b, per=None)
    return a, b


def candidates(zh: UnitMention, en: UnitMention) -> list[tuple[Unit, Unit]]:
    return [heads(a, b) for a in zh.units for b in en.units]


def _difference(lexicon: Lexicon, zh: Quantity, zh_unit: Unit, en: Quantity, en_unit: Unit) -> str:
    if zh_unit.currency_code and en_unit.currency_code:
        if zh_unit.currency_code == en_unit.currency_code:
            return "" if converts(lexicon, zh, zh_unit, en, en_unit) else "scale"
        if zh_unit.currency_code in en_unit.ambiguous:
            return "ambiguous"
        return "currency"
    if converts(lexicon, zh, zh_unit, en, en_unit):
        return ""
    zh_dimension = dimension(lexicon, zh_unit)[0]
    en_dimension = dimension(lexicon, en_unit)[0]
    if en_dimension.startswith(zh_dimension + " / ") or zh_dimension.startswith(en_dimension + " / "):
        return ""  # 时速145公里 ↔ "145 kph": the "per hour" is said by another word
    return "scale" if zh_dimension == en_dimension else "dimension"


def loose(lexicon: Lexicon, unit: Unit) -> bool:
    """A unit translators reword or drop freely (years, days): UNIT003 does not ask for it."""
    if unit.currency or unit.per is not None:
        return False
    return unit.pint in ("year", "month", "week", "day", "hour", "minute", "second")


def zh_span(finding: UnitFinding) -> tuple[int, int]:
    end = finding.zh_unit.end if finding.zh_unit else finding.zh.end
    return finding.zh.start, max(end, finding.zh.end)


def en_span(finding: UnitFinding) -> tuple[int, int]:
    if finding.en_unit is None:
        return finding.en.start, finding.en.end
    return min(finding.en.start, finding.en_unit.start), max(finding.en.end, finding.en_unit.end)


def unit_context(rule) -> None:
    """What every UNIT rule does first: use the units files of its run."""
    context = rule.context
    activate(context.data_files("*.yaml", "*.yml") if context.data_dirs else None)


@lru_cache(maxsize=256)
def _words_of(lexicon: Lexicon, unit_id: str, currency: str) -> re.Pattern:
    words = [
        word
        for word, others in lexicon.en_words.items()
        for other in others
        if other == unit_id or (currency and lexicon.units[other].currency == currency)
    ]
    return re.compile(
        r"(?<![A-Za-z])(?:" + word_pattern(words, [w for w in words if case_sensitive(w)]) + ")(?![A-Za-z])"
    )


def mentions_unit(lexicon: Lexicon, en_text: str, unit: Unit) -> bool:
    """The English names the unit (or, for money, the currency) somewhere: it may stand before the number."""
    return _words_of(lexicon, unit.id, unit.currency).search(en_text) is not None
