"""TXT002 missing-space-after-punctuation: "conduct.We" in the English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from qa.model import Hit, Pair, Severity
from qa.rules import register
from qa.rules.base import Rule

#: Punctuation (optionally with a quote) directly followed by a letter. Cheap to run:
#: well-spaced English gives no match, so the checks below rarely run at all.
_CANDIDATE = re.compile(r"([.!?;:,])([\"“”’]?)(?=[^\W\d_])")
_WORD_AFTER = re.compile(r"([^\W_]+)(?:['’-][^\W_]+)*")
#: What may precede the punctuation in a word: letters, digits, closing brackets and quotes.
_WORD_CHAR_BEFORE = re.compile(r"[\w)\]\"”’%'\-]")
#: Markers of a URL, an e-mail address, a path or code, where "a.B" is not prose.
_TECHNICAL_MARKERS = ("://", "www.", "@", "/", "\\", "_", "=", "#")
#: Endings after a dot that make a token a domain or a file name (Xinhuanet.Com, Report.PDF).
_DOMAIN_OR_FILE_ENDINGS = frozenset(
    "com cn net org gov edu int mil io co uk hk mo tw jp de fr eu info biz "
    "pdf doc docx xls xlsx ppt pptx txt csv json xml html htm md py js jpg jpeg png gif svg mp3 mp4 zip rar exe".split()
)
_SENTENCE_END = frozenset(".!?;:")


def _is_camel_case(word: str) -> bool:
    return any(word[i].islower() and word[i + 1].isupper() for i in range(len(word) - 1))


@register
class MissingSpaceAfterPunctuation(Rule):
    """Missing space after punctuation in the English ("conduct.We").

    A sentence that runs into the next one ("conduct.We") or a comma glued to the
    next word ("Macau,in") is a typo that spell checkers often miss and readers
    notice at once. Flags ``.!?;:`` followed directly by a capitalised word of two or
    more letters, a comma followed directly by a letter, and the same with a quote
    in between (``said,"The``, ``women."No``). Left alone: abbreviations and
    initials (U.S., e.g., Ph.D., J.K.), decimals (2.5), thousands (1,100), URLs,
    e-mail addresses, domains and file names (www.gov.cn, Xinhuanet.Com, Report.PDF),
    versions (v1.2), ellipses, stock codes (600884.SH), all-capital names
    (ASTANA.KAZINFORM) and code (Console.WriteLine).

    **Fails:** 强化作风建设。认真落实…… / Improve our work conduct.We will earnestly implement…

    **Passes:** 强化作风建设。认真落实…… / Improve our work conduct. We will earnestly implement…
    """

    code: ClassVar[str] = "TXT002"
    name: ClassVar[str] = "missing-space-after-punctuation"
    severity: ClassVar[Severity] = "warning"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        text = pair.en.text
        for match in _CANDIDATE.finditer(text):
            hit = self._judge(text, match)
            if hit is not None:
                yield hit

    def _judge(self, text: str, match: re.Match[str]) -> Hit | None:
        punctuation, quote = match.group(1), match.group(2)
        position = match.start()
        if position == 0 or not _WORD_CHAR_BEFORE.match(text[position - 1]):
            return None  # ".NET", "...And", ", and" at a line start: not a word before it
        word_after = _WORD_AFTER.match(text, match.end())
        if word_after is None:
            return None
        after = word_after.group(1)  # without a trailing 's, so "It's" is judged as "It"
        # The word before, back to whitespace or to another punctuation mark of ours.
        start = position
        while start > 0 and _WORD_CHAR_BEFORE.match(text[start - 1]):
            start -= 1
        before = text[start:position]
        token_start = max(text.rfind(stop, 0, position) for stop in (" ", "\n", "\t")) + 1
        token_end = len(text)
        for stop in (" ", "\n", "\t"):
            found = text.find(stop, word_after.end())
            if found != -1:
                token_end = min(token_end, found)
        token = text[token_start:token_end]
        if any(marker in token for marker in _TECHNICAL_MARKERS):
            return None
        if punctuation in _SENTENCE_END:
            if not after[0].isupper() or len(after) < 2 or not after.isalpha():
                return None  # lowercase (www.gov.cn, e.g.), one letter (Ph.D), digits (v1.2, 2.5)
            letters_before = before.rstrip("\"”’')]%")
            if len(letters_before) == 1 and letters_before.isalpha():
                return None  # initials and abbreviations: U.S.Army, J.K.Rowling
            if before.endswith("."):
                return None  # ellipsis
            if after.isupper() and (letters_before.isupper() or letters_before.isdigit()):
                return None  # ASTANA.KAZINFORM, NEWS.GOV.MO, stock codes 600884.SH
            if punctuation == "." and after.lower() in _DOMAIN_OR_FILE_ENDINGS and not quote:
                return None  # Xinhuanet.Com, Report.PDF
            if _is_camel_case(after) and any(char.isupper() for char in letters_before):
                return None  # Console.WriteLine, System.IO
        end = word_after.end()
        glued = text[start:end]
        mark = punctuation + quote
        if quote and self._quote_closes(text, match.start(2), quote):
            fixed = text[start : match.end()] + " " + text[match.end() : end]
        else:
            fixed = text[start : position + 1] + " " + text[position + 1 : end]
        return Hit(
            side="en",
            start=start,
            end=end,
            message=f'missing space after "{mark}" in "{glued}"',
            suggestion=f"insert a space: {fixed}",
        )

    @staticmethod
    def _quote_closes(text: str, offset: int, quote: str) -> bool:
        """Whether the quote at ``offset`` closes a quotation (so the space goes after it)."""
        if quote in "”’":
            return True
        if quote == "“":
            return False
        return text.count('"', 0, offset) % 2 == 1
