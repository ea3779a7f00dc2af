from __future__ import annotations

from collections.abc import Iterator

from qa.model import Document, Hit
from qa.rules import Rule, register
from qa.rules.aln001 import unpaired_hits


@register
class EnglishWithoutChinese(Rule):
    """English text with no Chinese source.

    An English run that does not follow a Chinese run translates nothing in the
    file: a duplicated paragraph, a stray line, or a Chinese paragraph that was
    deleted. Outside the notes section only. Reported at its first line.

    **Fails:** a file starting with ``REPORT ON THE WORK OF THE GOVERNMENT`` before any Chinese line.

    **Passes:** ``政 府 工 作 报 告`` followed by ``REPORT ON THE WORK OF THE GOVERNMENT``.
    """

    code = "ALN002"
    name = "english-without-chinese"

    def finish(self, document: Document) -> Iterator[Hit]:
        return unpaired_hits(document, "en", "english text has no chinese source")
