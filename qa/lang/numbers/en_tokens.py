"""The shapes of English numbers: number words, months, currencies, the token pattern, and where in a
text a number can start (qa.lang.numbers.en reads the tokens into Quantities)."""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from functools import cache, lru_cache

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
_SCALE_WORDS = {
    "hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "lakh": 10**5, "crore": 10**7,  # Indian English: 14 lakh is 1.4 million (140万)
}  # fmt: skip
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
    # Indian grouping (2,06,737; 1,00,000): lakhs and crores grouped by two
    r"(?=[0-9]{1,2},[0-9]{2},)[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?![0-9])(?:\.[0-9]+)?"
    r"|(?=[0-9]{1,3},)[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?"
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
          |\s?(?=[bhmtlc])(?P<scale>hundred|thousand|million|billion|trillion|lakh|crore)s?\b)?
        (?P<percent>\s?(?=[%p])(?:%|per\s?cent\b|pct\b|percentage\spoints?\b))?)"""
_MAGNITUDE = r"""(?=[bdhmt])
    (?P<magnitude>\b(?P<mag1>tens|hundreds|dozens)\sof\s(?P<mag2>thousands|millions|billions)\b
        |\b(?P<mag3>dozens|hundreds|thousands|millions|billions)(?:\sof\b|(?=[\s.,;:!?)]|$)))"""
_FRACTION = r"""(?=[ahotfsen])
    (?P<fraction>\b(?:(?P<numerator>one|two|three)[\s-](?P<denominator>half|third|quarter|fifth)s?
        |(?P<numerator3>one|two|three|four|five|six|seven|eight|nine)\sin\s
            (?P<denominator3>two|three|four|five|six|seven|eight|nine|ten|twenty|a\shundred)
        |a\s(?P<denominator2>third|quarter|fifth)(?=\sof\b)
        |half\sa\s(?P<half_of>hundred|thousand|million|billion|trillion)|(?:a\s)?half)\b)"""
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
@cache  # compiled on first use: the extractors run their own pre-checks
def _may_have() -> re.Pattern[str]:
    return re.compile(
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
    return _may_have().search(text) is not None


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
