"""Paragraph and list numbers at the start of a segment: ``13.``, ``(a)``, ``18A.128``, ``㈡``, ``二、``.

Language knowledge only: where a segment's leading label is and what it is worth.
NUM004 compares the two sides' labels; the number extractors leave the label's span out,
so a paragraph number is never compared as a quantity.

A label is normalised to its *value*, so that Chinese and English numbering compare:

- a plain number keeps its digits and dots: ``13.``, ``13 `` and ``13、`` are ``13``; ``1.2.3`` is ``1.2.3``;
  a number with a letter keeps it in capitals: ``18A.128`` is ``18A.128``;
- a letter, a Roman numeral or a Chinese numeral counts its place in the list, whatever the
  brackets: ``(b)``, ``b)``, ``B.``, ``(ii)``, ``II.``, ``㈡``, ``(二)``, ``二、`` are all ``2``
  (so ``二、`` and ``2.`` are the same label). ``i``, ``v`` and ``x`` (alone or as Roman numerals
  such as ``iv``) read as Roman numerals; other letters as letters (``(c)`` is 3, not 100).

A list item numbered in words (``Eighth,``, ``Firstly,``, ``第八，``) is a label too; :func:`is_word_label`
tells it apart, since translations often write it as a plain sentence (``首先，`` for ``First,``).
A bare Roman numeral of two letters or more before a capital (``II Work Plan``) is a label.

Not labels (None): a quantity that is part of the sentence, ``2015年是…``, ``10 people came``,
``3.5% growth``, ``1.2 million``, ``2015 was``, a decimal glued to a Chinese word (``3.5万``).
"""

from __future__ import annotations

import re
from functools import cache

#: Full-width ASCII to ASCII (same length, so offsets hold), and the ideographic space.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_HAS_FULL_WIDTH = re.compile("[\uFF01-\uFF5E\u3000]")

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMERAL = "一二三四五六七八九十〇零"
#: ㈠…㈩ (parenthesised ideographs one to ten).
_PAREN_IDEOGRAPHS = {chr(0x3220 + index): index + 1 for index in range(10)}
#: ⑴…⒇ (parenthesised digits one to twenty).
_PAREN_DIGITS = {chr(0x2474 + index): index + 1 for index in range(20)}
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_TERMINAL_ROMAN = re.compile(r"(?:l?x{0,3})(?:ix|iv|v?i{0,3})")

_LABEL = re.compile(
    r"""
    [ \t]*
    (?:
        (?P<single>[\u2474-\u2487\u3220-\u3229])                           # ⑴ ㈡
      | (?P<open>\()(?P<inner>[0-9]{1,3}[A-Za-z]?|[A-Za-z]{1,4}|[一二三四五六七八九十〇零]{1,3})\)  # (13) (a) (二)
      | (?P<hanzi>[一二三四五六七八九十]{1,3})(?P<hanzi_end>[、.])                 # 二、 十三.
      | (?P<alpha>[A-Za-z]{1,4})(?P<alpha_end>[.)])(?![A-Za-z0-9])            # a) IV. A.
      | (?P<roman>[IVX]{2,5})(?=[ ][A-Z])                                     # II Work Plan
      | (?P<ordinal>[A-Z][a-z]{2,10})(?=,)                                    # Eighth,
      | 第(?P<zh_ordinal>[一二三四五六七八九十]{1,3})(?=,)                     # 第八,
      | (?P<num>[0-9]{1,3}[A-Za-z]?(?:\.[0-9]{1,4}[A-Za-z]?){0,4})(?P<num_end>[.)、,]?)   # 13. 18A.128 1.2.3 13
    )
    """,
    re.VERBOSE,
)


#: What sets off a label that ends without punctuation: a tab, a wide space, or a space before a word.
@cache  # compiled on first use: only a label without punctuation asks
def _after_bare() -> re.Pattern[str]:
    return re.compile(r"(?:\t|[ ]{2,}|[ ](?=[A-Z\u4e00-\u9fff\u201c\"(]))")


#: Chinese words that make a leading number a quantity: measure words, units, magnitudes, dates.
_ZH_QUANTITY_WORDS = frozenset(
    "个人名位年月日号时点分秒天周次家件项条种所只台辆架艘部本张份万亿千百十元角米斤吨岁倍届期批例起度克升%％‰"
)
#: English words after ``1.2`` or ``13`` that make it a quantity.
_EN_QUANTITY_WORDS = frozenset(
    "million billion trillion thousand hundred per percent times people years months days hours "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_WORD = re.compile(r"[A-Za-z]+")
#: Ordinal words that number a list item when a comma follows ("Eighth, we will…" for "(八)…").
_ORDINAL_WORDS = {
    word: place
    for place, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
        "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(),
        start=1,
    )
} | {"firstly": 1, "secondly": 2, "thirdly": 3, "fourthly": 4, "fifthly": 5}


def is_word_label(label_text: str) -> bool:
    """``Eighth,`` or ``第八,``: a list item numbered in words, which a translation often writes as a plain
    sentence (``首先，`` for ``First,``): it confirms a label on the other side, it is not one on its own."""
    return label_text[:1] == "第" or label_text.lower() in _ORDINAL_WORDS


def _roman_value(text: str) -> int | None:
    text = text.lower()
    if not text or set(text) - set("ivxl") or not _TERMINAL_ROMAN.fullmatch(text):
        return None
    if len(text) == 1 and text not in "ivx":
        return None  # "l" is the letter l
    total = 0
    for index, char in enumerate(text):
        value = _ROMAN[char]
        if index + 1 < len(text) and _ROMAN[text[index + 1]] > value:
            total -= value
        else:
            total += value
    return total


