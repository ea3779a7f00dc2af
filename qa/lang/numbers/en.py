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

import itertools
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from qa.lang.markers import blank_markers
from qa.lang.numbers.codes import without_codes
from qa.lang.numbers.date_lists import en_date_lists
from qa.lang.numbers.fractions import slash_fractions
from qa.lang.numbers.quantity import Quantity, any_size

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


_W = "|".join(sorted(_CARDINAL_WORDS, key=len, reverse=True))
_O = "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
# The same alternations as tries, for the token patterns: a failed case-insensitive
# alternative costs as much as a successful letter, and a trie fails a word after trying
# its first letter among a dozen rather than among every word. Where one word is a prefix
# of another (six, sixty, sixteen) the trie tries the longest first, as the flat
# alternations do (_W and _O are sorted longest first, full month names come before their
# abbreviations), so a token matches exactly as with the flat ones.
_W_TRIE = _trie_pattern(_CARDINAL_WORDS)
_O_TRIE = _trie_pattern(list(_ORDINAL_WORDS))
_MONTH_TRIE = rf"{_trie_pattern(_MONTH_NAMES.lower().split('|'))}\.?"
_CURRENCY = r"(?:US\$|HK\$|NT\$|A\$|C\$|S\$|RMB|USD|CNY|EUR|GBP|JPY|HKD|[$£€¥₹])"
# 1,200 and 1 200 each behind a lookahead for their first separator (see the token
# alternatives below): most numbers have none, and a cheap test then skips the pattern.
_DIGITS = (
    r"(?=[0-9]{1,3},)[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?"
    r"|(?=[0-9]{1,3}[ \u00a0\u2009\u202f][0-9])(?<![0-9])[0-9]{1,3}(?:[ \u00a0\u2009\u202f][0-9]{3}(?![0-9]))+"
    r"|[0-9]+(?:\.[0-9]+)?|\.[0-9]+"
)

_DIGIT_CHARS = "0123456789"
_MONTH_FIRSTS = "".join(sorted({name[0].lower() for name in _MONTH_NAMES.split("|")}))
_WORD_FIRSTS = "".join(sorted({"a", "o"} | {word[0] for word in [*_CARDINAL_WORDS, *_ORDINAL_WORDS]}))

# The token alternatives, tried in this order (see _TOKENS). Most open with a lookahead for
# the characters they can start with (re.IGNORECASE adds the capitals): re then skips one
# after a single test where it cannot match, instead of failing a dozen case-insensitive
# words inside it. The lookaheads change no match; keep them in step with the words.
_DATE_MDY = rf"""(?=[{_MONTH_FIRSTS}])
    (?P<date_mdy>\b(?P<m1>{_MONTH_TRIE})\s(?P<d1>[0-3]?[0-9])(?:st|nd|rd|th)?\b(?:,?\s(?P<y1>[12][0-9]{{3}})\b)?)"""
_DATE_DMY = rf"""
    (?P<date_dmy>\b(?P<d2>[0-3]?[0-9])(?:st|nd|rd|th)?\s(?:of\s)?(?P<m2>{_MONTH_TRIE})(?:,?\s(?P<y2>[12][0-9]{{3}})\b)?)"""
_DATE_MY = rf"""(?=[{_MONTH_FIRSTS}])
    (?P<date_my>\b(?P<m3>{_MONTH_TRIE})(?:,?\s(?:of\s)?)(?P<y3>[12][0-9]{{3}})\b)"""
_DATE_ISO = r"""(?=[12])
    (?P<date_iso>\b(?P<y4>[12][0-9]{3})-(?P<m4>[01][0-9])-(?P<d4>[0-3][0-9])\b)"""
_TIME = r"""
    (?P<time>\b(?P<hour>[0-2]?[0-9])(?:[:.](?P<minute>[0-5][0-9]))?\s?(?P<ampm>[ap])\.?m\b\.?)"""
_CLOCK = r"""
    (?P<clock>\b(?P<hour2>[0-2]?[0-9]):(?P<minute2>[0-5][0-9])(?::[0-5][0-9])?\b)"""
# Inside, (?![0-9.]), (?=[bkmnrst]), (?=[bhmt]) and (?=[%p]) do the same for the currency,
# the suffix, the scale word and the percent sign (re.IGNORECASE also lets s match ſ and k
# the Kelvin sign, in the lookaheads as in the words): most numbers have none of them.
_NUMBER = rf"""(?=[0-9.$£€¥₹acegjhnrsu])  # a digit, a dot, a currency sign or code
    (?P<number>(?:(?![0-9.])(?P<currency>{_CURRENCY}\s?))?(?P<digits>{_DIGITS})
        (?:(?=[bkmnrst])(?P<suffix>st|nd|rd|th|s|bn|mn|trn|tn|[kmb])\b
          |\s?(?=[bhmt])(?P<scale>hundred|thousand|million|billion|trillion)s?\b)?
        (?P<percent>\s?(?=[%p])(?:%|per\s?cent\b|pct\b|percentage\spoints?\b))?)"""
