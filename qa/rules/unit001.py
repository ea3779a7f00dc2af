"""UNIT001 unit-changed: a quantity's unit changed dimension or scale (公里 → meters, 公顷 → acres)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from qa.lang.comparison import compare_units
from qa.lang.units import active_lexicon, en_span, shown_in_common_unit, zh_span
from qa.model import Hit, Pair, Severity
from qa.rules import register
from qa.rules._units import UnitRule


@register
class UnitChanged(UnitRule):
    """A quantity kept its number but its unit changed dimension or scale.

    20公里 rendered "20 meters" or 200公顷 rendered "200 acres" passes every number check
    and misstates the figure by a factor of a thousand or of two and a half. Units on both
    sides are read with the unit lexicon (``rules/units.yaml``, extended by your own
    ``rules/units.yaml``) and converted with pint: a correct conversion passes
    (200公顷 = 2 square kilometers = about 494 acres, to the precision the English gives).
    The message shows both sides in one unit. Currencies are UNIT002; a value that is wrong
    in any unit is NUM003.

    **Fails:** 建成温榆河公园一期200公顷 / completed Phase I of the Wenyu River Park, covering 200 acres

    **Passes:** 建成温榆河公园一期200公顷 / completed Phase I of the Wenyu River Park, covering 200 hectares
    """

    code: ClassVar[str] = "UNIT001"
    name: ClassVar[str] = "unit-changed"
    severity: ClassVar[Severity] = "error"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        for finding in compare_units(pair.zh.text, pair.en.text):
            if finding.kind not in ("dimension", "scale"):
                continue
            assert finding.zh_unit is not None and finding.en_unit is not None
            zh_start, zh_end = zh_span(finding)
            start, end = en_span(finding)
            zh_text = pair.zh.text[zh_start:zh_end]
            en_text = pair.en.text[start:end]
            zh_unit, en_unit = finding.zh_unit.unit, finding.en_unit.unit
            if finding.kind == "scale":
                zh_shown, en_shown = shown_in_common_unit(
                    active_lexicon(), (float(finding.zh.value), float(finding.en.value)), (zh_unit, en_unit)
                )
                message = f"{zh_text} (= {zh_shown}) became {en_text} (= {en_shown})"
            else:
                message = f"{zh_text} ({zh_unit.shown}) became {en_text} ({en_unit.shown}): another kind of unit"
            yield Hit(
                "en",
                start,
                end,
                message,
                suggestion=f"keep the unit ({zh_unit.shown}) or convert the value",
                key=f"{zh_unit.key}|{en_unit.key}|{finding.en.shown()}",
            )
