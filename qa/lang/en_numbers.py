"""English numbers → Quantities: digits, number words, ordinals, Roman numerals, percentages, dates.

Reads 16,000; 1.5 million; 6bn; £10m; twenty-one; three hundred and forty-two; a
hundred; 16th; Sixteenth; Sixty-ninth; Phase II; 5 percent / per cent / 5%; 3
percentage points; one third; half; January 15th, 2023 / 15 January 2023; 2016-2035;
hundreds of thousands (an order of magnitude). Number words go through text2num.

Digits are *hard*. Number words below ten, ordinal words below tenth, Roman numerals
and month names without a day are *soft*: a translation adds "two" or "First," freely.
Footnote markers (qa.lang.footnotes) and identifiers (M101, PM2.5, CO2, G20,
COVID-19, 5G) are not numbers; "Line 12" is.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from qa.lang.footnotes import blank_markers
from qa.lang.quantity import Quantity

__all__ = ["en_quantities", "may_have_en_numbers"]

_CARDINAL_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million "
    "billion trillion"
).split()
_ORDINAL_WORDS = {
    "first": "one", "second": "two", "third": "three", "fourth": "four", "fifth": "five", "sixth": "six",
    "seventh": "seven", "eighth": "eight", "ninth": "nine", "tenth": "ten", "eleventh": "eleven",
    "twelfth": "twelve", "thirteenth": "thirteen", "fourteenth": "fourteen", "fifteenth": "fifteen",
    "sixteenth": "sixteen", "seventeenth": "seventeen", "eighteenth": "eighteen", "nineteenth": "nineteen",
    "twentieth": "twenty", "thirtieth": "thirty", "fortieth": "forty", "fiftieth": "fifty", "sixtieth": "sixty",
    "seventieth": "seventy", "eightieth": "eighty", "ninetieth": "ninety", "hundredth": "hundred",
    "thousandth": "thousand", "millionth": "million",
}  # fmt: skip
_SCALE_WORDS = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SCALE_SUFFIX = {"k": 10**3, "m": 10**6, "mn": 10**6, "bn": 10**9, "b": 10**9, "tn": 10**12, "trn": 10**12}
_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MAGNITUDES = {"dozens": 10, "tens": 10, "hundreds": 100, "thousands": 10**3, "millions": 10**6, "billions": 10**9}
_FRACTIONS = {"half": Decimal("0.5"), "third": Decimal(1) / 3, "quarter": Decimal("0.25"), "fifth": Decimal("0.2")}

_W = "|".join(sorted(_CARDINAL_WORDS, key=len, reverse=True))
_O = "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_MONTH = rf"(?:{_MONTH_NAMES})\.?"
_CURRENCY = r"(?:US\$|HK\$|NT\$|A\$|C\$|S\$|RMB|USD|CNY|EUR|GBP|JPY|HKD|[$£€¥₹])"
_DIGITS = (
    r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?"
    r"|(?<![0-9])[0-9]{1,3}(?:[ \u00a0\u2009\u202f][0-9]{3}(?![0-9]))+"
    r"|[0-9]+(?:\.[0-9]+)?|\.[0-9]+"
)

_TOKENS = re.compile(
    rf"""
      (?P<date_mdy>\b(?P<m1>{_MONTH})\s(?P<d1>[0-3]?[0-9])(?:st|nd|rd|th)?\b(?:,?\s(?P<y1>[12][0-9]{{3}})\b)?)
    | (?P<date_dmy>\b(?P<d2>[0-3]?[0-9])(?:st|nd|rd|th)?\s(?:of\s)?(?P<m2>{_MONTH})(?:,?\s(?P<y2>[12][0-9]{{3}})\b)?)
    | (?P<date_my>\b(?P<m3>{_MONTH})(?:,?\s(?:of\s)?)(?P<y3>[12][0-9]{{3}})\b)
    | (?P<date_iso>\b(?P<y4>[12][0-9]{{3}})-(?P<m4>[01][0-9])-(?P<d4>[0-3][0-9])\b)
    | (?P<time>\b(?P<hour>[0-2]?[0-9])(?:[:.](?P<minute>[0-5][0-9]))?\s?(?P<ampm>[ap])\.?m\b\.?)
    | (?P<clock>\b(?P<hour2>[0-2]?[0-9]):(?P<minute2>[0-5][0-9])(?::[0-5][0-9])?\b)
    | (?P<number>(?P<currency>{_CURRENCY}\s?)?(?P<digits>{_DIGITS})
        (?:(?P<suffix>st|nd|rd|th|s|bn|mn|trn|tn|[kmb])\b
          |\s?(?P<scale>hundred|thousand|million|billion|trillion)s?\b)?
        (?P<percent>\s?(?:%|per\s?cent\b|pct\b|percentage\spoints?\b))?)
    | (?P<magnitude>\b(?P<mag1>tens|hundreds|dozens)\sof\s(?P<mag2>thousands|millions|billions)\b
        |\b(?P<mag3>dozens|hundreds|thousands|millions|billions)\sof\b)
    | (?P<fraction>\b(?:(?P<numerator>one|two|three)[\s-](?P<denominator>half|third|quarter|fifth)s?
        |a\s(?P<denominator2>third|quarter|fifth)(?=\sof\b)|(?:a\s)?half)\b)
    | (?P<multiple>\b(?:twice|double[sd]?|doubling|triple[sd]?|tripling|quadruple[sd]?
        |threefold|fourfold|fivefold|tenfold)\b)
    | (?P<words>\b(?:(?:a|one)\s(?=hundred|thousand|million|billion))?(?:{_W})(?:(?:[\s-]|\sand\s)(?:{_W}))*
        (?:[\s-](?:{_O}))?\b|\b(?:{_O})\b)
    | (?P<roman>\b(?=[IVXLC])(?:C{{0,3}})(?:XC|XL|L?X{{0,3}})(?:IX|IV|V?I{{0,3}})\b)
    | (?P<month>\b{_MONTH}\b)
    """,
    re.VERBOSE | re.IGNORECASE,
)
#: Cheap pre-check: a digit or a number word, ordinal, month, Roman numeral start or magnitude.
_MAY_HAVE = re.compile(
    rf"[0-9]|\b(?:{_W}|{_O}|half|quarter|dozens|[IVXLC]{{1,4}}\b|{_MONTH_NAMES})",
    re.IGNORECASE,
)
_APPROX_BEFORE = re.compile(
    r"(?:about|around|approximately|nearly|almost|over|more than|less than|fewer than|some|roughly|close to|"
    r"up to|at least|upwards of|under|in excess of|above|below|just over|just under|over the|an estimated)\s$",
    re.IGNORECASE,
)
_RANGE_JOIN = re.compile(r"\s?[-–—~]\s?|\s(?:to|and)\s")
#: Roman numerals are numbers after a noun that numbers things, or opening a heading ("II Work Plan").
_ROMAN_HEAD = re.compile(
    r"(?:Phase|Class|China|Euro|Stage|Type|Grade|Level|Part|Section|Chapter|Article|Category|Title|Volume|Vol\.|"
    r"Book|Act|Scene|War|Round|Tier|Annex|Appendix|Schedule|Item|No\.)\s$",
    re.IGNORECASE,
)
_MONTH_CONTEXT = re.compile(
    r"\b(?:in|since|by|from|until|till|of|to|early|late|mid|end|through|before|after|last|next|this|during|and)[\s-]$",
    re.IGNORECASE,
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def may_have_en_numbers(text: str) -> bool:
    return _MAY_HAVE.search(text) is not None


_DIGIT = re.compile(r"[0-9]")
_WORD = re.compile(r"[a-z]+")
_TOKEN_START = re.compile(r"[0-9]+|[A-Za-z]+|[$£€¥₹.]")
_ROMAN = re.compile(r"\b[IVXLC]+\b")
_CURRENCY_STARTS = frozenset(
    {"$", "£", "€", "¥", "₹", "US", "HK", "NT", "A", "C", "S", "RMB", "USD", "CNY", "EUR", "GBP", "JPY", "HKD", "."}
)
#: Lowercase words at which a number can start.
_TRIGGER_WORDS = frozenset(
    _CARDINAL_WORDS
    + list(_ORDINAL_WORDS)
    + [month.lower() for month in _MONTH_NAMES.split("|")]
    + ["a", "half", "dozens", "tens", "hundreds", "thousands", "millions", "billions", "twice", "double", "doubled",
       "doubles", "doubling", "triple", "tripled", "triples", "tripling", "quadruple", "quadrupled", "threefold",
       "fourfold", "fivefold", "tenfold"]
)  # fmt: skip


def _trie_pattern(words: list[str]) -> str:
    """One regex alternative per shared prefix (one|once → on(?:e|ce)): Python's re tries
    a flat alternation of a hundred words at every position, a trie only where the first
    letter fits, which is what makes scanning clean text cheap."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        optional = "" in node
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if optional else body

    return build(trie)


