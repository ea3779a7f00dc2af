"""Chinese numbers → Quantities: digits, 万/亿 compounds, hanzi numerals, ordinals, dates, percentages.

Simplified and Traditional (萬, 億, 兩, 貳 …) and full-width digits (３００) are read
alike. Which hanzi numerals are numbers is decided by grammar, not by a list of
words: a Chinese quantity is a numeral followed by a measure word or unit (三项,
20万平方米), a scale (万, 亿), 第 before it, 百分之 / % / 成 / 分之 / 百分点 around it,
or a calendar character (年, 月, 日). A lone single-digit hanzi without any of these
is part of a word (统一, 一体化, 进一步, 一网通办, 之一, 一些) and is not extracted;
a multi-digit hanzi numeral (十四五, 二十大, 二〇二三) is.

Small hanzi numerals with a measure word (一项, 两个确立, 四个意识) and list
enumerators ((八), 二、, 一是) are *soft*: translations render them as "a", "both",
"Eighth" or drop them. Digits, 万/亿 compounds, dates, percentages and ordinals are
*hard*. Signs are not kept (下降3.5% and "fell 3.5%" say the same); values are absolute.

Footnote markers (qa.lang.markers) and identifiers (G20, PM2.5, COVID-19, 5G) are
never numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from operator import attrgetter

from qa.lang.markers import blank_markers
from qa.lang.numbers.codes import without_codes
from qa.lang.numbers.date_lists import zh_date_lists
from qa.lang.numbers.fractions import slash_fractions
from qa.lang.numbers.quantity import Quantity, any_size

__all__ = ["may_have_zh_numbers", "parse_zh_numeral", "zh_quantities"]

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
_MAY_HAVE = re.compile(f"[0-9０-９{_HZ_ANY}萬億]")

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
_YEAR_DIGITS = r"[0-9]{4}|[〇零一二三四五六七八九]{4}"
_MONTH = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_DAY = r"3[01]|[12][0-9]|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九]"
_DATE = re.compile(
    rf"(?P<year>{_YEAR_DIGITS}) ?年(?!代)(?: ?(?P<month>{_MONTH}) ?月(?!份?[以之])(?: ?(?P<day>{_DAY}) ?[日号])?)?"
    rf"|(?<![0-9〇零一二三四五六七八九十个個])(?P<month2>{_MONTH}) ?月(?: ?(?P<day2>{_DAY}) ?[日号])?"
    r"|(?<![0-9.])(?P<day3>3[01]|[12][0-9]|0?[1-9]) ?日"
    r"|(?<![0-9])(?P<year4>[12][0-9]{3})-(?P<month4>[01][0-9])-(?P<day4>[0-3][0-9])(?![0-9])"
)
#: Where a _DATE match can start: its first character, with 年 / 月 / 日 / - at most five characters on.
_DATE_START = re.compile("[0-9〇零一二三四五六七八九十](?=[^年月日-]{0,4}[年月日-])")
#: Clock times: 16时, 下午5时30分, 3点半, 16:00, 05:03:17 (the value is minutes after midnight).
_TIME = re.compile(
    r"(?P<part>上午|早上|凌晨|中午|下午|傍晚|晚上|晚)?"
    r"(?:(?P<hour>[0-2]?[0-9])[时点](?:(?P<minute>[0-5]?[0-9])分|(?P<half>半))?"
    r"|(?<![0-9:])(?P<hour2>[0-2]?[0-9]):(?P<minute2>[0-5][0-9])(?::[0-5][0-9])?(?![0-9]))"
)
#: Where a _TIME match can start: a digit or the first character of a part of the day, with 时 / 点 / : close after.
_TIME_START = re.compile("[0-9上早凌中下傍晚](?=[^时点:]{0,3}[时点:])")

#: Measure words (classifiers) and units that make a numeral a quantity. This is the grammar's closed
#: class of counting words, longest first; units are passed on to the units rules in ``unit``.
_UNITS = (
    "平方公里 平方千米 平方米 平米 立方米 千瓦时 千瓦 兆瓦 公里 千米 公斤 千克 公顷 公頃 平方 毫米 厘米 毫升 公升 "
    "美元 欧元 日元 港元 英镑 人民币 元 块钱 吨 噸 克 斤 米 亩 畝 升 瓦 度 岁 歲 "
    "小时 小時 分钟 分鐘 秒 天 周 週 个月 個月 年"
).split()
_CLASSIFIERS = (
    "个 個 项 項 件 条 條 家 所 座 部 台 臺 辆 輛 架 艘 列 名 位 人 户 戶 次 届 屆 批 期 轮 輪 场 場 处 處 类 類 种 種 "
    "套 份 张 張 本 篇 册 冊 页 頁 节 節 章 款 段 层 層 栋 棟 幢 间 間 块 塊 片 株 棵 头 頭 只 隻 匹 支 根 颗 顆 "
    "例 起 宗 趟 班 对 對 双 雙 组 組 队 隊 号 號 号线 號線 线 線 路 级 級 档 檔 环 環 代 年级 年級 强 強 大 "
    "亿元 万元 倍 轮次 方面 方 届次 区 區 省 市 县 縣 镇 鎮 村 国 國 校 门 門 首 幅 集 版 口 点 點 成员"
).split()
_UNIT_SET = frozenset(_UNITS)


def _measures_by_first_character() -> dict[str, tuple[str, ...]]:
    by_first: dict[str, list[str]] = {}
    for word in sorted(_UNITS + _CLASSIFIERS, key=len, reverse=True):
        by_first.setdefault(word[0], []).append(word)
    return {first: tuple(words) for first, words in by_first.items()}


#: Measure words and units by their first character, longest first: one dict look-up settles most positions.
_MEASURES = _measures_by_first_character()

#: 半米, 半年: half of a unit (一半 and 过半 are "half" of something counted elsewhere: no unit follows).
_HALF = re.compile("半(" + "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True)) + ")")
_APPROX_BEFORE = re.compile(r"(?:大约|约|近|将近|接近|超过|超|逾|达|多达|不到|不足|不少于|至少|上)$")
#: The last characters of _APPROX_BEFORE's words (and the newline its $ may stand before): a cheap test first.
_APPROX_BEFORE_LAST = frozenset("约近过超逾达到足于少上\n")
_APPROX_AFTER = re.compile(r"[多余来许几]|以上|以下|左右|上下")
_APPROX_AFTER_FIRST = frozenset("多余来许几以左上")
_RANGE_JOIN = re.compile(r"\s?(?:至|到|~|～|-|－|—|–)\s?")
_PERCENT_AFTER = re.compile(r"\s?%")
_POINT_AFTER = re.compile(r"个?百分点")
#: A list enumerator at the start of a segment or after punctuation: (八) / （八） / 二、 / 一是 / 其一.
_ENUM_PAREN = re.compile(rf"^\s*[(（]([{_HZ_DIGITS}十]{{1,3}}|[0-9]{{1,2}})[)）]")
_ENUM_COMMA = re.compile(rf"^\s*([{_HZ_DIGITS}十]{{1,3}})、")
_ENUM_SHI = re.compile(rf"(?:^|(?<=[，,；;：:。\s]))([{_HZ_DIGITS}十]{{1,2}})是")
_NUMERAL_SHI = re.compile(f"[{_HZ_DIGITS}十]是")  # what every _ENUM_SHI match holds: a fast test first

_ASCII_DIGIT = re.compile(r"[0-9]")
_DIGIT = re.compile(f"[0-9{_HZ_DIGITS}]")
_CENTURY_DECADE = re.compile(r"世纪([0-9]{2}|[一二三四五六七八九]十)年代")
_CALENDAR_HINT = re.compile("[年月日-]")  # every _DATE match holds one (a class is found fast)
#: What may follow or precede a lone hanzi digit for it to be a quantity; anything else makes it part of a word.
_LONE_DIGIT_AFTER = frozenset("多余来许几以左上分成倍%个級级年后")
_LONE_DIGIT_BEFORE = frozenset("第之数數几幾上")
_SESSION_WORDS = ("届", "屆", "次", "批", "期", "轮", "輪", "阶段", "階段", "季度")
_DECADES = frozenset(Decimal(decade) for decade in range(0, 100, 10))
_GENERATION = re.compile(r"后(?![来面期续果天])")  # 90后 (born in the 1990s), not 后来 / 后面
_NUMERAL_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)?|.")
_START = attrgetter("start")


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
    return end + 1 < len(text) and text[end] == "." and text[end + 1].isascii() and text[end + 1].isalpha()


@lru_cache(maxsize=1)
def _percent_word_segmenter():  # jieba is slow to load: only X成 needs it, and X成 is rare
    import jieba

    jieba.setLogLevel(60)
    return jieba


def _is_percent_cheng(text: str, start: int, end: int) -> bool:
    """三成 is 30%; 一成不变, 变成, 唯一成功 (唯一 + 成功) and 这一成本 are words: jieba's segmentation
    tells them apart. 成 is a percentage when it makes one word with the numeral (三成), or stands
    alone after a numeral that is a word of its own."""
    jieba = _percent_word_segmenter()
    sentence_start = max(0, start - 10)
    offset = sentence_start
    previous_start = sentence_start
    for word in jieba.cut(text[sentence_start : end + 8], HMM=False):
        word_end = offset + len(word)
        if word_end > end and offset <= end:  # the word holding 成
            if offset == end:  # 成 starts a word: alone, after a numeral that is not part of another word
                return word_end == end + 1 and previous_start >= start
            return offset >= start and word_end == end + 1
        previous_start = offset
        offset = word_end
    return False


#: Dates and years named by their numerals: 九二共识 is the 1992 Consensus, 五四运动 the May Fourth
#: Movement, 十一黄金周 the National Day (1 October) holiday. The English may give the date (May 4th,
#: 1992), keep it in words (May Fourth) or drop it (National Day), so the quantity is soft; the
#: words after the numeral make it a name (五四 alone is two digits of a list).
_NAMED_DATES: dict[str, tuple[tuple[int | None, int | None, int | None], tuple[str, ...]]] = {
    "九二": ((1992, None, None), ("共识",)),
    "五四": ((None, 5, 4), ("运动", "精神", "青年节", "青年奖章", "奖章")),
    "七一": ((None, 7, 1), ("勋章", "重要讲话", "讲话", "建党节")),
    "八一": ((None, 8, 1), ("建军节", "勋章", "南昌起义")),
    "三八": ((None, 3, 8), ("国际妇女节", "妇女节", "红旗手")),
    "五一": ((None, 5, 1), ("国际劳动节", "劳动节", "劳动奖章", "假期", "长假", "黄金周", "小长假")),
    "十一": ((None, 10, 1), ("黄金周", "长假", "假期", "国庆", "小长假")),
    "六一": ((None, 6, 1), ("国际儿童节", "儿童节")),
    "七七": ((None, 7, 7), ("事变",)),
    "九一八": ((None, 9, 18), ("事变",)),
    "九一一": ((None, 9, 11), ("事件", "恐怖袭击", "袭击")),
}
#: The Traditional forms of the names' characters (the numerals read the same in both scripts).
_NAME_TRADITIONAL = str.maketrans(
    "运动节识变劳长黄周儿妇军勋讲话国庆击袭奖红义", "運動節識變勞長黃週兒婦軍勳講話國慶擊襲獎紅義"
)


def _named_date_pattern() -> re.Pattern[str]:
    alternatives = []
    for numeral, (_, names) in _NAMED_DATES.items():
        traditional = [name.translate(_NAME_TRADITIONAL) for name in names]
        variants = dict.fromkeys([*names, *traditional, *(name.replace("週", "周") for name in traditional)])
        alternatives.append(f'{numeral}(?=[”"」]?(?:{"|".join(sorted(variants, key=len, reverse=True))}))')
    # not the end of a longer numeral (二十一, 第十一)
    return re.compile(f"(?<![{_HZ_ANY}0-9第])(?:{'|'.join(alternatives)})")


_NAMED_DATE = _named_date_pattern()


def _named_dates(text: str, norm: str) -> Iterator[Quantity]:
    for match in _NAMED_DATE.finditer(norm):
        start, end = match.span()
        year, month, day = _NAMED_DATES[match.group()][0]
        if year is not None:
            yield Quantity(Decimal(year), "year", start, end, text[start:end], hard=False, spelled=True)
        else:
            yield Quantity(Decimal(day), "date", start, end, text[start:end], hard=False, date=(None, month, day),
                           spelled=True)  # fmt: skip


@any_size  # 亿亿亿… multiplies past the default decimal context's largest exponent
def zh_quantities(text: str) -> list[Quantity]:
    """Every quantity in a Chinese text, in order of position."""
    if not _MAY_HAVE.search(text):
        return []
    norm = _normalised(text)
    if _ASCII_DIGIT.search(norm):
        norm = blank_markers(norm, "zh")
    quantities: list[Quantity] = []
    taken = _Spans(len(norm))

    if _CALENDAR_HINT.search(norm):
        for match in _matches(_DATE, _DATE_START, norm):
            quantity = _date_quantity(text, norm, match)
            if quantity is not None:
                quantities.append(quantity)
                taken.add(match.start(), match.end())

    for quantity in _named_dates(text, norm):
        if not taken.overlaps(quantity.start, quantity.end):
            quantities.append(quantity)
            taken.add(quantity.start, quantity.end)

    if ":" in norm or "时" in norm or "点" in norm:
        for match in _matches(_TIME, _TIME_START, norm):
            if taken.overlaps(match.start(), match.end()):
                continue
            quantity = _time_quantity(text, match)
            if quantity is not None:
                quantities.append(quantity)
                taken.add(quantity.start, quantity.end)

    for start, end, value in _enumerator_spans(norm):
        quantities.append(
            Quantity(Decimal(value), "ordinal", start, end, text[start:end], hard=False, enumerator=True, spelled=True)
        )
        taken.add(start, end)

    for match in _RUN.finditer(norm):
        run_start, run_end = match.span()
        if taken.spans and taken.overlaps(run_start, run_end):  # .spans: no __bool__ call per run
            continue
        run = match.group()
        if run_end - run_start == 1:
            # the common case: a lone 一 / 三 inside a word (统一, 三峡); settle it cheaply
            if text[run_start] in _FORMAL:
                continue
            if (
                not run.isdigit()
                and norm[run_end : run_end + 1] not in _LONE_DIGIT_AFTER
                and norm[run_start - 1 : run_start] not in _LONE_DIGIT_BEFORE
                and not norm.endswith("百分之", 0, run_start)
                and _measure_at(norm, run_end) is None
            ):
                continue
        if (
            not _has_digit(run)
            and not _bare_scale_quantity(norm, run_start, run_end)
            and not norm.endswith("百分之", 0, run_start)  # 百分之十, 百分之百
        ):
            continue
        if run in ("零", "〇"):
            continue
        if _is_identifier(norm, run_start, run_end):
            if run.isdigit():  # 737NG, G20: may stand for the English number, never reported
                quantities.append(
                    Quantity(Decimal(run), "cardinal", run_start, run_end, text[run_start:run_end], hard=False,
                             identifier=True)
                )  # fmt: skip
            continue
        plan = _five_year_plan(text, norm, run, run_start, run_end)
        if plan is not None:
            quantities.append(plan)
            continue
        pieces = _split_run(run)
        classified = [
            _classify(text, norm, run_start + start, run_start + end, value, quantum, approximate)
            for start, end, value, quantum, approximate in pieces
        ]
        if len(pieces) == 2 and pieces[0][:2] == pieces[1][:2] and classified[0] and classified[1]:
            low, high = classified
            quantities.append(replace(high, value=low.value, kind="range", high=high.value, parts=(low, high)))
            continue
        quantities.extend(quantity for quantity in classified if quantity is not None)
    if "半" in norm:
        for match in _HALF.finditer(norm):
            if not taken.overlaps(match.start(), match.start() + 1):
                quantities.append(
                    Quantity(Decimal("0.5"), "fraction", match.start(), match.end(), text[match.start() : match.end()],
                             hard=False, quantum=Decimal("0.001"), unit=match.group(1), spelled=True)
                )  # fmt: skip
    if len(quantities) > 1:
        quantities.sort(key=_START)
    return without_codes(text, slash_fractions(text, zh_date_lists(text, _join_ranges(text, norm, quantities))))


class _Spans:
    """The spans of a text already taken by dates, times and enumerators, asked whether a span overlaps
    one: a list while they are few, a mask of the text's characters once they are many (a long text
    full of dates asked about every numeral run)."""

    __slots__ = ("length", "mask", "spans")

    def __init__(self, length: int) -> None:
        self.length = length
        self.spans: list[tuple[int, int]] = []
        self.mask: bytearray | None = None

    def __bool__(self) -> bool:
        return bool(self.spans)

    def add(self, start: int, end: int) -> None:
        self.spans.append((start, end))
        if self.mask is not None:
            self.mask[start:end] = b"\x01" * (end - start)
        elif len(self.spans) > 16:
            self.mask = bytearray(self.length)
            for begin, finish in self.spans:
                self.mask[begin:finish] = b"\x01" * (finish - begin)

    def overlaps(self, start: int, end: int) -> bool:
        if self.mask is not None:
            return self.mask.find(1, start, end) >= 0
        return any(begin < end and start < finish for begin, finish in self.spans)


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


def _matches(pattern: re.Pattern[str], starts: re.Pattern[str], norm: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(norm)``, tried only where ``starts`` finds that a match can begin.

    The patterns begin with lookbehinds or optional groups, so the regex engine tries them at every
    character; a plain character class finds the few places worth trying far faster.
    """
    resume = 0
    for start in starts.finditer(norm):
        if start.start() >= resume:
            match = pattern.match(norm, start.start())
            if match is not None:
                yield match
                resume = match.end()


