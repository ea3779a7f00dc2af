"""What around an English number changes its reading: "1930 hours" and "at 0300" are times, a number
in parentheses glosses the one before it, and "3 to 5" or "between 3 and 5" is one range."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from qa.lang.numbers.en_tokens import _RANGE_JOIN
from qa.lang.numbers.quantity import Quantity

_HOURS_AFTER = re.compile(r"\s?(?:hours|hrs|h)\b")
#: "as at 2359Z": Zulu (UTC) time, as UN space and military reports write it.
_ZULU_AFTER = re.compile(r"Z(?![A-Za-z0-9])")
_TIME_BEFORE = re.compile(r"\b(?:at|from|until|till|by|to|and|between|since|before|after)\s$", re.IGNORECASE)
#: "Between 1100 and 1200 hours": the first time of a range whose second says "hours".
_HOURS_RANGE_AFTER = re.compile(r"\s?(?:and|to|-|–)\s?[0-2][0-9][0-5][0-9]\s?(?:hours|hrs)\b")
_AT_BEFORE = re.compile(r"\b(?:at|At|AT)\s$")
_ONE = Decimal(1)


def _military_time(scan: str, digits: str, end: int) -> Decimal | None:
    """Minutes after midnight of "1930 hours", "between 1100 and 1200 hours", "at 0300" (a zero first and
    "at", "from", "until" … before) or "At 1310," (a comma after), else None."""
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 24 or minutes > 59 or (hours == 24 and minutes):
        return None
    if _HOURS_AFTER.match(scan, end) or _HOURS_RANGE_AFTER.match(scan, end) or _ZULU_AFTER.match(scan, end):
        return Decimal(hours * 60 + minutes)
    if digits[0] == "0" and _TIME_BEFORE.search(scan, max(0, end - 12), end - 4):
        return Decimal(hours * 60 + minutes)
    if (
        not "19" <= digits[:2] <= "20"
        and scan[end : end + 1] == ","
        and _AT_BEFORE.search(scan, max(0, end - 7), end - 4)
    ):
        return Decimal(hours * 60 + minutes)  # "At 1310, near the village" (but "at 2010, …" may be a year)
    return None


def _in_parentheses(text: str, start: int, end: int) -> bool:
    """6,000 mu (400 hectares): a number inside parentheses glosses the one before it."""
    opening = text.rfind("(", max(0, start - 40), start)
    if opening < 0 or text.find(")", opening, start) >= 0:
        return False
    closing = text.find(")", end, end + 40)
    return closing >= 0 and text.find("(", end, closing) < 0


def _after_between(text: str, start: int) -> bool:
    """Whether "between" (any case) and maybe whitespace come right before ``start``: "between 3 and 5"."""
    end = start
    while end > 0 and text[end - 1].isspace():  # each stretch of whitespace is walked for one quantity
        end -= 1
    # no character but İ lowercases to more than one, and none to letters of "between" but their capitals
    return end >= 7 and text[end - 7 : end].lower() == "between"


def _join_ranges(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """2016-2035, 3 to 5, between 3 and 5: two quantities joined by a range word are one range."""
    if len(quantities) < 2:
        return quantities
    joined: list[Quantity] = []
    index = 0
    while index < len(quantities):
        low = quantities[index]
        if index + 1 < len(quantities):
            high = quantities[index + 1]
            gap = text[low.end : high.start]
            if low.kind == "year" and gap in ("-", "–") and len(high.text) == 2 and high.text.isdigit():
                # 2005-06, 2014–15: a span of years (a season, a biennium) writes the second with two digits
                century = low.value - low.value % 100
                if century + high.value > low.value:
                    high = replace(high, value=century + high.value, kind="year")
            if (
                0 < len(gap) <= 5  # _RANGE_JOIN matches at most " and "
                and _RANGE_JOIN.fullmatch(gap)
                and (gap.strip() != "and" or _after_between(text, low.start))
                and low.kind not in ("date", "month", "time")
                and high.kind not in ("date", "month", "time")
                and low.value < high.value
            ):
                joined.append(
                    Quantity(
                        low.value, "range", low.start, high.end, text[low.start : high.end],
                        hard=low.hard or high.hard, unit=high.unit, approx=low.approx or high.approx,
                        high=high.value, spelled=low.spelled, parts=(low, quantities[index + 1]),
                    )
                )  # fmt: skip
                index += 2
                continue
        joined.append(low)
        index += 1
    return joined


_DECADES_AFTER = re.compile(r"[\s-]decades?\b", re.IGNORECASE)


def in_decades(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """ "two decades" is 20 years (二十年), "five decades" 50: a count of decades is ten times its number."""
    if "decade" not in text:
        return quantities
    return [
        replace(q, value=q.value * 10, quantum=q.quantum * 10, end=match.end(), text=text[q.start : match.end()])
        if q.kind == "cardinal" and (match := _DECADES_AFTER.match(text, q.end)) is not None
        else q
        for q in quantities
    ]


_CLOCK_WORDS = re.compile(r"\b(?:noon|midday|midnight)\b", re.IGNORECASE)


def clock_words(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """ "noon" is 12:00 (中午十二时), "midnight" 00:00 (零时): soft times, added where no number says it."""
    if "noon" not in text and "midnight" not in text and "midday" not in text:
        return quantities
    added = [
        Quantity(
            Decimal(0 if match.group().lower() == "midnight" else 720),
            "time",
            match.start(),
            match.end(),
            match.group(),
            hard=False,
            spelled=True,
        )
        for match in _CLOCK_WORDS.finditer(text)
        if not any(q.start <= match.start() <= q.end + 1 for q in quantities)  # "12 noon" is said by the 12
    ]
    return sorted([*quantities, *added], key=lambda q: q.start) if added else quantities


_AGE_DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
                "eighties": 80, "nineties": 90}  # fmt: skip
_AGE_DECADE = re.compile(
    r"\b(?:his|her|their|my|your|our|its)\s(?:(?:early|mid|late)[\s-])?"
    r"(?P<decade>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
    re.IGNORECASE,
)


def age_decades(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """ "in his twenties" is 二十多岁: an age of twenty-odd years (soft, approximate); "the seventies"
    with no one's age is a decade of years, left to the year readers."""
    if "0s" in text:
        quantities = _age_decades_in_digits(text, quantities)
    if "ties" not in text:
        return quantities
    added = [
        Quantity(Decimal(_AGE_DECADES[match.group("decade").lower()]), "cardinal", match.start("decade"),
                 match.end(), match.group("decade"), hard=False, quantum=Decimal(10), approx="多", spelled=True)
        for match in _AGE_DECADE.finditer(text)
    ]  # fmt: skip
    return sorted([*quantities, *added], key=lambda q: q.start) if added else quantities


