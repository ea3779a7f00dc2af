"""Units: which unit each quantity carries, and whether two quantities in different units agree.

lexicon.py reads the unit lexicon (``rules/units.yaml``) and finds the unit after (or, for English
currency symbols, before) a quantity; convert.py converts with pint and shows values in one unit;
compare.py compares the units of matched quantities (what the UNIT rules report); reconcile.py
counts correct conversions (200公顷 ↔ 2 km²) as matches for the NUM rules.
"""

from qa.lang.units.compare import (
    UnitFinding,
    en_span,
    loose,
    mentions_unit,
    unit_context,
    unit_findings,
    zh_span,
)
from qa.lang.units.convert import _registry, conversion_table, converts, dimension, same_unit, shown_in_common_unit
from qa.lang.units.lexicon import (
    LOOSE_DIMENSIONS,
    UNIT_KINDS,
    Lexicon,
    Unit,
    UnitFileError,
    UnitMention,
    activate,
    active_lexicon,
    load_lexicon,
    unit_after,
    unit_files,
)
from qa.lang.units.reconcile import reconcile

__all__ = [
    "LOOSE_DIMENSIONS",
    "UNIT_KINDS",
    "Lexicon",
    "Unit",
    "UnitFileError",
    "UnitFinding",
    "UnitMention",
    "_registry",
    "activate",
    "active_lexicon",
    "conversion_table",
    "converts",
    "dimension",
    "en_span",
    "load_lexicon",
    "loose",
    "mentions_unit",
    "reconcile",
    "same_unit",
    "shown_in_common_unit",
    "unit_after",
    "unit_context",
    "unit_files",
    "unit_findings",
    "zh_span",
]