def _measure_at(norm: str, position: int) -> str | None:
    """The measure word or unit at ``position`` (the longest that fits), or None."""
    for word in _MEASURES.get(norm[position : position + 1], ()):
        if norm.startswith(word, position):
            return word
    return None


def _bare_scale_quantity(norm: str, start: int, end: int) -> bool:
    """十项, 百万亩, 十余家, 千亿级, 数十万, 上万: numerals without a digit that still count something.

    Without a measure word after them they are words: 十分, 千万 (must), 百姓, 万一.
    """
    before = norm[start - 1] if start else ""
    if "亿" in norm[start:end] and end - start > 1:
        return True  # 千亿茶产业, 百亿: 亿 compounds are never words
    if (before and before in "数數几幾上第") or norm.startswith("级", end) or norm.startswith("級", end):
        return True
    after = end + 1 if end < len(norm) and norm[end] in "多余几来" else end
    return _measure_at(norm, after) is not None


def _time_quantity(text: str, match: re.Match[str]) -> Quantity | None:
    hour = int(match.group("hour") or match.group("hour2"))
    minute = int(match.group("minute") or match.group("minute2") or (30 if match.group("half") else 0))
    if hour > 24:
        return None
    if match.group("part") in ("下午", "傍晚", "晚上", "晚") and hour < 12:
        hour += 12
    start = match.start("hour") if match.group("hour") else match.start("hour2")
    return Quantity(Decimal(hour * 60 + minute), "time", start, match.end(), text[start : match.end()])


