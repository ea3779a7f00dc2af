"""Lists and ranges of days that share a month: each day made a whole date.

Chinese writes the month (and year) once, before the first day: 2015年2月3日至5日,
2014年10月13 - 17日, 2013年10月24和25日, 11月2至6日. English writes it once, after the
last day: "from 3 to 5 February", "9-20 March 2015", "on 3 and 4 November". Read one
number at a time, each side then holds a bare day (5日, the 3 of "3 to 5 February") that
matches nothing on the other side. Here every day of such a list takes the month and
year the list states, so that 2015年2月3日 meets "3 February" and 5日 meets "5 February";
a wrong or missing day still finds no match.
"""

from __future__ import annotations

import re
from dataclasses import replace

from qa.lang.numbers.quantity import Quantity

__all__ = ["en_date_lists", "zh_date_lists"]

#: What joins two days of one list or range (至, 到, -, 和, 、, 及 …), with any spaces around it; the days
#: of a list or range ascend (7月25日和20时 is no list).
_ZH_JOIN = re.compile(r"\s*(?:至|到|[-–—~～]|和|、|及|与|或)\s*")  # not a comma: 2月3日，14岁
#: The same in English: "3 to 5", "3-5", "3 and 4", "3, 4 and 5", "3 or 4".
_EN_JOIN = re.compile(r"\s?[-–—]\s?|,?\s(?:to|and|or|through)\s(?:the\s)?|,\s?")
#: After a date that names its month first ("February 3 to 5"), a comma alone ends the date ("March 3, 20 …").
_EN_JOIN_AFTER = re.compile(r"\s?[-–—]\s?|,?\s(?:to|and|or|through)\s(?:the\s)?")
#: The longest joiner either pattern accepts (", through the "), so that a long gap is never tried.
_LONGEST_JOIN = 16


def _is_bare_day(quantity: Quantity) -> bool:
    """A number that may be a day of the month: an integer from 1 to 31 in digits, or a date of a day alone."""
    if quantity.kind == "date":
        return quantity.date is not None and quantity.date[:2] == (None, None) and quantity.date[2] is not None
    if quantity.kind == "ordinal":  # "from May 10 to the 26th"
        return (
            quantity.text[-2:].lower() in ("st", "nd", "rd", "th")
            and quantity.text[:-2].isdigit()
            and 1 <= quantity.value <= 31
        )
    return (
        quantity.kind == "cardinal"
        and not quantity.spelled
        and not quantity.unit
        and not quantity.approx
        and not quantity.identifier
        and not quantity.measure
        and quantity.text.isdigit()
        and 1 <= quantity.value <= 31
    )


def _as_day(quantity: Quantity, year: int | None, month: int, hard: bool) -> Quantity:
    return replace(quantity, kind="date", value=quantity.value, date=(year, month, int(quantity.value)), hard=hard)


def _joined(text: str, left: Quantity, right: Quantity, join: re.Pattern[str]) -> bool:
    gap_length = right.start - left.end
    return 0 < gap_length <= _LONGEST_JOIN and join.fullmatch(text, left.end, right.start) is not None


def _zh_month_ranges(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """2014年7-8月 ("July-August 2014"), 7至8月: the first month of a range written with one 月 is a month,
    and the year before it belongs to both months."""
    result: list[Quantity] = []
    index = 0
    while index < len(quantities):
        first = quantities[index]
        following = quantities[index + 1] if index + 1 < len(quantities) else None
        if (
            following is None
            or following.kind != "month"
            or first.kind != "cardinal"
            or not first.text.isdigit()
            or first.unit
            or first.measure
            or not 1 <= first.value < following.value <= 12
            or not _joined(text, first, following, _ZH_JOIN)
        ):
            result.append(first)
            index += 1
            continue
        year = result[-1] if result and result[-1].kind == "year" and result[-1].end == first.start else None
        if year is None:
            result.append(replace(first, kind="month"))
            result.append(following)
        else:
            result[-1] = Quantity(first.value, "date", year.start, first.end, text[year.start : first.end],
                                  hard=True, date=(int(year.value), int(first.value), None))  # fmt: skip
            result.append(replace(following, kind="date", date=(int(year.value), int(following.value), None)))
        index += 2
    return result


def zh_date_lists(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """2015年2月3日至5日: 5日 is 2015-02-05; 2013年10月24和25日: 24 is 2013-10-24 (the month and the day one date)."""
    if len(quantities) < 2:
        return quantities
    if any(quantity.kind == "month" for quantity in quantities):
        quantities = _zh_month_ranges(text, quantities)
    result: list[Quantity] = []
    index = 0
    while index < len(quantities):
        head = quantities[index]
        index += 1
        if head.kind != "date" or head.date is None or head.date[1] is None:
            result.append(head)
            continue
        year, month, day = head.date
        if day is None:
            # 2014年10月13 - 17日: the first day follows the month with no 日 of its own
            if index >= len(quantities):
                result.append(head)
                continue
            first = quantities[index]
            if first.start != head.end or first.kind != "cardinal" or not _is_bare_day(first):
                result.append(head)
                continue
            if index + 1 >= len(quantities) or not _joined(text, first, quantities[index + 1], _ZH_JOIN):
                result.append(head)
                continue
            head = Quantity(first.value, "date", head.start, first.end, text[head.start : first.end], hard=True,
                            date=(year, month, int(first.value)))  # fmt: skip
            index += 1
        result.append(head)
        last = head
        while index < len(quantities):
            following = quantities[index]
            if (
                not _is_bare_day(following)
                or following.value <= last.value
                or not _joined(text, last, following, _ZH_JOIN)
            ):
                break
            last = _as_day(following, year, month, hard=True)
            result.append(last)
            index += 1
    return result


def en_date_lists(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """The days next to a whole date take its month and year.

    "from 3 to 5 February": 3 is 3 February; "9-20 March 2015": 9 is 9 March 2015; and after a
    date that names its month first, "February 3 to 5": 5 is February 5.
    """
    if len(quantities) < 2:
        return quantities
    result = list(quantities)
    # backwards: the days before a whole date ("3, 4 and 5 November")
    for index in range(len(result) - 1, 0, -1):
        tail = result[index]
        if tail.kind != "date" or tail.date is None or tail.date[1] is None or tail.date[2] is None:
            continue
        year, month, _ = tail.date
        position = index - 1
        last = tail
        while position >= 0:
            before = result[position]
            if (
                before.kind not in ("cardinal", "ordinal")
                or not _is_bare_day(before)
                or before.value >= last.value
                or not _joined(text, before, last, _EN_JOIN)
            ):
                break
            last = result[position] = _as_day(before, year, month, hard=before.hard or tail.hard)
            position -= 1
    # forwards: the days after a date that starts with its month ("February 3 to 5, 2015")
    for index in range(len(result) - 1):
        head = result[index]
        if head.kind != "date" or head.date is None or head.date[1] is None or head.date[2] is None:
            continue
        if not text[head.start : head.start + 1].isalpha():
            continue
        year, month, _ = head.date
        position = index + 1
        last = head
        while position < len(result):
            after = result[position]
            if (
                after.kind not in ("cardinal", "ordinal")
                or not _is_bare_day(after)
                or after.value <= last.value
                or not _joined(text, last, after, _EN_JOIN_AFTER)
            ):
                break
            last = result[position] = _as_day(after, year, month, hard=after.hard or head.hard)
            position += 1
    return result
