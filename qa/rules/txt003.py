"""TXT003 whitespace: doubled, leading, trailing, misplaced or invisible spaces in the English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import ClassVar

from qa.lang.scripts import HORIZONTAL_SPACES, TYPOGRAPHIC_SPACES, ZERO_WIDTH, space_name
from qa.model import Hit, Pair, Severity, elide
from qa.rules import register
from qa.rules.base import Rule

_SPACE = f"[{HORIZONTAL_SPACES}]"
_UNUSUAL_SPACE = f"[{HORIZONTAL_SPACES.replace(' ', '')}]"
_ZERO_WIDTH = f"[{''.join(ZERO_WIDTH)}]"


#: Anything that may be a finding. Most English texts give no match, and then the
#: rule is done after one regex scan.
#: Every alternative starts with a character class, so re scans for it quickly; the
#: start and end of the text are tested in Python (see _suspicious).
@cache  # compiled on first use: ASCII texts take _ASCII_SIGNS
def _suspicious_pattern() -> re.Pattern[str]:
    return re.compile(rf"{_SPACE}(?:{_SPACE}|[\n,.;:!?])|\n{_SPACE}|{_UNUSUAL_SPACE}|{_ZERO_WIDTH}")


#: The same test for ASCII text: two spaces, a space before a line break or a sign, a tab.
_ASCII_SIGNS = re.compile(r" [ \n,.;:!?]")  # one alternative with a literal start: searched twice as fast
_SPACE_RUN = re.compile(f"{_SPACE}+")
_ZERO_WIDTH_RUN = re.compile(f"{_ZERO_WIDTH}+")
#: What may follow a punctuation mark that has a stray space before it: the end of
#: the sentence or clause. ".NET", " .5", " ...", " :-)" and "3 : 1" are not such cases.
_CLAUSE_END_AFTER = {
    ",": re.compile(r"\s|$|[^\W\d]|[\"'”’)\]]"),
    ".": re.compile(r"\s|$|[\"'”’)\]]"),
    ";": re.compile(r"\s|$|[\"'”’]"),  # not " ;)", a wink
    ":": re.compile(r"\s|$|[\"'”’]"),
    "!": re.compile(r"\s|$|[\"'”’)\]!?]"),
    "?": re.compile(r"\s|$|[\"'”’)\]!?]"),
}
_WORD_BEFORE_PUNCTUATION = re.compile(r"[\w\"'”’)\]%]")
_CONTEXT_CHARS = 24
_INVISIBLE = frozenset(HORIZONTAL_SPACES) | frozenset(ZERO_WIDTH)


def _shown(text: str) -> str:
    """Whitespace other than plain spaces made visible for a message: \\t, \\u00a0."""
    return "".join(
        "\\t" if char == "\t" else f"\\u{ord(char):04x}" if char != " " and char in _INVISIBLE else char
        for char in text
    )


@register
class Whitespace(Rule):
    """Doubled, stray or invisible whitespace in the English.

    Doubled spaces, spaces or tabs at the start or end of a line, a space before
    ``, . ; : ! ?`` (French or machine-tokenised style: "matters ."), tabs and odd
    spaces (em space, en space…) inside a line, and invisible zero-width spaces or
    byte order marks. They show up in print, break search and diff, and often mark
    a place where text was pasted or deleted. A no-break or thin space alone between
    two words or digits (10\u00a0km) is legitimate typography and passes. The line
    breaks joining a segment's lines are not whitespace findings; leading and
    trailing whitespace is judged on each line.

    Only a translation into English is judged: in an en→zh catalogue the English is the
    source, and this rule leaves it alone.

    **Fails:** 深化交通秩序治理。 / Deepen traffic  management .

    **Passes:** 深化交通秩序治理。 / Deepen traffic management.
    """

    code: ClassVar[str] = "TXT003"
    name: ClassVar[str] = "whitespace"
    severity: ClassVar[Severity] = "warning"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        if pair.source == "en":
            return  # the English is the source (an en→zh catalogue): only the translation is judged
        text = pair.en.text
        if not self._suspicious(text):  # the common case: nothing to look at
            return
        for run in _SPACE_RUN.finditer(text):
            hit = self._judge_run(text, run.start(), run.end())
            if hit is not None:
                yield hit
        for run in _ZERO_WIDTH_RUN.finditer(text):
            first = run.group()[0]
            count = f"{len(run.group())} × " if len(run.group()) > 1 else ""
            context = self._context(text, run.start(), run.end())
            yield Hit(
                side="en",
                start=run.start(),
                end=run.end(),
                message=f"invisible {count}{ZERO_WIDTH[first]} (U+{ord(first):04X}) in {context}",
                suggestion="delete it",
                fix="",
            )

    @staticmethod
    def _suspicious(text: str) -> bool:
        if text.isascii():
            return (
                text[:1] == " "
                or text[-1:] == " "
                or _ASCII_SIGNS.search(text) is not None
                or "\t" in text
                or "\n " in text
            )
        return text[:1].isspace() or text[-1:].isspace() or _suspicious_pattern().search(text) is not None

    def _judge_run(self, text: str, start: int, end: int) -> Hit | None:
        run = text[start:end]
        context = self._context(text, start, end)
        at_line_start = start == 0 or text[start - 1] == "\n"
        at_line_end = end == len(text) or text[end] == "\n"
        if at_line_start and at_line_end:
            return self._hit(start, end, "line holds only whitespace", "delete the whitespace")
        if at_line_start:
            return self._hit(start, end, f"leading {self._describe(run)} in {context}", "delete it")
        if at_line_end:
            return self._hit(start, end, f"trailing {self._describe(run)} in {context}", "delete it")
        punctuation = text[end]
        if (
            punctuation in _CLAUSE_END_AFTER
            and _WORD_BEFORE_PUNCTUATION.match(text[start - 1])
            and _CLAUSE_END_AFTER[punctuation].match(text, end + 1)
            and not (punctuation == ":" and text[start - 1].isdigit())  # ratios and scores: 3 : 1
        ):
            return self._hit(
                start,
                end,
                f'space before "{punctuation}" in {self._context(text, start, end + 1, word_after=False)}',
                "delete the space",
            )
        if "\t" in run:
            return self._hit(start, end, f"tab inside the line in {context}", 'replace with " "')
        if len(run) > 1:
            return self._hit(start, end, f"{self._describe(run)} in {context}", 'replace with " "')
        if run != " " and run not in TYPOGRAPHIC_SPACES:
            return self._hit(start, end, f"{space_name(run)} in {context}", 'replace with " "')
        return None

    @staticmethod
    def _hit(start: int, end: int, message: str, suggestion: str) -> Hit:
        fix = " " if suggestion == 'replace with " "' else "" if suggestion.startswith("delete") else None
        return Hit(side="en", start=start, end=end, message=message, suggestion=suggestion, fix=fix)

    @staticmethod
    def _describe(run: str) -> str:
        """'2 spaces', 'tab', 'no-break space (U+00A0)', '3 whitespace characters'."""
        if len(set(run)) == 1:
            name = space_name(run[0])
            if len(run) == 1:
                return name
            return f"{len(run)} spaces" if run[0] == " " else f"{len(run)} × {name}"
        return f"{len(run)} whitespace characters"

    @staticmethod
    def _context(text: str, start: int, end: int, *, word_after: bool = True) -> str:
        """The offending whitespace with the word on each side (on the same line), quoted.

        Reads at most _CONTEXT_CHARS characters of each word (and the whitespace next to the
        span): slicing the line before and after every span made a long line quadratic."""
        # the word before: back over whitespace to the end of the word, then up to _CONTEXT_CHARS of it
        word_end = start
        while word_end > 0 and text[word_end - 1] in HORIZONTAL_SPACES:
            word_end -= 1
        window_start = max(0, word_end - _CONTEXT_CHARS)
        window_start = text.rfind("\n", window_start, word_end) + 1 or window_start  # not past the line start
        left = text[window_start:word_end].split(" ")[-1]
        left = text[word_end - len(left) : start]  # the word and the whitespace after it
        right = ""
        if word_after:
            word_start = end
            while word_start < len(text) and text[word_start] in HORIZONTAL_SPACES:
                word_start += 1
            window_end = min(len(text), word_start + _CONTEXT_CHARS)
            line_end = text.find("\n", word_start, window_end)
            window_end = window_end if line_end == -1 else line_end
            right = text[end:word_start] + text[word_start:window_end].split(" ")[0]
        return f'"{_shown(left + elide(text[start:end], 8) + right)}"'
