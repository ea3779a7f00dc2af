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
        for entry, start, end, _, forbidden in glossary.uses(pair.zh.text, pair.en.text):
            for used_start, used_end, rendering in forbidden:
                used = pair.en.text[used_start:used_end]
                term = pair.zh.text[start:end]
                instead = f'use "{entry.renderings[0]}"' if entry.renderings else "use another rendering"
                yield Hit(
                    "en",
                    used_start,
                    used_end,
                    f'forbidden rendering "{used}" of {term}',
                    suggestion=f"{instead} ({entry.source})",
                    key=f"{entry.zh}:{rendering}",
                )
