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
from dataclasses import replace
from decimal import Decimal
from functools import cache
from operator import attrgetter

from qa.lang.markers import blank_markers
from qa.lang.numbers.codes import without_codes
from qa.lang.numbers.date_lists import zh_date_lists
from qa.lang.numbers.fractions import slash_fractions
from qa.lang.numbers.quantity import Quantity, any_size
from qa.lang.numbers.zh_calendar import (
    _CALENDAR_HINT,
    _DATE,
    _DATE_START,
    _TIME,
    _TIME_START,
    _date_quantity,
    _matches,
    _named_dates,
    _time_quantity,
)
from qa.lang.numbers.zh_numerals import (
    _ASCII_DIGIT,
    _FORMAL,
    _HANZI_DIGIT_VALUE,
    _MAY_HAVE,
    _RUN,
    _enumerator_spans,
    _five_year_plan,
    _has_digit,
    _is_identifier,
    _is_percent_cheng,
    _normalised,
    _small_int,
    _split_run,
    may_have_zh_numbers,
    parse_zh_numeral,
)

__all__ = ["may_have_zh_numbers", "parse_zh_numeral", "zh_quantities"]

#: Measure words (classifiers) and units that make a numeral a quantity. This is the grammar's closed
#: class of counting words, longest first; units are passed on to the units rules in ``unit``.
_UNITS = (
    "平方公里 平方千米 平方米 平米 立方米 千瓦时 千瓦 兆瓦 公里 千米 公斤 千克 公顷 公頃 平方 毫米 厘米 毫升 公升 "
    "美元 欧元 日元 港元 英镑 人民币 元 块钱 吨 噸 克 斤 米 亩 畝 升 瓦 度 岁 歲 "
    "小时 小時 分钟 分鐘 秒 天 周 週 个月 個月 年 英尺 英寸 英里 英亩 尺 寸 丈"
).split()
_CLASSIFIERS = (
    "个 個 项 項 件 条 條 家 所 座 部 台 臺 辆 輛 架 艘 列 名 位 人 户 戶 次 届 屆 批 期 轮 輪 场 場 处 處 类 類 种 種 "
    "套 份 张 張 本 篇 册 冊 页 頁 节 節 章 款 段 层 層 栋 棟 幢 间 間 块 塊 片 株 棵 头 頭 只 隻 匹 支 根 颗 顆 "
    "例 起 宗 趟 班 对 對 双 雙 组 組 队 隊 号 號 号线 號線 线 線 路 级 級 档 檔 环 環 代 年级 年級 强 強 大 "
    "亿元 万元 倍 轮次 方面 方 届次 周年 週年 区 區 省 市 县 縣 镇 鎮 村 国 國 校 门 門 首 幅 集 版 口 点 點 成员 字"
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
_CENTURY_DECADE = re.compile(r"世纪([0-9]{2}|[一二三四五六七八九]十)年代")
#: What may follow or precede a lone hanzi digit for it to be a quantity; anything else makes it part of a word.
_LONE_DIGIT_AFTER = frozenset("多余来许几以左上分成倍%个級级年后折旬")
_LONE_DIGIT_BEFORE = frozenset("第之数數几幾上每")
_SESSION_WORDS = ("届", "屆", "次", "批", "期", "轮", "輪", "阶段", "階段", "季度")
_DECADES = frozenset(Decimal(decade) for decade in range(0, 100, 10))
_GENERATION = re.compile(r"后(?![来面期续果天])")  # 90后 (born in the 1990s), not 后来 / 后面
_START = attrgetter("start")
#: Nouns that name a numbered part or choice: 附件一, 表二, 图三, 备选办法一, 方案二, 选项三, 阶段二.
_LABELS = tuple("附件 附录 附錄 附表 表 图 圖 办法 辦法 方案 选项 選項 阶段 階段".split())
#: What is weighed in taels (两): silver and gold.
_TAEL_GOODS = frozenset("银銀金")
#: What comes before a score in points (满分五分, 打四分, 得了三分, 评为五分).
_SCORE_BEFORE = re.compile("(?:满分|滿分|打|得|得了|给|給|评|評|为|為|拿)$")
_PAIRED_SCALES = re.compile("[成上][十百千万萬]上$")


@any_size  # 亿亿亿… multiplies past the default decimal context's largest exponent
def zh_quantities(text: str) -> list[Quantity]:
    """Every quantity in a Chinese text, in order of position."""
    if not _MAY_HAVE.search(text):
        return _roman_numerals(text) if _ROMAN_LETTER.search(text) else []
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
        if run_end - run_start > 1 and run[-1] in "两兩" and norm[run_end : run_end + 1] in _TAEL_GOODS:
            # 一万两银子 is 10,000 taels of silver, not 12,000 (一万两千) of something
            run, run_end = run[:-1], run_end - 1
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
                if norm.endswith(_LABELS, 0, run_start) and run in _HANZI_DIGIT_VALUE:
                    # 附件一 is "annex I" or "annex 1", 备选办法二 "alternative 2": a label's number, soft
                    value = Decimal(_HANZI_DIGIT_VALUE[run])
                    quantities.append(
                        Quantity(value, "cardinal", run_start, run_end, run, hard=False, spelled=True)
                    )  # fmt: skip
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
        if (
            len(run) == 2
            and norm.startswith("折", run_end)
            and run[0] in _HANZI_DIGIT_VALUE
            and run[1] in _HANZI_DIGIT_VALUE
            and run[0] not in "〇零"
        ):
            # 八五折 is 8.5折 (85% paid), its digits read one by one
            digits = Decimal(f"{_HANZI_DIGIT_VALUE[run[0]]}.{_HANZI_DIGIT_VALUE[run[1]]}")
            quantities.append(
                Quantity(100 - digits * 10, "percent", run_start, run_end + 1, text[run_start : run_end + 1],
                         measure="折", spelled=True)
            )  # fmt: skip
            continue
        if norm.endswith("第", 0, run_start) and len(run) >= 3 and all(char in _HANZI_DIGIT_VALUE for char in run):
            # 第一五六条 is rule 156: digits read one by one, as in 二〇二三年
            value = Decimal("".join(str(_HANZI_DIGIT_VALUE[char]) for char in run))
            pieces: tuple[tuple[int, int, Decimal, Decimal, bool], ...] = ((0, len(run), value, Decimal(1), False),)
        else:
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
    if _ROMAN_LETTER.search(text):
        quantities.extend(_roman_numerals(text))
    if len(quantities) > 1:
        quantities.sort(key=_START)
    return without_codes(text, slash_fractions(text, zh_date_lists(text, _join_ranges(text, norm, quantities))))


_ROMAN_LETTER = re.compile("[IVX]")


@cache
def _zh_roman() -> re.Pattern[str]:
    """A capital Roman numeral right after a Han character (欧IV, 第II部分, 附件III), maybe with one lower-case
    letter after it (欧Va, 欧VId: variants of a standard) and no other Latin letter or digit around it.
    Compiled on first use: a set of hanzi ranges takes milliseconds, and most texts have no I, V or X."""
    return re.compile("(?<=[\u3400-\u9fff\uf900-\ufaff])(?=[IVX])(X{0,3}(?:IX|IV|V?I{0,3}))(?=[a-z]?(?![A-Za-z0-9]))")


_ROMAN = {"I": 1, "V": 5, "X": 10}


def _roman_numerals(text: str) -> list[Quantity]:
    """Roman numerals in Chinese text (欧IV is Euro 4): soft, like the English ones, free to match."""
    found = []
    for match in _zh_roman().finditer(text):
        numeral = match.group(1)
        if not numeral:
            continue
        value = 0
        for index, char in enumerate(numeral):
            digit = _ROMAN[char]
            value += -digit if index + 1 < len(numeral) and _ROMAN[numeral[index + 1]] > digit else digit
        found.append(
            Quantity(Decimal(value), "ordinal", match.start(1), match.end(1), numeral, hard=False, spelled=True)
        )
    return found


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
    if (before and before in "数數几幾上第每") or norm.startswith("级", end) or norm.startswith("級", end):
        return True
    after = end + 1 if end < len(norm) and norm[end] in "多余几来" else end
    return _measure_at(norm, after) is not None


def _classify(
    text: str, norm: str, start: int, end: int, value: Decimal, quantum: Decimal, approximate: bool
) -> Quantity | None:
    """Turn a parsed numeral into a Quantity by what surrounds it, or None if it is part of a word."""
    # Most numerals have nothing around them: each pattern below is tried only if the next (or previous)
    # character can start (or end) it.
    numeral = norm[start:end]
    if norm.startswith(("进制", "進制", "进位", "進位"), end):
        return None  # 十六进制 (Taiwan: 十六進位) is "hexadecimal", 二进制 "binary": a word, not a number
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
        elif norm.startswith("折", end) and 0 < value < 10 and not approx:
            # 九折 (pay 90%) is "10% off", 7.5折 "25% off": the discount, as English states it; the
            # share paid agrees too (qa.lang.numbers.match)
            kind, span_end, hard, measure = "percent", end + 1, True, "折"
            value, quantum = 100 - value * 10, quantum * 10
        elif norm.startswith("倍", after):
            kind, span_end = "multiple", after + 1
    if kind in ("cardinal", "ordinal"):
        word = _measure_at(norm, after)
        if word is None and not spelled and norm.startswith(" ", after):
            # software Chinese spaces digits from the words around them: 需要 1 個引數, 40 个字符; a measure
            # word only, since a unit's character may open the next word (6 克罗地亚 is no 6 grams)
            word = _measure_at(norm, after + 1)
            if word is None and _is_note_number(norm, start, end):
                hard = False
            elif word in _UNIT_SET:
                word = None
        if word is not None:
            if word in _UNIT_SET:
                unit = word
            else:
                measure = word
            if spelled and not has_scale and kind == "cardinal":
                # 三项 / 两个确立: a small hanzi count is soft; 三百个, 十四个 are hard
                hard = value >= 10
            elif measure and kind == "cardinal" and value == 1:
                hard = False  # 1个特别账户 is "a special account", as 一个 is
        elif spelled and kind == "cardinal" and not has_scale and norm.startswith("旬", after) and value < 10:
            # 年过七旬, 七旬老人: seventy (years of age), in decades; loose, as "in his seventies" is
            value, quantum, hard, measure, span_end = value * 10, quantum * 10, False, "旬", after + 1
        elif (
            spelled
            and kind == "cardinal"
            and not has_scale
            and norm.startswith("分", after)
            and _SCORE_BEFORE.search(before)
        ):
            measure, hard = "分", False  # 满分五分, 打四分: a score (十分 alone is "very", 七分 a share)
        elif spelled and kind == "cardinal" and not has_scale:
            if len(numeral) < 2 and not magnitude:
                return None  # a lone 三 / 五 inside a word
            hard = value >= 10
    if spelled and kind == "cardinal" and before[-1:] in ("月", "初", "廿"):
        hard = False  # 八月十五, 初五: a lunar day (the English names the festival or gives the solar date)
    if spelled and not has_digit and not magnitude and (kind != "percent" or value == 100):
        # 十年, 百万亩, 万人: a round figure without a digit is often rendered loosely (百分之百: "fully");
        # 百分之十 is a percentage, kept as one
        hard = False
    if norm.startswith(("级", "級"), end) and not has_digit:
        magnitude = True
        span_end = end + 1
    if magnitude:
        # 成千上万, 成百上千, 上千上万: an idiom for "a great many", rendered "thousands" or "hundreds of thousands"
        hard = value >= 1000 and not _PAIRED_SCALES.search(before)
        span_start = min(span_start, start - 1) if before.endswith(("数", "數", "几", "幾", "上")) else span_start
    century = _CENTURY_DECADE.match(norm, end) if norm.startswith("世纪", end) else None
    if century and kind == "cardinal" and 1 <= value <= 30:
        # 20世纪80年代: the 1980s
        decade = _small_int(century.group(1))
        if decade is not None and decade % 10 == 0:
            year = Decimal(100 * (int(value) - 1) + decade)
            return Quantity(year, "year", start, century.end(), text[start : century.end()], spelled=spelled)
    decade_end = end + 1 if norm.startswith(" 年代", end) and not spelled else end
    if (
        kind == "cardinal"
        and value in _DECADES
        and (norm.startswith("年代", decade_end) or _GENERATION.match(norm, end))
    ):
        # 八十年代 / 90后 / 上世纪 60 年代: the 1980s, people born in the 1990s, the 1960s
        last_century = before.endswith(("上世纪", "上世紀", "世纪 ", "世紀 ")) or norm.endswith(
            ("上世纪 ", "上世紀 ", "20世纪", "20世紀", "二十世纪", "二十世紀"), 0, start
        )
        kind, value = "year", value + (1900 if value >= 30 or last_century else 2000)
        hard, span_end = True, decade_end + (2 if norm.startswith("年代", decade_end) else 1)
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


def _is_note_number(norm: str, start: int, end: int) -> bool:
    """1-2 digits opening the text or a list item (after 、), spaced from the name that follows and
    counting nothing: a note's number (6 克罗地亚…, 、1 直布罗陀), not 8 岁 or 40 毫米."""
    return (
        end - start <= 2
        and (start == 0 or norm[start - 1] == "、")
        and end + 1 < len(norm)
        and ("\u3400" <= norm[end + 1] <= "\u9fff" or "\uf900" <= norm[end + 1] <= "\ufaff")
    )  # a range test, not a pattern: a set of hanzi ranges takes milliseconds to compile


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
                len(high.text) == 2
                and high.text.isdigit()
                and low.text[:4].isdigit()
                and low.kind in ("year", "cardinal")
                and 1000 <= low.value <= 2999
                and norm[low.end : high.start] in ("-", "–", "－")
                and low.value % 100 < high.value
            ):
                # 1971-72: a span of years writes the second with two digits, as English does
                high = replace(high, value=low.value - low.value % 100 + high.value, kind="year")
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
                        parts=(low, quantities[index + 1]),  # as written: 1920-29 may meet "29th"
                    )
                )
                index += 2
                continue
        joined.append(low)
        index += 1
    return joined
