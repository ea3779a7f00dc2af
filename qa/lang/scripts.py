"""Which characters belong to which script: Han runs, CJK punctuation, odd spaces.

Language knowledge only: what a character is and what its ASCII counterpart is.
The rules (TERM001, TXT001, TXT003) decide what to report.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import regex

#: Characters that may sit *inside* a run of Chinese text without ending it: CJK
#: punctuation and symbols, full-width forms, kana, the Chinese use of curly quotes,
#: dashes, ellipses and middle dots, spaces (殷 勇, 政 府 工 作 报 告), and the ASCII digits
#: and punctuation Chinese text carries (2023年1月15日, the seeds' Chinese uses ASCII commas).
#: A run always starts and ends with a Han character, so none of these make a run
#: on their own and English punctuation next to Chinese text stays outside it.
_RUN_INTERIOR = (
    r"\u3000-\u303F\u3040-\u30FF\uFF00-\uFFEF\uFE10-\uFE1F\uFE30-\uFE4F"  # CJK punctuation, kana, full-width
    r"\u2018\u2019\u201C\u201D\u2014\u2026\u00B7"  # quotes, dash, ellipsis, middle dot
    r" 0-9,.:;!?()%'\"-"  # spaces, digits, ASCII punctuation
)

#: A Han character that is one of the vertical bars Chinese writers use as a
#: separator ("Xinhua All Media+丨Beijing"): alone between non-Han text it is punctuation.
HAN_SEPARATORS = frozenset("丨")

HAN_RUN = regex.compile(rf"\p{{Han}}(?:[\p{{Han}}{_RUN_INTERIOR}]*\p{{Han}})?")


def han_runs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of Chinese text: Han characters, merged across interior CJK punctuation and spaces.

    A lone separator bar (丨) between non-Han text is not a run: it is punctuation.
    """
    if text.isascii():
        return
    for match in HAN_RUN.finditer(text):
        if match.group() in HAN_SEPARATORS:
            continue
        yield match.start(), match.end()


# -- full-width and Chinese punctuation -------------------------------------------

#: Chinese punctuation outside the full-width forms block, with its ASCII counterpart.
#: The curly quotes “ ” ‘ ’, a single em dash — and a single ellipsis … are normal
#: English typography and are deliberately absent.
CJK_PUNCTUATION: dict[str, str] = {
    "\u3000": " ",  # ideographic space
    "、": ",",  # enumeration comma
    "。": ".",
    "〈": '"',
    "〉": '"',
    "《": '"',
    "》": '"',
    "「": '"',
    "」": '"',
    "『": '"',
    "』": '"',
    "【": "[",
    "】": "]",
    "〔": "(",
    "〕": ")",
    "〖": "[",
    "〗": "]",
    "〘": "[",
    "〙": "]",
    "〚": "[",
    "〛": "]",
    "〜": "~",
    "〝": '"',
    "〞": '"',
    "〟": '"',
    "・": "·",  # katakana middle dot
    "丨": "|",  # Han "gun" used as a separator bar
    "︱": "|",  # vertical em dash presentation form, used as a separator bar
    "︰": ":",
    "﹐": ",",
    "﹑": ",",
    "﹒": ".",
    "﹔": ";",
    "﹕": ":",
    "﹖": "?",
    "﹗": "!",
    "﹙": "(",
    "﹚": ")",
}

#: Sequences that are Chinese even though each character alone is fine in English.
CJK_PUNCTUATION_SEQUENCES: dict[str, str] = {
    "——": "—",  # Chinese dash (破折号) is two em dashes
    "……": "...",  # Chinese ellipsis (省略号) is two ellipses
}

#: Full-width ASCII variants U+FF01–U+FF5E sit exactly 0xFEE0 above their ASCII twins.
_FULLWIDTH_OFFSET = 0xFEE0


def ascii_counterpart(char: str) -> str | None:
    """The ASCII (or plain English) form of a full-width or Chinese punctuation character.

    None if the character is not full-width/Chinese punctuation (Han, kana, curly quotes,
    ordinary letters and symbols all give None).
    """
    mapped = CJK_PUNCTUATION.get(char)
    if mapped is not None:
        return mapped
    code = ord(char)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - _FULLWIDTH_OFFSET)
    if 0xFF5F <= code <= 0xFFEE:  # half-width CJK punctuation ｡｢｣､, full-width ￠￡￥, half-width katakana
        normalised = unicodedata.normalize("NFKC", char)
        if normalised in CJK_PUNCTUATION:
            return CJK_PUNCTUATION[normalised]
        if normalised.isascii() or 0xFFE0 <= code <= 0xFFE6:
            return normalised
    return None


# -- whitespace ---------------------------------------------------------------------

#: Invisible characters with no business in a translation: they break search,
#: word counts and copy-paste. ZWJ/ZWNJ are left alone (emoji and Indic shaping).
ZERO_WIDTH: dict[str, str] = {
    "\u200b": "zero-width space",
    "\u2060": "word joiner",
    "\ufeff": "byte order mark",
}

#: No-break and thin spaces with legitimate typographic uses between two words or
#: inside numbers (10\u00a0km, 10\u202f000): fine alone, stray when doubled or at a line edge.
TYPOGRAPHIC_SPACES = frozenset("\u00a0\u2007\u2009\u202f")

#: Horizontal whitespace a line may contain (U+3000 is full-width punctuation, TXT001).
HORIZONTAL_SPACES = " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"


def space_name(char: str) -> str:
    """A readable name of a whitespace character: 'tab', 'no-break space (U+00A0)'."""
    if char == "\t":
        return "tab"
    if char == " ":
        return "space"
    return f"{unicodedata.name(char, 'space').lower()} (U+{ord(char):04X})"
