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
#: What a placeholder or inline tag (U+FFFC) counts as: a word of its own (a letter \W keeps).
_PLACEHOLDER_WORD = " \u01c2 "
#: A leading English article: "The Commission on the Status of Women" as a sentence's subject is
#: "Commission on the Status of Women" as a heading.
_ARTICLE = re.compile(r"^(?:the|a|an) ")


def segment_key(text: str, side: str, *, mask_numbers: bool = False) -> str:
    """The text of a segment as the consistency checks compare it ("" for one with no words)."""
    if not text.isascii():
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
    text = _NOT_TEXT.sub(" ", text).strip()
    return _ARTICLE.sub("", text) if side == "en" else text