#: Where a number can start. Tokens begin where a run of digits or letters begins, as in
#: "A4" (a letter token, then a digit token), so the boundaries are letter/non-letter.
_WORD_CANDIDATE = re.compile(
    rf"(?<![a-z])(?:{_trie_pattern(sorted(w for w in _TRIGGER_WORDS if w != 'a'))}"
    r"|a(?=[\s-]+(?:hundred|thousand|million|billion|trillion|half|third|quarter|fifth|dozen)))(?![a-z])"
)
_SYMBOL_CANDIDATE = re.compile(r"[0-9]+|[$£€¥₹]|\.(?=[0-9])")
_CASED_CANDIDATE = re.compile(r"(?<![A-Za-z])(?:US|HK|NT|A|C|S|RMB|USD|CNY|EUR|GBP|JPY|HKD|[IVXLC]{1,4})(?![A-Za-z])")


_SYMBOL_PRESENT = re.compile(r"[0-9$£€¥₹]")


def _candidate_starts(scan: str) -> list[int]:
    starts = {match.start() for match in _WORD_CANDIDATE.finditer(scan.lower())}
    if _SYMBOL_PRESENT.search(scan):
        starts.update(match.start() for match in _SYMBOL_CANDIDATE.finditer(scan))
    starts.update(match.start() for match in _CASED_CANDIDATE.finditer(scan))
    return sorted(starts)


