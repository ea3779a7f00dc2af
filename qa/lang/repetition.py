"""Words written twice in a row by mistake ("the the", 的的, 及其及其), and the doubles that are language.

Language knowledge for TXT008. English is read word by word (whole words, case kept: "Yang Yang"
and "Li Li" are names, "had had" and "that that" are grammar). Chinese is segmented with jieba,
and only a candidate (a run of one to four hanzi written twice, found by one regular expression)
is segmented at all, so most texts never load jieba. Chinese doubles much of its vocabulary on
purpose: reduplicated verbs (看看, 研究研究, 休息休息), adjectives and adverbs (高高, 非常非常),
measure words and numerals (天天, 一户一户), onomatopoeia (嗒嗒, 咔嗒咔嗒). What is reported is a
word of the kinds that are never doubled: a function word (的的, 在在, 和和), a personal pronoun
(我们我们), or a noun, conjunction or preposition of two or more characters (治理治理, 及其及其) by
the part of speech jieba's dictionary gives it, and any word of three characters or more
(进一步进一步).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from operator import eq

import regex

from qa.lang.segmentation import cut, word_tag

#: A lower-case (or sentence-initial capitalised) English word followed by itself: "the the", "The the".
_EN_DOUBLE = regex.compile(r"(?<![\p{L}\p{N}'’\-])(\p{L}+)(\s+)(\1)(?![\p{L}\p{N}'’\-])", regex.IGNORECASE)
#: English doubles that grammar or speech makes: "had had", "that that", "is is" (in "what it is is"),
#: "bye bye", "no no", "blah blah".
_EN_LEGITIMATE = frozenset(
    "had that is do does did bye blah ha haha no yes so very really well now there tut boo knock chop "
    "la bla yada hip wow oh ah hey go night".split()
)


#: One to four hanzi written twice: the only texts that are segmented.
@cache  # compiled on first use: hanzi ranges take milliseconds, and only a Chinese translation asks
def _zh_candidate() -> re.Pattern[str]:
    return re.compile("([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{1,4})\\1")  # re: faster here


#: Single characters that are never doubled as words: particles, prepositions, conjunctions.
_ZH_FUNCTION_CHARS = frozenset("的地得在是和与及或把被将从向为也都而并其之于以由所给让使着过")
#: Personal pronouns (doubled, always a slip).
_ZH_PRONOUNS = frozenset("我们 你们 他们 她们 它们 咱们 大家 自己 我 你 他 她 它 您".split())
#: Parts of speech (jieba's dictionary) of two-character words that are never reduplicated:
#: nouns and names (n, ns, nt, nz, nr...), conjunctions (c), prepositions (p).
_ZH_NEVER_DOUBLED_TAGS = ("n", "c", "p")


def english_repeats(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) of the second of two equal words in a row: "the the" → the second "the".

    Two capitalised words ("Yang Yang", "Internet Internet") are left alone: names and titles double.
    """
    words = text.lower().replace(",", " ").replace(".", " ").replace(";", " ").replace(":", " ").split()
    if not any(map(eq, words, words[1:])):
        return  # the cheap pre-check, at C speed: no word is followed by itself, punctuation aside
    for match in _EN_DOUBLE.finditer(text):
        first, second = match.group(1), match.group(3)
        if "\n" in match.group(2) or len(first) < 2 or first.lower() in _EN_LEGITIMATE:
            continue
        if second[:1].isupper():
            continue  # "Yang Yang", "Li Li", "Discipline Discipline" (a heading run): names, not slips
        if first != second and not (first[:1].isupper() and first[1:] == second[1:]):
            continue  # "tHe the": not a typed double
        yield match.start(3), match.end(3), second


def chinese_repeats(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) of the second of two equal Chinese words in a row that are never doubled."""
    if _zh_candidate().search(text) is None:
        return
    position, previous = 0, None
    for word in cut(text):
        start = position
        position += len(word)
        if word == previous and _never_doubled(word):
            yield start, position, word
            previous = None  # "的的的" is one finding
            continue
        previous = word


def _never_doubled(word: str) -> bool:
    if not regex.fullmatch(r"\p{Han}+", word):
        return False
    if len(word) == 1:
        return word in _ZH_FUNCTION_CHARS
    if word in _ZH_PRONOUNS:
        return True
    if len(word) >= 3:
        return True
    tag = word_tag(word)
    return tag is not None and tag.startswith(_ZH_NEVER_DOUBLED_TAGS)

