"""English numbers → Quantities: digits, number words, ordinals, Roman numerals, percentages, dates.

Reads 16,000; 1.5 million; 6bn; £10m; twenty-one; three hundred and forty-two; a
hundred; 16th; Sixteenth; Sixty-ninth; Phase II; 5 percent / per cent / 5%; 3
percentage points; one third; half; January 15th, 2023 / 15 January 2023; 2016-2035;
hundreds of thousands (an order of magnitude). Number words go through text2num.

Digits are *hard*. Number words below ten, ordinal words below tenth, Roman numerals
and month names without a day are *soft*: a translation adds "two" or "First," freely.
Footnote markers (qa.lang.markers) and identifiers (M101, PM2.5, CO2, G20,
COVID-19, 5G) are not numbers; "Line 12" is.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from qa.lang.identifiers import in_markup
from qa.lang.markers import blank_markers
from qa.lang.numbers.codes import without_codes
from qa.lang.numbers.date_lists import en_date_lists
from qa.lang.numbers.en_context import (
    _HOURS_AFTER,
    _ONE,
    _in_parentheses,
    _join_ranges,
    _military_time,
    age_decades,
    centenaries,
    clock_words,
    in_decades,
    parenthesised_amounts,
)
from qa.lang.numbers.en_tokens import (
    _ALL_BUT_DIGITS_AND_DOLLAR,
    _APPROX_BEFORE,
    _APPROX_WORDS,
    _CARDINAL_WORDS,
    _CURRENCY_SIGNS,
    _FRACTIONS,
    _MAGNITUDES,
    _MONTH_CONTEXT,
    _MONTHS,
    _ORDINAL_WORDS,
    _ROMAN_HEAD,
    _ROMAN_HEAD_WORDS,
    _ROMAN_VALUES,
    _SCALE_SUFFIX,
    _SCALE_WORDS,
    _TOKENS,
    _candidate_starts,
    may_have_en_numbers,
)
from qa.lang.numbers.fractions import slash_fractions
from qa.lang.numbers.quantity import Quantity, any_size

__all__ = ["en_quantities", "may_have_en_numbers"]


_WORD_SEPARATORS = re.compile(r"[\s-]+")
_PERCENT_AFTER = re.compile(r"\s?(?:percent|per cent|%)")
_POINTS_AFTER = re.compile(r"\spercentage points?")
_HEADING_AFTER = re.compile(r"\s*[.、]?\s+[A-Z]")
_FIRST_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def _text2num():  # imported on first use: qa start-up must not pay for it
    from text_to_num import text2num

    return text2num


@lru_cache(maxsize=4096)  # a few phrases ("one", "first", "two") make most of them; text2num is slow
def _words_value(phrase: str) -> tuple[Decimal, bool] | None:
    """(value, ordinal) of a phrase of number words: twenty-one, a hundred, Sixty-ninth."""
    words = _WORD_SEPARATORS.split(phrase.lower())
    if words and words[0] == "a":
        words[0] = "one"
    ordinal = words[-1] in _ORDINAL_WORDS
    if ordinal:
        words[-1] = _ORDINAL_WORDS[words[-1]]
    try:
        return Decimal(_text2num()(" ".join(words), "en")), ordinal
    except (ValueError, InvalidOperation):
        return None


def _roman_value(numeral: str) -> int:
    total = 0
    for index, char in enumerate(numeral):
        value = _ROMAN_VALUES[char]
        if index + 1 < len(numeral) and _ROMAN_VALUES[numeral[index + 1]] > value:
            total -= value
        else:
            total += value
    return total


#: Currency codes and words UN English glues to the amount: Euro1.5 million, SwF 20 is spaced.
_GLUED_CURRENCIES = ("Euro", "EUR", "USD", "CHF", "SwF", "GBP", "JPY", "RMB", "CNY")


def _glued_currency(text: str, start: int) -> int:
    """The length of a currency code right before ``start`` and after a word boundary (Euro1.5), or 0."""
    for code in _GLUED_CURRENCIES:
        begin = start - len(code)
        if begin >= 0 and text.startswith(code, begin) and not text[begin - 1 : begin].isalnum():
            return len(code)
    return 0


def _is_identifier(text: str, start: int, end: int) -> bool:
    """M101, CO2, G20, COVID-19, 5G, A4: a number glued to letters names something."""
    if start > 0 and (text[start - 1].isalpha() or text[start - 1] in "_/#"):
        return True
    if in_markup(text, start, end):
        return True
    if start > 1 and text[start - 1] in "-‐" and text[start - 2].isalpha():
        return True
    if start > 0 and text[start - 1].isdigit():
        return True
    if start > 1 and text[start - 1] == "." and text[start - 2].isalnum():
        return True  # v1.2, 192.168, www.12377.cn, 424.10.0.20
    if text[start] == "." and start > 0 and text[start - 1].isalnum():
        return True
    if end + 1 < len(text) and text[end] == "." and text[end + 1].isdigit():
        return True
    if end + 1 < len(text) and text[end] == "." and text[end + 1].isalpha():
        return True
    return end < len(text) and (text[end].isupper() or text[end].isdigit())


@any_size  # 1e999999 thousand is past the default decimal context's largest exponent
def en_quantities(text: str) -> list[Quantity]:
    """Every quantity in an English text, in order of position.

    The token pattern is tried only where a word could start a number (a digit, a
    number word, a month, a currency, a capital Roman numeral): trying a long
    alternation at every character is what made this slow. Finding those places takes
    a split of an ASCII copy of the text and, with digits, one regex scan.
    """
    ascii_text = text.encode("ascii", "replace")  # one byte a character: cheap to search
    digits_and_dollars = ascii_text.translate(None, _ALL_BUT_DIGITS_AND_DOLLAR)  # usually empty
    has_digit = bool(digits_and_dollars.strip(b"$"))
    symbols = bool(digits_and_dollars) or (not text.isascii() and any(map(text.__contains__, _CURRENCY_SIGNS)))
    if has_digit:
        scan = blank_markers(text, "en")
        ascii_scan = ascii_text if scan == text else scan.encode("ascii", "replace")
    else:
        scan, ascii_scan = text, ascii_text
    quantities: list[Quantity] = []
    covered = 0
    for start in _candidate_starts(scan, ascii_scan, symbols):
        if start < covered:
            continue
        match = _TOKENS.match(scan, start)
        if match is None or match.end() == start:
            continue
        covered = match.end()
        if match.lastgroup == "number":  # half of all tokens
            quantity = _digits_quantity(scan, text, match)
        else:
            quantity = _quantity(scan, text, match)
        if quantity is not None:
            quantities.append(quantity)
    if len(quantities) > 1:
        quantities = slash_fractions(text, en_date_lists(text, _join_ranges(text, quantities)))
    quantities = age_decades(text, clock_words(text, in_decades(text, parenthesised_amounts(text, quantities))))
    quantities = centenaries(text, quantities)
    return without_codes(text, quantities)


def _may_end_with(window: str, words: tuple[str, ...]) -> bool:
    """Whether ``(?:words)\\s$`` (case-insensitive) can match in ``window``: a cheap test before the regex.

    The last character must be a space and, unless it is a newline (``$`` matches before
    one), one of the words must end right before it. Non-ASCII windows get the regex:
    re.IGNORECASE matches "ſome" as "some", str.lower() does not."""
    if not window or not window[-1].isspace():
        return False
    return not window.isascii() or window[-1] == "\n" or window[:-1].lower().endswith(words)


_LOWER_APPROX_WORDS = tuple(word.lower() for word in _APPROX_WORDS)
_LOWER_ROMAN_HEAD_WORDS = tuple(word.lower() for word in _ROMAN_HEAD_WORDS)


def _approx(scan: str, start: int) -> str:
    lo = max(0, start - 16)
    if not _may_end_with(scan[lo:start], _LOWER_APPROX_WORDS):
        return ""  # most numbers
    found = _APPROX_BEFORE.search(scan, lo, start)
    return found.group().strip() if found else ""


def _quantity(scan: str, text: str, match: re.Match[str]) -> Quantity | None:
    kind = match.lastgroup
    start, end = match.span()
    source = text[start:end]
    if kind in ("date_mdy", "date_dmy", "date_my", "date_iso"):
        index = {"date_mdy": "1", "date_dmy": "2", "date_my": "3", "date_iso": "4"}[kind]
        month_text = match.group("m" + index)
        month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower().rstrip(".")]
        day_text = match.group("d" + index) if index != "3" else None
        year_text = match.group("y" + index)
        day = int(day_text) if day_text else None
        year = int(year_text) if year_text else None
        if month_text.rstrip(".") == "May" and day is None and kind != "date_my":
            return None
        if month_text[0].islower() or (day is not None and not 1 <= day <= 31):
            return None  # "march 3" is a verb; a 40th of May is not a date
        return Quantity(Decimal(day or month), "date", start, end, source, date=(year, month, day))
    if kind == "number":
        return _digits_quantity(scan, text, match)
    if kind == "time":
        hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
        if hour > 12:  # "14:40 p.m." is 14:40, written twice; "Dec. 25 p.m." is no time of day but a day
            if hour > 23 or not match.group("minute"):
                number_start, number_end = match.span("hour")
                return Quantity(Decimal(hour), "cardinal", number_start, number_end, text[number_start:number_end])
        else:
            hour = hour % 12 + (12 if match.group("ampm").lower() == "p" else 0)
        return Quantity(Decimal(hour * 60 + minute), "time", start, end, source)
    if kind == "clock":
        hour, minute = int(match.group("hour2")), int(match.group("minute2"))
        if hour > 24:
            return None
        return Quantity(Decimal(hour * 60 + minute), "time", start, end, source)
    if kind == "magnitude":
        if match.group("mag1"):
            base = _MAGNITUDES[match.group("mag2").lower()] * _MAGNITUDES[match.group("mag1").lower()]
        else:
            base = _MAGNITUDES[match.group("mag3").lower()]
        return Quantity(Decimal(base), "cardinal", start, end, source, hard=False, magnitude=True, spelled=True)
    if kind == "fraction":
        if match.group("half_of"):  # half a million is 500,000 (50万)
            value = _SCALE_WORDS[match.group("half_of").lower()] * Decimal("0.5")
            return Quantity(value, "cardinal", start, end, source, hard=False, quantum=value / 5, spelled=True)
        if match.group("numerator3"):  # one in three, three in five
            over = match.group("denominator3").lower().replace("a hundred", "hundred")
            count = Decimal(_CARDINAL_WORDS.index(match.group("numerator3").lower()))
            whole = Decimal(100 if over == "hundred" else _CARDINAL_WORDS.index(over))
            return Quantity(count / whole, "fraction", start, end, source, hard=False, quantum=Decimal("0.001"),
                            spelled=True)  # fmt: skip
        numerator = match.group("numerator")
        denominator = (match.group("denominator") or match.group("denominator2") or "half").lower()
        numerator = (numerator or "one").lower()
        count = Decimal(1) if numerator in ("a", "one") else Decimal(_CARDINAL_WORDS.index(numerator))
        return Quantity(
            count * _FRACTIONS[denominator], "fraction", start, end, source, hard=False, quantum=Decimal("0.001"),
            spelled=True,
        )  # fmt: skip
    if kind == "multiple":
        word = match.group().lower()
        value = 2 if word.startswith(("twice", "doubl")) else 3 if word.startswith(("tripl", "three")) else 4
        value = {"fivefold": 5, "tenfold": 10}.get(word, value)
        return Quantity(Decimal(value), "multiple", start, end, source, hard=False, spelled=True)
    if kind == "words":
        parsed = _words_value(match.group())
        if parsed is None:
            return _split_words(scan, text, match)
        value, ordinal = parsed
        if source.lower() == "a":
            return None
        # "a thousand", "1.5 million" count; "every thousand words" alone is a unit of measure
        lowered = source.lower()
        scaled = " " in source.strip() and any(word in lowered for word in _SCALE_WORDS)
        if lowered in _SCALE_WORDS:
            value_is_count = False
        else:
            value_is_count = True
        quantity_kind = "ordinal" if ordinal else "cardinal"
        after = scan[end : end + 24].lower()
        # both patterns open with an optional space and "p" or "%": test that before trying them
        if after[:1] in ("p", "%") or (after[:1].isspace() and after[1:2] in ("p", "%")):
            if percent := _PERCENT_AFTER.match(after):
                end += percent.end()
                quantity_kind = "percent"
            elif points := _POINTS_AFTER.match(after):
                end += points.end()
                quantity_kind = "percentage_point"
        # "ten days", "the two sides", "First,": translators add small number words freely
        hard = (value > 10 and value_is_count) or scaled or quantity_kind in ("percent", "percentage_point")
        return Quantity(
            value, quantity_kind, start, end, text[start:end], hard=hard, approx=_approx(scan, start), spelled=True,
            enumerator=ordinal and _at_text_start(scan, start),
        )  # fmt: skip
    if kind == "roman":
        numeral = match.group()
        if not numeral or not numeral.isupper():
            return None
        window = scan[max(0, start - 12) : start]
        after_head = _may_end_with(window, _LOWER_ROMAN_HEAD_WORDS) and _ROMAN_HEAD.search(window)
        if numeral == "I" and not after_head:
            return None  # "I" is the pronoun unless a heading word comes before it
        if numeral in ("L", "C"):
            return None  # "Class C", "Type L": a single letter names a grade or a size, not 100 or 50
        at_heading = _at_text_start(scan, start) and _HEADING_AFTER.match(scan, end) is not None
        if not (at_heading or after_head):
            return None
        return Quantity(
            Decimal(_roman_value(numeral)), "ordinal", start, end, source, hard=False, enumerator=at_heading,
            spelled=True,
        )  # fmt: skip
    if kind == "month":
        name = match.group().rstrip(".")
        if name[0].islower():
            return None
        if name in ("May", "March", "Mar", "Jan", "Dec", "Sep") and not (
            # _MONTH_CONTEXT ends in "[\s-]$" and its longest match is 9 characters ("through" + space + newline)
            start > 0
            and (scan[start - 1].isspace() or scan[start - 1] == "-")
            and _MONTH_CONTEXT.search(scan, max(0, start - 10), start)
        ):
            return None  # "May" the verb, "March" the walk: a month only after "in", "since", "early"…
        month = _MONTHS[match.group().lower().rstrip(".")]
        return Quantity(Decimal(month), "month", start, end, source, hard=False, spelled=True)
    return None


def _at_text_start(scan: str, start: int) -> bool:
    """Whether only whitespace comes before ``start`` (without copying the text before it)."""
    return start == 0 or (scan[start - 1].isspace() and _leading_space(scan) >= start)


@lru_cache(maxsize=16)
def _leading_space(text: str) -> int:
    """How many whitespace characters the text starts with."""
    return len(text) - len(text.lstrip())


def _split_words(scan: str, text: str, match: re.Match[str]) -> Quantity | None:
    """A run text2num cannot read as one number ("one and two"): take its first word alone."""
    first = _FIRST_WORD.match(match.group())
    if first is None or first.group().lower() == "a":
        return None
    parsed = _words_value(first.group())
    if parsed is None:
        return None
    value, ordinal = parsed
    start = match.start()
    return Quantity(
        value, "ordinal" if ordinal else "cardinal", start, start + len(first.group()), first.group(),
        hard=value > 10, spelled=True,
    )  # fmt: skip


#: Decimal(1).scaleb(-n): the quantum of a number written with n decimals.
_QUANTA = tuple(Decimal(1).scaleb(-decimals) for decimals in range(16))
#: What groups digits (1,200; 1 200), dropped before Decimal reads them.
#: The widths of machine words and registers: 32b, 64b are bits, not billions.
_BIT_WIDTHS = frozenset(Decimal(width) for width in (8, 16, 32, 64, 128, 256, 512))

_DIGIT_GROUPING = str.maketrans("", "", ", \u00a0\u2009\u202f")
#: What makes a glued "b" a letter of a name or version, not billions: a capitalised name before it
#: ("Euro 5b", "Stage 2b") or the end of a range of versions ("1.1-1.4b").
_LABEL_BEFORE = re.compile(r"(?:(?<![A-Za-z])[A-Z][a-z]+ |\d[-–])$")


def _digits_quantity(scan: str, text: str, match: re.Match[str]) -> Quantity | None:
    currency, digits, suffix_text, scale_text, percent_text = match.group(
        "currency", "digits", "suffix", "scale", "percent"
    )
    digits_start, digits_end = match.span("digits")
    glued = 0
    if not currency and scan[digits_start - 1 : digits_start].isalpha():
        glued = _glued_currency(scan, digits_start)
    if glued:  # Euro1.5 million, as UN English writes it
        currency = scan[digits_start - glued : digits_start]
    identifier = not currency and (
        _is_identifier(scan, digits_start, match.end("suffix") if suffix_text else digits_end)
        # 4K, 5G, 3D name formats; 50K and $5M count
        or ((suffix_text or "").isupper() and digits_end - digits_start < 2)
    )
    plain = digits if digits.isdigit() else digits.translate(_DIGIT_GROUPING)
    try:
        value = Decimal(plain)
    except InvalidOperation:
        return None
    decimals = len(plain.partition(".")[2])
    quantum = _QUANTA[decimals] if decimals < len(_QUANTA) else Decimal(1).scaleb(-decimals)
    exact_value, exact_quantum = value, quantum
    kind = "cardinal"
    suffix = scale_word = unit = ""
    end = match.end()
    if suffix_text or scale_text:  # most numbers have neither
        suffix = (suffix_text or "").lower()
        scale_word = (scale_text or "").lower()
        if scale_word:
            scale = _SCALE_WORDS[scale_word]
            value, quantum = value * scale, quantum * scale
        elif suffix in ("st", "nd", "rd", "th"):
            kind = "ordinal"
        elif suffix == "s":
            if len(plain) == 2 and value % 10 == 0:
                value += 1900 if value >= 30 else 2000  # the 90s, post-90s: a decade
            if 1000 <= value <= 2999:
                kind = "year"
        elif suffix == "m" and not currency:
            unit = "m"  # 10m is ten metres unless money is being counted (£10m)
        elif suffix == "b" and not currency and value in _BIT_WIDTHS:
            unit = "b"  # a 32b integer has 32 bits (a width a machine word has); $5b and 5b people are billions
        elif suffix == "b" and not currency and _LABEL_BEFORE.search(scan, max(0, digits_start - 24), digits_start):
            pass  # Euro 5b, versions 1.1-1.4b: a standard's or version's letter, not a billion
        elif suffix in _SCALE_SUFFIX:
            scale = _SCALE_SUFFIX[suffix]
            value, quantum = value * scale, quantum * scale
    if percent_text:
        kind = "percentage_point" if "point" in percent_text.lower() else "percent"
    elif (
        kind == "cardinal"
        and not scale_word
        and not suffix
        and len(digits) == 4
        and "," not in digits
        and "." not in digits
        and not currency
        and 1000 <= value <= 2999
    ):
        kind = "year"
    if len(digits) == 4 and not (currency or suffix or scale_word or percent_text) and digits.isdigit():
        clock = _military_time(scan, digits, end)
        if clock is not None:  # 1930 hours, at 0300, 2359Z: a time of day, as UN English writes it
            kind, value, quantum = "time", clock, _ONE
            if scan[end : end + 1] == "Z" and not scan[digits_start - 1 : digits_start].isalnum():
                identifier = False  # the Z of 2359Z is no code's letter
            hours_after = _HOURS_AFTER.match(scan, end)
            end = hours_after.end() if hours_after else end
    start = match.start() - glued
    if currency:
        unit = currency.strip()
        if currency == "$" and digits == "0" and not (suffix or scale_word):
            identifier = True  # $0 is a shell or regex placeholder (the whole match), never an amount
    if identifier and suffix != "s":
        start, end, kind = digits_start, digits_end, "cardinal"
        value, quantum = exact_value, exact_quantum
    gloss = _in_parentheses(scan, start, end)
    return Quantity(
        value,
        kind,  # type: ignore[arg-type]
        start,
        end,
        text[start:end],
        hard=not (identifier or gloss),
        quantum=quantum,
        unit=unit,
        approx=_approx(scan, start),
        identifier=identifier,
        gloss=gloss,
    )
