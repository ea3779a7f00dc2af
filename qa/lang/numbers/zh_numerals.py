"""Chinese numerals → values: 三百, 6.1万, 一千二百三十四, 二〇二三, 貳佰, full-width digits; and the
numerals that name rather than count (list enumerators (八) / 二、 / 一是, the 十四五 plan, X成 as a percentage).

qa.lang.numbers.zh decides which numerals in a text are quantities; this module reads them.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from qa.lang.identifiers import in_markup
from qa.lang.numbers.quantity import Quantity

_HANZI_DIGIT_VALUE = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000}
_SCALE_VALUE = {"万": 10**4, "亿": 10**8}
#: Banker's numerals (壹贰叁) also name other things alone (大陆, 队伍, 收拾): read only inside a run of numerals.
_FORMAL = "壹贰貳叁肆伍陆陸柒捌玖拾佰仟"
# One-to-one character mapping so offsets in the normalised text are offsets in the original.
_NORMALISE = str.maketrans(
    "０１２３４５６７８９．，萬億兩貳壹贰叁肆伍陆陸柒捌玖拾佰仟廿點％",
    "0123456789.,万亿两二一二三四五六六七八九十百千廿点%",
)
#: What needs translate() once full-width commas are replaced (most texts have only those: see _normalised).
_TO_NORMALISE = re.compile("[０-９．萬億兩貳壹贰叁肆伍陆陸柒捌玖拾佰仟點％]")
_HZ_DIGITS = "〇零一二三四五六七八九两"
_HZ_ANY = _HZ_DIGITS + "十百千廿" + _FORMAL
#: Cheap pre-check: no digit and no numeral character means no work.
_MAY_HAVE = re.compile(f"[0-9０-９{_HZ_ANY}万亿萬億]")
_ARABIC_AFTER_FIRST_DIGIT = r"[0-9]*(?:,[0-9]{3}(?![0-9]))*(?: [0-9]{3}(?![0-9]))*(?:\.[0-9]+)?"
_ARABIC = "[0-9]" + _ARABIC_AFTER_FIRST_DIGIT
# A numeral run in the normalised text: digits and hanzi numerals with their scales; 多/余/几 may
# sit before a scale (20多万). Runs are parsed, and split where they are not one number (五一, 十四五).
# The first character is matched alone, the rest of an Arabic number after it, so that the regex engine
# can skip ahead to where a run starts (a pattern that starts with an alternation is tried everywhere).
_RUN = re.compile(
    rf"[0-9{_HZ_DIGITS}十百千廿万亿](?:(?<=[0-9]){_ARABIC_AFTER_FIRST_DIGIT})?"
    rf"(?:{_ARABIC}|[{_HZ_DIGITS}十百千廿万亿]|点(?=[{_HZ_DIGITS}])|[多余几](?=[万亿])| (?=[万亿]))*"
)
#: A list enumerator at the start of a segment or after punctuation: (八) / （八） / 二、 / 一是 / 其一.
_ENUM_PAREN = re.compile(rf"^\s*[(（]([{_HZ_DIGITS}十]{{1,3}}|[0-9]{{1,2}})[)）]")
_ENUM_COMMA = re.compile(rf"^\s*([{_HZ_DIGITS}十]{{1,3}})、")
_ENUM_SHI = re.compile(rf"(?:^|(?<=[，,；;：:。\s]))([{_HZ_DIGITS}十]{{1,2}})是")
_NUMERAL_SHI = re.compile(f"[{_HZ_DIGITS}十]是")  # what every _ENUM_SHI match holds: a fast test first
_ASCII_DIGIT = re.compile(r"[0-9]")
_DIGIT = re.compile(f"[0-9{_HZ_DIGITS}]")
_NUMERAL_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)?|.")


def may_have_zh_numbers(text: str) -> bool:
    return _MAY_HAVE.search(text) is not None


@lru_cache(maxsize=1 << 14)  # the same few numerals recur (一, 两, 2, 10, 2019): a look-up beats a parse
def parse_zh_numeral(numeral: str) -> tuple[Decimal, Decimal, bool] | None:
    """(value, quantum, approximate) of one Chinese numeral in normalised form, or None if it is not one.

    Reads 6.1万, 2万4801, 3.5万亿, 三百, 一百零五, 一百五 (150), 三万五 (35,000), 二〇二三, 十四,
    20多万 (approximate). ``quantum`` is the precision written: 6.1万 → 1000, 2万4801 → 1.
    """
    text = numeral.replace(",", "").replace(" ", "")
    if not text or (text[0] in _SCALE_VALUE and len(text) > 1 and text[1] not in _SCALE_VALUE):
        return None  # 万一 is "in case", not 11,000
    if all(char in _HZ_DIGITS for char in text):
        # digit by digit: 二〇二三, 一九九八 (a year). Other runs of bare digits are lists of numbers,
        # not one: 五一, 三五成群, 一二三年级 (grades 1, 2 and 3), 三四五六年级
        if len(text) == 1 or "〇" in text or "零" in text or (len(text) == 4 and text[0] in "一二"):
            if len(text) > 1 and text[0] in "〇零":
                return None
            return Decimal("".join(str(_HANZI_DIGIT_VALUE[char]) for char in text)), Decimal(1), False
        return None
    if "点" in text:
        whole, _, fraction = text.partition("点")
        if not fraction or not all(char in _HZ_DIGITS for char in fraction):
            return None
        parsed = parse_zh_numeral(whole) if whole else None
        if parsed is None:
            return None
        digits = "".join(str(_HANZI_DIGIT_VALUE[char]) for char in fraction)
        return parsed[0] + Decimal("0." + digits), Decimal(1).scaleb(-len(digits)), False
    total = Decimal(0)
    section = Decimal(0)
    number: Decimal | None = None
    number_is_hanzi = False
    number_quantum = Decimal(1)
    quantum = Decimal(1)
    last_unit = 0
    top_scale = 0
    after_scale = 0  # the scale just read, for 三万五 = 35,000
    zero_seen = approximate = False
    for token in _NUMERAL_TOKEN.findall(text):
        if token[0].isdigit():
            if number is not None:
                return None
            try:
                number = Decimal(token)
            except InvalidOperation:
                return None
            number_is_hanzi = False
            number_quantum = Decimal(1).scaleb(-len(token.partition(".")[2]))
        elif token in "〇零":
            if number is not None and number != 0:
                return None
            zero_seen = True
            number = None
        elif token in _HANZI_DIGIT_VALUE:
            if number is not None:
                return None
            number = Decimal(_HANZI_DIGIT_VALUE[token])
            number_is_hanzi = True
            number_quantum = Decimal(1)
        elif token == "廿":
            if number is not None:
                return None
            number, number_is_hanzi, number_quantum = Decimal(20), True, Decimal(1)
        elif token in _UNIT_VALUE:
            unit = _UNIT_VALUE[token]
            if last_unit and unit >= last_unit:
                return None
            if number is None:
                if section or zero_seen or total:
                    if token != "十":
                        return None
                number = Decimal(1)
            elif not number_is_hanzi and number != number.to_integral_value():
                return None
            section += number * unit
            number = None
            last_unit = unit
            zero_seen = False
            after_scale = 0
        elif token in _SCALE_VALUE:
            scale = _SCALE_VALUE[token]
            chunk = section + (number if number is not None else 0)
            if chunk == 0 and not total:
                if zero_seen:
                    return None
                chunk = Decimal(1)  # 万亩, 百万: a scale alone counts one of it
            if number is not None and not number_is_hanzi and not section:
                quantum = number_quantum * scale
            else:
                quantum = Decimal(scale) if not section else Decimal(min(last_unit, 10**8)) * scale
            if top_scale and scale < top_scale:
                total += chunk * scale
            else:
                total = (total + chunk) * scale
                top_scale = scale
            section = Decimal(0)
            number = None
            last_unit = 0
            after_scale = scale
            zero_seen = False
        elif token in "多余几":
            approximate = True
        else:
            return None
    if number is not None:
        if number_is_hanzi and not zero_seen and last_unit >= 100 and number < 10:
            number *= last_unit // 10  # 一百五 = 150, 两千三 = 2300
        elif number_is_hanzi and not zero_seen and after_scale and not last_unit and number < 10 and total:
            number *= after_scale // 10  # 三万五 = 35,000
        section += number
        quantum = number_quantum if not number_is_hanzi else Decimal(1)
    elif section or not total:
        quantum = Decimal(1) if section else quantum
    value = total + section
    return value, quantum, approximate


#: The longest run of numeral characters split into numbers prefix by prefix; a longer one is one
#: number if it parses as a whole (an Arabic number of any length, 亿亿亿…), else numbers of at
#: most this many characters. Real numerals are far shorter (一千二百三十四万五千六百七十八 is 15).
_LONGEST_NUMERAL = 24


@lru_cache(maxsize=1 << 14)
def _split_run(run: str) -> tuple[tuple[int, int, Decimal, Decimal, bool], ...]:
    """Split a run of numeral characters into numbers: the longest parseable prefix first (十四五 → 十四, 五).

    Offsets are within the run.
    """
    pieces: list[tuple[int, int, Decimal, Decimal, bool]] = []
    position = 0
    if len(run) > 1 and run[0] in _SCALE_VALUE and run[1] in _HANZI_DIGIT_VALUE:
        return ()  # 万一 ("in case"): a scale before a hanzi digit makes a word, not a number and a digit
    first, second, third = (_HANZI_DIGIT_VALUE.get(char, -1) for char in (run + "   ")[:3])
    if 0 < first and second == first + 1 and third < 0:
        # 五六百 / 四五厘米: two neighbouring digits say "five or six hundred", a range
        high = parse_zh_numeral(run[1:])
        if high is not None and high[0]:
            low = high[0] * first / second
            return (0, len(run), low, Decimal(1), True), (0, len(run), high[0], Decimal(1), True)
    if len(run) > _LONGEST_NUMERAL:
        parsed = parse_zh_numeral(run)  # a long number in digits, 亿亿亿…: one number, however long
        if parsed is not None:
            return ((0, len(run), *parsed),)
    while position < len(run):
        # the longest numeral that parses, of at most _LONGEST_NUMERAL characters in a long run: trying
        # every prefix of a run of a million numeral characters at each of its places never ends
        longest = min(len(run), position + _LONGEST_NUMERAL) if len(run) > _LONGEST_NUMERAL else len(run)
        for end in range(longest, position, -1):
            parsed = parse_zh_numeral(run[position:end])
            if parsed is not None:
                pieces.append((position, end, *parsed))
                position = end
                break
        else:
            position += 1
    return tuple(pieces)


def _has_digit(run: str) -> bool:
    """Whether a run (or part of one) has a digit, Arabic or hanzi, rather than only 十百千万亿 and the like."""
    return _DIGIT.search(run) is not None


def _is_identifier(text: str, start: int, end: int) -> bool:
    """G20, PM2.5, COVID-19, 5G, 737NG, www.12377.cn: a number glued to Latin letters names something.

    A lowercase unit after the number (28.4mg, 10km) leaves it a number, as in English.
    """
    if start > 0 and text[start - 1].isascii() and (text[start - 1].isalpha() or text[start - 1] in "_/#"):
        return True
    if start > 1 and text[start - 1] in "-‐." and text[start - 2].isascii() and text[start - 2].isalnum():
        return True
    if end < len(text) and text[end].isascii() and text[end].isupper():
        return True
    if in_markup(text, start, end):
        return True
    return end + 1 < len(text) and text[end] == "." and text[end + 1].isascii() and text[end + 1].isalpha()


def _is_percent_cheng(text: str, start: int, end: int) -> bool:
    """三成 is 30%; 一成不变, 变成, 唯一成功 (唯一 + 成功) and 这一成本 are words: jieba's segmentation
    tells them apart. 成 is a percentage when it makes one word with the numeral (三成), or stands
    alone after a numeral that is a word of its own."""
    from qa.lang.segmentation import cut  # only X成 needs a segmentation, and X成 is rare
    sentence_start = max(0, start - 10)
    offset = sentence_start
    previous_start = sentence_start
    for word in cut(text[sentence_start : end + 8]):
        word_end = offset + len(word)
        if word_end > end and offset <= end:  # the word holding 成
            if offset == end:  # 成 starts a word: alone, after a numeral that is not part of another word
                return word_end == end + 1 and previous_start >= start
            return offset >= start and word_end == end + 1
        previous_start = offset
        offset = word_end
    return False


#: What follows 十四五 when it names the 14th Five-Year Plan: the plan, its period, or a closing quote.
_PLAN_AFTER = ("规划", "时期", "期间", "计划", "”", '"', "」", "』")


def _five_year_plan(text: str, norm: str, run: str, start: int, end: int) -> Quantity | None:
    """十四五 (规划 / 时期), “十三五”: the Nth Five-Year Plan, an ordinal N, written with the plan's 五.

    Read as numbers, the run is 十四 and a lone 五; the plan's number is what a translation must keep.
    """
    if len(run) < 2 or run[-1] != "五" or not norm.startswith(_PLAN_AFTER, end):
        return None
    parsed = parse_zh_numeral(run[:-1])
    if parsed is None or not 1 <= parsed[0] <= 15 or parsed[0] != int(parsed[0]) or parsed[2]:
        return None
    return Quantity(parsed[0], "ordinal", start, end, text[start:end], spelled=True, measure="五年规划")


def _normalised(text: str) -> str:
    """The text with full-width digits and punctuation and Traditional numerals in the forms the patterns read."""
    # Most texts have nothing to normalise but full-width commas: replace() is many times cheaper than
    # translate(), which looks up every character.
    norm = text.replace("，", ",")
    if _TO_NORMALISE.search(norm):
        norm = norm.translate(_NORMALISE)
    if "两年期" in norm:  # the biennium (2016-2017两年期): a word, not 2017 and 2
        norm = norm.replace("两年期", "双年期")
    return norm


def _small_int(numeral: str) -> int | None:
    if numeral.isdigit():
        return int(numeral)
    parsed = parse_zh_numeral(numeral)
    return int(parsed[0]) if parsed is not None else None


def _enumerator_spans(norm: str) -> list[tuple[int, int, int]]:
    spans: list[tuple[int, int, int]] = []
    for pattern in (_ENUM_PAREN, _ENUM_COMMA):  # anchored at the start: one match at most
        match = pattern.match(norm)
        if match is not None:
            value = _small_int(match.group(1))
            if value is not None and value > 0:
                spans.append((match.start(1) - (1 if pattern is _ENUM_PAREN else 0), match.end(), value))
    if _NUMERAL_SHI.search(norm):
        for match in _ENUM_SHI.finditer(norm):
            value = _small_int(match.group(1))
            if value is not None and value > 0:
                spans.append((match.start(1), match.end(), value))
    return spans
