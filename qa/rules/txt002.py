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
#: What ends a token (for _TECHNICAL_MARKERS).
_TOKEN_STOPS = (" ", "\n", "\t")


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

    Only a translation into English is judged: in an en→zh catalogue the English is the
    source, and this rule leaves it alone.

    **Fails:** 强化作风建设。认真落实…… / Improve our work conduct.We will earnestly implement…

    **Passes:** 强化作风建设。认真落实…… / Improve our work conduct. We will earnestly implement…
    """

    code: ClassVar[str] = "TXT002"
    name: ClassVar[str] = "missing-space-after-punctuation"
    severity: ClassVar[Severity] = "warning"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        if pair.source == "en":
            return  # the English is the source (an en→zh catalogue): only the translation is judged
        text = pair.en.text
        tokens = None
        for match in _CANDIDATE.finditer(text):
            if tokens is None:
                tokens = _Tokens(text)
            hit = self._judge(text, match, tokens)
            if hit is not None:
                yield hit

    def _judge(self, text: str, match: re.Match[str], tokens: _Tokens) -> Hit | None:
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
        if tokens.technical(position):
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
        if quote and self._quote_closes(text, match.start(2), quote, tokens):
            fixed = text[start : match.end()] + " " + text[match.end() : end]
        else:
            fixed = text[start : position + 1] + " " + text[position + 1 : end]
        return Hit(
            side="en",
            start=start,
            end=end,
            message=f'missing space after "{mark}" in "{glued}"',
            suggestion=f"insert a space: {fixed}",
            fix=fixed,
        )

    @staticmethod
    def _quote_closes(text: str, offset: int, quote: str, tokens: _Tokens) -> bool:
        """Whether the quote at ``offset`` closes a quotation (so the space goes after it)."""
        if quote in "”’":
            return True
        if quote == "“":
            return False
        return tokens.quotes_before(offset) % 2 == 1


class _Tokens:
    """What TXT002 asks about the text around its candidates, which come in order: whether the
    whitespace-delimited token holding one is technical (a URL, a path, code), and how many
    straight quotes come before one. Each token is read once and the quotes are counted on from
    the last candidate, so a long text of candidates (a.B,c a.B,c…) is read a fixed number of times."""

    __slots__ = ("end", "following", "quotes", "quotes_at", "start", "technical_token", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.start = self.end = -1  # the last token asked about
        self.technical_token = False
        self.following = {stop: -1 for stop in _TOKEN_STOPS}  # the next of each stop found so far
        self.quotes = self.quotes_at = 0  # text[:quotes_at] holds this many straight quotes

    def technical(self, position: int) -> bool:
        """Whether the token (between spaces, tabs or line breaks) that holds ``position`` is technical."""
        if not self.start <= position < self.end:
            text = self.text
            # a later token starts after the last one's end (a stop): search back no further
            floor = self.end if self.end >= 0 and position >= self.end else 0
            self.start = max(text.rfind(stop, floor, position) for stop in _TOKEN_STOPS) + 1
            following = self.following
            for stop in _TOKEN_STOPS:
                if following[stop] < position:  # each stop is searched for once past each place
                    found = text.find(stop, position)
                    following[stop] = len(text) if found == -1 else found
            self.end = min(following.values())
            token = text[self.start : self.end]
            self.technical_token = any(marker in token for marker in _TECHNICAL_MARKERS)
        return self.technical_token

    def quotes_before(self, offset: int) -> int:
        if offset < self.quotes_at:  # asked out of order: count from the start
            self.quotes = self.quotes_at = 0
        self.quotes += self.text.count('"', self.quotes_at, offset)
        self.quotes_at = offset
        return self.quotes
