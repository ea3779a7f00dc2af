"""A pair's quantities compared with their units taken into account: what the NUM and UNIT rules ask.

The numbers (qa.lang.numbers.match: extraction and matching) and the units (qa.lang.units: the
lexicon, pint conversions) know nothing of each other; this module composes them. A value
converted into another unit (200公顷 ↔ 2 square kilometers) is a match for the NUM rules, and
the UNIT rules compare the units of the matched quantities. Both answers are cached per pair
and per lexicon (a run's rule folders choose the units files), because NUM001-003 ask about the
same pair, and so do UNIT001-004.
"""

from __future__ import annotations

from functools import lru_cache

from qa.lang import units
from qa.lang.numbers import match as number_match
from qa.lang.numbers.match import NumberComparison
from qa.lang.numbers.quantity import any_size


def compare_quantities(zh_text: str, en_text: str) -> NumberComparison:
    """The numbers of a pair matched, conversions counted as matches."""
    return _compare(zh_text, en_text, units.active_lexicon())


def compare_units(zh_text: str, en_text: str) -> tuple[units.UnitFinding, ...]:
    """The units of a pair's matched quantities compared (UNIT001-004)."""
    return _units(zh_text, en_text, units.active_lexicon())


@lru_cache(maxsize=512)
@any_size  # 亿亿亿… and 1e999999 thousand overflow the default decimal context
def _compare(zh_text: str, en_text: str, lexicon: units.Lexicon) -> NumberComparison:
    comparison = number_match.match_numbers(zh_text, en_text)
    if number_match.has_unmatched(comparison):
        comparison = units.reconcile(comparison, lexicon, zh_text, en_text)
    return number_match.settle_numerals(comparison, zh_text)


@lru_cache(maxsize=512)
def _units(zh_text: str, en_text: str, lexicon: units.Lexicon) -> tuple[units.UnitFinding, ...]:
    return units.unit_findings(_compare(zh_text, en_text, lexicon), lexicon, zh_text, en_text)


def cache_clear() -> None:
    """Forget the per-pair answers (benchmarks timing a cold run)."""
    _compare.cache_clear()
    _units.cache_clear()
    number_match.compare_numbers.cache_clear()
