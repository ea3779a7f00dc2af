"""Chinese dates and times → Quantities: 2023年1月15日, 1-6月, 15日, 16时30分, 下午5时, 3点半, 16:00,
and dates named by their numerals (九二共识, 五四运动, 十一黄金周)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from qa.lang.numbers.quantity import Quantity
from qa.lang.numbers.zh_numerals import _HZ_ANY, _is_identifier, _small_int

_YEAR_DIGITS = r"[0-9]{4}|[〇零一二三四五六七八九]{4}"
_MONTH = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_DAY = r"3[01]|[12][0-9]|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九]"
_DATE = re.compile(
    rf"(?P<year>{_YEAR_DIGITS}) ?年(?!代)(?: ?(?P<month>{_MONTH}) ?月(?: ?(?P<day>{_DAY}) ?[日号])?)?"
    rf"|(?<![0-9〇零一二三四五六七八九十个個])(?P<month2>{_MONTH}) ?月(?: ?(?P<day2>{_DAY}) ?[日号])?"
    r"|(?<![0-9.])(?P<day3>3[01]|[12][0-9]|0?[1-9]) ?日"
    r"|(?<![0-9])(?P<year4>[12][0-9]{3})-(?P<month4>[01][0-9])-(?P<day4>[0-3][0-9])(?![0-9])"
)
#: Where a _DATE match can start: its first character, with 年 / 月 / 日 / - at most five characters on.
_DATE_START = re.compile("[0-9〇零一二三四五六七八九十](?=[^年月日-]{0,4}[年月日-])")
#: Clock times: 16时, 下午5时30分, 3点半, 16:00, 05:03:17 (the value is minutes after midnight).
_TIME = re.compile(
    r"(?P<part>上午|早上|凌晨|中午|下午|傍晚|晚上|晚)?"
    r"(?:(?P<hour>[0-2]?[0-9]|[零〇一二两三四五六七八九十]{1,3})(?P<mark>[时点])"
    r"(?:(?P<minute>[0-5]?[0-9]|[零〇一二三四五六七八九十]{1,3})分|(?P<half>半))?"
    r"|(?<![0-9:])(?P<hour2>[0-2]?[0-9]):(?P<minute2>[0-5][0-9])(?::[0-5][0-9])?(?![0-9]))"
)
#: Where a _TIME match can start: a digit or the first character of a part of the day, with 时 / 点 / : close after.
_TIME_START = re.compile("[0-9零〇一二两三四五六七八九十上早凌中下傍晚](?=[^时点:]{0,3}[时点:])")
_CALENDAR_HINT = re.compile("[年月日-]")  # every _DATE match holds one (a class is found fast)
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
    "911": ((None, 9, 11), ("事件", "恐怖袭击", "袭击")),
    "六四": (
        (None, 6, 4),
        (
            "事件",
            "难属",
            "孤儿",
            "孤苦",
            "捐款",
            "捐助",
            "镇压",
            "屠杀",
            "遇难",
            "死难",
            "当年",
            "的名义",
            "纪念",
            "运动",
        ),
    ),
}
#: The Traditional forms of the names' characters (the numerals read the same in both scripts).
_NAME_TRADITIONAL = str.maketrans(
    "运动节识变劳长黄周儿妇军勋讲话国庆击袭奖红义难属镇压杀当纪",
    "運動節識變勞長黃週兒婦軍勳講話國慶擊襲獎紅義難屬鎮壓殺當紀",
)


def _named_date_pattern() -> re.Pattern[str]:
    alternatives = []
    for numeral, (_, names) in _NAMED_DATES.items():
        traditional = [name.translate(_NAME_TRADITIONAL) for name in names]
        variants = dict.fromkeys([*names, *traditional, *(name.replace("週", "周") for name in traditional)])
        alternatives.append(f'{numeral}(?=[”"」]?[ ]?(?:{"|".join(sorted(variants, key=len, reverse=True))}))')
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


def _time_quantity(text: str, match: re.Match[str]) -> Quantity | None:
    hour_text = match.group("hour") or match.group("hour2")
    minute_text = match.group("minute") or match.group("minute2")
    if not hour_text.isdigit() and not (match.group("part") or minute_text or match.group("half")):
        # 八點三十分, 下午三点, 中午十二时 and 零时 (midnight) are times; 三点 alone is as often
        # "three points" (三点建议) and 一时 "for a moment" (第一时间, 着陆时)
        if not (hour_text in ("零", "〇") and match.group("mark") == "时"):
            return None
    hour = _small_int(hour_text)
    minute = _small_int(minute_text) if minute_text else (30 if match.group("half") else 0)
    if hour is None or minute is None or hour > 24 or minute > 59:
        return None
    if match.group("part") in ("下午", "傍晚", "晚上", "晚") and hour < 12:
        hour += 12
    start = match.start("hour") if match.group("hour") else match.start("hour2")
    return Quantity(Decimal(hour * 60 + minute), "time", start, match.end(), text[start : match.end()])


#: What starts a lunar day after a month in hanzi (五月初五, 八月十五, 腊月廿三), with no 日 to end it.
_LUNAR_DAY_FIRST = frozenset("初廿一二三四五六七八九十")


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
        lunar = not month_text.isdigit() and norm[end : end + 1] in _LUNAR_DAY_FIRST
        # 五月初五, 八月十五: a day of the lunar calendar, which the English names or gives another date for
        return Quantity(Decimal(month), "month", start, end, text[start:end], hard=not lunar,
                        spelled=not month_text.isdigit())  # fmt: skip
    return Quantity(
        Decimal(day or month),
        "date",
        start,
        end,
        text[start:end],
        date=(year, month, day),
        spelled=not (month_text or "").isdigit(),
    )
