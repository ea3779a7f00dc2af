"""TXT008 repeated-word: a word written twice in a row in the translation ("the the", 的的)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from qa.lang.repetition import chinese_repeats, english_repeats
from qa.model import Hit, Pair, Severity
from qa.rules import register
from qa.rules.base import Rule


@register
class RepeatedWord(Rule):
    """A word written twice in a row in the translation: "the the", 的的, 及其及其.

    A doubled word is the commonest slip of an edited sentence and spell checkers pass it.
    English is read as whole words and grammar's doubles pass ("had had", "that that"), as do
    two capitalised words ("Yang Yang", "Li Li": names). Chinese is segmented with jieba and
    only words that Chinese never doubles are reported: function words (的的, 在在, 和和),
    personal pronouns (我们我们), nouns, conjunctions and prepositions (神庙神庙, 及其及其) and
    words of three characters or more (进一步进一步); reduplication, which Chinese uses all the
    time (看看, 常常, 天天, 一一, 研究研究, 高高兴兴, 咔嗒咔嗒), passes. Only the translation is
    judged (the English of a zh→en pair, the Chinese of an en→zh one).

    **Fails:** 会议批准了候选人名单。 / ``The meeting approved the the list of candidates.``

    **Passes:** 我们常常去看看。 / ``We often go and have a look.``; 经济危机产生了深远影响。 /
    ``The crisis had had far-reaching effects.``
    """

    code: ClassVar[str] = "TXT008"
    name: ClassVar[str] = "repeated-word"
    severity: ClassVar[Severity] = "warning"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        target = pair.target
        text = pair.side(target).text
        repeats = english_repeats(text) if target == "en" else chinese_repeats(text)
        for start, end, word in repeats:
            yield Hit(
                target,
                start,
                end,
                f'"{word}" is written twice in a row',
                suggestion=f'delete the second "{word}"',
                key=word.lower(),
            )