def _letter_or_roman(text: str, *, upper_roman: bool = True) -> int | None:
    roman = _roman_value(text)
    if roman is not None and (upper_roman or text.islower()):
        return roman
    if len(text) == 1:
        return ord(text.lower()) - ord("a") + 1
    return None


def _hanzi_value(text: str) -> int | None:
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[char]) for char in text)) if all(c in _CN_DIGITS for c in text) else None
    tens, _, units = text.partition("十")
    if "十" in units or (tens and tens not in _CN_DIGITS) or (units and units not in _CN_DIGITS):
        return None
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def _number_label(text: str) -> str:
    return ".".join(part.lstrip("0") or "0" for part in text.upper().split("."))


def leading_number(text: str) -> tuple[int, int, str] | None:
    """The span (start, end) and normalised label of a paragraph or list number opening ``text``.

    The span covers the label and its punctuation (``13.``, ``(a)``, ``二、``), not the space after
    it. None when the segment opens with no label, or with a quantity that is part of the sentence.
    """
    head = text[:40]
    if _HAS_FULL_WIDTH.search(head) is not None:  # a per-character map: only where it changes something
        head = head.translate(_FULL_WIDTH)
    match = _LABEL.match(head)
    if match is None:
        return None
    start = match.start() + len(match.group(0)) - len(match.group(0).lstrip(" \t"))
    end = match.end()
    rest = head[end:]
    if (single := match.group("single")) is not None:
        value = _PAREN_IDEOGRAPHS.get(single) or _PAREN_DIGITS[single]
        return start, end, str(value)
    if match.group("open") is not None:
        inner = match.group("inner")
        if inner[0].isdigit():
            label = _number_label(inner)
        elif inner[0] in _CN_NUMERAL:
            value = _hanzi_value(inner)
            if value is None:
                return None
            label = str(value)
        else:
            value = _letter_or_roman(inner)
            if value is None:
                return None
            label = str(value)
        return (start, end, label) if _ends_label(rest) else None
    if (hanzi := match.group("hanzi")) is not None:
        value = _hanzi_value(hanzi)
        if value is None or (match.group("hanzi_end") == "." and not _ends_label(rest)):
            return None
        return start, end, str(value)
    if (roman := match.group("roman")) is not None:
        value = _roman_value(roman)
        return None if value is None else (start, end, str(value))
    if (word := match.group("ordinal")) is not None:
        value = _ORDINAL_WORDS.get(word.lower())
        return None if value is None else (start, end, str(value))
    if (hanzi := match.group("zh_ordinal")) is not None:
        value = _hanzi_value(hanzi)
        return None if value is None else (start, end, str(value))
    if (alpha := match.group("alpha")) is not None:
        if match.group("alpha_end") == "." and not _ends_dotted_letter(rest):
            return None
        if match.group("alpha_end") == ")" and not _ends_label(rest):
            return None
        value = _letter_or_roman(alpha, upper_roman=alpha.isupper() or len(alpha) == 1)
        if value is None or (len(alpha) > 1 and alpha != alpha.upper() and alpha != alpha.lower()):
            return None
        return start, end, str(value)
    number, number_end = match.group("num"), match.group("num_end")
    if number_end == ",":
        # "1, The packing is undamaged", "1，你退货": a list numbered with a comma; "1, 2 and 3" is a list of numbers.
        if len(number) > 2 or not ((rest[:1] == " " and rest[1:2].isupper()) or "\u4e00" <= rest[:1] <= "\u9fff"):
            return None
        return start, end, _number_label(number)
    if number_end:
        # "13." "13)" "13、": a label when the sentence follows; "2015.5" never reaches here.
        if not _ends_label(rest) or (number_end == "." and rest[:1].isdigit()):
            return None
        return start, end, _number_label(number)
    # No closing punctuation: a label only when it cannot be a quantity, "1.2.3 Scope", "18A.128 The", or
    # when a tab or a wide space sets it off ("13\tThe"); "10 people", "13 Tested Positive", "1.5 Inch" are quantities.
    after = _after_bare().match(rest)
    if after is None:
        return None
    wide = rest[:1] == "\t" or rest[:2] == "  "
    if not wide and number.count(".") < 2 and not ("." in number and any(char.isalpha() for char in number)):
        return None
    following = rest[after.end() :]
    if number.count(".") >= 2 or any(char.isalpha() for char in number):
        return start, end, _number_label(number)  # "1.2.3", "18A.128": no quantity is written so
    if following[:1] in _ZH_QUANTITY_WORDS:
        return None
    word = _WORD.match(following)
    if word is not None and word.group().lower() in _EN_QUANTITY_WORDS:
        return None
    return start, end, _number_label(number)


def _ends_label(rest: str) -> bool:
    """After ``13.`` or ``(a)``: the end, a space, the sentence; not a digit, a small letter, a symbol glued on.

    Nor a sub-label glued on (``四.G.``, ``IV.G.``): a compound label is not read.
    """
    if not rest:
        return True
    char = rest[0]
    if char.isalpha() and rest[1:2] == ".":
        return False
    return not (char.isdigit() or char.islower() or char in "%‰.,:;/-_+=@&°")


def _ends_dotted_letter(rest: str) -> bool:
    """After ``A.``: a space and a word that is not another initial (``J. K. Rowling``, ``U. S.``)."""
    if not rest:
        return True
    if rest[0] != " ":
        return "\u4e00" <= rest[0] <= "\u9fff"  # "A.Smith" is a name, "A.概述" a heading
    following = rest.lstrip(" ")
    if len(following) >= 2 and following[0].isalpha() and following[1] in ".":
        return False
    return bool(following) and not (following[0].islower() or following[0] in "%.,:;/-")
