from __future__ import annotations

from collections.abc import Iterator

from qa.model import Document, Hit
from qa.rules import Rule, register


def _excerpt(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@register
class ChineseWithoutEnglish(Rule):
    """Chinese text with no English translation.

    A run of Chinese lines that no English line follows was left untranslated, or
    its translation was lost when the file was assembled; every later pair may be
    misaligned from here on. Reported at the first Chinese line of the run.

    **Fails:** a document ending with ``各位代表!`` and no English line after it.

    **Passes:** ``各位代表!`` followed by the line ``Fellow Deputies,``.

    Lines after a notes heading (注释: / Notes) are notes, not pairs, so a Chinese
    credit line there (英文:北京外办) is not reported.
    """

    code = "ALN001"
    name = "chinese-without-english"

    def finish(self, document: Document) -> Iterator[Hit]:
        return unpaired_hits(document, "zh", "chinese text has no english translation")


def unpaired_hits(document: Document, lang: str, message: str) -> Iterator[Hit]:
    """A hit on the first line of each unpaired run of one language."""
    for segment in document.unpaired:
        if segment.lang == lang:
            first_line = segment.text.split("\n", 1)[0]
            yield Hit(segment.lang, 0, len(first_line), f"{message}: {_excerpt(segment.text)}", segment=segment)