_MAGNITUDE = r"""(?=[bdhmt])
    (?P<magnitude>\b(?P<mag1>tens|hundreds|dozens)\sof\s(?P<mag2>thousands|millions|billions)\b
        |\b(?P<mag3>dozens|hundreds|thousands|millions|billions)(?:\sof\b|(?=[\s.,;:!?)]|$)))"""
_FRACTION = r"""(?=[ahotfsen])
    (?P<fraction>\b(?:(?P<numerator>one|two|three)[\s-](?P<denominator>half|third|quarter|fifth)s?
        |(?P<numerator3>one|two|three|four|five|six|seven|eight|nine)\sin\s
            (?P<denominator3>two|three|four|five|six|seven|eight|nine|ten|twenty|a\shundred)
        |a\s(?P<denominator2>third|quarter|fifth)(?=\sof\b)|(?:a\s)?half)\b)"""
_MULTIPLE = r"""(?=[dfqt])
    (?P<multiple>\b(?:twice|double[sd]?|doubling|triple[sd]?|tripling|quadruple[sd]?
        |threefold|fourfold|fivefold|tenfold)\b)"""
_WORDS = rf"""(?=[{_WORD_FIRSTS}])
    (?P<words>\b(?:(?:a|one)\s(?=hundred|thousand|million|billion))?(?:{_W_TRIE})(?:(?:[\s-]|\sand\s)(?:{_W_TRIE}))*
        (?:[\s-](?:{_O_TRIE}))?\b|\b(?:{_O_TRIE})\b)"""
_ROMAN_NUMERAL = r"""
    (?P<roman>\b(?=[IVXLC])(?:C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\b)"""
_MONTH_ALONE = rf"""(?=[{_MONTH_FIRSTS}])
    (?P<month>\b{_MONTH_TRIE}\b)"""


#: What a number looks like. Dates in digits, times and clocks come in a different order
#: than in the alternatives' definitions, with the same result: a day or an hour has at most
#: two digits and an ISO date's year four, so at most one of them matches at a place. One
#: lookahead skips the first three unless one or two digits come before what they need
#: next (a space or st/nd/rd/th, a colon or a dot, a.m./p.m.): most numbers do not.
_TOKENS = re.compile(
    "|".join(
        [
            _DATE_MDY,
            rf"(?=[0-9]{{1,2}}[\s:.apnrst])(?:{_DATE_DMY}|{_TIME}|{_CLOCK})",
            _DATE_MY,
            _DATE_ISO,
            _NUMBER,
            _MAGNITUDE,
            _FRACTION,
            _MULTIPLE,
            _WORDS,
            _ROMAN_NUMERAL,
            _MONTH_ALONE,
        ]
    ),
    re.VERBOSE | re.IGNORECASE,
)


