"""CON002 inconsistent-source: one translation used for different source segments across a document."""

from __future__ import annotations

from typing import ClassVar

from qa.model import Severity, elide
from qa.rules import register
from qa.rules.con001 import ConsistencyRule


@register
class InconsistentSource(ConsistencyRule):
    """One translation is used for different source segments across a document.

    The same target text for two different sources is often right (``could not read index``
    and ``could not read the index`` are both 无法读取索引), but it is also how a copied
    translation that belongs to another segment shows itself (``Delete CGM`` translated 趋势,
    "trend", the translation of the line above). Segments are compared as CON001 compares them.
    The finding names every source with its lines and is reported on each pair whose source is
    the less common one. A note, and off unless selected (``--select CON002``, ``CON`` or
    ``ALL``): a reviewer asks for these, a gate does not fail on them.

    **Fails:** a catalogue translating both ``Trend`` and ``Delete CGM`` as 趋势

    **Passes:** a catalogue translating ``Trend`` as 趋势 and ``Delete CGM`` as 删除CGM

    Options: ``mask-numbers`` (true or false, default false); ``scope`` (``document`` or ``run``, as
    for CON001).
    """

    code: ClassVar[str] = "CON002"
    name: ClassVar[str] = "inconsistent-source"
    severity: ClassVar[Severity] = "note"
    default_enabled: ClassVar[bool] = False
    grouped_by: ClassVar[str] = "target"
    suggestion: ClassVar[str] = "check that this translation belongs to this source"

    def message(self, text: str, variants: int, summary: str) -> str:
        return f'"{elide(text)}" translates {variants} different sources: {summary}'
