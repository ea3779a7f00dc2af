"""How long a Chinese and an English text are, in comparable units, and how many sentences each has.

Language knowledge for ALN003. Chinese length is its hanzi plus its Latin words and numbers (a
Chinese text quoting ``APEC`` or ``2024`` counts them once each); English length is its words.
On published translations (the WMT news references and official UN documents) the English has
0.65-0.68 words per Chinese character at the median; 99% of pairs of 20 characters or more lie
between 0.41 and 1.11 (benchmarks/omission.py measures it). A sentence ends at 。！？ (or ! ?)
in Chinese, and in English at . ! ? followed by a capitalised word, not after a title or an
abbreviation (Mr. Smith, U.S. Army, No. 5).
"""

from __future__ import annotations

import regex

_HAN = regex.compile(r"\p{Han}")
_LATIN_WORD = regex.compile(r"[A-Za-z0-9]+")
_EN_WORD = regex.compile(r"[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*")
_ZH_END = regex.compile(r"[。！？!?]+[”」』’\"）)]*")
_EN_END = regex.compile(
    r"(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nos|vs|etc|Inc|Ltd|Co|Corp|Jr|Sr|Gen|Col|Rev|Art|para|U\.S|e\.g|i\.e|a\.m|p\.m|\p{Lu}))"
    r"[.!?]+[\"”’)]*(?=\s+[\"“‘(]?\p{Lu})"
)


def zh_length(text: str) -> int:
    """Hanzi plus Latin words and numbers."""
    return len(_HAN.findall(text)) + len(_LATIN_WORD.findall(_HAN.sub(" ", text)))


def en_length(text: str) -> int:
    """English words (numbers count as words)."""
    return len(_EN_WORD.findall(text))


def zh_sentences(text: str) -> int:
    """Sentences of a Chinese text: ends of sentence before its last character, plus one."""
    body = text.rstrip()
    return 1 + sum(1 for match in _ZH_END.finditer(body) if match.end() < len(body))


def en_sentences(text: str) -> int:
    """Sentences of an English text."""
    return 1 + sum(1 for _ in _EN_END.finditer(text))
