"""How long a Chinese and an English text are, in comparable units, and how many sentences each has.

Language knowledge for ALN003. Chinese length is its hanzi plus its Latin words and numbers (a
Chinese text quoting ``APEC`` or ``2024`` counts them once each); English length is its words
(runs between spaces).
On published translations (the WMT news references and official UN documents) the English has
0.65-0.68 words per Chinese character at the median; 99% of pairs of 20 characters or more lie
between 0.41 and 1.11 (benchmarks/omission.py measures it). A sentence ends at 。！？ (or ! ?)
in Chinese, and in English at . ! ? followed by a capitalised word, not after a title or an
abbreviation (Mr. Smith, U.S. Army, No. 5).
"""

from __future__ import annotations

import re

import regex

#: Chinese punctuation, not counted as characters of the text.
_ZH_PUNCTUATION = re.compile("[，。、；：？！“”‘’（）《》【】「」『』…—·～\u3000]")
_ASCII_WORD = re.compile(rb"[A-Za-z0-9]+")
_ZH_END = regex.compile(r"[。！？!?]+[”」』’\"）)]*")
_EN_END = regex.compile(
    r"(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nos|vs|etc|Inc|Ltd|Co|Corp|Jr|Sr|Gen|Col|Rev|Art|para|U\.S|e\.g|i\.e|a\.m|p\.m|\p{Lu}))"
    r"[.!?]+[\"”’)]*(?=\s+[\"“‘(]?\p{Lu})"
)


def zh_length(text: str) -> int:
    """Hanzi (every character outside ASCII but Chinese punctuation and spaces) plus Latin words and
    numbers. Counted with str methods, not a regular expression: ALN003 measures every pair."""
    other = len(text) - len(text.encode("ascii", "ignore")) - len(_ZH_PUNCTUATION.findall(text))
    return other + len(_ASCII_WORD.findall(text.encode("ascii", "replace")))  # a hanzi parts numbers: 1月30日


def en_length(text: str) -> int:
    """English words: runs between spaces (a number is a word)."""
    return len(text.split())


def may_have_sentences(text: str, lang: str) -> bool:
    """The cheap pre-check of the sentence counts: two sentence ends or more inside the text."""
    if lang == "zh":
        return text.count("。") + text.count("！") + text.count("？") + text.count("!") + text.count("?") >= 2
    return text.count(". ") + text.count("! ") + text.count("? ") >= 2


def zh_sentences(text: str) -> int:
    """Sentences of a Chinese text: ends of sentence before its last character, plus one."""
    body = text.rstrip()
    return 1 + sum(1 for match in _ZH_END.finditer(body) if match.end() < len(body))


def en_sentences(text: str) -> int:
    """Sentences of an English text."""
    return 1 + sum(1 for _ in _EN_END.finditer(text))
