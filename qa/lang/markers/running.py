"""Footnote numbers of running text: the reference a UN or government text writes after punctuation.

Official English and Chinese put a footnote's number right after the punctuation that ends the
noted phrase, or at the end of a title, once the superscript is lost:

* glued after a comma or semicolon that follows a word or a closing bracket, then a space or the
  end: ``the Advisory Committee,9 and requests``, ``the report of the Secretary-General;4``; in
  Chinese, which spaces its numbers (``，20 分钟后``), only at the end: ``秘书长的报告；4``;
* glued after a semicolon that follows a year or a code, at the end: ``programme of work for 2015;2``;
* glued after the full stop that ends the text: ``on the Conference website.3``, ``报告。3``;
* after a title's closing year or years, at the end: ``Overview of financial resources, 2013-2014 7``.

The number is 1-99 without a leading zero (notes are numbered from 1). Lists and numbers keep
their own shapes and are not read: ``4,5``, ``1,000``, ``PM2.5``, ``No.1 Middle School``, ``in 2015,
2 delegations``, ``fig.3 below`` (a full stop is a marker's only at the very end).

The comma and semicolon forms stay soft numbers too (qa.lang.numbers.codes): the other language
often writes the same footnote glued to its word (``报告3第27段`` for ``Questions,3 and``), where it
cannot be told from a number, and the soft number keeps it matched. The other forms are blanked
for the number extractors like every marker.
"""

from __future__ import annotations

import re

__all__ = ["running_form", "soft_in_numbers", "title_end_marker"]

_AFTER_WORD = frozenset(",;，；")
_ENDING = frozenset(".。")
_CLOSERS = "\"'”’」』)）]】》〉"
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def _wordish(text: str, index: int, lang: str) -> bool:
    """``text[index]`` ends a word (two letters or more, or a hanzi) or a closing bracket after text."""
    char = text[index]
    if char in _CLOSERS:
        return index > 0 and not text[index - 1].isspace()
    if _is_cjk(char):
        return True
    return char in _ASCII_LETTERS and index > 0 and text[index - 1] in _ASCII_LETTERS  # not "a,1", "x;2"


def running_form(text: str, start: int, end: int, lang: str, visible_end: int) -> bool:
    """Whether the digits ``text[start:end]``, right after punctuation, are a running-text footnote number.

    ``visible_end`` is where the text's trailing whitespace starts (computed once per text)."""
    if not 1 <= end - start <= 2 or text[start] == "0" or start < 2:
        return False
    punctuation = text[start - 1]
    at_end = end >= visible_end
    follows_space = end < len(text) and text[end] in " \t\n"
    if punctuation in _AFTER_WORD:
        if _wordish(text, start - 2, lang):
            # Chinese spaces its numbers (，20 分钟后): there a footnote after a comma ends the text
            return at_end or (follows_space and lang == "en")
        # "for 2015;2": a year or a code before a semicolon; only at the very end (not "1;2;3")
        return punctuation in ";；" and at_end and _long_number_before(text, start - 1)
    if punctuation in _ENDING:
        return at_end and _wordish(text, start - 2, lang) and (lang == "zh" or text[start - 2] != ")")
    return False


def _long_number_before(text: str, index: int) -> bool:
    """Three or more digits end at ``index`` (a year, a code's last part), not a list's 1-2 digit item."""
    digits = 0
    while index > 0 and text[index - 1].isdecimal() and text[index - 1].isascii():
        digits += 1
        index -= 1
    return digits >= 3


def soft_in_numbers(text: str, start: int) -> bool:
    """Whether the number extractors keep this running marker as a soft number (the comma and semicolon
    glued after a word: qa.lang.numbers.codes) rather than have it blanked."""
    return text[start - 1] in _AFTER_WORD and _wordish(text, start - 2, "en")


#: A title that ends in a year or two and its footnote number: ", 2013-2014 7", "resources 2014 3".
_TITLE_END = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?:\s?[-–/]\s?(?:19|20)?\d\d)?[ \u00a0]([1-9]\d?)\s*$")


def title_end_marker(text: str) -> tuple[int, int] | None:
    """The span of a footnote number closing a title after its year(s), if the text is such a title.

    The text must end there and read as a title: letters before the year, and no other number
    after a space at its end (a table row ``2013 2014 7`` is numbers)."""
    if len(text) < 8 or not text[-1].isdecimal():
        return None
    match = _TITLE_END.search(text, max(0, len(text) - 16))
    if match is None:
        return None
    before = text[max(0, match.start() - 3) : match.start()].rstrip(" ,")
    if not before or not before[-1].isalpha():
        return None  # "Total 17 2013 7", "(2013) 7": a row or a list, not a title
    return match.span(1)