def _date_quantity(text: str, norm: str, match: re.Match[str]) -> Quantity | None:
    year_text = match.group("year") or match.group("year4")
    month_text = match.group("month") or match.group("month2") or match.group("month4")
    day_text = match.group("day") or match.group("day2") or match.group("day3") or match.group("day4")
    year = _small_int(year_text) if year_text else None
    month = _small_int(month_text) if month_text else None
    day = _small_int(day_text) if day_text else None
    start, end = match.span()
    if year_text and not month_text:
        if year is None or not 1000 <= year <= 2999:
            return None
        if _is_identifier(norm, start, start + 4):
            return None
        return Quantity(Decimal(year), "year", start, end, text[start:end], spelled=not year_text.isdigit())
    if month is None and day is not None and 1 <= day <= 31:
        return Quantity(Decimal(day), "date", start, end, text[start:end], date=(None, None, day))
    if month is None or not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    if not year_text and not day_text:
        # 1-6月 is a span of months; a bare hanzi month (五月) is hard only with digits or 十
        return Quantity(Decimal(month), "month", start, end, text[start:end], spelled=not month_text.isdigit())
    return Quantity(
        Decimal(day or month),
        "date",
        start,
        end,
        text[start:end],
        date=(year, month, day),
        spelled=not (month_text or "").isdigit(),
    )


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


