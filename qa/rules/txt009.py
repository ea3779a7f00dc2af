"""TXT009 end-punctuation: the translation ends unlike its source (a full stop lost, a question made a statement)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import ClassVar

import regex

from qa.model import Hit, Pair, Severity
from qa.rules import register
from qa.rules.base import Rule

#: What may close a sentence after its punctuation: quotes, brackets, spaces.
_CLOSERS = "\"'”’)）」』》】]］ \t\u3000\n"
#: The final mark of a text, by kind: Chinese and English forms of one mark are one kind.
_KINDS = {
    "。": ".", ".": ".", "．": ".", "｡": ".",
    "？": "?", "?": "?",
    "！": "!", "!": "!",
    "：": ":", ":": ":",
    "；": ";", ";": ";",
    "，": ",", ",": ",", "、": ",",
    "…": "…",
}  # fmt: skip
_NAMES = {".": "a full stop", "?": "a question mark", "!": "an exclamation mark", ":": "a colon", ";": "a semicolon"}
_WRITTEN = {
    "zh": {".": "。", "?": "？", "!": "！", ":": "：", ";": "；"},
    "en": {".": ".", "?": "?", "!": "!", ":": ":", ";": ";"},
}


#: An English source ending in an abbreviation's dot ("Apple Inc.", "etc.", "U.S.", "No."), not a full stop.
@cache  # compiled on first use: only an English source ending in a dot asks
def _abbreviation() -> regex.Pattern[str]:
    return regex.compile(
        r"(?:\b(?:etc|Inc|Ltd|Co|Corp|Jr|Sr|St|vs|No|Nos|approx|e\.g|i\.e|a\.m|p\.m|Dr|Mr|Mrs|Ms|Prof)|\b\p{Lu}(?:\.\p{Lu})*)\.$"
    )


#: A text that is only a list or paragraph label, a number or a code: "1.", "(a)", "A/70/1".
_LABEL_ONLY = regex.compile(r"[\s\p{N}\p{P}\p{S}]*|[\s(]*\p{L}{1,3}[.)]")


#: A footnote marker after the final mark: "website.3", "planning.[23]", "报告。①", "agenda.*";
#: not the last digits of a number ("version 2.1").
_TRAILING_MARKER = regex.compile(
    r"(?:\[\d{1,3}\]|(?<=[\p{L})\]”\"'’][.!?;:]|[。！？；：”\"’)])\d{1,3}|[\u00b9\u00b2\u00b3\u2070-\u2079]+"
    r"|[\u2460-\u2473]+|\*+)[ \t]*$"
)


#: The last characters a trailing footnote marker can end with: the cheap pre-check of _TRAILING_MARKER.
_MARKER_ENDS = frozenset(
    "0123456789]*\u00b9\u00b2\u00b3"
    + "".join(map(chr, range(0x2070, 0x207A)))
    + "".join(map(chr, range(0x2460, 0x2474)))
)


def _final(text: str) -> tuple[str | None, int]:
    """The kind of mark ``text`` ends with (None: a word, a number) and its offset; a footnote
    marker after it is not the end."""
    stripped = text.rstrip()
    if (
        stripped[-1:] in _MARKER_ENDS
        and (marker := _TRAILING_MARKER.search(stripped, max(0, len(stripped) - 12))) is not None  # a tail
    ):
        stripped = stripped[: marker.start()]
    stripped = stripped.rstrip(_CLOSERS)
    if not stripped:
        return None, 0
    if stripped.endswith(("...", "……")):
        return "…", len(stripped) - 1
    return _KINDS.get(stripped[-1]), len(stripped) - 1


@register
class EndPunctuation(Rule):
    """The translation ends unlike its source: its full stop lost, a question made a statement, a label's colon dropped.

    Each language writes its own marks (。 and ``.``, ？ and ``?``, ： and ``:``), but a sentence
    stays a sentence and a question a question; a user interface string whose colon or full stop
    went missing looks broken beside its neighbours. Reported: the source ends a sentence (. ? !)
    and the translation ends with no punctuation at all; a question the translation does not
    ask; a colon the translation dropped without a mark in its place. Passes: the marks of each
    language (。 for ``.``), a translation that adds a full stop (Chinese leaves one off a fragment
    that English closes), an exclamation toned down to a full stop, titles and list items with none on either side,
    a question mark the translation adds (Chinese may ask without ？: 可以吗 / "Is it OK?"),
    a source ending in an abbreviation ("Apple Inc.") and closing quotes or brackets. A note:
    published translations differ here more often than they err.

    **Fails:** 文件未找到。 / ``File not found``; ``Save the changes?`` / 保存更改。

    **Passes:** 文件未找到。 / ``File not found.``; 政府工作报告 / ``Report on the Work of the Government``
    """

    code: ClassVar[str] = "TXT009"
    name: ClassVar[str] = "end-punctuation"
    severity: ClassVar[Severity] = "note"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        source, target = pair.source, pair.target
        source_text, target_text = pair.side(source).text, pair.side(target).text
        if not source_text.strip() or not target_text.strip() or _LABEL_ONLY.fullmatch(target_text):
            return
        expected, _ = _final(source_text)
        found, offset = _final(target_text)
        if expected == found or expected in (None, ",", ";", "…"):
            return  # agreeing, or a source that ends no sentence: a question the translation makes of
            # a Chinese question written without ？ (可以吗 / "Is it OK?") is right
        if expected == "." and source == "en" and _abbreviation().search(source_text.rstrip(_CLOSERS)):
            return
        end = len(target_text.rstrip(_CLOSERS))
        span = (offset, offset + 1) if found is not None else (max(0, end - 1), end)
        if expected == "?":
            ending = _NAMES.get(found or "", "no question mark")
            message = f"the source asks a question; the translation ends with {ending}"
        elif expected == ":" and found is None:
            # a colon made a full stop is English style for "as follows：" ("as follows."); none at all
            # is a label or the line before a list that lost its colon
            message = "the source ends with a colon; the translation ends without punctuation"
        elif expected in (".", "!") and found is None:
            message = f"the source ends with {_NAMES[expected]}; the translation ends without punctuation"
        else:
            return  # ". ↔ !", ". ↔ ;", ". ↔ :": a choice of style, not a slip
        written = _WRITTEN[target].get(expected or "")
        yield Hit(
            target,
            *span,
            message,
            suggestion=f"end the translation with {written}" if written else "end it as the source does",
            key=f"{expected}>{found}",
        )
