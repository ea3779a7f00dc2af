"""TERM003 forbidden-rendering: the English uses a rendering the glossary forbids."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from qa.model import Hit, Pair, Severity
from qa.rules import register
from qa.rules._glossary import GlossaryRule


@register
class ForbiddenRendering(GlossaryRule):
    """The English uses a rendering the glossary forbids for a term in the Chinese.

    Some renderings are known to be wrong or retired ("One Belt, One Road" for 一带一路
    since 2015); a glossary lists them as ``forbidden: X`` so they never come back.
    Reported on the English words when the Chinese holds the term (matched as in
    TERM002, Traditional and Simplified alike).

    **Fails:** 积极融入、主动服务共建“一带一路” / ``actively participate in the One Belt, One Road initiative``

    **Passes:** 积极融入、主动服务共建“一带一路” / ``actively support and participate in the Belt and Road Initiative``

    Options: in a TSV or CSV glossary, write a rendering as ``forbidden: X`` in the
    renderings column (``一带一路<TAB>Belt and Road|forbidden: OBOR``); in TBX, a term with
    administrativeStatus deprecated, superseded or not recommended; in YAML, ``forbidden:``.
    """

    code: ClassVar[str] = "TERM003"
    name: ClassVar[str] = "forbidden-rendering"
    severity: ClassVar[Severity] = "error"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        glossary = self.glossary
        if not glossary:
            return
        from qa.lang.glossary import find_rendering

        checked: set[str] = set()
        for match in glossary.find(pair.zh.text):
            entry = match.entry
            if not entry.forbidden or entry.zh in checked:
                continue
            checked.add(entry.zh)
            for forbidden in entry.forbidden:
                span = find_rendering(forbidden, pair.en.text)
                if span is None:
                    continue
                used = pair.en.text[span[0] : span[1]]
                term = pair.zh.text[match.start : match.end]
                instead = f'use "{entry.renderings[0]}"' if entry.renderings else "use another rendering"
                yield Hit(
                    "en",
                    span[0],
                    span[1],
                    f'forbidden rendering "{used}" of {term}',
                    suggestion=f"{instead} ({entry.source})",
                    key=f"{entry.zh}:{forbidden}",
                )