_AGE_DECADE_DIGITS = re.compile(r"\b(?:his|her|their|my|your|our|its)\s(?:(?:early|mid|late)[\s-])?([1-9]0)s\b", re.I)


def _age_decades_in_digits(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """ "a man aged in his 20s" is 20岁左右, not the 2020s."""
    ages = {match.start(1) for match in _AGE_DECADE_DIGITS.finditer(text)}
    if not ages:
        return quantities
    return [
        replace(q, kind="cardinal", value=Decimal(q.text[:2]), quantum=Decimal(10), approx="多", hard=False)
        if q.start in ages and q.kind == "year"
        else q
        for q in quantities
    ]


#: "$(80) million": an amount in parentheses (a decrease, as financial tables write one) and its scale.
_PARENTHESISED_SCALE = re.compile(r"\)\s(hundred|thousand|million|billion|trillion)\b")
_SIGNS = ("US$", "$", "€", "£", "¥")
_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}


def parenthesised_amounts(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """$(80) million is -80 million, written as accounts write a decrease: one amount (values are
    absolute), not a gloss 80 and a bare "million"."""
    if ") " not in text or len(quantities) < 2:
        return quantities
    result: list[Quantity] = []
    skip_until = -1
    for quantity in quantities:
        if quantity.start < skip_until:
            continue
        scale = _PARENTHESISED_SCALE.match(text, quantity.end) if quantity.gloss and not quantity.spelled else None
        if scale is None or text[quantity.start - 1 : quantity.start] != "(":
            result.append(quantity)
            continue
        factor = _SCALES[scale.group(1)]
        start, unit = quantity.start, quantity.unit
        sign = next((sign for sign in _SIGNS if text.endswith(sign, 0, start - 1)), "")
        if sign:
            start, unit = start - 1 - len(sign), sign
        result.append(
            replace(quantity, value=quantity.value * factor, quantum=quantity.quantum * factor, start=start,
                    end=scale.end(), text=text[start : scale.end()], hard=True, gloss=False, unit=unit)
        )  # fmt: skip
        skip_until = scale.end()
    return result


#: "the centenary", "its bicentennial": an anniversary in hundreds of years (一百周年, 两百周年).
_CENTENARY = re.compile(r"\b(bi|ter|tri|quater|quin)?cent(?:enary|ennial)\b", re.IGNORECASE)
_CENTURIES = {None: 1, "bi": 2, "ter": 3, "tri": 3, "quater": 4, "quin": 5}


def centenaries(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """A centenary is 100 years, a bicentenary 200: soft numbers, free to meet 一百周年 and 两百周年."""
    if "enn" not in text and "enar" not in text:
        return quantities
    found = [
        Quantity(Decimal(100 * _CENTURIES[(match.group(1) or "").lower() or None]), "cardinal", match.start(),
                 match.end(), match.group(), hard=False, spelled=True)
        for match in _CENTENARY.finditer(text)
    ]  # fmt: skip
    if not found:
        return quantities
    return sorted(quantities + found, key=lambda quantity: quantity.start)