def _classify(
    text: str, norm: str, start: int, end: int, value: Decimal, quantum: Decimal, approximate: bool
) -> Quantity | None:
    """Turn a parsed numeral into a Quantity by what surrounds it, or None if it is part of a word."""
    # Most numerals have nothing around them: each pattern below is tried only if the next (or previous)
    # character can start (or end) it.
    numeral = norm[start:end]
    if numeral.isdigit():  # the common case; a run's only digits are ASCII ones
        spelled, has_digit = False, True
    else:
        spelled, has_digit = _ASCII_DIGIT.search(numeral) is None, _has_digit(numeral)
    has_scale = "万" in numeral or "亿" in numeral  # 萬 and 億 are normalised
    before = norm[max(0, start - 4) : start]
    approx = ""
    approx_before = _APPROX_BEFORE.search(before) if before[-1:] in _APPROX_BEFORE_LAST else None
    if approx_before:
        approx = approx_before.group()
    if approximate:
        approx = approx or "多"
    after = end
    approx_after = _APPROX_AFTER.match(norm, after) if norm[after : after + 1] in _APPROX_AFTER_FIRST else None
    if approx_after and not norm.startswith("余万", after):
        approx = approx or approx_after.group()
        after = approx_after.end()
    kind = "cardinal"
    unit = measure = ""
    # 数十万, 几百, 上万: an order of magnitude; below a thousand ("dozens") it is loose, so soft
    magnitude = not has_digit and before.endswith(("数", "數", "几", "幾", "上"))
    hard = not spelled or has_scale
    span_start, span_end = start, end

    if before.endswith("第"):
        kind = "ordinal"
        span_start = start - 1
        # 第三届, 第二批 name sessions and batches; 第二天 is "the next day", 第三方 "third parties"
        hard = not spelled or value >= 4 or (value >= 2 and norm.startswith(_SESSION_WORDS, end))
    elif before.endswith("百分之"):
        kind, span_start, hard = "percent", start - 3, True
    if kind == "cardinal":
        percent = _PERCENT_AFTER.match(norm, end) if "%" in norm[end : end + 2] else None
        points = _POINT_AFTER.match(norm, after) if norm.startswith(("个", "百"), after) else None
        if percent:
            kind, span_end, hard = "percent", percent.end(), True
        elif points:
            kind, span_end, hard = "percentage_point", points.end(), True
        elif norm.startswith("分之", end):
            if numeral == "百":
                return None  # 百分之七十五 is a percentage, read from the numeral after 百分之
            denominator = _RUN.match(norm, end + 2)
            parsed = parse_zh_numeral(denominator.group()) if denominator else None
            if parsed is None or not value:
                return None
            return Quantity(
                parsed[0] / value, "fraction", start, denominator.end(), text[start : denominator.end()],
                hard=True, quantum=Decimal("0.001"), spelled=spelled,
            )  # fmt: skip
        elif norm.startswith("成", end) and value < 10 and _is_percent_cheng(norm, start, end):
            kind, span_end, hard = "percent", end + 1, True
            value, quantum = value * 10, quantum * 10
        elif norm.startswith("倍", after):
            kind, span_end = "multiple", after + 1
    if kind in ("cardinal", "ordinal"):
        word = _measure_at(norm, after)
        if word is not None:
            if word in _UNIT_SET:
                unit = word
            else:
                measure = word
            if spelled and not has_scale and kind == "cardinal":
                # 三项 / 两个确立: a small hanzi count is soft; 三百个, 十四个 are hard
                hard = value >= 10
        elif spelled and kind == "cardinal" and not has_scale:
            if len(numeral) < 2 and not magnitude:
                return None  # a lone 三 / 五 inside a word
            hard = value >= 10
    if spelled and not has_digit and not magnitude and (kind != "percent" or value == 100):
        # 十年, 百万亩, 万人: a round figure without a digit is often rendered loosely (百分之百: "fully");
        # 百分之十 is a percentage, kept as one
        hard = False
    if norm.startswith(("级", "級"), end) and not has_digit:
        magnitude = True
        span_end = end + 1
    if magnitude:
        hard = value >= 1000
        span_start = min(span_start, start - 1) if before.endswith(("数", "數", "几", "幾", "上")) else span_start
    century = _CENTURY_DECADE.match(norm, end) if norm.startswith("世纪", end) else None
    if century and kind == "cardinal" and 1 <= value <= 30:
        # 20世纪80年代: the 1980s
        decade = _small_int(century.group(1))
        if decade is not None and decade % 10 == 0:
            year = Decimal(100 * (int(value) - 1) + decade)
            return Quantity(year, "year", start, century.end(), text[start : century.end()], spelled=spelled)
    if kind == "cardinal" and value in _DECADES and (norm.startswith("年代", end) or _GENERATION.match(norm, end)):
        # 八十年代 / 90后: the 1980s, people born in the 1990s
        kind, value = "year", value + (1900 if value >= 30 else 2000)
        hard, span_end = True, end + (2 if norm.startswith("年代", end) else 1)
    if (
        kind == "cardinal"
        and not spelled
        and norm.startswith("年", end)
        and "," not in numeral
        and value == value.to_integral_value()
        and 1000 <= value <= 2999
    ):
        kind = "year"
    return Quantity(
        value,
        kind,  # type: ignore[arg-type]
        span_start,
        span_end,
        text[span_start:span_end],
        hard=hard,
        quantum=quantum,
        unit=unit,
        measure=measure,
        approx=approx,
        magnitude=magnitude,
        spelled=spelled,
    )


def _join_ranges(text: str, norm: str, quantities: list[Quantity]) -> list[Quantity]:
    """3至5, 3-5, 2016年—2035年: two quantities joined by a range word are one range."""
    if len(quantities) < 2:
        return quantities
    joined: list[Quantity] = []
    index = 0
    while index < len(quantities):
        low = quantities[index]
        if index + 1 < len(quantities):
            high = quantities[index + 1]
            if (
                0 < high.start - low.end <= 3  # the longest _RANGE_JOIN: a space, 至, a space
                and _RANGE_JOIN.fullmatch(norm[low.end : high.start])
                and low.kind not in ("date", "month")
                and high.kind not in ("date", "month")
                and low.value < high.value
            ):
                joined.append(
                    Quantity(
                        low.value,
                        "range",
                        low.start,
                        high.end,
                        text[low.start : high.end],
                        hard=low.hard or high.hard,
                        unit=high.unit,
                        measure=high.measure,
                        approx=low.approx or high.approx,
                        high=high.value,
                        spelled=low.spelled,
                        parts=(low, high),
                    )
                )
                index += 2
                continue
        joined.append(low)
        index += 1
    return joined