#: Cheap pre-check: a digit or a number word, ordinal, month, Roman numeral start or magnitude.
_MAY_HAVE = re.compile(
    rf"[0-9]|\b(?:{_W}|{_O}|half|quarter|dozens|[IVXLC]{{1,4}}\b|{_MONTH_NAMES})",
    re.IGNORECASE,
)
_APPROX_WORDS = (
    "about", "around", "approximately", "nearly", "almost", "over", "more than", "less than", "fewer than", "some",
    "roughly", "close to", "up to", "at least", "upwards of", "under", "in excess of", "above", "below", "just over",
    "just under", "over the", "an estimated",
)  # fmt: skip
# a whole word: "roundabout 5", "awesome 30" and "Moreover 20" are not approximations
_APPROX_BEFORE = re.compile(rf"(?<![A-Za-z])(?:{'|'.join(_APPROX_WORDS)})\s$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s?[-–—~]\s?|\s(?:to|and)\s")
#: Roman numerals are numbers after a noun that numbers things, or opening a heading ("II Work Plan").
_ROMAN_HEAD_WORDS = (
    "Phase", "Class", "China", "Euro", "Stage", "Type", "Grade", "Level", "Part", "Section", "Chapter", "Article",
    "Category", "Title", "Volume", "Vol.", "Book", "Act", "Scene", "War", "Round", "Tier", "Annex", "Appendix",
    "Schedule", "Item", "No.",
)  # fmt: skip
_ROMAN_HEAD = re.compile(rf"(?:{'|'.join(map(re.escape, _ROMAN_HEAD_WORDS))})\s$", re.IGNORECASE)
_MONTH_CONTEXT = re.compile(
    r"\b(?:in|since|by|from|until|till|of|to|early|late|mid|end|through|before|after|last|next|this|during|and)[\s-]$",
    re.IGNORECASE,
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def may_have_en_numbers(text: str) -> bool:
    return _MAY_HAVE.search(text) is not None


#: Lowercase words at which a number can start.
_TRIGGER_WORDS = frozenset(
    _CARDINAL_WORDS
    + list(_ORDINAL_WORDS)
    + [month.lower() for month in _MONTH_NAMES.split("|")]
    + ["a", "half", "dozens", "tens", "hundreds", "thousands", "millions", "billions", "twice", "double", "doubled",
       "doubles", "doubling", "triple", "tripled", "triples", "tripling", "quadruple", "quadrupled", "threefold",
       "fourfold", "fivefold", "tenfold"]
)  # fmt: skip


#: What "a" counts when a number starts with it (a hundred, a half, a dozen).
_A_COUNTS = ["hundred", "thousand", "million", "billion", "trillion", "half", "third", "quarter", "fifth", "dozen"]
_CASED_STARTS = ["US", "HK", "NT", "A", "C", "S", "RMB", "USD", "CNY", "EUR", "GBP", "JPY", "HKD"]

# Where a number can start. Tokens begin where a run of digits or letters begins, as in
# "A4" (a letter token, then a digit token), so the boundaries are letter/non-letter:
# - a word (a whole run of ASCII letters in the lowercased text) that is a trigger word,
#   or "a" before a count ("a hundred");
# - a word spelled exactly as a currency code or a capital Roman numeral (US, RMB, XIV);
# - the start of a run of digits, a currency sign, a dot before a digit.
# _defining_patterns says it in regexes. Running a regex over every character of every
# text was most of the cost of this module: words are found by splitting a copy of the
# text instead (_letter_starts), and digits with a pattern that re can skip through.


@lru_cache(maxsize=1)
def _defining_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Words in the lowercased text, currency codes and Roman numerals as written, digits and signs.

    Slow (a lookbehind tried at every character): compiled on first use, for the rare text
    that _letter_starts cannot read faithfully."""
    words = re.compile(
        rf"(?<![a-z])(?:{_trie_pattern(sorted(w for w in _TRIGGER_WORDS if w != 'a'))}"
        rf"|a(?=[\s-]+(?:{'|'.join(_A_COUNTS)})))(?![a-z])"
    )
    cased = re.compile(rf"(?<![A-Za-z])(?:{'|'.join(_CASED_STARTS)}|[IVXLC]{{1,4}})(?![A-Za-z])")
    symbols = re.compile(r"[0-9]+|[$£€¥₹]|\.(?=[0-9])")
    return words, cased, symbols


#: _defining_patterns' symbols with every alternative opening with a plain character: re
#: then skips, in C, to the characters that can start one, where a pattern that opens with
#: a choice between a class and other alternatives is tried at every character.
_SYMBOL_START = re.compile(
    "|".join([f"{digit}[0-9]*" for digit in "0123456789"] + [r"\$", "£", "€", "¥", "₹", r"\.(?=[0-9])"])
)
_CURRENCY_SIGNS = "£€¥₹"  # and "$", found with the digits
#: Every byte but the ASCII digits and "$": bytes.translate deletes them.
_ALL_BUT_DIGITS_AND_DOLLAR = bytes(byte for byte in range(256) if byte not in b"0123456789$")
#: "a" before a count, on the lowercased text from the "a" on.
_A_COUNT_AHEAD = re.compile(rf"a(?=[\s-]+(?:{'|'.join(_A_COUNTS)}))")

#: Text encoded as ASCII (anything else as "?") and translated with this table keeps its
#: letters, lowercased, each at its place, and has a space for every other character:
#: its words are then bytes.split()'s, and a word's occurrences those of b" word ".
_LETTERS_ONLY = bytes(byte + 32 if 65 <= byte <= 90 else byte if 97 <= byte <= 122 else 32 for byte in range(256))
_TRIGGER, _CASED, _A_COUNT = 1, 2, 4


def _word_roles() -> dict[str, int]:
    """What a lowercased word can start: a number word (_TRIGGER), a currency or a Roman
    numeral when written in capitals (_CASED), a count after "a" (_A_COUNT)."""
    roles = dict.fromkeys(_TRIGGER_WORDS - {"a"}, _TRIGGER)
    romans = ["".join(letters) for length in range(1, 5) for letters in itertools.product("ivxlc", repeat=length)]
    for word in [code.lower() for code in _CASED_STARTS] + romans:
        roles[word] = roles.get(word, 0) | _CASED
    roles["a"] = roles.get("a", 0) | _A_COUNT
    return roles


#: _word_roles with each word between spaces, as it occurs in the translated text.
_LETTER_WORDS = {word.encode(): (role, f" {word} ".encode()) for word, role in _word_roles().items()}
#: What _A_COUNT_AHEAD needs, in the translated text: a cheap test before the exact one.
_A_COUNT_PREFIXES = tuple(f" a {count}".encode() for count in _A_COUNTS)
_A_COUNT_LETTERS = re.compile(rb" a +(?:" + "|".join(_A_COUNTS).encode() + rb")")
#: The only characters whose lowercase is not one character, or is an ASCII letter while
#: they are not (İ → i̇, the Kelvin sign → k): with them the translated text is not faithful.
_LOWERCASE_MISFITS = ("\u0130", "\u212a")


def _letter_starts(scan: str, ascii_scan: bytes) -> list[int]:
    """Where the words that can start a number start, in order (for a text without _LOWERCASE_MISFITS)."""
    letters = (b" " + ascii_scan + b" ").translate(_LETTERS_ONLY)
    starts = []
    for word in _LETTER_WORDS.keys() & letters.split():
        role, spaced = _LETTER_WORDS[word]
        # letters[i] is the space before scan[i]: an occurrence found at i starts at i in scan
        start = letters.find(spaced)
        if role & _TRIGGER:
            while start >= 0:
                starts.append(start)
                start = letters.find(spaced, start + 1)
            continue
        while start >= 0:
            if (role & _CASED and scan[start : start + len(word)].isupper()) or (
                role & _A_COUNT
                and (
                    letters.startswith(_A_COUNT_PREFIXES, start)
                    or (letters.startswith(b" ", start + 3) and _A_COUNT_LETTERS.match(letters, start))
                )
                and _a_count_at(scan, letters, start)
            ):
                starts.append(start)
            start = letters.find(spaced, start + 1)
    starts.sort()
    return starts


def _a_count_at(scan: str, letters: bytes, start: int) -> bool:
    """_A_COUNT_AHEAD at ``start`` of ``scan``, lowercasing only the stretch it can match: the one
    _A_COUNT_LETTERS matches in the translated text (lowercasing the rest of the text for every
    "a" made a text of many a's quadratic)."""
    letters_match = _A_COUNT_LETTERS.match(letters, start)
    # letters[i + 1] stands for scan[i]: the match ends at most one character after the count word
    return letters_match is not None and _A_COUNT_AHEAD.match(scan[start : letters_match.end()].lower()) is not None


def _candidate_starts(scan: str, ascii_scan: bytes, symbols: bool) -> list[int]:
    """Every position where a number can start, in order.

    ``ascii_scan`` is the text encoded as ASCII, anything else as "?" (one byte a character);
    ``symbols`` says whether it may have digits or currency signs."""
    if _LOWERCASE_MISFITS[0] in scan or _LOWERCASE_MISFITS[1] in scan:
        # word starts are places in the lowercased text; an İ lowercases to two characters, so it is
        # lowercased as a dotless i to keep every later offset in place
        words, cased, at_symbols = _defining_patterns()
        all_starts = {match.start() for match in words.finditer(scan.replace("\u0130", "i").lower())}
        all_starts.update(match.start() for match in cased.finditer(scan))
        all_starts.update(match.start() for match in at_symbols.finditer(scan))
        return sorted(all_starts)
    starts = _letter_starts(scan, ascii_scan)
    if not symbols:
        return starts
    at_symbols = [match.start() for match in _SYMBOL_START.finditer(scan)]
    if not starts:
        return at_symbols
    starts += at_symbols  # a letter and a symbol are never at the same place
    starts.sort()
    return starts


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
_DIGIT_GROUPING = str.maketrans("", "", ", \u00a0\u2009\u202f")


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
        if clock is not None:  # 1930 hours, at 0300: a time of day, as UN English writes it
            kind, value, quantum = "time", clock, _ONE
            hours_after = _HOURS_AFTER.match(scan, end)
            end = hours_after.end() if hours_after else end
    start = match.start() - glued
    if currency:
        unit = currency.strip()
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


_HOURS_AFTER = re.compile(r"\s?(?:hours|hrs|h)\b")
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
    if _HOURS_AFTER.match(scan, end) or _HOURS_RANGE_AFTER.match(scan, end):
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
                        high=high.value, spelled=low.spelled, parts=(low, high),
                    )
                )  # fmt: skip
                index += 2
                continue
        joined.append(low)
        index += 1
    return joined