@lru_cache(maxsize=1)
def _text2num():  # imported on first use: qa start-up must not pay for it
    from text_to_num import text2num

    return text2num


def _words_value(phrase: str) -> tuple[Decimal, bool] | None:
    """(value, ordinal) of a phrase of number words: twenty-one, a hundred, Sixty-ninth."""
    words = re.split(r"[\s-]+", phrase.lower())
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


def _is_identifier(text: str, start: int, end: int) -> bool:
    """M101, CO2, G20, COVID-19, 5G, A4: a number glued to letters names something."""
    if start > 0 and (text[start - 1].isalpha() or text[start - 1] in "_/#"):
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


def en_quantities(text: str) -> list[Quantity]:
    """Every quantity in an English text, in order of position.

    The token pattern is tried only where a word could start a number (a digit, a
    number word, a month, a currency, a capital Roman numeral): trying a long
    alternation at every character is what made this slow.
    """
    has_digit = _DIGIT.search(text) is not None
    if not has_digit and _TRIGGER_WORDS.isdisjoint(_WORD.findall(text.lower())) and not _ROMAN.search(text):
        return []
    scan = blank_markers(text, "en") if has_digit else text
    quantities: list[Quantity] = []
    covered = 0
    for start in _candidate_starts(scan):
        if start < covered:
            continue
        match = _TOKENS.match(scan, start)
        if match is None or match.end() == start:
            continue
        covered = match.end()
        quantity = _quantity(scan, text, match)
        if quantity is not None:
            quantities.append(quantity)
    return _join_ranges(text, quantities)


def _approx(scan: str, start: int) -> str:
    found = _APPROX_BEFORE.search(scan, max(0, start - 16), start)
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
    if kind == "time":
        hour = int(match.group("hour")) % 12 + (12 if match.group("ampm").lower() == "p" else 0)
        minute = int(match.group("minute") or 0)
        return Quantity(Decimal(hour * 60 + minute), "time", start, end, source)
    if kind == "clock":
        hour, minute = int(match.group("hour2")), int(match.group("minute2"))
        if hour > 24:
            return None
        return Quantity(Decimal(hour * 60 + minute), "time", start, end, source)
    if kind == "number":
        return _digits_quantity(scan, text, match)
    if kind == "magnitude":
        if match.group("mag1"):
            base = _MAGNITUDES[match.group("mag2").lower()] * _MAGNITUDES[match.group("mag1").lower()]
        else:
            base = _MAGNITUDES[match.group("mag3").lower()]
        return Quantity(Decimal(base), "cardinal", start, end, source, hard=False, magnitude=True, spelled=True)
    if kind == "fraction":
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
        if source.lower() in ("a",):
            return None
        # "a thousand", "1.5 million" count; "every thousand words" alone is a unit of measure
        scaled = any(word in source.lower() for word in _SCALE_WORDS) and " " in source.strip()
        if source.lower() in _SCALE_WORDS:
            value_is_count = False
        else:
            value_is_count = True
        quantity_kind = "ordinal" if ordinal else "cardinal"
        after = scan[end : end + 24].lower()
        if re.match(r"\s?(?:percent|per cent|%)", after):
            percent = re.match(r"\s?(?:percent|per cent|%)", after)
            assert percent is not None
            end += percent.end()
            quantity_kind = "percent"
        elif re.match(r"\spercentage points?", after):
            points = re.match(r"\spercentage points?", after)
            assert points is not None
            end += points.end()
            quantity_kind = "percentage_point"
        # "ten days", "the two sides", "First,": translators add small number words freely
        hard = (value > 10 and value_is_count) or scaled or quantity_kind in ("percent", "percentage_point")
        return Quantity(
            value, quantity_kind, start, end, text[start:end], hard=hard, approx=_approx(scan, start), spelled=True,
            enumerator=ordinal and (start == 0 or scan[:start].strip() == ""),
        )  # fmt: skip
    if kind == "roman":
        numeral = match.group()
        before = scan[:start]
        at_heading = before.strip() == "" and re.match(r"\s*[.、]?\s+[A-Z]", scan[end:]) is not None
        if not numeral or not numeral.isupper() or not (at_heading or _ROMAN_HEAD.search(before[-12:])):
            return None
        if numeral == "I" and not _ROMAN_HEAD.search(before[-12:]):
            return None
        return Quantity(
            Decimal(_roman_value(numeral)), "ordinal", start, end, source, hard=False, enumerator=at_heading,
            spelled=True,
        )  # fmt: skip
    if kind == "month":
        name = match.group().rstrip(".")
        if name[0].islower():
            return None
        if name in ("May", "March", "Mar", "Jan", "Dec", "Sep") and not _MONTH_CONTEXT.search(scan, 0, start):
            return None  # "May" the verb, "March" the walk: a month only after "in", "since", "early"…
        month = _MONTHS[match.group().lower().rstrip(".")]
        return Quantity(Decimal(month), "month", start, end, source, hard=False, spelled=True)
    return None


