"""TXT001 fullwidth-punctuation: full-width or Chinese punctuation in the English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from qa.lang.scripts import CJK_PUNCTUATION_SEQUENCES, ascii_counterpart, han_runs
from qa.model import Hit, Pair, Severity
from qa.rules import register
from qa.rules.base import Rule

#: Everything that may be full-width or Chinese punctuation; ascii_counterpart decides.
_CANDIDATES = re.compile("——|……|[０-９Ａ-Ｚａ-ｚ]+|[\u3000-\u303f\u30fb\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef丨]")
#: ASCII punctuation that English follows with a space when a word comes next.
_SPACE_AFTER = frozenset(",.;:!?)]")
_SPACE_BEFORE = frozenset("([")


def _replacement(text: str, start: int, end: int, ascii_form: str) -> str:
    """The ASCII form with the space English needs where the full-width form had its own width."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if ascii_form == " ":
        return "" if before.isspace() or after.isspace() else " "
    in_number = ascii_form in ",." and before.isdigit() and after.isdigit()  # １，０００ or ３．５
    opening_quote_after = ascii_form in ",;:" and after in '"“'
    if ascii_form in _SPACE_AFTER and (after.isalnum() or opening_quote_after) and not in_number:
        return ascii_form + " "
    if ascii_form in _SPACE_BEFORE and before.isalnum():
        return " " + ascii_form
    return ascii_form


@register
class FullwidthPunctuation(Rule):
    """Full-width or Chinese punctuation in the English.

    Chinese punctuation (，。、：《》【】……——) and full-width forms (（）：１２３Ａ,
    the ideographic space) come from the source or a Chinese input method. In English
    they look wrong, carry their own width so the text loses its spaces, and break
    search and number checks. One finding per character (one per full-width number
    or word, one per ——/……), with the ASCII replacement.

    Curly quotes “ ” ‘ ’, a single em dash — and a single ellipsis … are normal English
    typography and pass. Punctuation inside a run of Chinese text is left to TERM001,
    which reports the whole run.

    Only a translation into English is judged: in an en→zh catalogue the English is the
    source, and this rule leaves it alone.

    **Fails:** 人才哪里找？ / Where is talent found？

    **Passes:** 人才哪里找？ / Where is talent found?
    """

    code: ClassVar[str] = "TXT001"
    name: ClassVar[str] = "fullwidth-punctuation"
    severity: ClassVar[Severity] = "warning"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        if pair.source == "en":
            return  # the English is the source (an en→zh catalogue): only the translation is judged
        text = pair.en.text
        if text.isascii():  # the common case: nothing to look at
            return
        chinese_runs: list[tuple[int, int]] | None = None
        for match in _CANDIDATES.finditer(text):
            found = match.group()
            ascii_form = CJK_PUNCTUATION_SEQUENCES.get(found)
            if ascii_form is None:
                ascii_form = "".join(ascii_counterpart(char) or "" for char in found)
                if len(ascii_form) != len(found):  # a kana or other non-punctuation character
                    continue
            start, end = match.span()
            if chinese_runs is None:
                chinese_runs = list(han_runs(text))
            if any(run_start <= start and end <= run_end for run_start, run_end in chinese_runs):
                continue  # part of untranslated Chinese text: TERM001 reports the run
            replacement = _replacement(text, start, end, ascii_form)
            if ascii_form == " ":
                message = 'full-width space (U+3000) in the english (ascii " ")'
            else:
                kind = "full-width" if all(0xFF00 <= ord(char) <= 0xFFEF for char in found) else "chinese punctuation"
                message = f'{kind} "{found}" in the english (ascii "{ascii_form}")'
            yield Hit(
                side="en",
                start=start,
                end=end,
                message=message,
                suggestion=f'replace with "{replacement}"' if replacement else "delete it",
                fix=replacement or "",
            )
