"""Segments that count as the same text for the consistency checks (CON001, CON002).

Two segments are the same when they differ only in what a reader does not read as a difference:
Traditional and Simplified characters (folded with OpenCC's table, qa.lang.terms.fold), full- and
half-width forms, letter case and a leading article in English, spacing, punctuation and symbols,
and a menu's access key (``&File``, ``_File``, ``关于(&A)``); placeholders and inline tags count
as words (``options ￼ and ￼`` is not ``options ￼, ￼ and ￼``). With ``mask_numbers`` every number is ``#``, so
``新开工300个`` and ``新开工200个`` are one pattern (asked for, since most numbers must differ).
"""

from __future__ import annotations

import re
import unicodedata

from qa.lang.terms.fold import fold_chinese

#: Access keys of menu labels: "(&A)", "&File", "_File" (GTK), "(_A)".
_ACCESS_KEY = re.compile(r"[(（][&_]\w[)）]|(?<![\w&])[&_](?=\w)")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: Punctuation, symbols and spaces (``re``'s \W is faster here than \p{P}\p{S}; hanzi are \w).
_NOT_TEXT = re.compile(r"[\W_]+")
#: Full-width punctuation that NFKC makes ASCII punctuation (the commonest in Chinese text first).
_FULL_WIDTH_MARKS = ("，", "：", "？", "！", "；")
_FULL_WIDTH_MARKS_AND_PARENTHESES = (*_FULL_WIDTH_MARKS, "（", "）")
#: The same for ASCII text, as a table: every ASCII character but letters and digits becomes a space.
_ASCII_NOT_TEXT = {code: " " for code in range(128) if not chr(code).isalnum()}
#: What a placeholder or inline tag (U+FFFC) counts as: a word of its own (a letter \W keeps).
_PLACEHOLDER_WORD = " \u01c2 "
#: A leading English article: "The Commission on the Status of Women" as a sentence's subject is
#: "Commission on the Status of Women" as a heading.
_ARTICLE = re.compile(r"^(?:the|a|an) ")


def segment_key(text: str, side: str, *, mask_numbers: bool = False) -> str:
    """The text of a segment as the consistency checks compare it ("" for one with no words)."""
    if not text.isascii():
        if not unicodedata.is_normalized("NFKC", text):
            if not mask_numbers:  # 1，000 is one number only once NFKC makes it 1,000
                # the full-width marks of most Chinese text are \W before and after NFKC: spaces for
                # them save the normalisation (parentheses only where no access key may hold them)
                for mark in _FULL_WIDTH_MARKS if "&" in text or "_" in text else _FULL_WIDTH_MARKS_AND_PARENTHESES:
                    if mark in text:
                        text = text.replace(mark, " ")
            if not unicodedata.is_normalized("NFKC", text):
                text = unicodedata.normalize("NFKC", text)
        if side == "zh":
            text = fold_chinese(text)
        if "\uFFFC" in text:
            text = text.replace("\uFFFC", _PLACEHOLDER_WORD)
    if "&" in text or "_" in text:
        text = _ACCESS_KEY.sub("", text)
    if mask_numbers:
        text = _NUMBER.sub("#", text)
    if side == "en":
        text = text.lower()
    if text.isascii():  # most English: one C pass maps what \W matches to spaces, split joins the runs
        text = " ".join(text.translate(_ASCII_NOT_TEXT).split())
    else:
        text = _NOT_TEXT.sub(" ", text).strip()
    return _ARTICLE.sub("", text) if side == "en" else text