def _split_words(scan: str, text: str, match: re.Match[str]) -> Quantity | None:
    """A run text2num cannot read as one number ("one and two"): take its first word alone."""
    first = re.match(r"[A-Za-z]+", match.group())
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


def _digits_quantity(scan: str, text: str, match: re.Match[str]) -> Quantity | None:
    digits_start, digits_end = match.span("digits")
    suffix_end = match.end("suffix") if match.group("suffix") else digits_end
    identifier = not match.group("currency") and _is_identifier(scan, digits_start, suffix_end)
    if (match.group("suffix") or "").isupper() and not match.group("currency") and digits_end - digits_start < 2:
        identifier = True  # 4K, 5G, 3D name formats; 50K and $5M count
    digits = match.group("digits")
    plain = re.sub(r"[, \u00a0\u2009\u202f]", "", digits)
    try:
        value = Decimal(plain)
    except InvalidOperation:
        return None
    decimals = len(plain.partition(".")[2])
    quantum = Decimal(1).scaleb(-decimals)
    kind = "cardinal"
    suffix = (match.group("suffix") or "").lower()
    scale_word = (match.group("scale") or "").lower()
    end = match.end()
    unit = ""
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
    elif suffix == "m" and not match.group("currency"):
        unit = "m"  # 10m is ten metres unless money is being counted (£10m)
    elif suffix in _SCALE_SUFFIX:
        scale = _SCALE_SUFFIX[suffix]
        value, quantum = value * scale, quantum * scale
    percent = (match.group("percent") or "").lower()
    if "point" in percent:
        kind = "percentage_point"
    elif percent:
        kind = "percent"
    elif (
        kind == "cardinal"
        and not scale_word
        and not suffix
        and "," not in digits
        and "." not in digits
        and len(digits) == 4
        and 1000 <= value <= 2999
        and not match.group("currency")
    ):
        kind = "year"
    start = match.start()
    if match.group("currency"):
        unit = match.group("currency").strip()
    if identifier and suffix != "s":
        start, end, kind = digits_start, digits_end, "cardinal"
        value, quantum = Decimal(plain), Decimal(1).scaleb(-decimals)
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


def _in_parentheses(text: str, start: int, end: int) -> bool:
    """6,000 mu (400 hectares): a number inside parentheses glosses the one before it."""
    opening = text.rfind("(", max(0, start - 40), start)
    if opening < 0 or text.find(")", opening, start) >= 0:
        return False
    closing = text.find(")", end, end + 40)
    return closing >= 0 and text.find("(", end, closing) < 0


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
            is_and = gap.strip() == "and"
            if (
                gap
                and _RANGE_JOIN.fullmatch(gap)
                and (not is_and or text[: low.start].rstrip().lower().endswith("between"))
                and low.kind not in ("date", "month", "time")
                and high.kind not in ("date", "month", "time")
                and low.value < high.value
            ):
                joined.append(
                    Quantity(
                        low.value, "range", low.start, high.end, text[low.start : high.end],
                        hard=low.hard or high.hard, unit=high.unit, approx=low.approx or high.approx,
                        high=high.value, spelled=low.spelled, parts=(low, high),
                    )
                )  # fmt: skip
                index += 2
                continue
        joined.append(low)
        index += 1
    return joined
